/**
 * The one retry layer. `classifyFailure` is the one reading of what a failed request means;
 * `withRetry` repeats a request only when that reading says repeating it is safe:
 * - "retry": nothing was applied and asking again may work (429, 503, a refused connection):
 *   safe for every request, reads and writes alike.
 * - "lost": the request may have been applied but its answer is lost (time-out, reset, 500, 502,
 *   504): safe to repeat only for a request that changes nothing (a read). For a write the caller
 *   decides (the bulk run resends an update, reads a create back): the client never repeats it.
 * - "rejected": Halo refused the request (400) and saved nothing: asking again gets the same answer.
 * - "fatal": nothing more can succeed (sign-in, permission, CORS, configuration, 404).
 */
import type { Clock } from "./clock";
import { isHaloError, type HaloError } from "./errors";

export interface RetryPolicy {
  /** Total attempts including the first. */
  maxAttempts: number;
  /** First back-off; it doubles per retry, with jitter, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not slept through: the error goes to the caller. */
  maxRetryAfterMs: number;
  /** Source of jitter in [0, 1). */
  random: () => number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  maxRetryAfterMs: 300_000,
  random: Math.random,
};

export type FailureClass = "retry" | "lost" | "rejected" | "fatal";

export function classifyFailure(error: unknown): FailureClass {
  // Not ours (a bug, an abort): nothing proves the request did not reach Halo.
  if (!isHaloError(error)) return "lost";
  switch (error.kind) {
    case "Validation":
      return "rejected";
    case "Auth":
    case "Permission":
    case "Cors":
    case "Config":
    case "NotFound":
      return "fatal";
    case "RateLimited":
      return "retry";
    default:
      return error.mayHaveApplied ? "lost" : "retry";
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** GET, HEAD and OPTIONS change nothing, so repeating them is always safe. */
export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/** `safeToRepeat`: the request changes nothing (a read, or a POST that only runs a report). */
export function isRetryable(safeToRepeat: boolean, error: unknown): error is HaloError {
  if (!isHaloError(error)) return false;
  // A 2xx that was not JSON (a login or proxy page) will not change by asking again.
  if (error.kind === "Server" && error.status !== undefined && error.status < 500) return false;
  const failure = classifyFailure(error);
  return failure === "retry" || (safeToRepeat && failure === "lost");
}

/**
 * Wait before retry number `retry` (1 = first retry): Retry-After when Halo sent one, else
 * exponential back-off with "equal jitter" (half fixed, half random) so waits grow but spread out.
 * Undefined when Halo asked for a wait longer than the policy allows.
 */
export function retryDelayMs(error: unknown, retry: number, policy: RetryPolicy): number | undefined {
  const retryAfterMs = isHaloError(error) ? error.retryAfterMs : undefined;
  if (retryAfterMs !== undefined) {
    return retryAfterMs > policy.maxRetryAfterMs ? undefined : retryAfterMs;
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + policy.random() * (ceiling / 2));
}

export interface RetryEvent {
  /** The attempt that failed (1-based). */
  attempt: number;
  delayMs: number;
  error: HaloError;
}

export interface RetryOptions {
  policy: RetryPolicy;
  clock: Clock;
  signal?: AbortSignal;
  onRetry?: (event: RetryEvent) => void;
}

/** Runs `attempt` until it succeeds, fails for good, or attempts run out. */
export async function withRetry<T>(
  safeToRepeat: boolean,
  attempt: (attemptNumber: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  for (let attemptNumber = 1; ; attemptNumber++) {
    try {
      return await attempt(attemptNumber);
    } catch (error) {
      if (attemptNumber >= options.policy.maxAttempts || !isRetryable(safeToRepeat, error)) throw error;
      const delayMs = retryDelayMs(error, attemptNumber, options.policy);
      if (delayMs === undefined || options.signal?.aborted) throw error;
      options.onRetry?.({ attempt: attemptNumber, delayMs, error });
      await options.clock.sleep(delayMs, options.signal);
    }
  }
}
