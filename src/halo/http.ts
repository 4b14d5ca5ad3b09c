/**
 * One HTTP exchange with a time-out: the request and reading its body must finish within timeoutMs
 * (timed by the injected clock, so tests drive it). No retries, no auth: callers add those. Redirects
 * are not followed: they become a Config error naming the new location.
 */
import type { Clock } from "./clock";
import { HaloError } from "./errors";
import { isRedirect, redirectError } from "./responseErrors";
import { transportError } from "./transportErrors";

export type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

export interface HttpContext {
  fetch: FetchFn;
  clock: Clock;
  timeoutMs: number;
  /** Page origin in a browser (for CORS messages); undefined in Node. */
  origin?: string;
  /** Masks secrets in failure text we did not write (a fetch implementation's own message). */
  redact?: (text: string) => string;
}

export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /** "GET /api/Client": names the request in errors without its query or secrets. */
  label: string;
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: string;
}

class TimeoutMarker extends Error {}

/** Sends one request. Rejects with HaloError Timeout/Cors/Network, or the caller's abort reason. */
export async function send(context: HttpContext, request: HttpRequest): Promise<HttpAnswer> {
  const controller = new AbortController();
  const timer = new AbortController();
  const caller = request.signal;
  if (caller?.aborted) throw caller.reason;
  const onCallerAbort = (): void => controller.abort(caller?.reason);
  caller?.addEventListener("abort", onCallerAbort, { once: true });
  const timeoutMarker = new TimeoutMarker("timeout");
  context.clock.sleep(context.timeoutMs, timer.signal).then(
    () => controller.abort(timeoutMarker),
    () => undefined,
  );
  try {
    const response = await context.fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: controller.signal,
      // Never follow a redirect: it would carry the client secret or the token to wherever it points.
      redirect: "manual",
    });
    if (isRedirect(response)) {
      response.body?.cancel().catch(() => undefined);
      throw redirectError(request, response, context.redact);
    }
    const body = await response.text();
    return { status: response.status, headers: response.headers, body };
  } catch (error) {
    if (error instanceof HaloError) throw error;
    if (controller.signal.aborted && controller.signal.reason === timeoutMarker) {
      throw new HaloError(
        "Timeout",
        `${request.label} got no answer within ${Math.round(context.timeoutMs / 1000)} s.`,
        { request: request.label, mayHaveApplied: true },
      );
    }
    if (caller?.aborted) throw caller.reason;
    throw transportError(error, {
      origin: context.origin,
      label: request.label,
      url: request.url,
      redact: context.redact,
    });
  } finally {
    timer.abort();
    caller?.removeEventListener("abort", onCallerAbort);
  }
}
