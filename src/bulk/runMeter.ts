/**
 * A run's counters and its progress events: rows done, requests (writes and reads, every attempt),
 * rate-limit waits, and an ETA: the pace of the rows sent so far (waits left out) for the rows
 * left, plus the rate-limit waits still to come (the limiter's forecast for the requests left, or
 * at least the wait under way), all timed by the injected clock.
 */
import type { Clock, RateLimitForecast } from "../halo";
import type { RunState } from "./runControl";
import type { RunProgress } from "./runTypes";

/** What the run knows about the work left, for the ETA. */
export interface WorkAhead {
  batchSize: number;
  /** Requests beyond the rows' own batches: resends and bisection halves waiting to go, reads still to come. */
  extraRequests: number;
  forecast?: (requests: number, spacingMs: number) => RateLimitForecast | undefined;
}

export class RunMeter {
  requests = 0;
  writes = 0;
  reads = 0;
  waits = 0;
  waitMs = 0;
  rowsDone = 0;
  readonly startedAt: number;
  private rowsToSend = 0;
  private rowsSent = 0;
  private sendingSince: number | undefined;
  /** Time paused since sending began: left out of the pace, or a long pause would inflate the ETA. */
  private pausedMs = 0;
  /** Rate-limit waits since sending began, and when the last one ends: left out of the pace too. */
  private waitMsWhileSending = 0;
  private lastWaitEndsAt = 0;
  private waitingMs: number | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly rowsTotal: number,
  ) {
    this.startedAt = clock.now();
  }

  willSend(rows: number): void {
    this.rowsToSend = rows;
  }

  request(kind: "write" | "read"): void {
    this.requests++;
    if (kind === "write") {
      this.writes++;
      this.sendingSince ??= this.clock.now();
    } else this.reads++;
  }

  /** Rows of a finished batch (whatever their outcome), for the ETA. */
  sent(rows: number): void {
    this.rowsSent += rows;
  }

  /** Rows that go back into the queue (a lost answer resent): they are to send again. */
  requeued(rows: number): void {
    this.rowsSent = Math.max(0, this.rowsSent - rows);
  }

  paused(ms: number): void {
    if (this.sendingSince !== undefined) this.pausedMs += ms;
  }

  /** Counts a wait and makes the next progress event show it. */
  waiting(ms: number): void {
    this.waits++;
    this.waitMs += ms;
    this.waitingMs = ms;
    if (this.sendingSince !== undefined) {
      this.waitMsWhileSending += ms;
      this.lastWaitEndsAt = Math.max(this.lastWaitEndsAt, this.clock.now() + ms);
    }
  }

  get elapsedMs(): number {
    return this.clock.now() - this.startedAt;
  }

  progress(state: RunState, ahead: WorkAhead): RunProgress {
    const progress: RunProgress = {
      state,
      rowsDone: this.rowsDone,
      rowsTotal: this.rowsTotal,
      requests: this.requests,
      rateLimitWaits: this.waits,
      rateLimitWaitMs: this.waitMs,
      batchSize: ahead.batchSize,
      elapsedMs: this.elapsedMs,
    };
    const waitingMs = this.waitingMs;
    if (waitingMs !== undefined) progress.waitingMs = waitingMs;
    this.waitingMs = undefined;
    if (state === "done") return progress;
    const now = this.clock.now();
    const rowsLeft = Math.max(0, this.rowsToSend - this.rowsSent);
    const requestsAhead = Math.ceil(rowsLeft / Math.max(1, ahead.batchSize)) + ahead.extraRequests;
    progress.requestsAhead = requestsAhead;
    if (this.rowsSent === 0 || this.sendingSince === undefined) return progress;
    // The part of the waits already behind us: the wait under way is not work.
    const waitedMs = this.waitMsWhileSending - Math.max(0, this.lastWaitEndsAt - now);
    const workMs = Math.max(0, now - this.sendingSince - this.pausedMs - waitedMs);
    const paceMs = (workMs / this.rowsSent) * rowsLeft;
    const forecast = ahead.forecast?.(requestsAhead, requestsAhead > 0 ? paceMs / requestsAhead : 0);
    // The wait starting now is not in the forecast when its request already holds the slot.
    const waitAheadMs = Math.max(forecast?.waitMs ?? 0, waitingMs ?? 0);
    progress.waitAheadMs = Math.round(waitAheadMs);
    if (forecast?.learned) progress.learnedRateLimit = forecast.learned;
    progress.etaMs = Math.round(paceMs + waitAheadMs);
    return progress;
  }
}
