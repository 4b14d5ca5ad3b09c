/* The client's rate-limit forecast against a Halo that is stricter than documented (the sandbox's own
   rolling-window limiter, 429 with Retry-After in whole seconds), and against one that sends stray
   429s (the fault mix): the first must be learned so the forecast is right, the second must not be. */
import { seededRandom } from "../../../sandbox/random";
import { retryAfterHeaders, RollingWindowLimiter, type RateLimit } from "../../../sandbox/rateLimit";
import { jsonResponse, textResponse } from "../../fakes/fakeFetch";
import { fakeHalo, type FakeHalo } from "../../fakes/fakeHalo";

/** Each way of a request's trip, and the caller's own work between two requests (ms). */
const LATENCY_MS = 50;
const WORK_MS = 200;

/** A Halo limiting the client's requests to `limit` (null: no limit) and refusing `stray` of them at random. */
function strictHalo(
  limit: RateLimit | null,
  stray: { share: number; seed: number } = { share: 0, seed: 1 },
): FakeHalo {
  const halo = fakeHalo({ rateLimit: {} });
  const server = new RollingWindowLimiter(limit);
  const random = seededRandom(stray.seed);
  halo.fetch.on("GET", "/api/Client", async () => {
    await halo.clock.sleep(LATENCY_MS);
    const now = halo.clock.now();
    if (random() < stray.share) return textResponse(429, "Too Many Requests", { "Retry-After": "1" });
    const admission = server.admit("app", now);
    const answer = admission.admitted
      ? jsonResponse(200, [])
      : textResponse(429, "Too Many Requests", retryAfterHeaders("seconds", admission.retryAfterMs, now));
    await halo.clock.sleep(LATENCY_MS);
    return answer;
  });
  return halo;
}

/** Sends `count` requests one after another with the caller's work between; calls `each` after each. */
async function run(
  halo: FakeHalo,
  count: number,
  each: (done: number) => void = () => undefined,
  workMs = WORK_MS,
): Promise<void> {
  for (let done = 1; done <= count; done++) {
    await halo.clock.runUntil(halo.client.request("GET", "/Client"));
    each(done);
    await halo.clock.runUntil(halo.clock.sleep(workMs));
  }
}

describe("rate-limit forecast, learned from Halo's 429s", () => {
  it("at 4 requests per 5 s, forecasts the time 30 more requests take within a fifth", async () => {
    const halo = strictHalo({ requests: 4, windowMs: 5000 });
    const total = 40;
    let forecastEnd = 0;
    let forecastFrom = 0;
    await run(halo, total, (done) => {
      if (done !== total - 30) return;
      forecastFrom = halo.clock.now();
      const forecast = halo.client.rateLimitForecast(30, WORK_MS + 2 * LATENCY_MS);
      expect(forecast?.learned).toEqual({ limit: 4, windowMs: expect.any(Number) });
      expect(forecast?.learned?.windowMs).toBeGreaterThanOrEqual(5000);
      expect(forecast?.learned?.windowMs).toBeLessThan(6500);
      forecastEnd = forecast?.lastAdmittedAt ?? 0;
    });
    const took = halo.clock.now() - forecastFrom;
    // 30 requests at 4 per 5 s: more than 30 s, where Halo's documented limit forecasts 9 s.
    expect(took).toBeGreaterThan(30_000);
    expect(Math.abs(forecastEnd - forecastFrom - took) / took).toBeLessThan(0.2);
    expect(halo.client.rateLimitState()?.learned?.limit).toBe(4);
  });

  it("in a push's pattern (a read, a write, work between; a preview's requests just before), learns 4 per 5 s and forecasts the end", async () => {
    const halo = fakeHalo({ rateLimit: {} });
    const server = new RollingWindowLimiter(null);
    const route = (workMs: number) => async () => {
      await halo.clock.sleep(LATENCY_MS);
      const now = halo.clock.now();
      const admission = server.admit("app", now);
      if (!admission.admitted) {
        return textResponse(
          429,
          "Too Many Requests",
          retryAfterHeaders("seconds", admission.retryAfterMs, now),
        );
      }
      await halo.clock.sleep(workMs + LATENCY_MS);
      return jsonResponse(200, []);
    };
    halo.fetch.on("GET", "/api/Tickets", route(100));
    halo.fetch.on("POST", "/api/Tickets", route(400));
    const sleep = (ms: number) => halo.clock.runUntil(halo.clock.sleep(ms));
    // The preview read a few records, then the limit was lowered (the sandbox counts from then on).
    for (let i = 0; i < 3; i++) await halo.clock.runUntil(halo.client.request("GET", "/Tickets"));
    await sleep(500);
    server.replace({ requests: 4, windowMs: 5000 });
    let forecastEnd = 0;
    for (let batch = 1; batch <= 20; batch++) {
      await halo.clock.runUntil(halo.client.request("GET", "/Tickets"));
      await sleep(300);
      await halo.clock.runUntil(
        halo.client.request("POST", "/Tickets", { idempotent: true, maxAttempts: 10 }),
      );
      await sleep(200);
      if (batch === 10) {
        const forecast = halo.client.rateLimitForecast(20, 700);
        expect(forecast?.learned?.limit).toBe(4);
        forecastEnd = forecast?.lastAdmittedAt ?? 0;
      }
    }
    // The last write was sent its answer and the work after it before the end.
    const lastAdmitted = halo.clock.now() - 200 - 400 - 2 * LATENCY_MS;
    expect(Math.abs(forecastEnd - lastAdmitted)).toBeLessThan(5000);
  });

  it("without a stricter limit, forecasts no wait and learns nothing", async () => {
    const halo = strictHalo(null);
    await run(halo, 20);
    expect(halo.client.rateLimitForecast(20, WORK_MS)?.waitMs).toBe(0);
    expect(halo.client.rateLimitState()?.learned).toBeUndefined();
  });

  it.each([
    [1, WORK_MS],
    [2, WORK_MS],
    [3, WORK_MS],
    [4, 1500],
    [5, 1500],
    [6, 3000],
  ])(
    "learns nothing from the fault mix's stray 429s (5%%, Retry-After: 1) at Halo's documented limit (seed %i, %i ms between requests)",
    async (seed, workMs) => {
      const halo = strictHalo({ requests: 300, windowMs: 300_000 }, { share: 0.05, seed });
      const learnedAt: number[] = [];
      await run(
        halo,
        150,
        (done) => {
          if (halo.client.rateLimitState()?.learned) learnedAt.push(done);
        },
        workMs,
      );
      expect(learnedAt).toEqual([]);
      expect(halo.client.rateLimitForecast(100, WORK_MS)?.learned).toBeUndefined();
    },
  );
});
