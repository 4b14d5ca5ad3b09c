/**
 * Duplicate ids in one push: two objects writing the same record race each other, and which one
 * wins depends on batching. None of them is sent; the reason names every row with that id. Counted
 * per object, so a JSON cell holding the same id twice is caught too.
 */
import type { RowPayload } from "./payload";

function listed(rows: number[]): string {
  return rows.length === 1 ? `${rows[0]}` : `${rows.slice(0, -1).join(", ")} and ${rows[rows.length - 1]}`;
}

export function duplicateIdReasons(payloads: RowPayload[]): Map<number, string> {
  const rowsById = new Map<number, number[]>();
  for (const { rowNumber, object } of payloads) {
    if (typeof object.id !== "number" || object.id <= 0) continue;
    const rows = rowsById.get(object.id);
    if (rows) rows.push(rowNumber);
    else rowsById.set(object.id, [rowNumber]);
  }
  const reasons = new Map<number, string>();
  for (const [id, rows] of rowsById) {
    if (rows.length < 2) continue;
    const distinct = [...new Set(rows)];
    const where =
      distinct.length === 1 ? `${rows.length} times in row ${distinct[0]}` : `in rows ${listed(distinct)}`;
    reasons.set(id, `id ${id} appears ${where}; none of them was sent.`);
  }
  return reasons;
}
