/**
 * Sending again only what Halo provably did not apply (429, refused connection, 503 before
 * processing), after Retry-After or a growing back-off with jitter. Anything else is thrown to the
 * caller, which decides (bisect, mark Unknown, stop).
 */
import type { Clock } from "../halo";
import { classifyFailure, retryAfter } from "./failure";

export interface RetryPolicy {
  clock: Clock;
  maxRetries: number;
  baseMs: number;
  /** Told before each wait, so the run can show it. */
  onWait(ms: number): void;
  /** 0..1; injected so tests are deterministic. */
  random?: () => number;
}

export async function withRetries<T>(policy: RetryPolicy, attempt: () => Promise<T>): Promise<T> {
  for (let tries = 0; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (classifyFailure(error) !== "retry" || tries >= policy.maxRetries) throw error;
      const jitter = 1 + 0.25 * (policy.random ?? Math.random)();
      const waitMs = retryAfter(error) ?? Math.round(policy.baseMs * 2 ** tries * jitter);
      policy.onWait(waitMs);
      await policy.clock.sleep(waitMs);
    }
  }
}
