import { retryAfterHeaders, RollingWindowLimiter } from "../../../sandbox/rateLimit";

describe("rolling window limiter", () => {
  it("admits N per window per key and says when the oldest slot frees", () => {
    const limiter = new RollingWindowLimiter({ requests: 3, windowMs: 1000 });
    expect([0, 100, 200].map((t) => limiter.admit("app", t).admitted)).toEqual([true, true, true]);
    expect(limiter.admit("app", 300)).toEqual({ admitted: false, retryAfterMs: 700 });
    expect(limiter.admit("other", 300).admitted).toBe(true);
    // At t=1000 the request from t=0 has left the window.
    expect(limiter.admit("app", 1000).admitted).toBe(true);
    expect(limiter.admit("app", 1001)).toEqual({ admitted: false, retryAfterMs: 99 });
  });

  it("never admits more than N within any window", () => {
    const limiter = new RollingWindowLimiter({ requests: 5, windowMs: 1000 });
    const admittedAt: number[] = [];
    for (let t = 0; t < 5000; t += 37) if (limiter.admit("k", t).admitted) admittedAt.push(t);
    for (const start of admittedAt) {
      expect(admittedAt.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(5);
    }
    expect(admittedAt.length).toBeGreaterThanOrEqual(25);
  });

  it("admits everything when off", () => {
    const limiter = new RollingWindowLimiter(null);
    for (let i = 0; i < 1000; i++) expect(limiter.admit("k", 0).admitted).toBe(true);
  });

  it("writes Retry-After as seconds, as a date, or not at all", () => {
    expect(retryAfterHeaders("seconds", 1500, 0)).toEqual({ "Retry-After": "2" });
    expect(retryAfterHeaders("seconds", 10, 0)).toEqual({ "Retry-After": "1" });
    expect(retryAfterHeaders("date", 5000, Date.UTC(2026, 0, 1))).toEqual({
      "Retry-After": "Thu, 01 Jan 2026 00:00:05 GMT",
    });
    expect(retryAfterHeaders("none", 5000, 0)).toEqual({});
  });
});
