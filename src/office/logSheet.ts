/**
 * The HaloSheet Log sheet: one row per run (time, instance, entity, counts, requests, duration, undo
 * state), for people reading the workbook later. A run's row is refreshed when its state changes (done,
 * undone); the journal itself is in the workbook store, not here.
 */
import type { RunRecord } from "./pushRecord";

export const LOG_SHEET_NAME = "HaloSheet Log";

export const LOG_HEADERS = [
  "Run",
  "Started",
  "Sheet",
  "Instance",
  "Entity",
  "Kind",
  "State",
  "Updated",
  "Created",
  "Unchanged",
  "Skipped",
  "Failed",
  "Conflicts",
  "Not sent",
  "Unknown",
  "Requests",
  "Seconds",
  "Undo",
] as const;

export function logRow(run: RunRecord): (string | number)[] {
  const c = run.counts;
  const kind = run.undoOf ? `Undo of ${run.undoOf}` : run.dryRun ? "Dry run" : "Push";
  const undo = run.undoneBy ? `Undone by ${run.undoneBy}` : run.dryRun || run.undoOf ? "" : "Can be undone";
  return [
    run.runId,
    run.startedAt,
    run.sheetName,
    run.instanceUrl,
    run.entity,
    kind,
    run.state,
    c.updated,
    c.created,
    c.unchanged,
    c.skipped,
    c.failed,
    c.conflicts,
    c.notSent,
    c.unknown,
    run.requests,
    Math.round(run.elapsedMs / 100) / 10,
    undo,
  ];
}

/** Adds the run's row to the log sheet (created at the end when missing), or refreshes it. */
export async function logRunToSheet(run: RunRecord): Promise<void> {
  await Excel.run(async (context) => {
    let sheet = context.workbook.worksheets.getItemOrNullObject(LOG_SHEET_NAME);
    await context.sync();
    if (sheet.isNullObject) {
      sheet = context.workbook.worksheets.add(LOG_SHEET_NAME);
      sheet.getRangeByIndexes(0, 0, 1, LOG_HEADERS.length).values = [[...LOG_HEADERS]];
    }
    const used = sheet.getUsedRange(true);
    used.load("rowCount");
    const ids = sheet.getUsedRange(true).getColumn(0);
    ids.load("values");
    await context.sync();
    const at = ids.values.findIndex((row) => row[0] === run.runId);
    const rowIndex = at >= 0 ? at : Math.max(used.rowCount, 1);
    sheet.getRangeByIndexes(rowIndex, 0, 1, LOG_HEADERS.length).values = [logRow(run)];
    await context.sync();
  });
}
