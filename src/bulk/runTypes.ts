/** The shapes a run takes and gives: options, progress events, the final report and its journal. */
import type { Clock, HaloErrorKind, RateLimitRule, RetryPolicy } from "../halo";
import type { HaloObject } from "./payload";
import type { RowResult } from "./rowResult";
import type { RunState } from "./runControl";

export interface RunOptions {
  clock: Clock;
  /** Adaptive sizing never goes above this; default the plan's batch size (so it only regrows after shrinking). */
  maxBatchRows?: number;
  /** A full batch answered within this many ms lets the size grow (default 5000). */
  fastMs?: number;
  /** Read before-images from Halo when the snapshot gives none, so the run can be undone (default true). */
  readBeforeImages?: boolean;
  /** Read each written row back and report fields Halo did not take (default false). */
  verifyAfterWrite?: boolean;
  /**
   * Whether this entity replaces the whole custom-field list when one is sent; then rows that
   * change custom fields are read first and sent with the full, merged list. Default: always,
   * because the API does not say which entities do and a wiped field cannot be recovered.
   */
  replacesCustomFieldList?: (entity: string) => boolean;
  /** After an answer is lost, wait this long before reading rows back (default 2000): Halo may still be saving. */
  readBackDelayMs?: number;
  /**
   * The one retry policy. `maxAttempts` (default 5) bounds the sends of each row, every attempt
   * counted: the client's retries of a 429 or refused connection and the run's resends of a lost
   * answer draw on the same budget. `baseDelayMs` is the first back-off before a resend.
   */
  retry?: Partial<RetryPolicy>;
  onProgress?: (progress: RunProgress) => void;
  /**
   * Check rows whose plan carries a snapshot before-image against the record in Halo before writing:
   * "skip" settles a row with a field changed in Halo since the pull as Conflict, "overwrite" sends it
   * anyway. Either way the before-image is the record as read. Default: no check.
   */
  conflicts?: "skip" | "overwrite";
  /** What the before-image was taken from, for the Conflict message ("the pull", "this push"). */
  conflictsSince?: string;
  /** Each row's result as it settles, so a host can show it (and keep it) while the run goes on. */
  onResult?: (result: RowResult) => void;
  /** Each journal entry as it is kept (a row written with its before-image), for a journal kept outside. */
  onJournal?: (entry: JournalEntry) => void;
}

export interface RunProgress {
  state: RunState;
  rowsDone: number;
  rowsTotal: number;
  /** HTTP requests sent by this run, every attempt: writes, resends, retries, reads and read-backs. */
  requests: number;
  /** How often the rate limiter (or a 429's Retry-After) made the run wait, and for how long in total. */
  rateLimitWaits: number;
  rateLimitWaitMs: number;
  /** Set while the run is waiting right now. */
  waitingMs?: number;
  batchSize: number;
  elapsedMs: number;
  /** Estimated ms to finish, once some rows have been sent; includes waitAheadMs. */
  etaMs?: number;
  /** Requests still to send (an estimate: the rows left in batches, the reads before them, resends queued). */
  requestsAhead?: number;
  /** Rate-limit waiting the requests still to send will meet (the limiter's forecast), 0 when none. */
  waitAheadMs?: number;
  /**
   * Set when Halo's 429s have shown a stricter limit than the one assumed (Halo's documented 300
   * per 5 minutes): the forecast, so waitAheadMs and etaMs, count with it.
   */
  learnedRateLimit?: RateLimitRule;
}

/** What undo needs for one written row: the values before, and what was sent. */
export interface JournalEntry {
  key: number;
  rowNumber: number;
  id: number;
  before: HaloObject;
  sent: HaloObject;
}

export interface RunReport {
  entity: string;
  dryRun: boolean;
  /** Exactly one per planned row, indexed by key. */
  results: RowResult[];
  journal: JournalEntry[];
  requests: number;
  writes: number;
  reads: number;
  rateLimitWaits: number;
  rateLimitWaitMs: number;
  elapsedMs: number;
  cancelled: boolean;
  /** Set when the run stopped sending because Halo rejected every row of a batch (the rest would fail alike). */
  halted?: string;
  /** Set when the run stopped early because nothing more could succeed (sign-in, permission, connection). */
  fatal?: { kind: HaloErrorKind | "Unknown"; message: string };
}

export interface RunHandle {
  pause(): void;
  resume(): void;
  /** Finishes the batch in flight; every row not yet sent ends NotSent. */
  cancel(): void;
  readonly done: Promise<RunReport>;
}
