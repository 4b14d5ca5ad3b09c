/**
 * Builds a plan from sheet rows (or a JSON payload column) and an optional snapshot: per row update,
 * create, unchanged or skip (with a reason naming the row and cell), changed fields only when a
 * snapshot is given, and the run flags the entity's schema allows. Invalid rows are skipped; the
 * valid rest still goes. Rows hidden or filtered out never get here: the pane leaves them out when it
 * reads the selection (src/office/selection.ts), and a CSV has none.
 */
import { entitySchema } from "../halo";
import { DEFAULT_BATCH_BYTES, DEFAULT_BATCH_ROWS, jsonBytes } from "./batch";
import { cellAddress, type CellValue, type SheetRow } from "./cells";
import { jsonCellsToPayloads, rowsToPayloads } from "./payload";
import type { CellProblem, PayloadOptions, PayloadResult } from "./payload";
import type { Plan, PlannedRow } from "./planTypes";
import { runFlags } from "./runFlags";
import { changesWithoutSnapshot, diffAgainstSnapshot } from "./snapshotDiff";
import { snapshotById } from "./snapshotIndex";
import { blankUnchangedCells } from "./unchangedCells";
import { duplicateIdReasons } from "./duplicateIds";

/** Header row plus value rows, as read from the sheet. */
export interface SheetTable {
  headers: string[];
  rows: SheetRow[];
}

/** A column of JSON payload cells (each an object or an array of objects). */
export interface JsonColumn {
  column: string;
  cells: { rowNumber: number; value: CellValue }[];
}

export interface PlanOptions {
  /** Rows without an id create records only when allowed (default false: they are skipped). */
  allowCreate?: boolean;
  /** Per request: rows (default 100) and bytes (default 1 MB); a row too large for a request alone is skipped. */
  batchRows?: number;
  batchBytes?: number;
  dontFireAutomations?: boolean;
  dryRun?: boolean;
  /** Passed to the payload engine (clear marker, array delimiter, first column); the entity is the plan's. */
  payload?: Omit<PayloadOptions, "entity">;
}

export interface PlanRequest {
  entity: string;
  source: SheetTable | JsonColumn;
  /** The values as pulled, for changed-fields-only and the diff. */
  snapshot?: SheetTable;
  options?: PlanOptions;
}

function isTable(source: SheetTable | JsonColumn): source is SheetTable {
  return "headers" in source;
}

/** Every problem's message already names its cell (CellProblem.message). */
function problemText(problems: CellProblem[]): string {
  return problems.map((p) => p.message).join("; ");
}

function numericId(value: unknown): number | "missing" | "invalid" {
  if (value === undefined || value === null || value === "" || value === 0 || value === -1) return "missing";
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : "invalid";
}

export function buildPlan(request: PlanRequest): Plan {
  const schema = entitySchema(request.entity);
  const options = request.options ?? {};
  const flags = runFlags(schema, options);
  const batchRows = Math.max(1, options.batchRows ?? DEFAULT_BATCH_ROWS);
  const batchBytes = options.batchBytes ?? DEFAULT_BATCH_BYTES;
  // A row travels at least alone, in a JSON array: `[row]`.
  const maxRowBytes = batchBytes - 2;
  const payloadOptions: PayloadOptions = { ...options.payload, entity: schema.entity };
  const idColumn = isTable(request.source)
    ? request.source.headers.findIndex((h) => h.trim().toLowerCase() === "id")
    : -1;
  const idCell = (rowNumber: number): string =>
    idColumn >= 0 ? ` (cell ${cellAddress(idColumn + (payloadOptions.firstColumn ?? 0), rowNumber)})` : "";

  const rowNumbers = isTable(request.source)
    ? request.source.rows.map((r) => r.rowNumber)
    : request.source.cells.map((c) => c.rowNumber);
  // With a snapshot, cells still as pulled are no edits: blank them so only edits are read and sent.
  const table =
    isTable(request.source) && request.snapshot
      ? blankUnchangedCells(request.source, request.snapshot)
      : request.source;
  const converted: PayloadResult = isTable(table)
    ? rowsToPayloads(table.headers, table.rows, payloadOptions)
    : jsonCellsToPayloads(table.column, table.cells, payloadOptions);
  // A payload column's objects are compared with every snapshot column (its keys are field names).
  const snapshot = request.snapshot
    ? snapshotById(
        request.snapshot,
        isTable(request.source) ? request.source.headers : request.snapshot.headers,
        payloadOptions,
      )
    : undefined;
  const duplicates = duplicateIdReasons(converted.payloads);
  // Grouped once: filtering the whole result per row made large plans quadratic.
  const problemsByRow = groupByRow(converted.problems);
  const payloadsByRow = groupByRow(converted.payloads);

  const rows: PlannedRow[] = [];
  const add = (row: Omit<PlannedRow, "key" | "changes" | "bytes"> & Partial<PlannedRow>): void => {
    rows.push({ changes: [], bytes: 0, ...row, key: rows.length });
  };
  for (const rowNumber of new Set(rowNumbers)) {
    const problems = problemsByRow.get(rowNumber) ?? [];
    if (problems.length > 0) {
      add({ rowNumber, action: "skip", reason: `Row ${rowNumber}: ${problemText(problems)}` });
      continue;
    }
    const payloads = payloadsByRow.get(rowNumber) ?? [];
    if (payloads.length === 0) add({ rowNumber, action: "skip", reason: `Row ${rowNumber} is empty.` });
    for (const { object } of payloads) {
      const id = numericId(object.id);
      if (id === "invalid") {
        add({
          rowNumber,
          action: "skip",
          reason: `Row ${rowNumber}: id ${JSON.stringify(object.id)}${idCell(rowNumber)} is not a record number.`,
        });
      } else if (id === "missing") {
        if (!options.allowCreate)
          add({
            rowNumber,
            action: "skip",
            reason: `Row ${rowNumber} has no id${idCell(rowNumber)} and creating records is not allowed.`,
          });
        else {
          const { id: _ignored, ...fields } = object;
          add({ rowNumber, action: "create", object: fields, changes: changesWithoutSnapshot(fields) });
        }
      } else if (duplicates.has(id)) {
        add({ rowNumber, id, action: "skip", reason: duplicates.get(id) });
      } else {
        const old = snapshot?.get(id);
        const diff = old
          ? diffAgainstSnapshot(object, old)
          : { object, changes: changesWithoutSnapshot(object) };
        if (diff.changes.length === 0) {
          const reason = old
            ? "No field differs from the snapshot; not sent."
            : "Nothing to send: the row has only its id.";
          add({ rowNumber, id, action: "unchanged", reason });
        } else add({ rowNumber, id, action: "update", ...diff });
      }
    }
  }
  for (const row of rows) {
    if (!row.object) continue;
    row.bytes = jsonBytes({ ...row.object, ...flags.objectFields });
    if (row.bytes > maxRowBytes) {
      row.reason = `Row ${row.rowNumber} is ${row.bytes} bytes as JSON, over the ${maxRowBytes}-byte limit for one request; not sent.`;
      row.action = "skip";
      delete row.object;
      delete row.before;
    }
  }
  return { entity: schema.entity, rows, flags, batchRows, batchBytes };
}

function groupByRow<T extends { rowNumber: number }>(items: readonly T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const group = groups.get(item.rowNumber);
    if (group) group.push(item);
    else groups.set(item.rowNumber, [item]);
  }
  return groups;
}
