/**
 * Refresh keeps what a user put in their own columns of a pulled table beside its record: when Halo's
 * rows come back in another order, or some are gone, each cell follows its record's `id`, a typed value
 * as it is and a formula by its R1C1 text (Range.formulasR1C1), so its relative references point at the
 * record's new row. A whole-column formula (every row the same R1C1 formula: a calculated column) is
 * right for whatever record a row holds and is left as it is; new rows at the table's end are filled by
 * the table, as Excel's calculated columns do.
 * Without a usable `id` (missing, blank or repeated, before or after) rows stay matched by position.
 */
import type { ReportValue } from "../halo";
import { readInChunks } from "./chunkedRead";
import { chunkRowsByBytes, DEFAULT_SYNC_BUDGET_BYTES } from "./chunkedWrite";
import type { ExcelCell } from "./sheetCells";

/** A user cell before Refresh: a formula in R1C1 notation, or the value the user typed (blank is ""),
 *  with its number format (a typed date is a serial: it moves with its format or shows as a number). */
export type UserCell = ({ formulaR1C1: string } | { value: ExcelCell }) & { format?: string };

/** What a row's user cell becomes: a cell to write, or undefined to leave the cell as it is. */
export type UserCellWrite = UserCell | undefined;

function idKeys(ids: readonly unknown[]): string[] | undefined {
  const keys = ids.map((id) => (id === null || id === undefined ? "" : String(id).trim()));
  if (keys.some((key) => key === "") || new Set(keys).size !== keys.length) return undefined;
  return keys;
}

function sameCell(a: UserCell | undefined, b: UserCell | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.format !== b.format) return false;
  return "value" in a
    ? "value" in b && a.value === b.value
    : "formulaR1C1" in b && a.formulaR1C1 === b.formulaR1C1;
}

/** A new record's cell: blank, the cell's format left as the column has it. */
const BLANK: UserCell = { value: "" };

function isBlank(cell: UserCell): boolean {
  return "value" in cell && cell.value === "";
}

/** Every row holds one and the same R1C1 formula: Excel's calculated column. */
function isCalculatedColumn(cells: readonly UserCell[]): boolean {
  const first = cells[0];
  return first !== undefined && "formulaR1C1" in first && cells.every((cell) => sameCell(cell, first));
}

/**
 * For each row after Refresh, what one user column's cell becomes; undefined (the whole answer) when the
 * ids cannot match rows, so nothing moves. A record's cell (typed value or formula) follows it; a new
 * record gets a blank where another record's cell was; a calculated column is not touched.
 */
export function userCellMoves(
  oldIds: readonly unknown[],
  newIds: readonly ReportValue[],
  oldCells: readonly UserCell[],
): UserCellWrite[] | undefined {
  const oldKeys = idKeys(oldIds);
  const newKeys = idKeys(newIds);
  if (oldKeys === undefined || newKeys === undefined) return undefined;
  if (isCalculatedColumn(oldCells)) return newKeys.map(() => undefined);
  const oldRowOf = new Map(oldKeys.map((key, row) => [key, row]));
  return newKeys.map((key, row) => {
    const was = oldRowOf.get(key);
    const here = oldCells[row];
    if (was !== undefined) {
      const own = oldCells[was]!;
      return sameCell(own, here) ? undefined : own;
    }
    // A new record: another record's cell is not left beside it; a row the table adds keeps its fill.
    return here === undefined || isBlank(here) ? undefined : BLANK;
  });
}

/** Text is written with Excel's text prefix, so "007" or "=x" typed as text stay that text. */
function asWritten(value: ExcelCell): ExcelCell {
  return typeof value === "string" && value !== "" ? `'${value}` : value;
}

/** A column's body cells as read by readColumn. */
export interface ColumnCells {
  values: unknown[];
  formulasR1C1: unknown[];
  numberFormat: unknown[];
}

/** A column's body cells (values, R1C1 formulas, formats), read in chunks under Excel's response limit. */
export async function readColumn(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  at: { row: number; column: number },
  rowCount: number,
): Promise<ColumnCells> {
  const cells: ColumnCells = { values: [], formulasR1C1: [], numberFormat: [] };
  const block = { ...at, rowCount, columnCount: 1 };
  await readInChunks(context, sheet, block, "values,formulasR1C1,numberFormat", (range) => {
    cells.values.push(...range.values.map(([value]) => value));
    cells.formulasR1C1.push(...range.formulasR1C1.map(([formula]) => formula));
    cells.numberFormat.push(...range.numberFormat.map(([format]) => format));
  });
  return cells;
}

/** A column read by readColumn as user cells: a text that merely looks like a formula is a value. */
export function asUserCells(column: ColumnCells): UserCell[] {
  return column.values.map((value, row) => {
    const formula = column.formulasR1C1[row];
    const format = column.numberFormat[row];
    const withFormat = typeof format === "string" ? { format } : {};
    const isFormula = typeof formula === "string" && formula.startsWith("=") && formula !== value;
    return isFormula ? { formulaR1C1: formula, ...withFormat } : { value: value as ExcelCell, ...withFormat };
  });
}

/** Writes one user column's moves (undefined cells are left alone, formulas as R1C1), each sync under the request limit. */
export async function writeUserCells(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  at: { row: number; column: number },
  moves: readonly UserCellWrite[],
  budgetBytes = DEFAULT_SYNC_BUDGET_BYTES,
): Promise<void> {
  // Each row: the cell and its format (null leaves either as it is: Excel's rule for a 2-D array).
  const rows = moves.map((move) => [
    move === undefined ? null : "formulaR1C1" in move ? move.formulaR1C1 : asWritten(move.value),
    move?.format ?? null,
  ]);
  let written = 0;
  for (const chunk of chunkRowsByBytes(rows, budgetBytes)) {
    if (chunk.some(([cell, format]) => cell !== null || format !== null)) {
      const range = sheet.getRangeByIndexes(at.row + written, at.column, chunk.length, 1);
      // Format first, so a moved date lands as a date. formulasR1C1 takes typed values as Range.values
      // does; Office.js's typings do not list null.
      range.numberFormat = chunk.map(([, format]) => [format]) as unknown as string[][];
      range.formulasR1C1 = chunk.map(([cell]) => [cell]) as unknown as ExcelCell[][];
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- each request must stay under 5 MB
      await context.sync();
    }
    written += chunk.length;
  }
}
