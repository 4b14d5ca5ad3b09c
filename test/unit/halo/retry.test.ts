import { HaloError, type HaloErrorKind } from "../../../src/halo/errors";
import { defaultRetryPolicy, isRetryable, retryDelayMs, withRetry } from "../../../src/halo/retry";
import { parseRetryAfter } from "../../../src/halo/responseErrors";
import { FakeClock } from "../../fakes/fakeClock";

const error = (kind: HaloErrorKind, mayHaveApplied: boolean, status?: number, retryAfterMs?: number) =>
  new HaloError(kind, kind, { mayHaveApplied, status, retryAfterMs });

describe("isRetryable", () => {
  it.each([
    ["RateLimited", false, 429, true, true],
    ["Server", false, 503, true, true],
    ["Server", true, 500, true, false],
    ["Server", true, 502, true, false],
    ["Server", true, 504, true, false],
    ["Network", false, undefined, true, true],
    ["Network", true, undefined, true, false],
    ["Timeout", true, undefined, true, false],
    ["Validation", false, 400, false, false],
    ["NotFound", false, 404, false, false],
    ["Permission", false, 403, false, false],
    ["Auth", false, 401, false, false],
    ["Cors", true, undefined, false, false],
    ["Server", true, 200, false, false],
  ] as const)(
    "%s (mayHaveApplied %s, status %s): read %s, write %s",
    (kind, applied, status, read, write) => {
      expect(isRetryable(true, error(kind, applied, status))).toBe(read);
      expect(isRetryable(false, error(kind, applied, status))).toBe(write);
    },
  );

  it("never retries something that is not a HaloError", () => {
    expect(isRetryable(true, new Error("bug"))).toBe(false);
  });
});

describe("retryDelayMs", () => {
  const policy = { ...defaultRetryPolicy, baseDelayMs: 1000, maxDelayMs: 8000, random: () => 1 };

  it("doubles up to the maximum", () => {
    const delays = [1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(error("Server", false, 503), n, policy));
    expect(delays).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it("keeps at least half of the back-off whatever the jitter", () => {
    expect(retryDelayMs(error("Server", false, 503), 3, { ...policy, random: () => 0 })).toBe(2000);
  });

  it("uses Retry-After exactly, unless it is longer than allowed", () => {
    expect(retryDelayMs(error("RateLimited", false, 429, 4500), 1, policy)).toBe(4500);
    expect(retryDelayMs(error("RateLimited", false, 429, 400_000), 1, policy)).toBeUndefined();
  });
});

describe("parseRetryAfter", () => {
  const now = Date.UTC(2026, 0, 1, 12, 0, 0);
  it.each([
    ["5", 5000],
    ["0", 0],
    ["1.5", 1500],
    ["Thu, 01 Jan 2026 12:00:30 GMT", 30_000],
    ["Thu, 01 Jan 2026 11:00:00 GMT", 0],
    ["soon", undefined],
    [null, undefined],
  ])("%j -> %s", (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });
});

describe("withRetry", () => {
  it("sleeps on the clock between attempts and stops after maxAttempts", async () => {
    const clock = new FakeClock(0);
    let attempts = 0;
    const run = withRetry(
      true,
      async () => {
        attempts++;
        throw error("Network", false);
      },
      { policy: { ...defaultRetryPolicy, maxAttempts: 3, random: () => 0 }, clock },
    );
    await expect(clock.runUntil(run)).rejects.toMatchObject({ kind: "Network" });
    expect(attempts).toBe(3);
    expect(clock.sleeps).toEqual([500, 1000]);
  });
});
