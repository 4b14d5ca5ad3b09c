/**
 * A scriptable fetch for tests: routes by method and URL, records every request, and can answer,
 * fail like a browser or Node (TypeError), or hang until aborted (for time-outs).
 *
 *   const fake = new FakeFetch();
 *   fake.on("POST", "/auth/token", () => jsonResponse(200, { access_token: "t", expires_in: 3600 }));
 *   fake.once("GET", /\/api\/Client/, () => jsonResponse(429, {}, { "Retry-After": "2" }));
 *   const client = createHaloClient({ fetch: fake.fetch, ... });
 */

export interface RecordedRequest {
  method: string;
  url: string;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal | undefined;
  /** The URL's path and query, e.g. "/api/Client?page_no=1". */
  readonly pathAndQuery: string;
  json(): unknown;
  form(): URLSearchParams;
  query(name: string): string | null;
}

/** What a route answers: a Response, or a thrown/rejected error (a network failure). */
export type Responder = (request: RecordedRequest) => Response | Promise<Response>;

type UrlMatcher = string | RegExp | ((url: string) => boolean);

interface Route {
  method: string;
  match: UrlMatcher;
  responder: Responder;
  once: boolean;
}

function headersOf(init: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(init).forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  return out;
}

function bodyText(body: BodyInit | null | undefined): string | undefined {
  if (body === null || body === undefined) return undefined;
  if (typeof body === "string") return body;
  if (body instanceof URLSearchParams) return body.toString();
  throw new Error("FakeFetch records string and URLSearchParams bodies only");
}

function matches(matcher: UrlMatcher, url: string): boolean {
  if (typeof matcher === "string") return new URL(url).pathname.endsWith(matcher) || url.includes(matcher);
  if (matcher instanceof RegExp) return matcher.test(url);
  return matcher(url);
}

export class FakeFetch {
  readonly requests: RecordedRequest[] = [];
  /** Requests no route answered (they got a 599 "no fake route"). */
  readonly unmatched: RecordedRequest[] = [];
  private routes: Route[] = [];

  /** A persistent route; later routes take precedence over earlier ones. */
  on(method: string, match: UrlMatcher, responder: Responder): this {
    this.routes.unshift({ method: method.toUpperCase(), match, responder, once: false });
    return this;
  }

  /** A single-use route, used before persistent ones; queued single-use routes answer in order. */
  once(method: string, match: UrlMatcher, responder: Responder): this {
    const firstPersistent = this.routes.findIndex((r) => !r.once);
    const insertAt = firstPersistent === -1 ? this.routes.length : firstPersistent;
    this.routes.splice(insertAt, 0, { method: method.toUpperCase(), match, responder, once: true });
    return this;
  }

  /** Requests whose method and URL match, in order. */
  calls(method: string, match: UrlMatcher): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method.toUpperCase() && matches(match, r.url));
  }

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const method = (init.method ?? "GET").toUpperCase();
    const body = bodyText(init.body);
    const parsed = new URL(url);
    const request: RecordedRequest = {
      method,
      url,
      headers: headersOf(init.headers),
      body,
      signal: init.signal ?? undefined,
      pathAndQuery: parsed.pathname + parsed.search,
      json: () => JSON.parse(body ?? "null") as unknown,
      form: () => new URLSearchParams(body ?? ""),
      query: (name) => parsed.searchParams.get(name),
    };
    this.requests.push(request);
    if (init.signal?.aborted) throw init.signal.reason;
    const route = this.routes.find((r) => r.method === method && matches(r.match, url));
    if (route === undefined) {
      this.unmatched.push(request);
      return textResponse(599, `no fake route for ${method} ${url}`);
    }
    if (route.once) this.routes = this.routes.filter((r) => r !== route);
    return route.responder(request);
  };
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });
}

export function textResponse(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { "content-type": "text/plain", ...headers } });
}

/** How a browser's fetch fails on a CORS block or unreachable host: a bare TypeError. */
export function browserNetworkFailure(): never {
  throw new TypeError("Failed to fetch");
}

/** How Node's fetch (undici) fails: TypeError("fetch failed") with a cause carrying the socket code. */
export function nodeNetworkFailure(
  code: "ECONNREFUSED" | "ECONNRESET" | "ENOTFOUND" | "UND_ERR_SOCKET",
): never {
  const cause = Object.assign(new Error(`connect ${code}`), { code });
  throw new TypeError("fetch failed", { cause });
}

/** A request that never answers; it rejects with the abort reason when its signal aborts. */
export function hangUntilAborted(request: RecordedRequest): Promise<Response> {
  return new Promise<Response>((_resolve, reject) => {
    const signal = request.signal;
    if (signal === undefined) return;
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}
