/**
 * Executes a plan through the Halo port: one batch in flight per instance, adaptive batch size,
 * 400s bisected down to the bad rows, ambiguous failures never resent (read back instead), and
 * exactly one result per planned row. Pause/resume/cancel between batches; progress events with
 * an ETA computed from the injected clock.
 */
import { isHaloError } from "../halo";
import { batchLength } from "./batch";
import { BatchSizer } from "./batchSizer";
import { classifyFailure, failureMessage, isTimeout } from "./failure";
import type { HaloPort, PortPostResult } from "./haloPort";
import { withInstanceLock } from "./instanceLock";
import type { HaloObject } from "./payload";
import type { Plan, PlannedRow } from "./planTypes";
import { describeMismatches, fieldsNotTaken } from "./readBack";
import { prepareRow } from "./prepareRow";
import type { RowResult, RowStatus } from "./rowResult";
import { RunControl } from "./runControl";
import { withRetries, type RetryPolicy } from "./retry";
import { RunMeter } from "./runMeter";
import type { JournalEntry, RunHandle, RunOptions, RunReport } from "./runTypes";
import { settleWithoutSending } from "./settleWithoutSending";

interface Entry {
  row: PlannedRow;
  object: HaloObject;
  bytes: number;
  prepared: boolean;
  before?: HaloObject;
  /** The batch this row was first sent in (bisected halves keep it). */
  origin?: Origin;
}

/** A batch as first cut from the queue, followed through bisection. */
interface Origin {
  rows: number;
  open: number;
  rejected: number;
  firstMessage?: string;
}

/** A batch whose every row Halo rejects (at least this many rows) stops the run: the rest would fail alike. */
const HALT_AFTER_REJECTED_BATCH_ROWS = 4;

const DEFAULT_FAST_MS = 5000;
const GROWTH_FACTOR = 1.5;
const DEFAULT_READ_BACK_DELAY_MS = 2000;

export function startRun(plan: Plan, port: HaloPort, options: RunOptions): RunHandle {
  const engine = new RunEngine(plan, port, options);
  return {
    pause: () => engine.control.pause(),
    resume: () => engine.control.resume(),
    cancel: () => engine.control.cancel(),
    done: engine.run(),
  };
}

class RunEngine {
  readonly control: RunControl;
  private readonly results: (RowResult | undefined)[];
  private readonly journal: JournalEntry[] = [];
  private readonly sizer: BatchSizer;
  private readonly retry: RetryPolicy;
  private readonly meter: RunMeter;
  /** Rows to send, in order; those before `head` have been taken into batches. */
  private readonly queue: Entry[] = [];
  private head = 0;
  private readonly bisected: Entry[][] = [];
  private finished = false;
  /** Why the run stopped sending early though Halo is reachable (every row of a batch rejected). */
  private halted: string | undefined;
  private fatal: RunReport["fatal"];

  constructor(
    private readonly plan: Plan,
    private readonly port: HaloPort,
    private readonly options: RunOptions,
  ) {
    this.control = new RunControl(() => this.emit());
    this.results = new Array(plan.rows.length).fill(undefined);
    this.meter = new RunMeter(options.clock, plan.rows.length);
    this.sizer = new BatchSizer({
      initial: plan.batchRows,
      max: Math.max(plan.batchRows, options.maxBatchRows ?? plan.batchRows),
      fastMs: options.fastMs ?? DEFAULT_FAST_MS,
      growthFactor: GROWTH_FACTOR,
    });
    this.retry = {
      clock: options.clock,
      maxRetries: options.maxRetries ?? 5,
      baseMs: options.retryBaseMs ?? 1000,
      onWait: (ms) => this.noteWait(ms),
    };
  }

  async run(): Promise<RunReport> {
    for (const row of this.plan.rows) {
      const settled = settleWithoutSending(row, this.plan.flags);
      if (settled) this.record(settled);
      else if (row.object) this.queue.push({ row, object: row.object, bytes: row.bytes, prepared: false });
    }
    this.meter.willSend(this.queue.length);
    const unsubscribe = this.port.onRateLimitWait?.((ms) => this.noteWait(ms));
    try {
      this.emit();
      while (!this.fatal && !this.halted && (await this.checkpoint())) {
        const more = await withInstanceLock(this.port.instance ?? this.port, () => this.sendNext());
        if (!more) break;
      }
    } finally {
      unsubscribe?.();
    }
    const why = this.fatal
      ? `the run stopped: ${this.fatal.message}`
      : (this.halted ?? "the run was cancelled");
    for (const entry of [...this.bisected.flat(), ...this.queue.slice(this.head)])
      if (this.results[entry.row.key] === undefined) this.settle(entry, "NotSent", `Not sent: ${why}.`);
    this.finished = true;
    this.emit();
    return this.report();
  }

  /** Waits while paused (that time is no pace for the ETA); false once cancelled. */
  private async checkpoint(): Promise<boolean> {
    const from = this.options.clock.now();
    const go = await this.control.checkpoint();
    this.meter.paused(this.options.clock.now() - from);
    return go;
  }

  /** Sends one batch; false when nothing is left. */
  private async sendNext(): Promise<boolean> {
    const bisecting = this.bisected.length > 0;
    const batch = bisecting ? this.bisected.shift() : await this.takeBatch();
    if (!batch || batch.length === 0) return false;
    await this.send(batch, bisecting);
    return true;
  }

  /** The next batch from the queue, its rows prepared (before-images read, custom fields merged). */
  private async takeBatch(): Promise<Entry[] | undefined> {
    for (;;) {
      const length = batchLength(this.queue, this.sizer.size, this.plan.batchBytes, this.head);
      if (length === 0) return undefined;
      const candidates = this.queue.slice(this.head, this.head + length);
      const unprepared = candidates.filter((e) => !e.prepared);
      if (unprepared.length === 0) {
        this.head += length;
        const origin: Origin = { rows: length, open: length, rejected: 0 };
        for (const entry of candidates) entry.origin = origin;
        return candidates;
      }
      for (const entry of unprepared) {
        await this.prepare(entry);
        if (this.fatal) return undefined;
      }
      // Rows whose read failed are settled; merged custom fields may have changed sizes: cut again.
      this.dropSettled(length);
    }
  }

  /**
   * Takes settled rows out of the next `length` queued ones, keeping the order of the rest. Only
   * that window moves (a whole-queue filter per batch made large runs quadratic).
   */
  private dropSettled(length: number): void {
    const end = this.head + length;
    let write = end;
    for (let read = end - 1; read >= this.head; read--)
      if (this.results[this.queue[read].row.key] === undefined) this.queue[--write] = this.queue[read];
    this.head = write;
  }

  private async prepare(entry: Entry): Promise<void> {
    entry.prepared = true;
    const prepared = await prepareRow(entry.row, entry.object, {
      entity: this.plan.entity,
      flags: this.plan.flags,
      readBeforeImages: this.options.readBeforeImages ?? true,
      replacesCustomFieldList: this.options.replacesCustomFieldList ?? (() => true),
      read: (id) => this.read(id),
    });
    if (prepared.ok) {
      entry.object = prepared.object;
      entry.bytes = prepared.bytes;
      entry.before = prepared.before;
    } else if (this.isFatal(prepared.error)) this.stop(prepared.error);
    else {
      const reason = `could not read record ${entry.row.id} ${prepared.why}: ${failureMessage(prepared.error)}`;
      this.settle(entry, "Failed", `Not sent: ${reason}`);
    }
  }

  private async send(batch: Entry[], bisecting: boolean): Promise<void> {
    const objects = batch.map((e) => ({ ...e.object, ...this.plan.flags.objectFields }));
    const sentAt = this.options.clock.now();
    let answers: PortPostResult[];
    try {
      answers = await withRetries(this.retry, () => {
        this.meter.request("write");
        return this.port.post(this.plan.entity, objects);
      });
    } catch (error) {
      await this.failed(batch, error);
      return;
    }
    if (!bisecting) this.sizer.succeeded(batch.length, this.options.clock.now() - sentAt);
    const answerAt = new Map(answers.map((a) => [a.index, a]));
    for (const [index, entry] of batch.entries()) {
      const answer = answerAt.get(index);
      if (answer) await this.saved(entry, answer);
      else await this.settleAmbiguous(entry, "Halo's answer did not include this row");
    }
    this.meter.sent(batch.length);
    this.emit();
  }

  private async failed(batch: Entry[], error: unknown): Promise<void> {
    const kind = classifyFailure(error);
    const message = failureMessage(error);
    if (kind === "rejected" && batch.length > 1) {
      const half = Math.ceil(batch.length / 2);
      this.bisected.unshift(batch.slice(0, half), batch.slice(half));
      return;
    }
    if (kind === "rejected") for (const entry of batch) this.rejected(entry, message);
    else if (kind === "ambiguous") {
      if (isTimeout(error)) this.sizer.timedOut();
      // Halo may still be working on a request whose answer we gave up on: let it finish first.
      if (batch.some((e) => e.row.action === "update") && !this.plan.flags.serverValidate)
        await this.options.clock.sleep(this.options.readBackDelayMs ?? DEFAULT_READ_BACK_DELAY_MS);
      for (const entry of batch) await this.settleAmbiguous(entry, message.replace(/\.+$/, ""));
    } else {
      // Provably not applied, and nothing more will succeed (sign-in, permission, no connection).
      this.stop(error);
      for (const entry of batch) this.settle(entry, "NotSent", `Not sent: ${message}`);
    }
    this.meter.sent(batch.length);
    this.emit();
  }

  private async saved(entry: Entry, answer: PortPostResult): Promise<void> {
    const { row } = entry;
    if (this.plan.flags.serverValidate) {
      const status: RowStatus = row.action === "create" ? "WouldCreate" : "WouldUpdate";
      this.settle(entry, status, "Dry run: Halo validated this row; nothing was saved.");
      return;
    }
    if (row.action === "create") {
      const id = answer.id;
      this.settle(
        entry,
        "Created",
        id === undefined ? "Created; Halo did not return the new id." : "Created.",
        id,
      );
      if (id !== undefined && this.options.verifyAfterWrite) await this.verify(entry, id);
      return;
    }
    this.keepBeforeImage(entry);
    this.settle(entry, "Updated", "Updated.", row.id);
    if (this.options.verifyAfterWrite) await this.verify(entry, row.id as number);
  }

  /** The answer was lost after sending: never resend; for updates, read back to settle it. */
  private async settleAmbiguous(entry: Entry, message: string): Promise<void> {
    const { row } = entry;
    if (row.action !== "update" || this.plan.flags.serverValidate) {
      const what =
        row.action === "create" ? "the record may have been created" : "it may have been validated";
      this.settle(entry, "Unknown", `${message}. Not resent: ${what}; check Halo before sending it again.`);
      return;
    }
    this.keepBeforeImage(entry);
    try {
      const record = await this.read(row.id as number);
      const missing = fieldsNotTaken(entry.object, record, this.plan.flags.objectFields);
      if (missing.length === 0)
        this.settle(
          entry,
          "Updated",
          `Updated (${message}; reading the record back shows the change).`,
          row.id,
        );
      else
        this.settle(
          entry,
          "Unknown",
          `${message}. Not resent; reading back shows ${describeMismatches(missing)}.`,
          row.id,
        );
    } catch (readError) {
      this.settle(
        entry,
        "Unknown",
        `${message}. Not resent, and reading it back failed: ${failureMessage(readError)}.`,
        row.id,
      );
    }
  }

  private async verify(entry: Entry, id: number): Promise<void> {
    const result = this.results[entry.row.key] as RowResult;
    try {
      const record = await this.read(id);
      const notTaken = fieldsNotTaken(entry.object, record, this.plan.flags.objectFields);
      if (notTaken.length > 0) {
        result.notTaken = notTaken;
        result.message = `${result.message} Halo did not take: ${describeMismatches(notTaken)}.`;
      }
    } catch (error) {
      result.message = `${result.message} Could not read it back to verify: ${failureMessage(error)}.`;
    }
  }

  /** Halo refused this row alone. When it refused every row of the batch it came in, stop sending. */
  private rejected(entry: Entry, message: string): void {
    const origin = entry.origin;
    if (origin) {
      origin.rejected++;
      origin.firstMessage ??= message;
    }
    this.settle(entry, "Failed", message);
    if (
      origin &&
      origin.open === 0 &&
      origin.rejected === origin.rows &&
      origin.rows >= HALT_AFTER_REJECTED_BATCH_ROWS
    )
      this.halted ??= `Halo rejected every row of a batch of ${origin.rows} (first: ${origin.firstMessage}), so the rest was not sent; fix the rows and push again`;
  }

  private keepBeforeImage(entry: Entry): void {
    if (!entry.before || entry.row.id === undefined) return;
    const sent = entry.object;
    this.journal.push({
      key: entry.row.key,
      rowNumber: entry.row.rowNumber,
      id: entry.row.id,
      before: entry.before,
      sent,
    });
  }

  private read(id: number): Promise<HaloObject> {
    return withRetries(this.retry, () => {
      this.meter.request("read");
      return this.port.get(this.plan.entity, id);
    });
  }

  private isFatal(error: unknown): boolean {
    return classifyFailure(error) === "fatal" && !(isHaloError(error) && error.kind === "NotFound");
  }

  private stop(error: unknown): void {
    this.fatal ??= { kind: isHaloError(error) ? error.kind : "Unknown", message: failureMessage(error) };
  }

  private settle(entry: Entry, status: RowStatus, message: string, id?: number): void {
    const { row } = entry;
    if (entry.origin) entry.origin.open--;
    this.record({
      key: row.key,
      rowNumber: row.rowNumber,
      status,
      message,
      ...(id === undefined ? {} : { id }),
    });
  }

  private record(result: RowResult): void {
    if (this.results[result.key] !== undefined) throw new Error(`row ${result.rowNumber} settled twice`);
    this.results[result.key] = result;
    this.meter.rowsDone++;
    this.options.onResult?.(result);
  }

  private noteWait(ms: number): void {
    this.meter.waiting(ms);
    this.emit();
  }

  private emit(): void {
    const state = this.finished ? "done" : this.control.state;
    this.options.onProgress?.(this.meter.progress(state, this.sizer.size));
  }

  private report(): RunReport {
    const missing = this.results.findIndex((r) => r === undefined);
    if (missing >= 0) throw new Error(`planned row ${missing} ended without a result`);
    return {
      entity: this.plan.entity,
      dryRun: this.plan.flags.dryRun,
      results: this.results as RowResult[],
      journal: this.journal,
      requests: this.meter.requests,
      writes: this.meter.writes,
      reads: this.meter.reads,
      rateLimitWaits: this.meter.waits,
      elapsedMs: this.meter.elapsedMs,
      cancelled: this.control.isCancelled,
      ...(this.halted ? { halted: this.halted } : {}),
      ...(this.fatal ? { fatal: this.fatal } : {}),
    };
  }
}
