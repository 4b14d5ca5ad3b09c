import { RateLimiter, sharedRateLimiter } from "../../../src/halo/rateLimit";
import { seededRandom } from "../../../sandbox/random";
import { FakeClock, flushAsync } from "../../fakes/fakeClock";
import { jsonResponse, textResponse } from "../../fakes/fakeFetch";
import { fakeHalo } from "../../fakes/fakeHalo";

/** The largest number of admissions inside any half-open window [t, t + windowMs). */
function maxInAnyWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  for (let start = 0, end = 0; start < sorted.length; start++) {
    while (end < sorted.length && sorted[end] < sorted[start] + windowMs) end++;
    max = Math.max(max, end - start);
  }
  return max;
}

describe("RateLimiter", () => {
  it("admits up to the limit at once, then makes the next wait for the oldest to age out", async () => {
    const clock = new FakeClock(0);
    const limiter = new RateLimiter(clock, { limit: 3, windowMs: 1000, marginMs: 0 });
    const admitted: number[] = [];
    for (let i = 0; i < 3; i++) await limiter.acquire();
    expect(limiter.state()).toEqual({ inWindow: 3, limit: 3, windowMs: 1000, nextFreeAt: 1000, waiting: 0 });
    const fourth = limiter.acquire().then(() => admitted.push(clock.now()));
    await clock.advance(999);
    expect(admitted).toEqual([]);
    expect(limiter.state().waiting).toBe(1);
    await clock.advance(1);
    await fourth;
    expect(admitted).toEqual([1000]);
  });

  it("keeps a slot busy for the window plus the margin", async () => {
    const clock = new FakeClock(0);
    const limiter = new RateLimiter(clock, { limit: 1, windowMs: 1000, marginMs: 250 });
    await limiter.acquire();
    expect(limiter.state().nextFreeAt).toBe(1250);
    await expect(clock.runUntil(limiter.acquire())).resolves.toBe(1250);
  });

  it("defaults to 300 requests per 5 minutes", () => {
    const state = new RateLimiter(new FakeClock(0)).state();
    expect(state.limit).toBe(300);
    expect(state.windowMs).toBe(300_000);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    "never admits more than the limit in any window (randomized, seed %i)",
    async (seed) => {
      const random = seededRandom(seed);
      const clock = new FakeClock(0);
      const limit = 1 + Math.floor(random() * 20);
      const windowMs = 100 + Math.floor(random() * 5000);
      const limiter = new RateLimiter(clock, { limit, windowMs, marginMs: 0 });
      const admissions: number[] = [];
      const order: number[] = [];
      const all: Promise<void>[] = [];
      const requests = 200;
      for (let i = 0; i < requests; i++) {
        all.push(
          limiter.acquire().then(() => {
            admissions.push(clock.now());
            order.push(i);
          }),
        );
        // Arrivals in bursts and lulls.
        if (random() < 0.3) await clock.advance(Math.floor(random() * windowMs * 0.5));
        else await flushAsync();
      }
      await clock.runUntil(Promise.all(all));
      expect(admissions).toHaveLength(requests);
      expect(maxInAnyWindow(admissions, windowMs)).toBeLessThanOrEqual(limit);
      expect(order).toEqual([...order].sort((a, b) => a - b)); // first come, first served
      // It does not wait needlessly: the window is filled whenever requests are queued.
      expect(maxInAnyWindow(admissions, windowMs)).toBe(Math.min(limit, requests));
    },
  );

  it("tells listeners how long a request waits", async () => {
    const clock = new FakeClock(0);
    const limiter = new RateLimiter(clock, { limit: 1, windowMs: 500, marginMs: 0 });
    const waits: number[] = [];
    const unsubscribe = limiter.onWait((ms) => waits.push(ms));
    await limiter.acquire();
    await clock.runUntil(limiter.acquire());
    unsubscribe();
    await clock.runUntil(limiter.acquire());
    expect(waits).toEqual([500]);
  });

  it("holds every request while paused (Retry-After)", async () => {
    const clock = new FakeClock(0);
    const limiter = new RateLimiter(clock, { limit: 100, windowMs: 1000 });
    limiter.pauseUntil(4000);
    expect(limiter.state().nextFreeAt).toBe(4000);
    await expect(clock.runUntil(limiter.acquire())).resolves.toBe(4000);
  });

  it("lets a waiting request be cancelled without blocking the queue", async () => {
    const clock = new FakeClock(0);
    const limiter = new RateLimiter(clock, { limit: 1, windowMs: 1000, marginMs: 0 });
    await limiter.acquire();
    const controller = new AbortController();
    const cancelled = limiter.acquire(controller.signal);
    const next = limiter.acquire();
    await flushAsync();
    controller.abort(new Error("cancel"));
    await expect(cancelled).rejects.toThrow("cancel");
    await expect(clock.runUntil(next)).resolves.toBe(1000);
  });

  it("rejects a limit below one", () => {
    expect(() => new RateLimiter(new FakeClock(0), { limit: 0 })).toThrow(RangeError);
  });

  it("is shared per instance key", () => {
    const clock = new FakeClock(0);
    const a = sharedRateLimiter("https://one.test", clock, { limit: 5 });
    const b = sharedRateLimiter("https://one.test", clock);
    const c = sharedRateLimiter("https://two.test", clock);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(b.state().limit).toBe(5);
    // A client on another clock (another test, another fake) never shares a limiter.
    expect(sharedRateLimiter("https://one.test", new FakeClock(0))).not.toBe(a);
  });
});

describe("rate limiting in the client", () => {
  it("limits requests of every client of an instance together", async () => {
    const first = fakeHalo({
      rateLimit: { limit: 2, windowMs: 10_000, marginMs: 0 },
      instanceUrl: "https://shared.test",
    });
    const second = fakeHalo({
      rateLimit: { limit: 2, windowMs: 10_000, marginMs: 0 },
      instanceUrl: "https://shared.test",
      clock: first.clock,
      fetch: first.fetch.fetch,
    });
    first.fetch.on("GET", "/api/Client", () => jsonResponse(200, []));
    await first.client.request("GET", "/Client");
    await second.client.request("GET", "/Client");
    expect(first.client.rateLimitState()?.inWindow).toBe(2);
    const waits: number[] = [];
    second.client.onRateLimitWait((ms) => waits.push(ms));
    const start = first.clock.now();
    await first.clock.runUntil(second.client.request("GET", "/Client"));
    expect(first.clock.now() - start).toBe(10_000);
    expect(waits).toEqual([10_000]);
  });

  it("pauses the instance's limiter for Halo's Retry-After", async () => {
    const halo = fakeHalo({
      rateLimit: { limit: 100, windowMs: 300_000 },
      instanceUrl: "https://paused.test",
    });
    halo.fetch.on("GET", "/api/Client", () => jsonResponse(200, []));
    halo.fetch.once("GET", "/api/Client", () => textResponse(429, "", { "Retry-After": "30" }));
    const failing = halo.client.request("GET", "/Client");
    await halo.clock.advance(0);
    expect(halo.client.rateLimitState()?.nextFreeAt).toBe(halo.clock.now() + 30_000);
    await halo.clock.runUntil(failing);
  });

  it("has no limiter state when limiting is off", () => {
    expect(fakeHalo({ rateLimit: false }).client.rateLimitState()).toBeUndefined();
  });
});
