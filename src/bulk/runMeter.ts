/**
 * A run's counters and its progress events: rows done, requests (writes and reads), rate-limit
 * waits, and an ETA from the pace of the rows sent so far, all timed by the injected clock.
 */
import type { Clock } from "../halo";
import type { RunState } from "./runControl";
import type { RunProgress } from "./runTypes";

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

  paused(ms: number): void {
    if (this.sendingSince !== undefined) this.pausedMs += ms;
  }

  /** Counts a wait and makes the next progress event show it. */
  waiting(ms: number): void {
    this.waits++;
    this.waitMs += ms;
    this.waitingMs = ms;
  }

  get elapsedMs(): number {
    return this.clock.now() - this.startedAt;
  }

  progress(state: RunState, batchSize: number): RunProgress {
    const progress: RunProgress = {
      state,
      rowsDone: this.rowsDone,
      rowsTotal: this.rowsTotal,
      requests: this.requests,
      rateLimitWaits: this.waits,
      rateLimitWaitMs: this.waitMs,
      batchSize,
      elapsedMs: this.elapsedMs,
    };
    const waitingMs = this.waitingMs;
    if (waitingMs !== undefined) progress.waitingMs = waitingMs;
    this.waitingMs = undefined;
    if (this.rowsSent > 0 && this.sendingSince !== undefined && state !== "done") {
      const perRow = (this.clock.now() - this.sendingSince - this.pausedMs) / this.rowsSent;
      // The wait starting now is not in the pace yet: without it a five-minute rate-limit wait shows "ETA 12 s".
      progress.etaMs = Math.round(perRow * Math.max(0, this.rowsToSend - this.rowsSent)) + (waitingMs ?? 0);
    }
    return progress;
  }
}
