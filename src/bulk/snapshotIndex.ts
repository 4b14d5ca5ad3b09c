/**
 * The snapshot (values as pulled) typed the same way as the rows, indexed by id, so comparisons
 * are typed ("12" in the snapshot equals 12 in the sheet). Only the columns the sheet still sends
 * matter; snapshot rows the payload engine cannot read are left out, so those rows are sent in full.
 */
import type { SheetRow } from "./cells";
import { rowsToPayloads } from "./payload/sheetRows";
import type { HaloObject, PayloadOptions } from "./payload/types";

export function snapshotById(
  snapshot: { headers: string[]; rows: SheetRow[] },
  sentHeaders: string[],
  options: PayloadOptions,
): Map<number, HaloObject> {
  const wanted = new Set(sentHeaders.map((h) => h.trim().toLowerCase()));
  const columns = snapshot.headers
    .map((h, i) => ({ h, i }))
    .filter(({ h }) => wanted.has(h.trim().toLowerCase()));
  const rows = snapshot.rows.map((r) => ({
    rowNumber: r.rowNumber,
    values: columns.map(({ i }) => r.values[i] ?? null),
  }));
  const { payloads } = rowsToPayloads(
    columns.map(({ h }) => h),
    rows,
    options,
  );
  const byId = new Map<number, HaloObject>();
  for (const { object } of payloads) if (typeof object.id === "number") byId.set(object.id, object);
  return byId;
}
