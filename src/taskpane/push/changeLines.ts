/** The preview's lines: one per field a row changes, old -> new, as the push will send them. */
import type { Plan } from "../../bulk";
import { shown } from "./format";

export interface ChangeLine {
  key: string;
  rowNumber: number;
  record: string;
  field: string;
  old: string;
  new: string;
}

export function changeLines(plan: Plan): ChangeLine[] {
  const lines: ChangeLine[] = [];
  for (const row of plan.rows) {
    if (row.action !== "update" && row.action !== "create") continue;
    for (const change of row.changes)
      lines.push({
        key: `${row.key}:${change.field}`,
        rowNumber: row.rowNumber,
        record: row.action === "create" ? "new" : String(row.id ?? ""),
        field: change.field,
        old: row.action === "create" ? "" : shown(change.old),
        new: shown(change.new),
      });
  }
  return lines;
}
