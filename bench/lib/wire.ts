/**
 * The wire between a client and the sandbox, as a fetch: it counts every request that leaves (by
 * method, path and status), measures the largest request body, adds the network's latency on the
 * simulated clock, and can answer a share of /api requests with a spurious 429 (short Retry-After)
 * the way a busy Halo front end does, before the sandbox sees them.
 */
import type { FetchFn } from "../../src/halo";
import type { SimClock } from "./simClock";

export interface WireOptions {
  clock: SimClock;
  latencyMs: number;
  /** Share of /api requests answered 429 with Retry-After: 1 (0 = none). */
  spurious429?: number;
  seed?: number;
  /** Where requests go; default the real fetch (the sandbox). */
  inner?: FetchFn;
}

/** A small deterministic PRNG (LCG) so every run rolls the same dice. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * A fetch whose whole exchange (answer and body) runs with simulated time held still, answered as a
 * fresh Response so the caller's body read is instant.
 */
export function heldFetch(clock: SimClock, inner: FetchFn = fetch): FetchFn {
  return async (input, init) => {
    const answer = await clock.track(async () => {
      const response = await inner(input, init);
      return { status: response.status, headers: response.headers, body: await response.text() };
    });
    const empty = answer.status === 204 || answer.status === 304;
    return new Response(empty ? null : answer.body, { status: answer.status, headers: answer.headers });
  };
}

/**
 * Whether Halo's rate limit counts a request: an /api request (not the authinfo discovery) that its
 * limiter let through, whatever the answer then was. 429s and expired-token 401s are refused at the gate.
 */
function countedByLimit(pathname: string, status: string): boolean {
  if (!pathname.startsWith("/api/") || pathname.toLowerCase() === "/api/authinfo") return false;
  return status !== "429" && status !== "401";
}

export class Wire {
  requests = 0;
  /** Requests Halo's rate limit counts (see countedByLimit): what the rate-limit floor is made of. */
  limited = 0;
  /** "POST /api/Client" -> status ("200", "429", "reset") -> count. */
  readonly byRoute = new Map<string, Map<string, number>>();
  largestBodyBytes = 0;
  tooManyRequests = 0;
  spurious429 = 0;
  private readonly random: () => number;
  private readonly held: FetchFn;

  constructor(private readonly options: WireOptions) {
    this.random = seededRandom(options.seed ?? 11);
    this.held = heldFetch(options.clock, options.inner);
  }

  /** Stops injecting spurious 429s (for reading the final state after a measured run). */
  calm(): void {
    this.options.spurious429 = 0;
  }

  count(route: string, status?: string): number {
    const statuses = this.byRoute.get(route);
    if (!statuses) return 0;
    return status === undefined
      ? [...statuses.values()].reduce((a, b) => a + b, 0)
      : (statuses.get(status) ?? 0);
  }

  /** Requests whose route starts with `prefix` ("POST /api", "GET /api"). */
  countPrefix(prefix: string): number {
    let total = 0;
    for (const [route, statuses] of this.byRoute)
      if (route.startsWith(prefix)) for (const n of statuses.values()) total += n;
    return total;
  }

  readonly fetch: FetchFn = async (input, init) => {
    const { clock, latencyMs } = this.options;
    const url = new URL(input);
    const route = `${init.method ?? "GET"} ${url.pathname.replace(/\/\d+$/, "/{id}")}`;
    this.requests++;
    const bytes = typeof init.body === "string" ? Buffer.byteLength(init.body) : 0;
    this.largestBodyBytes = Math.max(this.largestBodyBytes, bytes);
    const spurious = url.pathname.startsWith("/api/") && this.random() < (this.options.spurious429 ?? 0);
    if (spurious) {
      this.spurious429++;
      this.note(url.pathname, route, "429");
      await clock.sleep(latencyMs);
      return new Response("Too Many Requests", { status: 429, headers: { "Retry-After": "1" } });
    }
    let answer: Response;
    try {
      answer = await this.held(input, init);
    } catch (error) {
      // A lost answer (the sandbox did the work, then dropped the connection) was admitted.
      this.note(url.pathname, route, "reset");
      await clock.sleep(latencyMs);
      throw error;
    }
    this.note(url.pathname, route, String(answer.status));
    await clock.sleep(latencyMs);
    return answer;
  };

  /** Counted requests and every request, for rateLimitFloorMs. */
  get counts(): { limited: number; total: number } {
    return { limited: this.limited, total: this.requests };
  }

  private note(pathname: string, route: string, status: string): void {
    if (status === "429") this.tooManyRequests++;
    if (countedByLimit(pathname, status)) this.limited++;
    let statuses = this.byRoute.get(route);
    if (!statuses) this.byRoute.set(route, (statuses = new Map()));
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  }
}
