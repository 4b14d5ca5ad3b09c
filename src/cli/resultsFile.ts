/**
 * results.csv: the input columns plus Status and Message for every input row. A results file can
 * be fixed and pushed again: trailing Status and Message columns in the input are left out.
 */
import type { RowResult } from "../bulk";
import type { CsvTable } from "./csvFiles";

export const RESULT_COLUMNS = ["Status", "Message"] as const;

/** The input without the Status/Message columns a previous results.csv added. */
export function withoutResultColumns(table: CsvTable): CsvTable {
  const n = table.headers.length;
  const hasResults =
    n >= 2 && table.headers[n - 2] === RESULT_COLUMNS[0] && table.headers[n - 1] === RESULT_COLUMNS[1];
  if (!hasResults) return table;
  return {
    headers: table.headers.slice(0, n - 2),
    rows: table.rows.map((r) => ({ ...r, values: r.values.slice(0, n - 2) })),
  };
}

/** Rows for results.csv: each input row padded to the headers, then its status and message. */
export function resultRows(table: CsvTable, results: RowResult[]): unknown[][] {
  const byRow = new Map<number, RowResult[]>();
  for (const result of results) byRow.set(result.rowNumber, [...(byRow.get(result.rowNumber) ?? []), result]);
  return table.rows.map((row) => {
    const found = byRow.get(row.rowNumber) ?? [];
    const values = table.headers.map((_, i) => row.values[i] ?? "");
    const status = found.map((r) => r.status).join("; ");
    const message = found
      .map((r) => (r.status === "Created" && r.id !== undefined ? `${r.message} New id ${r.id}.` : r.message))
      .join(" | ");
    return [...values, status, message];
  });
}
