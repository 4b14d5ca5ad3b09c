/**
 * Rolling-window rate limiter: at most `limit` requests in any `windowMs` (Halo hosted: about 300 per
 * 5 minutes per application). Requests are admitted in arrival order; one that would exceed the
 * window waits for the oldest request in it to age out. One limiter is shared by every client of an
 * instance (sharedRateLimiter), so the pane, functions and a bulk run never add up past the limit.
 */
import type { Clock } from "./clock";
import { RateLimitLearner, type RateLimitRule } from "./rateLimitLearner";

export interface RateLimitOptions {
  /** Requests per window; default 300. */
  limit?: number;
  /** Window length; default 5 minutes. */
  windowMs?: number;
  /**
   * Extra wait before a slot is reused; default 1 s. Halo counts a request when it arrives, a little
   * after we send it, and network delays differ per request: without a margin, a request sent exactly
   * one window after another can arrive inside Halo's window and get a 429.
   */
  marginMs?: number;
}

export interface RateLimitState {
  /** Requests admitted within the current window (plus margin). */
  inWindow: number;
  limit: number;
  windowMs: number;
  /** When the next request can go (ms epoch); now when a slot is free. */
  nextFreeAt: number;
  /** Requests queued for a slot. */
  waiting: number;
  /** The stricter limit Halo's 429s have shown, when they have shown one (see RateLimitLearner). */
  learned?: RateLimitRule;
}

/** What the limiter will make a number of further requests wait (see RateLimiter.forecast). */
export interface RateLimitForecast {
  /** How many of them will have to wait for a slot (or for a Retry-After pause). */
  waits: number;
  /** Their waiting added up. */
  waitMs: number;
  /** When the last of them would be admitted (ms epoch). */
  lastAdmittedAt: number;
  /** Set when the forecast counts a stricter limit learned from Halo's 429s than the one assumed. */
  learned?: RateLimitRule;
}

export const DEFAULT_RATE_LIMIT = 300;
export const DEFAULT_RATE_WINDOW_MS = 300_000;
export const DEFAULT_RATE_MARGIN_MS = 1000;

export class RateLimiter {
  private limit: number;
  private windowMs: number;
  private marginMs: number;
  /** Admission times, oldest first, within the window. */
  private stamps: number[] = [];
  private blockedUntil = 0;
  private queue: Promise<void> = Promise.resolve();
  private waiting = 0;
  private readonly listeners = new Set<(waitMs: number) => void>();
  private readonly learner = new RateLimitLearner(() => ({ limit: this.limit, windowMs: this.windowMs }));

  constructor(
    private readonly clock: Clock,
    options: RateLimitOptions = {},
  ) {
    this.limit = DEFAULT_RATE_LIMIT;
    this.windowMs = DEFAULT_RATE_WINDOW_MS;
    this.marginMs = DEFAULT_RATE_MARGIN_MS;
    this.configure(options);
  }

  configure(options: RateLimitOptions): void {
    if (options.limit !== undefined) {
      if (!(options.limit >= 1)) throw new RangeError("Rate limit must be at least 1 request per window");
      this.limit = Math.floor(options.limit);
    }
    if (options.windowMs !== undefined) {
      if (!(options.windowMs > 0)) throw new RangeError("Rate limit window must be positive");
      this.windowMs = options.windowMs;
    }
    if (options.marginMs !== undefined) {
      if (!(options.marginMs >= 0)) throw new RangeError("Rate limit margin must not be negative");
      this.marginMs = options.marginMs;
    }
  }

  /** How long an admission occupies its slot. */
  private get slotMs(): number {
    return this.windowMs + this.marginMs;
  }

  private prune(now: number): void {
    while (this.stamps.length > 0 && this.stamps[0] + this.slotMs <= now) this.stamps.shift();
  }

  private nextFreeAt(now: number): number {
    const full = this.stamps.length >= this.limit;
    const windowFree = full ? this.stamps[this.stamps.length - this.limit] + this.slotMs : now;
    return Math.max(now, windowFree, this.blockedUntil);
  }

  state(): RateLimitState {
    const now = this.clock.now();
    this.prune(now);
    const learned = this.learner.learned();
    return {
      inWindow: this.stamps.length,
      limit: this.limit,
      windowMs: this.windowMs,
      nextFreeAt: this.nextFreeAt(now),
      waiting: this.waiting,
      ...(learned ? { learned } : {}),
    };
  }

  /**
   * The waits `requests` more requests will meet when sent one every `spacingMs` (the pace of the
   * caller's own work) from now, given the requests already in the window: lets a run count the
   * rate-limit waits still to come into its ETA, not only the one under way. Both limits hold: the
   * one this limiter paces by, and the one Halo's 429s have shown (Halo's own window, of the
   * requests it counted, where the 429s and their Retry-After make the waits).
   */
  forecast(requests: number, spacingMs: number): RateLimitForecast {
    const now = this.clock.now();
    this.prune(now);
    const learned = this.learner.learned();
    const own = [...this.stamps];
    const halo = learned ? this.learner.countedSince(now, learned.windowMs) : [];
    const freeAt = (stamps: number[], limit: number, slotMs: number, at: number): number =>
      stamps.length >= limit ? stamps[stamps.length - limit] + slotMs : at;
    let at = now;
    let waits = 0;
    let waitMs = 0;
    let lastAdmittedAt = now;
    for (let i = 0; i < requests; i++) {
      const admitted = Math.max(
        at,
        freeAt(own, this.limit, this.slotMs, at),
        learned ? freeAt(halo, learned.limit, learned.windowMs, at) : at,
        this.blockedUntil,
      );
      if (admitted > at) {
        waits++;
        waitMs += admitted - at;
      }
      own.push(admitted);
      halo.push(admitted);
      lastAdmittedAt = admitted;
      at = admitted + Math.max(0, spacingMs);
    }
    return { waits, waitMs, lastAdmittedAt, ...(learned ? { learned } : {}) };
  }

  /** A request sent at `sentAt` got an answer other than 429: Halo counted it in its window. */
  accepted(sentAt: number): void {
    this.learner.accepted(sentAt);
  }

  /** Halo answered 429 (with Retry-After when it said one): evidence of its real limit. */
  refused(retryAfterMs?: number): void {
    this.learner.refused(this.clock.now(), retryAfterMs);
  }

  /** Holds every request until `untilMs` (Halo said Retry-After: the window is full on its side). */
  pauseUntil(untilMs: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, untilMs);
  }

  /** Called with the wait whenever a request has to wait for a slot. Returns an unsubscribe. */
  onWait(listener: (waitMs: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Waits for a slot and takes it; resolves with the ms waited. Rejects if `signal` aborts. */
  acquire(signal?: AbortSignal): Promise<number> {
    this.waiting++;
    const turn = this.queue.then(() => this.admit(signal));
    this.queue = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn.finally(() => {
      this.waiting--;
    });
  }

  private async admit(signal?: AbortSignal): Promise<number> {
    let waited = 0;
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      const now = this.clock.now();
      this.prune(now);
      const freeAt = this.nextFreeAt(now);
      if (freeAt <= now) {
        this.stamps.push(now);
        return waited;
      }
      const waitMs = freeAt - now;
      waited += waitMs;
      for (const listener of this.listeners) listener(waitMs);
      await this.clock.sleep(waitMs, signal);
    }
  }
}

/** Limiters by clock, then instance: clients share one only when they also share a clock (tests don't). */
const shared = new WeakMap<Clock, Map<string, RateLimiter>>();

/** The limiter for one instance (key: normalised instance URL), created on first use. */
export function sharedRateLimiter(key: string, clock: Clock, options: RateLimitOptions = {}): RateLimiter {
  let byInstance = shared.get(clock);
  if (byInstance === undefined) {
    byInstance = new Map();
    shared.set(clock, byInstance);
  }
  let limiter = byInstance.get(key);
  if (limiter === undefined) {
    limiter = new RateLimiter(clock, options);
    byInstance.set(key, limiter);
  } else {
    limiter.configure(options);
  }
  return limiter;
}
