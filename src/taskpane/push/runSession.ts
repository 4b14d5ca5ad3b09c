/**
 * One run from the pane: starts the engine, writes each row's Status and Message to the sheet as
 * batches settle, keeps the run's journal in the workbook as it goes (so closing the pane loses
 * nothing), and at the end logs the run, updates the pull snapshot for the rows Halo took, and marks
 * an undone run. Plain TypeScript: the hook (usePush) only holds its progress and outcome.
 */
import {
  startRun,
  type CellValue,
  type HaloPort,
  type Plan,
  type RowResult,
  type RunHandle,
  type RunProgress,
  type RunReport,
} from "../../bulk";
import { countResults, type RunRecord } from "../../office/pushRecord";
import type { SheetSelection } from "../../office/selection";
import type { StatusCell } from "../../office/statusColumns";
import { statusCells } from "./statusCells";
import type { Snapshot } from "./pushPlan";
import type { PushServices } from "./pushServices";

/** How often a running run's journal is saved to the workbook. */
const SAVE_EVERY_MS = 3000;

export type RunKind = "push" | "dryRun" | "retry" | "undo";

export interface RunRequest {
  kind: RunKind;
  plan: Plan;
  selection: SheetSelection;
  instanceUrl: string;
  port: HaloPort;
  snapshot?: Snapshot;
  verify: boolean;
  /** Conflict check for rows with a snapshot before-image (pushes) or a sent image (undo). */
  conflicts?: "skip" | "overwrite";
  /** Read records for before-images the snapshot does not give (default true). */
  readBeforeImages?: boolean;
  undoOf?: RunRecord;
  /** The field a column header was sent as (the column mapping), for updating the snapshot. */
  targetOf?: (header: string) => string;
}

export interface RunOutcome {
  record: RunRecord;
  report: RunReport;
  plan: Plan;
  selection: SheetSelection;
  kind: RunKind;
}

export interface StartedRun {
  runId: string;
  handle: RunHandle;
  outcome: Promise<RunOutcome>;
}

export function startSession(
  services: PushServices,
  request: RunRequest,
  onProgress: (progress: RunProgress) => void,
): StartedRun {
  const runId = services.newRunId();
  const record: RunRecord = {
    version: 1,
    runId,
    sheetId: request.selection.sheetId,
    sheetName: request.selection.sheetName,
    instanceUrl: request.instanceUrl,
    entity: request.plan.entity,
    dryRun: request.plan.flags.dryRun,
    startedAt: new Date(services.clock.now()).toISOString(),
    state: "running",
    ...(request.undoOf ? { undoOf: request.undoOf.runId } : {}),
    rowsTotal: request.plan.rows.length,
    requests: 0,
    elapsedMs: 0,
    counts: countResults([]),
    results: new Array<RowResult | null>(request.plan.rows.length).fill(null),
    journal: [],
  };
  let selection = request.selection;
  const dirtyRows = new Set<number>();
  let flushing: Promise<void> | undefined;
  let again = false;
  let lastSaved = services.clock.now();

  const flushOnce = async (): Promise<void> => {
    const rows = new Set(dirtyRows);
    dirtyRows.clear();
    const cells: StatusCell[] = statusCells(record.results, request.kind === "undo").filter((c) =>
      rows.has(c.rowNumber),
    );
    selection = await services.writeStatus(selection, cells);
    record.counts = countResults(record.results);
    // The journal grows with the run: written every few seconds, not after every batch.
    if (record.state !== "running" || services.clock.now() - lastSaved >= SAVE_EVERY_MS) {
      lastSaved = services.clock.now();
      await services.writeRun(record);
    }
  };
  // One flush at a time; rows settling meanwhile go in the next.
  const flush = (): Promise<void> => {
    if (flushing) {
      again = true;
      return flushing;
    }
    flushing = (async () => {
      do {
        again = false;
        await flushOnce();
      } while (again);
    })().finally(() => (flushing = undefined));
    return flushing;
  };

  const handle = startRun(request.plan, request.port, {
    clock: services.clock,
    verifyAfterWrite: request.verify,
    ...(request.readBeforeImages === false ? { readBeforeImages: false } : {}),
    ...(request.conflicts ? { conflicts: request.conflicts } : {}),
    ...(request.kind === "undo" ? { conflictsSince: "this push" } : {}),
    onProgress: (progress) => {
      onProgress(progress);
      if (dirtyRows.size > 0) void flush().catch(() => undefined);
    },
    onResult: (result) => {
      record.results[result.key] = result;
      dirtyRows.add(result.rowNumber);
    },
    onJournal: (entry) => record.journal.push(entry),
  });

  const outcome = (async (): Promise<RunOutcome> => {
    await services.writeRun(record);
    const report = await handle.done;
    await flushing?.catch(() => undefined);
    for (const result of report.results) dirtyRows.add(result.rowNumber);
    record.results = report.results;
    record.journal = report.journal;
    record.state = "done";
    record.finishedAt = new Date(services.clock.now()).toISOString();
    record.requests = report.requests;
    record.elapsedMs = report.elapsedMs;
    await flush();
    await services.logRun(record);
    if (request.undoOf) {
      request.undoOf.undoneBy = runId;
      await services.writeRun(request.undoOf);
      await services.logRun(request.undoOf);
    }
    if (!record.dryRun && request.kind !== "undo" && request.snapshot) {
      const taken = takenRows(
        report,
        request.plan,
        selection,
        request.snapshot.headers,
        request.targetOf ?? (() => ""),
      );
      if (taken.size > 0) await services.updateSnapshotRows(selection.sheetId, taken);
    }
    return { record, report, plan: request.plan, selection, kind: request.kind };
  })();
  return { runId, handle, outcome };
}

/**
 * The fields Halo took, as the sheet shows them, by record id and snapshot header: the snapshot then
 * matches Halo again for them, and the next push compares against it.
 */
function takenRows(
  report: RunReport,
  plan: Plan,
  selection: SheetSelection,
  snapshotHeaders: readonly string[],
  targetOf: (header: string) => string,
): Map<number, Record<string, CellValue>> {
  const rowByNumber = new Map(selection.rows.map((r) => [r.rowNumber, r.values]));
  const taken = new Map<number, Record<string, CellValue>>();
  for (const result of report.results) {
    if (result.status !== "Updated" || result.id === undefined) continue;
    const values = rowByNumber.get(result.rowNumber);
    const sent = new Set(plan.rows[result.key]?.changes.map((c) => c.field.toLowerCase()));
    if (!values) continue;
    const fields: Record<string, CellValue> = {};
    for (const header of snapshotHeaders) {
      const at = selection.headers.indexOf(header);
      const target = targetOf(header).toLowerCase();
      if (at >= 0 && (sent.has(header.toLowerCase()) || (target !== "" && sent.has(target))))
        fields[header] = values[at] ?? null;
    }
    if (Object.keys(fields).length > 0) taken.set(result.id, fields);
  }
  return taken;
}
