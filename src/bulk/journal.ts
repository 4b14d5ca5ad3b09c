/**
 * Undo: the journal of a run holds each written row's before-image; undoPlan turns it into a plan
 * that writes those values back, and undo() runs it as a new run (itself journalled, so it can be
 * undone too). Rows whose result is Unknown are restored as well: writing the old values to a record
 * the lost write never reached changes nothing. Created records are not deleted.
 */
import { entitySchema } from "../halo";
import { DEFAULT_BATCH_BYTES, DEFAULT_BATCH_ROWS, jsonBytes } from "./batch";
import type { HaloPort } from "./haloPort";
import type { Plan, PlannedRow } from "./planTypes";
import { startRun } from "./run";
import { runFlags } from "./runFlags";
import type { RunHandle, RunOptions, RunReport } from "./runTypes";

export interface UndoOptions {
  dontFireAutomations?: boolean;
  batchRows?: number;
  batchBytes?: number;
}

export function undoPlan(report: RunReport, options: UndoOptions = {}): Plan {
  const flags = runFlags(entitySchema(report.entity), { dontFireAutomations: options.dontFireAutomations });
  const rows: PlannedRow[] = [];
  for (const entry of report.journal) {
    const status = report.results[entry.key]?.status;
    if (status !== "Updated" && status !== "Unknown") continue;
    const changes = Object.entries(entry.before)
      .filter(([field]) => field !== "id")
      .map(([field, value]) => ({ field, old: entry.sent[field], new: value }));
    rows.push({
      key: rows.length,
      rowNumber: entry.rowNumber,
      id: entry.id,
      action: "update",
      object: { ...entry.before, id: entry.id },
      before: { ...entry.sent, id: entry.id },
      changes,
      bytes: jsonBytes({ ...entry.before, id: entry.id, ...flags.objectFields }),
    });
  }
  for (const result of report.results) {
    if (result.status !== "Created") continue;
    rows.push({
      key: rows.length,
      rowNumber: result.rowNumber,
      ...(result.id === undefined ? {} : { id: result.id }),
      action: "skip",
      reason: `Row ${result.rowNumber} created record ${result.id ?? "(no id returned)"}; undo does not delete records.`,
      changes: [],
      bytes: 0,
    });
  }
  return {
    entity: report.entity,
    rows,
    flags,
    batchRows: options.batchRows ?? DEFAULT_BATCH_ROWS,
    batchBytes: options.batchBytes ?? DEFAULT_BATCH_BYTES,
  };
}

/** Sends a run's before-images back, as a new run. */
export function undo(report: RunReport, port: HaloPort, options: RunOptions & UndoOptions): RunHandle {
  return startRun(undoPlan(report, options), port, options);
}
