/**
 * Reads what the user selected for a push: the rows of the selection across the whole width of the
 * table (or the used range) they sit in, the header row of that block, the formulas beside the values,
 * and which columns were selected. A whole-column or whole-sheet selection is cut to the used range.
 * The header row is the table's header row when the selection is in a table or beside one (all its
 * rows within the table's rows), else the first selected row. Rows hidden by hand or by a filter are left out and listed: they are never pushed.
 */
import type { CellValue, SheetRow } from "../bulk";
import { excelErrorCode } from "./excelErrors";
import { hiddenRowsIn } from "./hiddenRows";
import { findResultColumns } from "./resultColumns";

export interface SheetSelection {
  sheetId: string;
  sheetName: string;
  /** The selection as Excel gives it ("Clients!D2:D51"), before cutting to the data. */
  address: string;
  tableName?: string;
  /** 1-based sheet row of the header row. */
  headerRowNumber: number;
  /** 0-based sheet column of headers[0]. */
  firstColumn: number;
  /** The header row across the data block (Status and Message included when there). */
  headers: string[];
  /** The selected rows below the header row, across the block (values as Excel gives them); hidden rows left out. */
  rows: SheetRow[];
  /** 1-based sheet rows of the selection that were hidden or filtered out: not read, never pushed. */
  hiddenRows: number[];
  /** Formulas of the same cells (for a constant Excel gives its value). */
  formulas: string[][];
  /** Indexes into headers of the columns the user selected. */
  selectedColumns: number[];
  /** Indexes into headers of the Status and Message columns, when the header row has them. */
  resultColumns?: { status: number; message: number };
  /** 0-based sheet column just right of the block: where Status and Message go when missing. */
  nextFreeColumn: number;
}

export class SelectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SelectionError";
  }
}

interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Rows per sync when reading: 5,000 rows of 20 cells stay well under Excel's 5 MB answer. */
const READ_CHUNK_ROWS = 5000;

function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

function withinRows(inner: Rect, outer: Rect): boolean {
  return inner.row >= outer.row && inner.row + inner.rows <= outer.row + outer.rows;
}

/**
 * The table the selection belongs to: one it overlaps, else one whose rows hold every selected row
 * (a payload column typed beside a pulled table: F2:F243 beside A1:E243 takes the table's header row).
 */
function tableOf<T extends { rect: Rect }>(tables: readonly T[], selection: Rect): T | undefined {
  return tables.find((t) => overlaps(t.rect, selection)) ?? tables.find((t) => withinRows(selection, t.rect));
}

function rectOf(range: Excel.Range): Rect {
  return { row: range.rowIndex, col: range.columnIndex, rows: range.rowCount, cols: range.columnCount };
}

function asCell(value: unknown): CellValue {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : null;
}

const SEVERAL_BLOCKS =
  "Several blocks are selected (as Select failed rows leaves them): select one block of rows to push, or use Retry failed.";

/** Areas named in a message at most: the rest are counted. */
const AREAS_NAMED = 5;

const UNMERGE =
  "Excel keeps a merged area's value in its first cell only, so the other rows would be read as blank. Unmerge them (Home → Merge & Center → Unmerge Cells) and fill in the values, then preview again. Nothing was read or sent.";

/** Excel keeps a merged area's value in its first cell: the rows below would be read blank, and blank leaves a field alone. */
function mergedMessage(address: string): string {
  const areas = address
    .split(",")
    .map((area) => area.replace(/^.*!/, "").trim())
    .filter((area) => area !== "");
  const named = areas.slice(0, AREAS_NAMED).join(", ");
  const more = areas.length > AREAS_NAMED ? ` and ${areas.length - AREAS_NAMED} more` : "";
  return `Merged cells in the rows to push (${named}${more}): ${UNMERGE}`;
}

/* Excel refuses to list more than 512 merged areas (Range.getMergedAreasOrNullObject fails; the error
   code is not documented): the rows hold merged cells all the same. */
const TOO_MANY_MERGED = `The rows to push hold more than 512 merged areas, more than Excel can list. ${UNMERGE}`;

/**
 * Refuses merged cells in the header row and the rows to push, before anything of them is read: a sync
 * of its own, so a failure is this check's. An API set Excel lacks (ApiNotFound) is left as it is.
 */
async function refuseMergedCells(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  area: Rect,
): Promise<void> {
  const merged = sheet
    .getRangeByIndexes(area.row, area.col, area.rows, area.cols)
    .getMergedAreasOrNullObject();
  merged.load("address");
  await context.sync().catch((error: unknown) => {
    throw excelErrorCode(error) === "ApiNotFound" ? error : new SelectionError(TOO_MANY_MERGED);
  });
  if (!merged.isNullObject) throw new SelectionError(mergedMessage(merged.address));
}

/** Excel refuses getSelectedRange() for a selection of several blocks, with the code InvalidSelection. */
function severalBlocks(error: unknown): boolean {
  return excelErrorCode(error) === "InvalidSelection";
}

/** Reads the selection of the active sheet; SelectionError when it holds no data rows. */
export async function readSelection(): Promise<SheetSelection> {
  return Excel.run(async (context) => {
    const selected = context.workbook.getSelectedRange();
    selected.load("address,rowIndex,columnIndex,rowCount,columnCount");
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load("id,name");
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    // A navigation property: it needs no load (the rule cannot tell it from a scalar).
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    const tables = sheet.tables;
    tables.load("items/name");
    await context.sync().catch((error: unknown) => {
      throw severalBlocks(error) ? new SelectionError(SEVERAL_BLOCKS) : error;
    });
    if (used.isNullObject) throw new SelectionError(`The sheet ${sheet.name} is empty: nothing to push.`);
    const tableRanges = tables.items.map((table) => {
      const range = table.getRange();
      range.load("rowIndex,columnIndex,rowCount,columnCount");
      return { name: table.name, range };
    });
    await context.sync();

    const selection = rectOf(selected);
    const table = tableOf(
      tableRanges.map((t) => ({ name: t.name, rect: rectOf(t.range) })),
      selection,
    );
    const usedRect = rectOf(used);
    const block = table ? table.rect : usedRect;
    // The used range may reach right of a table (a payload column typed beside it): rows stay the table's.
    const width = table ? Math.max(block.cols, usedRect.col + usedRect.cols - block.col) : block.cols;
    // Outside a table the header row is the first selected row within the used range.
    const headerRow = table ? block.row : Math.max(selection.row, block.row);
    const firstRow = Math.max(selection.row, headerRow + 1);
    const lastRow = Math.min(selection.row + selection.rows, block.row + block.rows) - 1;
    if (lastRow < firstRow)
      throw new SelectionError(
        table
          ? `Select the rows to push below the table's header row (row ${headerRow + 1}): ${selected.address} holds no data rows.`
          : `Select the header row and the rows to push below it: ${selected.address} holds no data rows (outside a table the first selected row is the header row).`,
      );

    await refuseMergedCells(context, sheet, {
      row: headerRow,
      col: block.col,
      rows: lastRow - headerRow + 1,
      cols: width,
    });
    const header = sheet.getRangeByIndexes(headerRow, block.col, 1, width);
    header.load("values");
    const chunks: Excel.Range[] = [];
    for (let row = firstRow; row <= lastRow; row += READ_CHUNK_ROWS) {
      const range = sheet.getRangeByIndexes(
        row,
        block.col,
        Math.min(READ_CHUNK_ROWS, lastRow - row + 1),
        width,
      );
      range.load("values,formulas");
      chunks.push(range);
    }
    await context.sync();
    const hidden = new Set(await hiddenRowsIn(context, sheet, firstRow, lastRow - firstRow + 1));

    const headers = (header.values[0] ?? []).map((v) =>
      v === null || v === undefined ? "" : String(v).trim(),
    );
    const results = findResultColumns(headers);
    const rows: SheetRow[] = [];
    const formulas: string[][] = [];
    let row = firstRow;
    for (const chunk of chunks)
      for (const [r, values] of chunk.values.entries()) {
        if (!hidden.has(row)) {
          rows.push({ rowNumber: row + 1, values: values.map(asCell) });
          formulas.push((chunk.formulas[r] ?? []).map((f) => String(f ?? "")));
        }
        row++;
      }
    const selectedColumns = headers
      .map((_, index) => index)
      .filter(
        (index) => block.col + index >= selection.col && block.col + index < selection.col + selection.cols,
      )
      .filter((index) => index !== results?.status && index !== results?.message);
    return {
      sheetId: sheet.id,
      sheetName: sheet.name,
      address: selected.address,
      ...(table ? { tableName: table.name } : {}),
      headerRowNumber: headerRow + 1,
      firstColumn: block.col,
      headers,
      rows,
      hiddenRows: [...hidden].map((r) => r + 1),
      formulas,
      selectedColumns,
      ...(results ? { resultColumns: results } : {}),
      nextFreeColumn: block.col + width,
    };
  });
}
