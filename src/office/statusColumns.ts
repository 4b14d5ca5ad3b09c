/**
 * The Status and Message columns beside the pushed rows. Found by their headers (the pair "Status",
 * "Message"), else created just right of the data, where nothing the user typed can be. Each push
 * refreshes the rows it pushed and leaves the others' results alone.
 */
import { columnLetters } from "../bulk";
import { findResultColumns, MESSAGE_HEADER, STATUS_HEADER } from "./resultColumns";
import type { SheetSelection } from "./selection";
import { chunkRowsByBytes, DEFAULT_SYNC_BUDGET_BYTES } from "./chunkedWrite";

export interface StatusCell {
  rowNumber: number;
  status: string;
  message: string;
}

/** Excel holds 32,767 characters in a cell; messages are cut well before, readable in a cell. */
const MESSAGE_LIMIT = 2000;

/** Rows of consecutive sheet row numbers, so each is one range write. */
function consecutiveRuns(cells: readonly StatusCell[]): StatusCell[][] {
  const sorted = [...cells].sort((a, b) => a.rowNumber - b.rowNumber);
  const runs: StatusCell[][] = [];
  for (const cell of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1]!.rowNumber + 1 === cell.rowNumber) last.push(cell);
    else runs.push([cell]);
  }
  return runs;
}

function text(message: string): string {
  const cut = message.length > MESSAGE_LIMIT ? `${message.slice(0, MESSAGE_LIMIT - 1)}…` : message;
  // Excel would read a leading = + - as a formula.
  return /^[=+\-']/.test(cut) ? `'${cut}` : cut;
}

/** The sheet column (0-based) of the Status column; Message is the one right of it. */
export function statusColumnOf(selection: SheetSelection): number {
  return selection.resultColumns
    ? selection.firstColumn + selection.resultColumns.status
    : selection.nextFreeColumn;
}

/** Writes the cells; returns the selection with the Status and Message columns known (created if they were missing). */
export async function writeStatusColumns(
  selection: SheetSelection,
  cells: readonly StatusCell[],
): Promise<SheetSelection> {
  if (cells.length === 0) return selection;
  if (!selection.resultColumns && selection.headers.length === 0) {
    // A run undone from History: its sheet's rows were not read, so write only where a Status column is.
    const found = await findSheetResultColumns(selection.sheetName);
    if (!found) return selection;
    selection = { ...selection, ...found };
  }
  const column = statusColumnOf(selection);
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(selection.sheetName);
    if (!selection.resultColumns)
      sheet.getRangeByIndexes(selection.headerRowNumber - 1, column, 1, 2).values = [
        [STATUS_HEADER, MESSAGE_HEADER],
      ];
    for (const run of consecutiveRuns(cells)) {
      const values = run.map((c) => [c.status, text(c.message)]);
      let written = 0;
      for (const chunk of chunkRowsByBytes(values, DEFAULT_SYNC_BUDGET_BYTES)) {
        sheet.getRangeByIndexes(run[0]!.rowNumber - 1 + written, column, chunk.length, 2).values = chunk;
        // One sync per chunk keeps each request under Excel's 5 MB limit.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        written += chunk.length;
      }
    }
    await context.sync();
  });
  const status = column - selection.firstColumn;
  return { ...selection, resultColumns: { status, message: status + 1 } };
}

/** The Status and Message pair in the sheet's first used row, or undefined (the sheet gone, or no pair). */
async function findSheetResultColumns(
  sheetName: string,
): Promise<Pick<SheetSelection, "firstColumn" | "headerRowNumber" | "resultColumns"> | undefined> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
    await context.sync();
    if (sheet.isNullObject) return undefined;
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex");
    await context.sync();
    if (used.isNullObject) return undefined;
    const header = used.getRow(0);
    header.load("values");
    await context.sync();
    const pair = findResultColumns((header.values[0] ?? []).map((v) => String(v ?? "")));
    return pair
      ? { firstColumn: used.columnIndex, headerRowNumber: used.rowIndex + 1, resultColumns: pair }
      : undefined;
  });
}

/**
 * Selects the given rows of the data (from the first column to Message), every block of them at
 * once: Worksheet.getRanges("A3:F3, A7:F9") (ExcelApi 1.9) selects several areas as Ctrl+click does.
 */
export async function selectSheetRows(
  selection: SheetSelection,
  rowNumbers: readonly number[],
): Promise<void> {
  if (rowNumbers.length === 0) return;
  const first = columnLetters(selection.firstColumn);
  const last = columnLetters(statusColumnOf(selection) + 1);
  const address = consecutiveRuns(rowNumbers.map((rowNumber) => ({ rowNumber, status: "", message: "" })))
    .map((run) => `${first}${run[0]!.rowNumber}:${last}${run[run.length - 1]!.rowNumber}`)
    .join(", ");
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(selection.sheetName);
    sheet.activate();
    sheet.getRanges(address).select();
    await context.sync();
  });
}
