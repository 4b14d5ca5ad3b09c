/**
 * When to try a request again, and after how long. Reads (GET) are safe to repeat, so they retry on
 * 429, 5xx, network failures and time-outs. Writes (POST) retry only when the failure proves nothing
 * was applied (429, 503, connection refused: HaloError.mayHaveApplied === false); never after a
 * time-out, reset, 500, 502 or 504, where Halo may have saved the write.
 */
import type { Clock } from "./clock";
import { isHaloError, type HaloError, type HaloErrorKind } from "./errors";

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

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const TRANSIENT_FOR_READS = new Set<HaloErrorKind>(["RateLimited", "Server", "Network", "Timeout"]);
const TRANSIENT_FOR_WRITES = new Set<HaloErrorKind>(["RateLimited", "Server", "Network"]);

/** GET, HEAD and OPTIONS change nothing, so repeating them is always safe. */
export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/** `safeToRepeat`: the request changes nothing (a read, or a POST that only runs a report). */
export function isRetryable(safeToRepeat: boolean, error: unknown): error is HaloError {
  if (!isHaloError(error)) return false;
  // A 2xx that was not JSON (a login or proxy page) will not change by asking again.
  if (error.kind === "Server" && error.status !== undefined && error.status < 500) return false;
  if (safeToRepeat) return TRANSIENT_FOR_READS.has(error.kind);
  return TRANSIENT_FOR_WRITES.has(error.kind) && !error.mayHaveApplied;
}

/**
 * Wait before retry number `retry` (1 = first retry): Retry-After when Halo sent one, else
 * exponential back-off with "equal jitter" (half fixed, half random) so waits grow but spread out.
 * Undefined when Halo asked for a wait longer than the policy allows.
 */
export function retryDelayMs(error: HaloError, retry: number, policy: RetryPolicy): number | undefined {
  if (error.retryAfterMs !== undefined) {
    return error.retryAfterMs > policy.maxRetryAfterMs ? undefined : error.retryAfterMs;
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
