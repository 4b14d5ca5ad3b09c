/**
 * A run's results as the sheet shows them: one Status and Message per sheet row. A payload cell
 * holding an array gives several results for one row: the row shows the worst, with every message.
 */
import type { RowResult, RowStatus } from "../../bulk";
import type { StatusCell } from "../../office/statusColumns";

/** Worst first: what needs the user's attention wins the row's one Status cell. */
const SEVERITY: readonly RowStatus[] = [
  "Failed",
  "Conflict",
  "Unknown",
  "NotSent",
  "Skipped",
  "Created",
  "Updated",
  "WouldCreate",
  "WouldUpdate",
  "Unchanged",
];

export function statusCells(results: readonly (RowResult | null)[], undo = false): StatusCell[] {
  const byRow = new Map<number, RowResult[]>();
  for (const result of results) {
    if (!result) continue;
    const list = byRow.get(result.rowNumber);
    if (list) list.push(result);
    else byRow.set(result.rowNumber, [result]);
  }
  return [...byRow.entries()].map(([rowNumber, list]) => {
    const worst = [...list].sort((a, b) => SEVERITY.indexOf(a.status) - SEVERITY.indexOf(b.status))[0]!;
    const messages = [...new Set(list.map((r) => r.message))];
    const status = undo && worst.status === "Updated" ? "Undone" : worst.status;
    const message =
      undo && worst.status === "Updated" && list.length === 1
        ? "Restored the values from before the push."
        : messages.join(" | ");
    return { rowNumber, status, message };
  });
}

/** Rows whose results need the user: failed, conflicting, unknown or not sent. */
export function rowsNeedingAttention(results: readonly (RowResult | null)[]): number[] {
  const wanted = new Set<RowStatus>(["Failed", "Conflict", "Unknown", "NotSent"]);
  return [
    ...new Set(results.filter((r): r is RowResult => !!r && wanted.has(r.status)).map((r) => r.rowNumber)),
  ];
}
