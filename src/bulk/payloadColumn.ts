/**
 * A column of JSON payload cells (=HALO.PAYLOAD or =HALO.JSON results, or JSON typed by hand): named by
 * its header, or found by what it holds. When a selection holds field columns and a payload column,
 * the payload column wins: its cells are exactly what the user built to send.
 */
import { isBlankCell, isExcelErrorValue, type CellValue, type SheetRow } from "./cells";
import type { JsonColumn, SheetTable } from "./plan";

function looksLikeJson(value: CellValue): boolean {
  return typeof value === "string" && /^\s*[[{]/.test(value);
}

/**
 * Whether a column holds payloads: some cell is JSON object text, and every other non-blank cell is
 * JSON text or an Excel error (a HALO.PAYLOAD that failed: its row is skipped, naming the cell).
 */
export function isPayloadColumn(rows: readonly SheetRow[], column: number): boolean {
  let json = 0;
  for (const row of rows) {
    const value = row.values[column] ?? null;
    if (isBlankCell(value) || isExcelErrorValue(value)) continue;
    if (!looksLikeJson(value)) return false;
    json++;
  }
  return json > 0;
}

/** The payload column among `candidates` (indexes into headers): the one named, else the first holding JSON. */
export function findPayloadColumn(
  table: SheetTable,
  candidates: readonly number[] = table.headers.map((_, i) => i),
  name?: string,
): number | undefined {
  if (name !== undefined) {
    const wanted = name.trim().toLowerCase();
    const named = table.headers.findIndex((h) => h.trim().toLowerCase() === wanted);
    return named >= 0 ? named : undefined;
  }
  return candidates.find((column) => isPayloadColumn(table.rows, column));
}

/** One column of a table as a JsonColumn source. */
export function payloadColumnSource(table: SheetTable, column: number): JsonColumn {
  return {
    column: table.headers[column] ?? "",
    cells: table.rows.map((row) => ({ rowNumber: row.rowNumber, value: row.values[column] ?? null })),
  };
}
