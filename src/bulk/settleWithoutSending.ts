/**
 * Rows whose result is known without a request: unchanged and skipped rows, and every row of a
 * local dry run (the entity has no validate-only flag, so nothing is sent).
 */
import type { PlannedRow, RunFlags } from "./planTypes";
import type { RowResult } from "./rowResult";

export function settleWithoutSending(row: PlannedRow, flags: RunFlags): RowResult | undefined {
  const base = { key: row.key, rowNumber: row.rowNumber, ...(row.id === undefined ? {} : { id: row.id }) };
  switch (row.action) {
    case "unchanged":
      return { ...base, status: "Unchanged", message: row.reason ?? "No field differs from the snapshot." };
    case "skip":
      return { ...base, status: "Skipped", message: row.reason ?? "Skipped." };
    default:
      if (!flags.dryRun || flags.serverValidate) return undefined;
      return {
        ...base,
        status: row.action === "create" ? "WouldCreate" : "WouldUpdate",
        message: `Dry run (checked here; ${row.action === "create" ? "would create" : "would update"} ${changedFieldNames(row)}); nothing was sent.`,
      };
  }
}

function changedFieldNames(row: PlannedRow): string {
  const names = row.changes.map((c) => c.field);
  return names.length > 0 ? names.join(", ") : "the row";
}
