/**
 * The snapshot (values as pulled) typed the same way as the rows, indexed by id, so comparisons
 * are typed ("12" in the snapshot equals 12 in the sheet). Only the columns the sheet still has
 * matter. A snapshot cell the payload engine cannot read (a report column that is no Halo field,
 * an error value) is left out rather than its whole row, so the row still gets a diff.
 */
import type { SheetRow } from "./cells";
import { rowsToPayloads } from "./payload";
import type { HaloObject, PayloadOptions } from "./payload";

export function snapshotById(
  snapshot: { headers: string[]; rows: SheetRow[] },
  sentHeaders: string[],
  options: PayloadOptions,
): Map<number, HaloObject> {
  const wanted = new Set(sentHeaders.map((h) => h.trim().toLowerCase()));
  const columns = snapshot.headers
    .map((h, i) => ({ h, i }))
    .filter(({ h }) => wanted.has(h.trim().toLowerCase()));
  const headers = columns.map(({ h }) => h);
  const rows = snapshot.rows.map((r) => ({
    rowNumber: r.rowNumber,
    values: columns.map(({ i }) => r.values[i] ?? null),
  }));
  const first = rowsToPayloads(headers, rows, options);
  let payloads = first.payloads;
  if (first.problems.length > 0) {
    // Blank the unreadable cells and read those rows again.
    const byNumber = new Map(rows.map((r) => [r.rowNumber, r]));
    for (const problem of first.problems) {
      const row = byNumber.get(problem.rowNumber);
      const at = headers.indexOf(problem.column);
      if (row && at >= 0 && headers[at].trim().toLowerCase() !== "id") row.values[at] = null;
    }
    const retried = new Set(first.problems.map((p) => p.rowNumber));
    payloads = [
      ...payloads,
      ...rowsToPayloads(
        headers,
        rows.filter((r) => retried.has(r.rowNumber)),
        options,
      ).payloads,
    ];
  }
  const byId = new Map<number, HaloObject>();
  for (const { object } of payloads)
    if (typeof object.id === "number" && !byId.has(object.id)) byId.set(object.id, object);
  return byId;
}
