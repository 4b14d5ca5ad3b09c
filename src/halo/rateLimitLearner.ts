/**
 * Learns an instance's real rate limit from what its answers show, for forecasts: Halo documents
 * about 300 requests per 5 minutes, but an instance (or a gateway in front of it) can be stricter,
 * and then an ETA built on 300 per 5 minutes is far too short.
 *
 * Halo counts a request in a rolling window; a 429 means the window is full. So a 429 at `t` names a
 * limit: the requests Halo counted in the window then. A Retry-After names the window's length too:
 * the slot frees when the oldest of those requests leaves it, so window = t + retryAfter - oldest.
 *
 * One 429 proves little: gateways also answer 429 now and then for load of their own (the fault mix
 * sends 5% of them, Retry-After: 1), and a single 429 in a steady run always looks like a limit at
 * the run's own pace. So:
 * - a guess from a first 429 is only a hypothesis, and only one stricter (in requests per second)
 *   than the limit assumed: a 429 while the run goes faster than Halo's documented limit allows is
 *   none of the limit's doing; and only when its Retry-After asks for a good part of the window,
 *   as a limit does when a run fills the window faster than the limit lets it;
 * - a hypothesis is dropped as soon as Halo accepts more requests in a window than it allows;
 * - it is learned only when the next 429 comes where it predicts: within a window of the first,
 *   with the window as full as it says and no more requests accepted between than it frees; or at
 *   once when Halo's Retry-After sends the run away for most of a long window (STRONG_WAIT_MS).
 * What is learned serves forecasts only (see RateLimiter.forecast): pacing stays with the limiter's
 * configured limit and Halo's Retry-After, so a wrong guess costs a wrong estimate, never a slow run.
 */

/** A limit as requests per rolling window. */
export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

interface Hypothesis extends RateLimitRule {
  confirmed: boolean;
  /** When the last 429 behind it came. */
  refusedAt: number;
}

/**
 * The fewest requests in the window for a 429 to name a limit: a 429 after a request or two (a
 * gateway's hiccup as a run starts) would name a limit of one or two, which no Halo has.
 */
const MIN_EVIDENCE = 3;

/**
 * A first 429 whose Retry-After asks for this long, and half the window or more, is taken at its word
 * (a stricter Halo with a 5-minute window would otherwise be learned only a window later): a gateway
 * shedding load asks for a second or two.
 */
const STRONG_WAIT_MS = 10_000;

/** Retry-After comes in whole seconds: the wait it names can be up to a second longer than Halo's. */
const RETRY_AFTER_ROUNDING_MS = 1000;

/** The least share of its window a first 429's Retry-After must ask for to suggest a limit. */
const MIN_FIRST_WAIT_SHARE = 0.25;

/** Most counted requests kept: far above any real window's count, a bound on memory in a long session. */
const MAX_KEPT = 5000;

/**
 * Slack when comparing our send times with Halo's window: a Retry-After in whole seconds overstates
 * the wait by up to a second, and each request arrives a network delay after we send it.
 */
function slackMs(windowMs: number): number {
  return Math.min(windowMs / 2, 1000 + windowMs * 0.05);
}

export class RateLimitLearner {
  /** Send times of the requests Halo counted (answered other than 429), oldest first. */
  private readonly counted: number[] = [];
  private hypothesis: Hypothesis | undefined;

  /** `assumed`: the limit the limiter paces by (Halo's documented one unless configured). */
  constructor(private readonly assumed: () => RateLimitRule) {}

  /** A request sent at `sentAt` got an answer other than 429: Halo counted it. */
  accepted(sentAt: number): void {
    this.insert(sentAt);
    this.prune(sentAt);
    const h = this.hypothesis;
    if (h && this.exceeded(h, sentAt)) this.hypothesis = undefined;
  }

  /**
   * Halo accepted more than the hypothesis allows: more than m·limit within m windows, each less
   * the slack (the window learned can be a second long, every one of the m).
   */
  private exceeded(h: Hypothesis, at: number): boolean {
    const slack = slackMs(h.windowMs);
    return [1, 2, 4, 8].some(
      (windows) => this.countIn(at - windows * (h.windowMs - slack), at) > windows * h.limit,
    );
  }

  /** Halo answered 429 at `at`, with Retry-After when it said one. */
  refused(at: number, retryAfterMs?: number): void {
    this.prune(at);
    const assumed = this.assumed();
    // An unconfirmed hypothesis is only good for the next window: a 429 later confirms nothing.
    if (this.hypothesis && !this.hypothesis.confirmed && this.stale(this.hypothesis, at)) {
      this.hypothesis = undefined;
    }
    const h = this.hypothesis;
    if (h && this.predicts(h, at)) {
      // A 429 where the hypothesis predicts one: its limit holds. The shortest window seen is the
      // closest (a whole-second Retry-After and the network delay only lengthen it); the limit is
      // not recounted in that window, or a window a little too long would count one request more
      // each time.
      const oldest = this.counted[this.counted.length - h.limit];
      const seen = retryAfterMs === undefined ? h.windowMs : at + retryAfterMs - oldest;
      this.hypothesis = {
        limit: h.limit,
        windowMs: Math.max(1, Math.min(h.windowMs, seen)),
        confirmed: true,
        refusedAt: at,
      };
      return;
    }
    if (h?.confirmed) return; // a stray 429 while a learned limit holds: it stays
    const guess = this.guess(at, assumed, retryAfterMs);
    // No stricter than what the limiter assumes: nothing to learn (the 429 is not the limit's).
    if (!guess || guess.limit / guess.windowMs >= assumed.limit / assumed.windowMs) return;
    // A first 429 is evidence of a limit only when the run filled the window faster than the limit
    // lets it (Halo asks for a good part of the window back); a 429 that asks for a second after a
    // window of steady requests says nothing about a limit.
    if (retryAfterMs !== undefined && retryAfterMs < guess.windowMs * MIN_FIRST_WAIT_SHARE) return;
    // Halo sending the run away for most of a long window is a limit's doing, not a hiccup's.
    const strong =
      retryAfterMs !== undefined && retryAfterMs >= guess.windowMs / 2 && retryAfterMs >= STRONG_WAIT_MS;
    this.hypothesis = { ...guess, confirmed: strong, refusedAt: at };
  }

  /**
   * The limit a first 429 names. Without Retry-After: the requests in the window assumed. With it:
   * the window holds the last k requests, the oldest leaving at `at + retryAfter`, and none before it
   * within that wait (or it would still be in the window): the fewest k for which that holds, so
   * requests of an earlier burst (a pull a minute ago) do not stretch the window.
   */
  private guess(
    at: number,
    assumed: RateLimitRule,
    retryAfterMs: number | undefined,
  ): RateLimitRule | undefined {
    const inAssumed = this.countIn(at - assumed.windowMs, at);
    if (inAssumed < MIN_EVIDENCE) return undefined;
    if (retryAfterMs === undefined) return { limit: inAssumed, windowMs: assumed.windowMs };
    const end = this.counted.length;
    for (let k = MIN_EVIDENCE; k <= inAssumed; k++) {
      const oldest = this.counted[end - k];
      const gap = k === inAssumed ? Infinity : oldest - this.counted[end - k - 1];
      if (gap >= retryAfterMs - RETRY_AFTER_ROUNDING_MS) {
        return { limit: k, windowMs: Math.min(assumed.windowMs, Math.max(1, at + retryAfterMs - oldest)) };
      }
    }
    return undefined;
  }

  /**
   * Whether a 429 at `at` is the one the hypothesis predicts: its window is full, and, for a first
   * confirmation, the run kept running into the limit since the last 429 (within a window of it,
   * with no more requests accepted between than the limit frees).
   */
  private predicts(h: Hypothesis, at: number): boolean {
    // No slack needed: the window learned is never shorter than Halo's, so it holds all Halo counts.
    if (this.countIn(at - h.windowMs, at) < h.limit) return false;
    return h.confirmed || this.countIn(h.refusedAt, at) <= h.limit;
  }

  private stale(h: Hypothesis, at: number): boolean {
    return at - h.refusedAt > h.windowMs + slackMs(h.windowMs);
  }

  /** The limit learned (confirmed by a second 429, not contradicted since), or undefined. */
  learned(): RateLimitRule | undefined {
    const h = this.hypothesis;
    return h?.confirmed ? { limit: h.limit, windowMs: h.windowMs } : undefined;
  }

  /** Send times of the counted requests still inside `windowMs` of `now`, oldest first. */
  countedSince(now: number, windowMs: number): number[] {
    const from = this.firstAfter(now - windowMs);
    return this.counted.slice(from);
  }

  /** Requests counted in (from, to]. */
  private countIn(from: number, to: number): number {
    return this.firstAfter(to) - this.firstAfter(from);
  }

  /** Index of the first send time later than `t` (the list is sorted). */
  private firstAfter(t: number): number {
    let low = 0;
    let high = this.counted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.counted[mid] <= t) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Answers come back out of order when requests overlap: keep the send times sorted. */
  private insert(sentAt: number): void {
    let at = this.counted.length;
    while (at > 0 && this.counted[at - 1] > sentAt) at--;
    this.counted.splice(at, 0, sentAt);
  }

  /** Only the assumed window matters (a learned one is never longer); and never more than MAX_KEPT. */
  private prune(now: number): void {
    const windowMs = this.assumed().windowMs;
    const keepFrom = Math.max(
      this.firstAfter(now - windowMs - slackMs(windowMs)),
      this.counted.length - MAX_KEPT,
    );
    if (keepFrom > 0) this.counted.splice(0, keepFrom);
  }
}
