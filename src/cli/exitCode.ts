/** The exit code a finished push deserves. */
import { SUCCESS_STATUSES, type RunReport } from "../bulk";
import { EXIT_OK, EXIT_ROWS_FAILED, EXIT_USAGE_OR_CONNECTION } from "./cliErrors";

export function pushExitCode(report: RunReport): number {
  if (report.fatal) return EXIT_USAGE_OR_CONNECTION;
  return report.results.every((r) => SUCCESS_STATUSES.has(r.status)) ? EXIT_OK : EXIT_ROWS_FAILED;
}

/** "1995 Updated, 5 Failed" */
export function statusSummary(report: RunReport): string {
  const counts = new Map<string, number>();
  for (const r of report.results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  return [...counts].map(([status, n]) => `${n} ${status}`).join(", ");
}
