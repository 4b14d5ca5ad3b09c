/**
 * Rules of the one retry layer at their edges: a configuration error is fatal (asking again cannot
 * fix an instance URL), a 429 is always "retry" (Halo refused it before doing anything, whatever else
 * the error says), a Retry-After exactly at the policy's ceiling is still slept through, and HEAD and
 * OPTIONS, like GET, change nothing and are safe to repeat in any letter case.
 */
import { HaloError } from "../../../src/halo/errors";
import { classifyFailure, defaultRetryPolicy, isSafeMethod, retryDelayMs } from "../../../src/halo/retry";

describe("classifyFailure at the edges", () => {
  it("calls a configuration error fatal, even one that says it may have applied", () => {
    expect(classifyFailure(new HaloError("Config", "bad instance URL"))).toBe("fatal");
    expect(classifyFailure(new HaloError("Config", "bad instance URL", { mayHaveApplied: true }))).toBe(
      "fatal",
    );
  });

  it("calls a 429 'retry' by its kind alone: a flag saying it may have applied does not make it 'lost'", () => {
    const refused = new HaloError("RateLimited", "Too Many Requests", { status: 429, mayHaveApplied: true });
    expect(classifyFailure(refused)).toBe("retry");
  });
});

describe("retryDelayMs at the policy's ceiling", () => {
  const policy = { ...defaultRetryPolicy, maxRetryAfterMs: 60_000 };
  const asked = (ms: number) =>
    new HaloError("RateLimited", "Too Many Requests", { status: 429, retryAfterMs: ms });

  it("sleeps through a Retry-After exactly at the ceiling", () => {
    expect(retryDelayMs(asked(60_000), 1, policy)).toBe(60_000);
  });

  it("gives the error back for a Retry-After one millisecond over it", () => {
    expect(retryDelayMs(asked(60_001), 1, policy)).toBeUndefined();
  });
});

describe("isSafeMethod", () => {
  it.each(["GET", "HEAD", "OPTIONS", "get", "head", "Options"])(
    "%s changes nothing: safe to repeat",
    (method) => {
      expect(isSafeMethod(method)).toBe(true);
    },
  );

  it.each(["POST", "PUT", "DELETE", "PATCH", ""])("%j may change something: not safe to repeat", (method) => {
    expect(isSafeMethod(method)).toBe(false);
  });
});
