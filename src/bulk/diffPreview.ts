/** The diff preview people read before pushing: per row, "field: old -> new". */
import type { FieldChange, Plan, PlanAction } from "./planTypes";

export interface RowDiff {
  rowNumber: number;
  id?: number;
  action: PlanAction;
  lines: string[];
}

function show(value: unknown): string {
  if (value === undefined) return "?";
  if (value === null || value === "") return "(blank)";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function formatChange(change: FieldChange): string {
  return `${change.field}: ${show(change.old)} -> ${show(change.new)}`;
}

/** Rows that will be sent, with one line per changed field ("?" where no snapshot tells the old value). */
export function diffPreview(plan: Plan): RowDiff[] {
  return plan.rows
    .filter((row) => row.action === "update" || row.action === "create")
    .map((row) => ({
      rowNumber: row.rowNumber,
      ...(row.id === undefined ? {} : { id: row.id }),
      action: row.action,
      lines: row.changes.map(formatChange),
    }));
}

/** How many rows will update, create, stay unchanged or be skipped. */
export function planCounts(plan: Plan): Record<PlanAction, number> {
  const counts: Record<PlanAction, number> = { update: 0, create: 0, unchanged: 0, skip: 0 };
  for (const row of plan.rows) counts[row.action]++;
  return counts;
}
