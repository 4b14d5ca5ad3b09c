/**
 * Retrying rows alone: a plan of the rows a run did not finish (by default Failed and NotSent,
 * e.g. after a cancel or a lost connection). Unknown rows are left out unless asked for: they may
 * have been saved, and a create sent twice is a duplicate record.
 */
import type { Plan } from "./planTypes";
import type { RowStatus } from "./rowResult";
import type { RunReport } from "./runTypes";

export function retryPlan(
  plan: Plan,
  report: RunReport,
  statuses: readonly RowStatus[] = ["Failed", "NotSent"],
): Plan {
  const wanted = new Set(statuses);
  const rows = plan.rows
    .filter((row) => row.object !== undefined && wanted.has(report.results[row.key]?.status))
    .map((row, key) => ({ ...row, key }));
  return { ...plan, rows };
}
