/**
 * Duplicate ids in one push: two rows writing the same record race each other, and which one wins
 * depends on batching. Neither is sent; the reason names every row with that id.
 */
import type { RowPayload } from "./payload";

export function duplicateIdReasons(payloads: RowPayload[]): Map<number, string> {
  const rowsById = new Map<number, number[]>();
  for (const { rowNumber, object } of payloads) {
    if (typeof object.id !== "number" || object.id <= 0) continue;
    const rows = rowsById.get(object.id) ?? [];
    if (!rows.includes(rowNumber)) rows.push(rowNumber);
    rowsById.set(object.id, rows);
  }
  const reasons = new Map<number, string>();
  for (const [id, rows] of rowsById) {
    if (rows.length < 2) continue;
    const list = `${rows.slice(0, -1).join(", ")} and ${rows[rows.length - 1]}`;
    reasons.set(id, `id ${id} appears in rows ${list}; none of them was sent.`);
  }
  return reasons;
}
