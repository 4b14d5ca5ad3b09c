import { RateLimitLearner } from "../../../src/halo/rateLimitLearner";

/** Halo's documented limit, as the limiter assumes it. */
const HALO_DEFAULT = { limit: 300, windowMs: 300_000 };

function learner(assumed = HALO_DEFAULT): RateLimitLearner {
  return new RateLimitLearner(() => assumed);
}

/** Requests Halo accepted, sent at these times (ms). */
function accept(l: RateLimitLearner, times: number[]): void {
  for (const t of times) l.accepted(t);
}

/** `count` send times `stepMs` apart from `from`. */
function evenly(count: number, stepMs: number, from = 0): number[] {
  return Array.from({ length: count }, (_, i) => from + i * stepMs);
}

/** Halo accepts 4 requests from `from`, one every 250 ms, and refuses the 5th asking for `retryAfterMs`. */
function burstOfFour(l: RateLimitLearner, from: number, retryAfterMs: number): void {
  accept(l, [from, from + 250, from + 500, from + 750]);
  l.refused(from + 800, retryAfterMs);
}

/** A learner that has learned 4 per 4.8 s: two bursts of 4, each ended by a 429. */
function learnedFourPer5s(): RateLimitLearner {
  const l = learner();
  burstOfFour(l, 0, 5000);
  burstOfFour(l, 5800, 4000);
  return l;
}

describe("RateLimitLearner", () => {
  it("learns 4 requests per 5 s from two 429s whose Retry-After says when the window frees", () => {
    const l = learner();
    // A burst of 4, the 5th refused: the oldest (0) leaves at 5 s, Retry-After rounds 4.2 s up to 5.
    accept(l, [0, 250, 500, 750]);
    l.refused(800, 5000);
    expect(l.learned()).toBeUndefined(); // one 429 is only a hypothesis
    // After the wait, 4 more go through, and the 5th is refused again.
    accept(l, [5800, 6050, 6300, 6550]);
    l.refused(6600, 4000);
    expect(l.learned()).toEqual({ limit: 4, windowMs: 4000 + 6600 - 5800 });
  });

  it("does not let an earlier burst (a pull a minute ago) stretch the window a Retry-After names", () => {
    const l = learner();
    accept(l, evenly(20, 100));
    accept(l, [60_000, 60_250, 60_500, 60_750]);
    l.refused(60_800, 5000);
    accept(l, [65_800, 66_050, 66_300, 66_550]);
    l.refused(66_600, 4000);
    expect(l.learned()).toEqual({ limit: 4, windowMs: 4800 });
  });

  it("keeps the shortest window seen: a Retry-After in whole seconds only lengthens it", () => {
    const l = learner();
    accept(l, [0, 100, 200, 300]);
    l.refused(400, 5000); // 5.4 s
    accept(l, [5400, 5500, 5600, 5700]);
    l.refused(5800, 5000); // 5.4 s again: learned
    accept(l, [10_800, 10_900, 11_000, 11_100]);
    l.refused(11_200, 4000); // 4.4 s
    expect(l.learned()).toEqual({ limit: 4, windowMs: 4400 });
  });

  it("learns from 429s without Retry-After over the window it assumes", () => {
    const l = learner();
    // Halo allows 100 per 5 minutes here: 100 accepted in the first 50 s, then refusals.
    accept(l, evenly(100, 500));
    l.refused(50_000);
    l.refused(52_000); // the client's back-off, then refused again: the window is still full
    expect(l.learned()).toEqual({ limit: 100, windowMs: 300_000 });
  });

  it("learns nothing from a stray 429 while the run goes faster than Halo's documented limit", () => {
    const l = learner();
    // 2 requests a second (Halo allows 1 a second over 5 minutes); a gateway's 429 asks for 1 s.
    const times = evenly(60, 500);
    accept(l, times.slice(0, 30));
    l.refused(15_000, 1000);
    accept(l, times.slice(30));
    l.refused(30_000, 1000);
    expect(l.learned()).toBeUndefined();
  });

  it("takes no hypothesis from a 429 that asks for a second after a window of steady requests", () => {
    const l = learner();
    // One request every 2 s (Halo allows 1 a second): a stray 429 at 19 s looks like "10 per 20 s",
    // but a limit that the run filled at its own pace would not send it away for just a second.
    accept(l, evenly(10, 2000));
    l.refused(19_000, 1000);
    accept(l, [20_000]);
    l.refused(20_100, 1000); // where "10 per 20 s" would predict the next 429
    expect(l.learned()).toBeUndefined();
  });

  it("drops a hypothesis as soon as Halo accepts more than it allows, so the next 429 confirms nothing", () => {
    const l = learner();
    burstOfFour(l, 0, 5000); // hypothesis: 4 per 5.8 s
    // Halo goes on accepting: 8 requests within 2 s (the 429 was a hiccup).
    accept(l, evenly(8, 250, 1000));
    l.refused(3100, 4000);
    expect(l.learned()).toBeUndefined();
  });

  it("names no limit from a 429 after fewer than three requests", () => {
    const l = learner();
    accept(l, [0, 100]);
    l.refused(200, 5000);
    accept(l, [5200, 5300]);
    l.refused(5400, 5000);
    expect(l.learned()).toBeUndefined();
  });

  it("takes a first 429 at its word when Halo sends the run away for most of a long window", () => {
    const l = learner();
    // 100 requests in 50 s, then Halo asks for 250 s: 100 per 5 minutes, learned at once.
    accept(l, evenly(100, 500));
    l.refused(50_000, 250_000);
    expect(l.learned()).toEqual({ limit: 100, windowMs: 300_000 });
  });

  it("forgets a first 429's hypothesis a window later: a 429 then confirms nothing", () => {
    const l = learner();
    burstOfFour(l, 0, 5000); // 4 per 5.8 s
    burstOfFour(l, 20_000, 5000); // where it would predict a 429, but three windows later: a new hypothesis
    expect(l.learned()).toBeUndefined();
    burstOfFour(l, 25_800, 4000); // the next window: learned
    expect(l.learned()?.limit).toBe(4);
  });

  it("keeps a learned limit through a stray 429 that comes while the window is not full", () => {
    const l = learnedFourPer5s();
    const learned = l.learned();
    accept(l, [11_000]);
    l.refused(11_100, 1000);
    expect(l.learned()).toEqual(learned);
  });

  it("does not take a second 429 as confirmation when the window holds fewer than the hypothesis says", () => {
    const l = learner();
    burstOfFour(l, 0, 5000); // hypothesis: 4 per 5.8 s
    // Much later, one request accepted, then a 429: the window holds 1, not 4.
    accept(l, [60_000]);
    l.refused(60_100, 1000);
    expect(l.learned()).toBeUndefined();
  });

  it("forgets a learned limit when Halo accepts more in a window than it allows (the limit was raised)", () => {
    const l = learnedFourPer5s();
    expect(l.learned()).toBeDefined();
    accept(l, [10_600, 10_700, 10_800, 10_900, 11_000]);
    expect(l.learned()).toBeUndefined();
  });

  it("gives the send times Halo counted within a window, in order even when answers come back out of order", () => {
    const l = learner();
    accept(l, [1000, 3000, 2000, 4000]);
    expect(l.countedSince(4000, 2500)).toEqual([2000, 3000, 4000]);
  });

  it("forgets requests older than the assumed window", () => {
    const l = learner({ limit: 10, windowMs: 10_000 });
    accept(l, [0, 1000, 30_000]);
    expect(l.countedSince(30_000, 60_000)).toEqual([30_000]);
  });
});
