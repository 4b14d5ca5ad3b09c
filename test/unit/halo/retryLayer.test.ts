/**
 * The client as the one retry layer: per-request attempts, every HTTP attempt reported to the
 * caller, 429 waits reported; and the rate limiter's forecast of the waits to come.
 */
import { classifyFailure } from "../../../src/halo/retry";
import { HaloError } from "../../../src/halo/errors";
import { RateLimiter } from "../../../src/halo/rateLimit";
import { FakeClock } from "../../fakes/fakeClock";
import { jsonResponse, textResponse } from "../../fakes/fakeFetch";
import { fakeHalo } from "../../fakes/fakeHalo";
import { haloRejection } from "../../fakes/haloRejection";

describe("the client's one retry layer", () => {
  it("bounds a permanent 429 by the request's attempts and reports every send and wait", async () => {
    const halo = fakeHalo();
    halo.fetch.on("POST", "/api/Client", () =>
      textResponse(429, "Too Many Requests", { "Retry-After": "2" }),
    );
    let sends = 0;
    const waits: number[] = [];
    const error = await haloRejection(
      halo.clock.runUntil(
        halo.client.request("POST", "/Client", {
          body: [{ id: 1 }],
          maxAttempts: 3,
          onSend: () => sends++,
          onRetry: (event) => waits.push(event.delayMs),
        }),
      ),
    );
    expect(error.kind).toBe("RateLimited");
    expect(halo.fetch.calls("POST", "/api/Client")).toHaveLength(3);
    expect(sends).toBe(3);
    expect(waits).toEqual([2000, 2000]);
  });

  it("counts the resend after a 401 as a send of its own", async () => {
    const halo = fakeHalo();
    halo.fetch.on("GET", "/api/Client/1", () => jsonResponse(200, { id: 1 }));
    halo.fetch.once("GET", "/api/Client/1", () => textResponse(401, "expired"));
    let sends = 0;
    await halo.client.request("GET", "/Client/1", { onSend: () => sends++ });
    expect(sends).toBe(2);
  });

  it("never repeats a write whose answer may have been applied: the caller decides", async () => {
    const halo = fakeHalo();
    halo.fetch.on("POST", "/api/Client", () => textResponse(500, "boom"));
    let sends = 0;
    const error = await haloRejection(
      halo.clock.runUntil(halo.client.request("POST", "/Client", { body: [], onSend: () => sends++ })),
    );
    expect([error.kind, classifyFailure(error), sends]).toEqual(["Server", "lost", 1]);
  });

  it.each([
    [new HaloError("Validation", "x", { status: 400 }), "rejected"],
    [new HaloError("RateLimited", "x", { status: 429 }), "retry"],
    [new HaloError("Server", "x", { status: 503 }), "retry"],
    [new HaloError("Network", "x", { mayHaveApplied: true }), "lost"],
    [new HaloError("Timeout", "x", { mayHaveApplied: true }), "lost"],
    [new HaloError("Permission", "x", { status: 403 }), "fatal"],
    [new Error("bug"), "lost"],
  ])("classifies %p as %s", (error, expected) => {
    expect(classifyFailure(error)).toBe(expected);
  });
});

describe("RateLimiter.forecast", () => {
  it("is free while the window has room", async () => {
    const clock = new FakeClock(0);
    const limiter = new RateLimiter(clock, { limit: 10, windowMs: 1000, marginMs: 0 });
    for (let i = 0; i < 4; i++) await limiter.acquire();
    expect(limiter.forecast(6, 10)).toEqual({ waits: 0, waitMs: 0, lastAdmittedAt: 50 });
  });

  it("counts the waits for slots beyond the window, at the caller's pace", async () => {
    const clock = new FakeClock(0);
    const limiter = new RateLimiter(clock, { limit: 3, windowMs: 1000, marginMs: 0 });
    for (let i = 0; i < 3; i++) await limiter.acquire();
    // The first waits 1000 ms for a slot taken at 0; the next two follow at the pace (1100, 1200);
    // the fourth waits 700 ms more, for the slot the first took at 1000.
    expect(limiter.forecast(4, 100)).toEqual({ waits: 2, waitMs: 1700, lastAdmittedAt: 2000 });
    // Asking changes nothing.
    expect(limiter.state().inWindow).toBe(3);
  });

  it("counts a Retry-After pause", () => {
    const clock = new FakeClock(0);
    const limiter = new RateLimiter(clock, { limit: 300, windowMs: 300_000 });
    limiter.pauseUntil(5000);
    expect(limiter.forecast(2, 100)).toEqual({ waits: 1, waitMs: 5000, lastAdmittedAt: 5100 });
  });
});
