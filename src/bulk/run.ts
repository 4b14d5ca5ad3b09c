/**
 * Executes a plan through the Halo port: one batch in flight per instance, adaptive batch size, and
 * exactly one result per planned row. The port (the Halo client) is the one retry layer: it repeats
 * what is safe to repeat. The run decides what a failed batch means for its rows:
 * - rejected (400): the row Halo's message names (`Path '[3]...'`) fails and the rest go again in
 *   one request; without a name, the batch is bisected down to the bad rows;
 * - answer lost (time-out, reset, 500/502/504): rows safe to send again (updates: repeatSafety.ts)
 *   are resent; the others (creates...) are read back, and those proven not applied are resent;
 * - fatal, or Halo refusing every attempt the budget allows (429s): the run stops.
 * Every row's sends, the client's retries included, draw on one budget (the retry policy's
 * maxAttempts). Pause/resume/cancel between batches; progress events with an ETA.
 */
import {
  classifyFailure,
  defaultRetryPolicy,
  hasIdListFilter,
  isHaloError,
  retryDelayMs,
  type RetryEvent,
  type RetryPolicy,
} from "../halo";
import { batchLength } from "./batch";
import { BatchSizer } from "./batchSizer";
import { failureMessage, isTimeout, rejectedIndex } from "./failure";
import type { HaloPort, PortCall, PortPostResult } from "./haloPort";
import { withInstanceLock } from "./instanceLock";
import { settleLostRows, type LostOutcome } from "./lostAnswer";
import type { HaloObject } from "./payload";
import type { Plan, PlannedRow } from "./planTypes";
import { describeMismatches, fieldsNotTaken, holdsDataFields } from "./readBack";
import { prepareRow, readsOf, type PrepareContext } from "./prepareRow";
import { isRepeatSafe, isWriteOnlyField } from "./repeatSafety";
import type { RowResult, RowStatus } from "./rowResult";
import { RunControl } from "./runControl";
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
  /**
   * Requests that carried this row and got no answer about it (lost, or refused with a 429): the
   * retry budget. A 400 refusing its batch is an answer (about another row, or this one) and does
   * not count, so bad rows beside it never use up a good row's attempts.
   */
  sends: number;
  /** Why the answer to an earlier send of this row was lost, while Halo may hold it already. */
  lost?: string;
  /** Why this row is being sent again, for its message. */
  again?: string;
  /** Preparing it will read its record (counted in the requests still to come). */
  reads?: boolean;
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
  /** Batches to send before the queue's next: bisected halves, a rejected batch's rest, resends. */
  private readonly pending: Entry[][] = [];
  /** Records this run created: a lost create's read-back never takes one of them for its own. */
  private readonly createdIds = new Set<number>();
  /** Records read ahead for a batch's rows in one list request, by id, each taken by its row's read. */
  private readonly readAhead = new Map<number, HaloObject>();
  /** Queued rows whose record is still to read. */
  private readsLeft = 0;
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
    this.retry = { ...defaultRetryPolicy, ...options.retry };
  }

  async run(): Promise<RunReport> {
    for (const row of this.plan.rows) {
      const settled = settleWithoutSending(row, this.plan.flags);
      if (settled) this.record(settled);
      else if (row.object)
        this.queue.push({ row, object: row.object, bytes: row.bytes, prepared: false, sends: 0 });
    }
    this.meter.willSend(this.queue.length);
    const context = this.prepareContext();
    for (const entry of this.queue) if (readsOf(entry.row, entry.object, context)) entry.reads = true;
    this.readsLeft = this.queue.filter((e) => e.reads).length;
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
      ? `the run stopped: ${clause(this.fatal.message)}`
      : (this.halted ?? "the run was cancelled");
    for (const entry of [...this.pending.flat(), ...this.queue.slice(this.head)])
      if (this.results[entry.row.key] === undefined) this.notSent(entry, `${why}.`);
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
    const again = this.pending.length > 0;
    const batch = again ? this.pending.shift() : await this.takeBatch();
    if (!batch) return false;
    const doneBefore = this.meter.rowsDone;
    await this.send(batch, !again);
    this.meter.sent(this.meter.rowsDone - doneBefore);
    this.emit();
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
        // Rows read first (custom fields, before-images) are settled by sends from here on.
        for (const entry of candidates) entry.origin = origin;
        return candidates;
      }
      await this.readBatchAhead(unprepared);
      if (this.fatal) return undefined;
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

  private prepareContext(): PrepareContext {
    return {
      entity: this.plan.entity,
      flags: this.plan.flags,
      readBeforeImages: this.options.readBeforeImages ?? true,
      replacesCustomFieldList: this.options.replacesCustomFieldList ?? (() => true),
      read: (id) => this.read(id),
      ...(this.options.conflicts ? { conflicts: this.options.conflicts } : {}),
      ...(this.options.conflictsSince ? { conflictsSince: this.options.conflictsSince } : {}),
    };
  }

  /** Whether the port reads many records per request for this entity (Halo's id-list filters). */
  private get readsMany(): boolean {
    return this.port.getMany !== undefined && hasIdListFilter(this.plan.entity);
  }

  /**
   * The records a batch's rows need (before-images, conflict checks) in one list request where Halo
   * has an id-list filter, instead of one GET per row: 2,000 rows are then 20 reads, not 2,000,
   * under a limit of 300 requests per 5 minutes. A listed record stands in for a row's GET only
   * when it holds every field the row sends and compares (a list row has no custom fields, and may
   * leave others out); those rows, and all of them when the list read fails, are read one by one as
   * before, each with its own result.
   */
  private async readBatchAhead(entries: Entry[]): Promise<void> {
    if (!this.readsMany || !this.port.getMany) return;
    const context = this.prepareContext();
    const wanted = entries.filter(
      (e) => e.row.id !== undefined && readsOf(e.row, e.object, context) && !("customfields" in e.object),
    );
    if (wanted.length < 2) return;
    let found: Map<number, HaloObject>;
    try {
      found = await this.port.getMany(
        this.plan.entity,
        wanted.map((e) => e.row.id as number),
        this.call("read"),
      );
    } catch (error) {
      if (this.isFatal(error)) this.stop(error);
      return;
    }
    for (const entry of wanted) {
      const record = found.get(entry.row.id as number);
      const compared = [entry.object, ...(entry.row.before ? [entry.row.before] : [])];
      if (record && holdsDataFields(record, compared, this.plan.flags.objectFields))
        this.readAhead.set(entry.row.id as number, record);
    }
  }

  private async prepare(entry: Entry): Promise<void> {
    entry.prepared = true;
    if (entry.reads) this.readsLeft--;
    const prepared = await prepareRow(entry.row, entry.object, this.prepareContext());
    if (prepared.ok) {
      entry.object = prepared.object;
      entry.bytes = prepared.bytes;
      entry.before = prepared.before;
    } else if ("conflict" in prepared) this.settle(entry, "Conflict", prepared.conflict, entry.row.id);
    else if (this.isFatal(prepared.error)) this.stop(prepared.error);
    else {
      const reason = `could not read record ${entry.row.id} ${prepared.why}: ${failureMessage(prepared.error)}`;
      this.settle(entry, "Failed", `Not sent: ${reason}`);
    }
  }

  /** What every port call of this run passes: attempts counted, 429 waits shown. */
  private call(kind: "write" | "read", onSend: () => void = () => {}, maxAttempts?: number): PortCall {
    return {
      ...(maxAttempts === undefined ? {} : { maxAttempts }),
      onSend: () => {
        onSend();
        this.meter.request(kind);
      },
      onRetry: (event) => this.retried(event),
    };
  }

  /** Sends a batch; `fresh` when cut from the queue (only those tell the sizer about Halo's speed). */
  private async send(batch: Entry[], fresh: boolean): Promise<void> {
    const objects = batch.map((e) => ({ ...e.object, ...this.plan.flags.objectFields }));
    const sentAt = this.options.clock.now();
    // The batch goes with the attempts its most-sent row has left: no row goes past the budget.
    const attemptsLeft = this.retry.maxAttempts - Math.max(...batch.map((e) => e.sends));
    let answers: PortPostResult[];
    try {
      answers = await this.port.post(
        this.plan.entity,
        objects,
        this.call("write", () => batch.forEach((e) => e.sends++), Math.max(1, attemptsLeft)),
      );
    } catch (error) {
      await this.failed(batch, error);
      return;
    }
    if (fresh) this.sizer.succeeded(batch.length, this.options.clock.now() - sentAt);
    const answerAt = new Map(answers.map((a) => [a.index, a]));
    const unanswered = batch.filter((_, index) => !answerAt.has(index));
    for (const [index, entry] of batch.entries()) {
      const answer = answerAt.get(index);
      if (answer) await this.saved(entry, answer);
    }
    if (unanswered.length > 0) await this.lostAnswer(unanswered, "Halo's answer did not include this row");
  }

  private async failed(batch: Entry[], error: unknown): Promise<void> {
    const message = failureMessage(error);
    switch (classifyFailure(error)) {
      case "rejected":
        this.rejectedBatch(batch, error);
        return;
      case "lost":
        if (isTimeout(error)) this.sizer.timedOut();
        await this.lostAnswer(batch, clause(message), error);
        return;
      case "retry": {
        // Halo refused every attempt the budget allowed (429s, refused connections): the rest would fare alike.
        const sends = Math.max(...batch.map((e) => e.sends));
        const said = sends > 1 ? `${clause(message)} (${sends} attempts)` : message;
        this.stop(error, said);
        for (const entry of batch) this.notSent(entry, `${clause(said)}.`);
        return;
      }
      default:
        // Provably not applied, and nothing more will succeed (sign-in, permission, configuration).
        this.stop(error);
        for (const entry of batch) this.notSent(entry, message);
    }
  }

  /**
   * Halo refused the request and saved none of it. When its message names the object (a JSON path
   * such as `Path '[3].item_tax_code'`), that row fails and the rest go again in one request;
   * otherwise the batch is halved until the bad rows stand alone.
   */
  private rejectedBatch(batch: Entry[], error: unknown): void {
    const message = failureMessage(error);
    for (const entry of batch) entry.sends--;
    const index = rejectedIndex(error, batch.length);
    if (index !== undefined) {
      this.rejected(batch[index], message);
      const rest = batch.filter((_, i) => i !== index);
      if (rest.length > 0) this.pending.unshift(rest);
    } else if (batch.length > 1) {
      const half = Math.ceil(batch.length / 2);
      this.pending.unshift(batch.slice(0, half), batch.slice(half));
    } else this.rejected(batch[0], message);
  }

  /**
   * The answer was lost after sending: Halo may or may not have saved the rows. Rows safe to send
   * again are resent; the others are read back, settled when that proves their fate, and resent when
   * it proves Halo did not apply them. A row that has used its attempts is read back once (unless it
   * just was): the reading settles it, and only what the reading cannot tell ends Unknown.
   */
  private async lostAnswer(batch: Entry[], message: string, error?: unknown): Promise<void> {
    for (const entry of batch) entry.lost = entry.again = message;
    const repeatSafe = batch.filter((e) => isRepeatSafe(this.plan.entity, e.row, this.plan.flags));
    const spent = (e: Entry): boolean => e.sends >= this.retry.maxAttempts;
    const readBack = batch.filter((e) => !repeatSafe.includes(e) || spent(e));
    const again = repeatSafe.filter((e) => !spent(e));
    if (readBack.length > 0) {
      // Halo may still be saving what we gave up waiting for: let it finish before reading back.
      await this.options.clock.sleep(this.options.readBackDelayMs ?? DEFAULT_READ_BACK_DELAY_MS);
      const outcomes = await settleLostRows(
        readBack.map((e) => ({ row: e.row, object: e.object, ...(e.before ? { before: e.before } : {}) })),
        {
          port: this.port,
          entity: this.plan.entity,
          flagFields: this.plan.flags.objectFields,
          writeOnly: (field) => isWriteOnlyField(this.plan.entity, field),
          createdIds: this.createdIds,
          call: this.call("read"),
        },
      );
      readBack.forEach((entry, i) => {
        if (this.settleLost(entry, outcomes[i], message)) again.push(entry);
      });
    }
    const resend: Entry[] = [];
    for (const entry of again) {
      if (!spent(entry)) resend.push(entry);
      else
        this.settle(
          entry,
          "NotSent",
          `${message}. Sent ${times(entry.sends)} and reading the record back shows Halo did not save it; push it again.`,
        );
    }
    if (resend.length === 0) return;
    // Keep the plan's order: the rows go again as one batch, next.
    resend.sort((a, b) => a.row.key - b.row.key);
    const backOff = retryDelayMs(error, Math.max(...resend.map((e) => e.sends)), this.retry);
    if (backOff !== undefined) await this.options.clock.sleep(backOff);
    this.pending.unshift(resend);
  }

  /** Settles a read-back row; true when it is proven not applied and should be sent again. */
  private settleLost(entry: Entry, outcome: LostOutcome, message: string): boolean {
    const { row } = entry;
    if (outcome.kind === "unapplied") {
      entry.lost = undefined;
      return true;
    }
    if (outcome.kind === "unknown") {
      const what = row.action === "create" ? "the record may have been created" : "Halo may hold the change";
      this.settle(
        entry,
        "Unknown",
        `${message}. ${entry.sends >= this.retry.maxAttempts ? `Sent ${times(entry.sends)} without a definite answer` : "Not resent"}: ${what}, and ${outcome.why}; check Halo before sending it again.`,
        row.id,
      );
      return false;
    }
    if (row.action === "create") {
      if (outcome.id !== undefined) this.createdIds.add(outcome.id);
      this.settle(
        entry,
        "Created",
        `Created (${message}; reading back found record ${outcome.id}).`,
        outcome.id,
      );
    } else {
      this.keepBeforeImage(entry);
      this.settle(
        entry,
        "Updated",
        `Updated (${message}; reading the record back shows the change).`,
        row.id,
      );
    }
    return false;
  }

  private async saved(entry: Entry, answer: PortPostResult): Promise<void> {
    const { row } = entry;
    if (this.plan.flags.serverValidate) {
      const status: RowStatus = row.action === "create" ? "WouldCreate" : "WouldUpdate";
      this.settle(entry, status, "Dry run: Halo validated this row; nothing was saved.");
      return;
    }
    const again = entry.again === undefined ? "" : ` (sent again: ${entry.again})`;
    if (row.action === "create") {
      const id = answer.id;
      if (id !== undefined) this.createdIds.add(id);
      this.settle(
        entry,
        "Created",
        id === undefined ? `Created${again}; Halo did not return the new id.` : `Created${again}.`,
        id,
      );
      if (id !== undefined && this.options.verifyAfterWrite) await this.verify(entry, id);
      return;
    }
    this.keepBeforeImage(entry);
    this.settle(entry, "Updated", `Updated${again}.`, row.id);
    if (this.options.verifyAfterWrite) await this.verify(entry, row.id as number);
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
    const kept: JournalEntry = {
      key: entry.row.key,
      rowNumber: entry.row.rowNumber,
      id: entry.row.id,
      before: entry.before,
      sent,
    };
    this.journal.push(kept);
    this.options.onJournal?.(kept);
  }

  private read(id: number): Promise<HaloObject> {
    const listed = this.readAhead.get(id);
    if (listed) {
      this.readAhead.delete(id);
      return Promise.resolve(listed);
    }
    return this.port.get(this.plan.entity, id, this.call("read"));
  }

  /** A retry the client is about to wait for: a 429's wait is a rate-limit wait the user sees. */
  private retried(event: RetryEvent): void {
    if (event.error.kind === "RateLimited") this.noteWait(event.delayMs);
  }

  /** A row the run will not send: NotSent, or Unknown when an earlier send's answer was lost. */
  private notSent(entry: Entry, reason: string): void {
    if (entry.lost === undefined) this.settle(entry, "NotSent", `Not sent: ${reason}`);
    else
      this.settle(
        entry,
        "Unknown",
        `${entry.lost}, and it was not sent again: ${reason} Check Halo before sending it again.`,
        entry.row.id,
      );
  }

  private isFatal(error: unknown): boolean {
    return classifyFailure(error) === "fatal" && !(isHaloError(error) && error.kind === "NotFound");
  }

  private stop(error: unknown, message = failureMessage(error)): void {
    this.fatal ??= { kind: isHaloError(error) ? error.kind : "Unknown", message };
  }

  private settle(entry: Entry, status: RowStatus, message: string, id?: number): void {
    const { row } = entry;
    // Halo may hold an Unknown update: undo writes its old values back (harmless if it does not).
    if (status === "Unknown" && row.action === "update") this.keepBeforeImage(entry);
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
    this.options.onProgress?.(
      this.meter.progress(state, {
        batchSize: this.sizer.size,
        // Resends and bisection halves waiting, and the reads still to come: one per row, or one per
        // batch where a list reads them together.
        extraRequests:
          this.pending.length +
          (this.readsMany ? Math.ceil(this.readsLeft / Math.max(1, this.sizer.size)) : this.readsLeft),
        ...(this.port.rateLimitForecast
          ? { forecast: (requests, spacingMs) => this.port.rateLimitForecast?.(requests, spacingMs) }
          : {}),
      }),
    );
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
      rateLimitWaitMs: this.meter.waitMs,
      elapsedMs: this.meter.elapsedMs,
      cancelled: this.control.isCancelled,
      ...(this.halted ? { halted: this.halted } : {}),
      ...(this.fatal ? { fatal: this.fatal } : {}),
    };
  }
}

function times(count: number): string {
  return `${count} time${count === 1 ? "" : "s"}`;
}

/** A message as a clause, its closing periods dropped, for text that goes on after it ("refused.." otherwise). */
function clause(text: string): string {
  return text.replace(/\.+$/, "");
}
