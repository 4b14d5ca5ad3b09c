/**
 * Before Refresh rewrites Halo's columns: the cells there the user changed since the pull (or since
 * Push sent them: Push renews the snapshot for the rows Halo took). Refresh would replace them with
 * Halo's values, so the pane asks first. A cell is as pulled when it holds what the pull wrote for the
 * snapshot's value (pullWriter's conversion: text as text, dates as serials). Rows are matched by `id`
 * when the table and the snapshot have one (so a sorted table is no edit), else by position; a row
 * whose id the snapshot does not hold (typed by the user, or its id changed) counts with its cells.
 */
import { cellAddress } from "../bulk";
import type { ReportColumnType } from "../halo";
import { readInChunks } from "./chunkedRead";
import type { PullRecord, PullSnapshot } from "./pullRecord";
import { readPullSnapshot } from "./pullRecord";
import { toExcelCell } from "./sheetCells";

/** A table's data as read: its header row and body values, with where the body starts on the sheet. */
export interface TableCells {
  headers: string[];
  rows: unknown[][];
  /** 0-based sheet row and column of the body's first cell. */
  firstRow: number;
  firstColumn: number;
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

/** The cell the pull wrote for a snapshot value, as Range.values reads it back (no text prefix). */
function asPulled(value: unknown, type: ReportColumnType): unknown {
  if (value === null || value === undefined) return "";
  const cell = toExcelCell(value as Parameters<typeof toExcelCell>[0], type);
  return typeof cell === "string" && cell.startsWith("'") ? cell.slice(1) : cell;
}

/** As pulled: the same number (a date serial within rounding), both blank, or the same text (as Push
 *  compares: Halo's answer after a push may give 3 as "3"). */
function samePulled(now: unknown, pulled: unknown): boolean {
  if (typeof now === "number" && typeof pulled === "number") return Math.abs(now - pulled) < 1e-9;
  if (isBlank(now) || isBlank(pulled)) return isBlank(now) && isBlank(pulled);
  return String(now).trim() === String(pulled).trim();
}

function idKey(value: unknown): string {
  return isBlank(value) ? "" : String(value).trim();
}

/**
 * The addresses ("C5") of the cells in the snapshot's columns that differ from the snapshot, in sheet
 * order. `types` gives each header's column type (from the same source read again); text by default.
 */
export function cellsChangedSincePull(
  table: TableCells,
  snapshot: PullSnapshot,
  types: ReadonlyMap<string, ReportColumnType>,
): string[] {
  const columns = snapshot.headers
    .map((header, s) => ({ header, s, c: table.headers.indexOf(header) }))
    .filter(({ c }) => c >= 0);
  const idAt = table.headers.indexOf("id");
  const snapshotIdAt = snapshot.headers.indexOf("id");
  const byId =
    idAt >= 0 && snapshotIdAt >= 0
      ? new Map(snapshot.rows.map((row) => [idKey(row[snapshotIdAt]), row]))
      : undefined;
  const changed: string[] = [];
  table.rows.forEach((row, r) => {
    const pulled = byId ? byId.get(idKey(row[idAt])) : snapshot.rows[r];
    for (const { header, s, c } of columns) {
      const now = row[c];
      const was = pulled === undefined ? "" : asPulled(pulled[s], types.get(header) ?? "text");
      if (!samePulled(now, was)) changed.push(cellAddress(table.firstColumn + c, table.firstRow + r + 1));
    }
  });
  return changed;
}

/** The pulled table's cells as they are now; undefined when the table is gone. */
async function readTable(tableName: string): Promise<TableCells | undefined> {
  return Excel.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(tableName);
    await context.sync();
    if (table.isNullObject) return undefined;
    const header = table.getHeaderRowRange();
    header.load("values,rowIndex,columnIndex,columnCount");
    const body = table.getDataBodyRange();
    body.load("rowCount");
    await context.sync();
    const rows: unknown[][] = [];
    const block = {
      row: header.rowIndex + 1,
      column: header.columnIndex,
      rowCount: body.rowCount,
      columnCount: header.columnCount,
    };
    await readInChunks(context, table.worksheet, block, "values", (range) => rows.push(...range.values));
    return {
      headers: header.values[0]!.map((v) => String(v)),
      rows,
      firstRow: header.rowIndex + 1,
      firstColumn: header.columnIndex,
    };
  });
}

/** The cells of Halo's columns the user changed since the pull; none without a snapshot or a table. */
export async function editsSincePull(
  record: PullRecord,
  types: ReadonlyMap<string, ReportColumnType>,
): Promise<string[]> {
  const snapshot = await readPullSnapshot(record.sheetId);
  if (snapshot === undefined) return [];
  const table = await readTable(record.tableName);
  return table === undefined ? [] : cellsChangedSincePull(table, snapshot, types);
}
