/**
 * Writes a pulled table into the workbook as an Excel table: on a new sheet named after the source, or
 * at the selected cell when the area there is empty. Rows go in chunks that keep every sync under
 * Excel's 5 MB request limit, with calculation suspended while writing. All or nothing: when a write
 * fails or is cancelled, the new sheet is deleted (or the area cleared again), so the workbook is left
 * as it was.
 */
import type { PulledTable } from "../halo";
import { chunkRowsByBytes, DEFAULT_SYNC_BUDGET_BYTES } from "./chunkedWrite";
import { dateFormatFor, toExcelCell, type ExcelCell } from "./sheetCells";

export type PullTarget = { kind: "newSheet" } | { kind: "selection" };

export interface WriteOptions {
  budgetBytes?: number;
  onProgress?: (rowsWritten: number, rowsTotal: number) => void;
  /** Checked between chunks; true stops the write and undoes it. */
  cancelled?: () => boolean;
}

export interface LandedTable {
  sheetId: string;
  sheetName: string;
  tableName: string;
  /** The table's address, "Clients!A1:T5001". */
  address: string;
}

export class PullCancelled extends Error {
  constructor() {
    super("The pull was cancelled: nothing was written to the workbook.");
    this.name = "PullCancelled";
  }
}

/** The target area already holds something: nothing a user typed is overwritten. */
export class TargetNotEmpty extends Error {
  constructor(readonly address: string) {
    super(
      `The ${address} area the rows need is not empty. Select an empty cell with room below and to the right, or pull into a new sheet.`,
    );
    this.name = "TargetNotEmpty";
  }
}

const SHEET_NAME_MAX = 31;

/** A sheet name Excel accepts, unique in the workbook (case-insensitive): "Clients", "Clients (2)". */
export function uniqueSheetName(wanted: string, taken: readonly string[]): string {
  const cleaned =
    wanted
      .replace(/[[\]:*?/\\]/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/^'+|'+$/g, "") || "Halo";
  const base = cleaned.toLowerCase() === "history" ? "History (Halo)" : cleaned;
  const used = new Set(taken.map((n) => n.toLowerCase()));
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const name = base.slice(0, SHEET_NAME_MAX - suffix.length).trimEnd() + suffix;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** A table name Excel accepts (letters, digits, _; never a cell reference), unique in the workbook. */
export function uniqueTableName(wanted: string, taken: readonly string[]): string {
  const words = wanted.replace(/[^\p{L}\p{N}_]+/gu, "_").replace(/^_+|_+$/g, "");
  const base = `Halo_${words || "rows"}`.slice(0, 200);
  const used = new Set(taken.map((n) => n.toLowerCase()));
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}_${n}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** The table's rows as Excel cells, and per column the number format of a date column. */
export function excelRows(table: PulledTable): { rows: ExcelCell[][]; formats: (string | undefined)[] } {
  const formats = table.headers.map((_, c) =>
    dateFormatFor(
      table.rows.map((row) => row[c] ?? null),
      table.types[c] ?? "text",
    ),
  );
  const rows = table.rows.map((row) => row.map((value, c) => toExcelCell(value, table.types[c] ?? "text")));
  return { rows, formats };
}

/**
 * Writes header + rows with the top-left cell at (row, column) of `sheet`, in syncs under the budget;
 * date columns get their format in the same sync as their values.
 */
export async function writeBlockInChunks(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  at: { row: number; column: number },
  rows: ExcelCell[][],
  formats: readonly (string | undefined)[],
  options: WriteOptions,
): Promise<void> {
  const width = formats.length;
  const dated = formats.flatMap((format, c) => (format === undefined ? [] : [{ c, format }]));
  // Size each row with the formats it carries, so values + formats stay under the budget together.
  const sized = rows.map((row) => [...row, ...dated.map((d) => d.format)]);
  const chunks = chunkRowsByBytes(sized, options.budgetBytes ?? DEFAULT_SYNC_BUDGET_BYTES);
  let written = 0;
  for (const chunk of chunks) {
    if (options.cancelled?.()) throw new PullCancelled();
    const first = written;
    const block = chunk.map((row) => row.slice(0, width));
    context.workbook.application.suspendApiCalculationUntilNextSync();
    sheet.getRangeByIndexes(at.row + first, at.column, block.length, width).values = block;
    for (const { c, format } of dated) {
      sheet.getRangeByIndexes(at.row + first, at.column + c, block.length, 1).numberFormat = block.map(() => [
        format,
      ]);
    }
    // One sync per chunk is the point: each request must stay under Excel's payload limit.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    written += block.length;
    options.onProgress?.(written, rows.length);
  }
}

interface Placement {
  sheet: Excel.Worksheet;
  row: number;
  column: number;
  /** Undoes the placement: deletes the new sheet or clears the area. */
  undo(): void;
}

async function placeOnNewSheet(context: Excel.RequestContext, sourceName: string): Promise<Placement> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const sheet = sheets.add(
    uniqueSheetName(
      sourceName,
      sheets.items.map((s) => s.name),
    ),
  );
  await context.sync();
  return { sheet, row: 0, column: 0, undo: () => sheet.delete() };
}

async function placeAtSelection(
  context: Excel.RequestContext,
  height: number,
  width: number,
): Promise<Placement> {
  const cell = context.workbook.getActiveCell();
  cell.load("rowIndex,columnIndex");
  // The active cell is on the active sheet.
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  const tables = context.workbook.worksheets.getActiveWorksheet().tables;
  tables.load("items/name");
  await context.sync();
  const area = sheet.getRangeByIndexes(cell.rowIndex, cell.columnIndex, height, width);
  const used = area.getUsedRangeOrNullObject(false);
  area.load("address");
  await context.sync();
  const overlaps = tables.items.map((t) => t.getRange().getIntersectionOrNullObject(area));
  overlaps.forEach((o) => o.load("address"));
  await context.sync();
  if (!used.isNullObject || overlaps.some((o) => !o.isNullObject)) throw new TargetNotEmpty(area.address);
  return {
    sheet,
    row: cell.rowIndex,
    column: cell.columnIndex,
    undo: () => area.clear(),
  };
}

/** Writes the table and returns where it landed; throws PullCancelled or TargetNotEmpty with nothing changed. */
export async function writePulledTable(
  table: PulledTable,
  sourceName: string,
  target: PullTarget,
  options: WriteOptions = {},
): Promise<LandedTable> {
  const { rows, formats } = excelRows(table);
  const header = table.headers.map((h) => `'${h}`);
  return Excel.run(async (context) => {
    const place =
      target.kind === "newSheet"
        ? await placeOnNewSheet(context, sourceName)
        : await placeAtSelection(context, rows.length + 1, header.length);
    try {
      if (options.cancelled?.()) throw new PullCancelled();
      place.sheet.getRangeByIndexes(place.row, place.column, 1, header.length).values = [header];
      await writeBlockInChunks(
        context,
        place.sheet,
        { row: place.row + 1, column: place.column },
        rows,
        formats,
        options,
      );
      const tables = context.workbook.tables;
      tables.load("items/name");
      await context.sync();
      if (options.cancelled?.()) throw new PullCancelled();
      const range = place.sheet.getRangeByIndexes(
        place.row,
        place.column,
        Math.max(2, rows.length + 1),
        header.length,
      );
      const created = place.sheet.tables.add(range, true);
      created.name = uniqueTableName(
        sourceName,
        tables.items.map((t) => t.name),
      );
      if (target.kind === "newSheet") place.sheet.activate();
      created.load("name");
      place.sheet.load("id,name");
      const address = created.getRange();
      address.load("address");
      await context.sync();
      return {
        sheetId: place.sheet.id,
        sheetName: place.sheet.name,
        tableName: created.name,
        address: address.address,
      };
    } catch (error) {
      // All or nothing: take back what was written before reporting the failure.
      place.undo();
      await context.sync().catch(() => undefined);
      throw error;
    }
  });
}
