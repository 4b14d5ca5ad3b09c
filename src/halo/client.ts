/**
 * The Halo client: every call to <instance>/api goes through request(), which adds the bearer token,
 * sends JSON, waits for the shared rate limiter, times out, maps failures to HaloError kinds with
 * secrets redacted, renews the token once on a 401, and retries per the retry policy. Each answer
 * tells the limiter whether Halo counted the request or refused it (429), so it learns a stricter limit.
 */
import type { AuthMethod } from "./auth";
import { defaultAuthServer, discoverAuthServer, type AuthServer } from "./authServer";
import { systemClock, type Clock } from "./clock";
import { HaloError, isHaloError } from "./errors";
import { send, type FetchFn, type HttpAnswer, type HttpContext } from "./http";
import { apiBase, normaliseInstanceUrl } from "./instance";
import {
  RateLimiter,
  sharedRateLimiter,
  type RateLimitForecast,
  type RateLimitOptions,
  type RateLimitState,
} from "./rateLimit";
import { Redactor } from "./redact";
import { errorFromResponse, haloMessage, htmlAnswerMessage, looksLikeHtml } from "./responseErrors";
import { defaultRetryPolicy, isSafeMethod, withRetry, type RetryEvent, type RetryPolicy } from "./retry";
import { permissionMessage } from "./scopes";
import { TokenManager } from "./tokenManager";
import { MemoryTokenStore, tokenKey, type TokenSet, type TokenStore } from "./tokenStore";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";
export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  /** Query parameters; null/undefined ones are left out. */
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /** Overrides the client's time-out for this request (e.g. a large POST). */
  timeoutMs?: number;
  /** The request changes nothing even if it is a POST (e.g. running a report): retry it like a GET. */
  idempotent?: boolean;
  /** Attempts for this request, first included (default the client's retry policy's). */
  maxAttempts?: number;
  /** Called right before each HTTP request this call sends (retries and the resend after a 401 too). */
  onSend?: () => void;
  /** Called before each wait for a retry of this call (the client-wide onRetry is called too). */
  onRetry?: (event: RetryEvent) => void;
}

export interface HaloClientOptions {
  /** As the user typed it: "acme.halopsa.com", "https://acme.halopsa.com/api", "http://127.0.0.1:4010". */
  instanceUrl: string;
  auth: AuthMethod;
  /** Default globalThis.fetch. */
  fetch?: FetchFn;
  /** Default systemClock. */
  clock?: Clock;
  /** Default a new MemoryTokenStore. */
  tokenStore?: TokenStore;
  /** Tokens from a PKCE sign-in (completeAuthorization), saved to the store at creation. */
  initialTokens?: TokenSet;
  /** Skip /api/authinfo discovery and use this auth server. */
  authServer?: AuthServer;
  /** Per-request time-out; default 60 s. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /**
   * Default: the limiter shared by all clients of this instance (300 per 5 minutes). Options adjust
   * the shared limiter; a RateLimiter instance is used as is; false turns limiting off.
   */
  rateLimit?: RateLimitOptions | RateLimiter | false;
  /** Page origin for CORS messages; default location.origin in a browser, none in Node. */
  origin?: string;
  onRetry?: (event: RetryEvent & { request: string }) => void;
}

export interface HaloClient {
  /** Normalised: "https://acme.halopsa.com". */
  readonly instanceUrl: string;
  /** "https://acme.halopsa.com/api". */
  readonly apiUrl: string;
  /** JSON request to <instance>/api<path>; path like "/Client" or "/Client/12". */
  request<T = unknown>(method: HttpMethod, path: string, options?: RequestOptions): Promise<T>;
  /** Gets a token now, so bad credentials fail at sign-in rather than on the first request. */
  signIn(signal?: AbortSignal): Promise<void>;
  /** Forgets this client's tokens in the token store. */
  signOut(): Promise<void>;
  /** The auth server in use (discovered once via /api/authinfo). */
  authServer(signal?: AbortSignal): Promise<AuthServer>;
  /** The shared limiter's state, or undefined when limiting is off. */
  rateLimitState(): RateLimitState | undefined;
  /** The rate-limit waits `requests` more requests, one every `spacingMs`, will meet; undefined when limiting is off. */
  rateLimitForecast(requests: number, spacingMs: number): RateLimitForecast | undefined;
  /** Notified with the wait whenever a request waits for the rate limiter. Returns an unsubscribe. */
  onRateLimitWait(listener: (waitMs: number) => void): () => void;
  /** Masks this client's secrets and tokens (and token-looking text) in a message. */
  redact(text: string): string;
}

function pageOrigin(): string | undefined {
  const location = (globalThis as { location?: { origin?: string; protocol?: string } }).location;
  return location?.protocol === "https:" || location?.protocol === "http:" ? location.origin : undefined;
}

/**
 * A sign-in failure (token endpoint 500, time-out, reset) happens before the API request is sent, so
 * nothing can have been applied whatever the token request's own failure suggests: say so, so a write
 * is retried or reported as not sent rather than as an unknown outcome.
 */
function beforeSending(error: unknown): never {
  if (!isHaloError(error) || !error.mayHaveApplied) throw error;
  throw new HaloError(error.kind, error.message, {
    status: error.status,
    retryAfterMs: error.retryAfterMs,
    request: error.request,
    mayHaveApplied: false,
    cause: error.cause,
  });
}

function resolveLimiter(
  option: HaloClientOptions["rateLimit"],
  instanceUrl: string,
  clock: Clock,
): RateLimiter | undefined {
  if (option === false) return undefined;
  if (option instanceof RateLimiter) return option;
  return sharedRateLimiter(instanceUrl, clock, option ?? {});
}

/** "/Client", "Client" and "/api/Client" all mean <instance>/api/Client. */
function apiPath(path: string): string {
  const withSlash = path.startsWith("/") ? path : `/${path}`;
  return withSlash.replace(/^\/api(?=\/)/i, "");
}

function queryString(query: Record<string, QueryValue> | undefined): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== null && value !== undefined) params.set(name, String(value));
  }
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

function parseJson<T>(answer: HttpAnswer, label: string, redactor: Redactor): T {
  if (answer.body.trim() === "") return null as T;
  try {
    return JSON.parse(answer.body) as T;
  } catch (error) {
    const start = redactor.redact(answer.body.slice(0, 80));
    const message = looksLikeHtml(answer.body)
      ? htmlAnswerMessage(answer.status, label)
      : `Halo answered ${label} with something that is not JSON: "${start}"`;
    throw new HaloError("Server", message, {
      status: answer.status,
      request: label,
      mayHaveApplied: true,
      cause: error,
    });
  }
}

/** How a client with these options talks HTTP: its fetch, clock, time-out, origin, and `redactor` on every failure. */
export function clientHttpContext(
  options: Pick<HaloClientOptions, "fetch" | "clock" | "timeoutMs" | "origin">,
  redactor: Redactor,
): HttpContext {
  const fetchFn = options.fetch ?? globalThis.fetch;
  return {
    // Called with globalThis as `this`: browsers reject fetch invoked as a method of another object.
    fetch: (input, init) => fetchFn.call(globalThis, input, init),
    clock: options.clock ?? systemClock,
    timeoutMs: options.timeoutMs ?? 60_000,
    origin: options.origin ?? pageOrigin(),
    redact: (text) => redactor.redact(text),
  };
}

export function createHaloClient(options: HaloClientOptions): HaloClient {
  const instanceUrl = normaliseInstanceUrl(options.instanceUrl);
  const redactor = new Redactor();
  if (options.auth.kind === "clientCredentials") redactor.add(options.auth.clientSecret);
  const http = clientHttpContext(options, redactor);
  const clock = http.clock;
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  const limiter = resolveLimiter(options.rateLimit, instanceUrl, clock);
  const store = options.tokenStore ?? new MemoryTokenStore();
  const key = tokenKey(instanceUrl, options.auth.clientId);
  const initialSave =
    options.initialTokens === undefined ? Promise.resolve() : store.save(key, options.initialTokens);

  let server: Promise<AuthServer> | undefined =
    options.authServer === undefined ? undefined : Promise.resolve(options.authServer);
  const authServer = (signal?: AbortSignal): Promise<AuthServer> => {
    server ??= discoverAuthServer(http, instanceUrl, signal).catch((error: unknown) => {
      server = undefined;
      if (signal?.aborted) throw error;
      return defaultAuthServer(instanceUrl);
    });
    return server;
  };
  const tokens = new TokenManager({ http, auth: options.auth, store, key, server: authServer, redactor });

  async function request<T>(
    method: HttpMethod,
    rawPath: string,
    requestOptions: RequestOptions = {},
  ): Promise<T> {
    await initialSave;
    const path = apiPath(rawPath);
    const label = `${method} /api${path}`;
    const { signal } = requestOptions;
    const url = `${apiBase(instanceUrl)}${path}${queryString(requestOptions.query)}`;
    const body = requestOptions.body === undefined ? undefined : JSON.stringify(requestOptions.body);
    const context: HttpContext =
      requestOptions.timeoutMs === undefined ? http : { ...http, timeoutMs: requestOptions.timeoutMs };

    const sendWith = async (token: string): Promise<HttpAnswer> => {
      await limiter?.acquire(signal);
      requestOptions.onSend?.();
      const headers: Record<string, string> = {
        accept: "application/json",
        authorization: `Bearer ${token}`,
      };
      if (body !== undefined) headers["content-type"] = "application/json";
      const sentAt = clock.now();
      const answer = await send(context, { method, url, headers, body, signal, label });
      // What Halo counted and what it refused teach the limiter the instance's real limit.
      if (answer.status !== 429) limiter?.accepted(sentAt);
      return answer;
    };

    const attempt = async (): Promise<T> => {
      const token = await tokens.accessToken(signal).catch(beforeSending);
      let answer = await sendWith(token);
      if (answer.status === 401) {
        answer = await sendWith(await tokens.renewAfterRejection(token, signal).catch(beforeSending));
      }
      if (answer.status === 401 || answer.status === 403) {
        const said = haloMessage(answer.body);
        const message = permissionMessage(method, path, label, answer.status);
        throw new HaloError(
          "Permission",
          redactor.redact(said === "" ? message : `${message} Halo said: ${said}`),
          {
            status: answer.status,
            request: label,
          },
        );
      }
      if (answer.status >= 400) {
        const retryAfter = answer.headers.get("retry-after");
        const error = errorFromResponse(
          { status: answer.status, body: answer.body, retryAfter },
          label,
          clock.now(),
          redactor,
        );
        if (answer.status === 429) limiter?.refused(error.retryAfterMs);
        if (error.kind === "RateLimited" && error.retryAfterMs !== undefined) {
          limiter?.pauseUntil(clock.now() + error.retryAfterMs);
        }
        throw error;
      }
      return parseJson<T>(answer, label, redactor);
    };

    const maxAttempts = requestOptions.maxAttempts ?? policy.maxAttempts;
    return withRetry(requestOptions.idempotent === true || isSafeMethod(method), attempt, {
      policy: { ...policy, maxAttempts },
      clock,
      signal,
      onRetry: (event) => {
        requestOptions.onRetry?.(event);
        options.onRetry?.({ ...event, request: label });
      },
    });
  }

  return {
    instanceUrl,
    apiUrl: apiBase(instanceUrl),
    request,
    signIn: async (signal) => {
      await initialSave;
      await tokens.signIn(signal);
    },
    signOut: () => tokens.signOut(),
    authServer,
    rateLimitState: () => limiter?.state(),
    rateLimitForecast: (requests, spacingMs) => limiter?.forecast(requests, spacingMs),
    onRateLimitWait: (listener) => limiter?.onWait(listener) ?? (() => undefined),
    redact: (text) => redactor.redact(text),
  };
}
