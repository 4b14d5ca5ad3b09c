/**
 * Refresh keeps what a user typed in their own columns of a pulled table beside its record: when Halo's
 * rows come back in another order, or some are gone, the typed values move with their record's `id`.
 * Formula cells are left where they are: a table's formula column computes from its own row, so it is
 * right whatever record the row now holds (and new rows get it as Excel's calculated columns do).
 * Without a usable `id` (missing, blank or repeated, before or after) rows stay matched by position.
 */
import type { ReportValue } from "../halo";
import { chunkRowsByBytes, DEFAULT_SYNC_BUDGET_BYTES } from "./chunkedWrite";
import type { ExcelCell } from "./sheetCells";

/** A user cell before Refresh: a formula, or the value the user typed (blank is ""). */
export type UserCell = { formula: true } | { value: ExcelCell };

/** What a row's user cell becomes: a value to write, or undefined to leave the cell as it is. */
export type UserCellWrite = ExcelCell | undefined;

function idKeys(ids: readonly unknown[]): string[] | undefined {
  const keys = ids.map((id) => (id === null || id === undefined ? "" : String(id).trim()));
  if (keys.some((key) => key === "") || new Set(keys).size !== keys.length) return undefined;
  return keys;
}

/**
 * For each row after Refresh, what one user column's cell becomes; undefined (the whole answer) when the
 * ids cannot match rows, so nothing moves. A record's typed value follows it; a new record gets a blank
 * where another record's typed value was; formula cells stay.
 */
export function userCellMoves(
  oldIds: readonly unknown[],
  newIds: readonly ReportValue[],
  oldCells: readonly UserCell[],
): UserCellWrite[] | undefined {
  const oldKeys = idKeys(oldIds);
  const newKeys = idKeys(newIds);
  if (oldKeys === undefined || newKeys === undefined) return undefined;
  const oldRowOf = new Map(oldKeys.map((key, row) => [key, row]));
  return newKeys.map((key, row) => {
    const was = oldRowOf.get(key);
    const own = was === undefined ? undefined : oldCells[was];
    if (own !== undefined && "value" in own) return own.value;
    // The record had a formula here, or is new: keep a formula at this row, clear another record's value.
    const here = oldCells[row];
    return here !== undefined && "value" in here && here.value !== "" ? "" : undefined;
  });
}

/** Text is written with Excel's text prefix, so "007" or "=x" typed as text stay that text. */
function asWritten(value: ExcelCell): ExcelCell {
  return typeof value === "string" && value !== "" ? `'${value}` : value;
}

/** A column's body cells (values and formulas), read in chunks under Excel's response limit. */
export async function readColumn(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  at: { row: number; column: number },
  rowCount: number,
): Promise<{ values: unknown[]; formulas: unknown[] }> {
  const values: unknown[] = [];
  const formulas: unknown[] = [];
  for (let start = 0; start < rowCount; start += READ_ROWS_PER_SYNC) {
    const count = Math.min(READ_ROWS_PER_SYNC, rowCount - start);
    const range = sheet.getRangeByIndexes(at.row + start, at.column, count, 1);
    range.load("values,formulas");
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- each response must stay under 5 MB
    await context.sync();
    values.push(...range.values.map(([value]) => value));
    formulas.push(...range.formulas.map(([formula]) => formula));
  }
  return { values, formulas };
}

/** A column read by readColumn as user cells: a text that merely looks like a formula is a value. */
export function asUserCells(column: { values: unknown[]; formulas: unknown[] }): UserCell[] {
  return column.values.map((value, row) => {
    const formula = column.formulas[row];
    const isFormula = typeof formula === "string" && formula.startsWith("=") && formula !== value;
    return isFormula ? { formula: true } : { value: value as ExcelCell };
  });
}

/** Writes one user column's moves (undefined cells are left alone), each sync under the request limit. */
export async function writeUserCells(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  at: { row: number; column: number },
  moves: readonly UserCellWrite[],
  budgetBytes = DEFAULT_SYNC_BUDGET_BYTES,
): Promise<void> {
  const rows = moves.map((move) => [move === undefined ? null : asWritten(move)]);
  let written = 0;
  for (const chunk of chunkRowsByBytes(rows, budgetBytes)) {
    if (chunk.some(([cell]) => cell !== null)) {
      // null leaves a cell as it is (Excel's rule); Office.js's typings do not list it.
      sheet.getRangeByIndexes(at.row + written, at.column, chunk.length, 1).values =
        chunk as unknown as ExcelCell[][];
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- each request must stay under 5 MB
      await context.sync();
    }
    written += chunk.length;
  }
}

/** Rows read per sync: a long column of text can pass the 5 MB response limit in one read. */
const READ_ROWS_PER_SYNC = 5_000;
