/**
 * Halo's limit: about N requests per rolling window per API application. Only admitted requests count
 * (a 429 does not use a slot), so a client that waits for the oldest request to leave the window gets in.
 */
export interface RateLimit {
  requests: number;
  windowMs: number;
}

export type Admission = { admitted: true } | { admitted: false; retryAfterMs: number };

export class RollingWindowLimiter {
  private readonly windows = new Map<string, number[]>();

  constructor(private limit: RateLimit | null) {}

  get current(): RateLimit | null {
    return this.limit === null ? null : { ...this.limit };
  }

  /** Another limit from now on (null: off); the requests already counted stay in their windows. */
  replace(limit: RateLimit | null): void {
    this.limit = limit === null ? null : { ...limit };
  }

  admit(key: string, now: number): Admission {
    if (this.limit === null) return { admitted: true };
    const { requests, windowMs } = this.limit;
    const times = this.windows.get(key) ?? [];
    while (times.length > 0 && times[0] <= now - windowMs) times.shift();
    if (times.length >= requests) {
      this.windows.set(key, times);
      return { admitted: false, retryAfterMs: Math.max(1, times[0] + windowMs - now) };
    }
    times.push(now);
    this.windows.set(key, times);
    return { admitted: true };
  }

  inWindow(key: string, now: number): number {
    if (this.limit === null) return 0;
    const windowMs = this.limit.windowMs;
    return (this.windows.get(key) ?? []).filter((t) => t > now - windowMs).length;
  }

  reset(): void {
    this.windows.clear();
  }
}

/** How a 429 tells the client when to come back. */
export type RetryAfterMode = "seconds" | "date" | "none";

export function retryAfterHeaders(
  mode: RetryAfterMode,
  retryAfterMs: number,
  now: number,
): Record<string, string> {
  if (mode === "none") return {};
  if (mode === "date") return { "Retry-After": new Date(now + retryAfterMs).toUTCString() };
  return { "Retry-After": String(Math.max(1, Math.ceil(retryAfterMs / 1000))) };
}
