/**
 * `halosheet push`: CSV rows -> plan -> run -> results.csv. The same src/bulk code the task pane
 * uses; Halo is reached through a port the caller supplies (the real client in main.ts, a
 * sandbox-backed one in tests). A local dry run never connects.
 */
import type { Clock } from "../halo";
import { buildPlan, planCounts, startRun, SUCCESS_STATUSES, type HaloPort } from "../bulk";
import type { PushArgs, Connection } from "./args";
import { haloFailureLine } from "./cliErrors";
import { checkWritable, readCsv, writeCsv } from "./csvFiles";
import { pushExitCode, statusSummary } from "./exitCode";
import { progressPrinter } from "./progressLine";
import { RESULT_COLUMNS, resultRows, withoutResultColumns } from "./resultsFile";

export interface PushDeps {
  connect(connection: Connection): Promise<HaloPort>;
  clock: Clock;
  stderr(text: string): void;
  /** Ctrl+C: cancel the run (the batch in flight finishes, the rest is NotSent) and still write the results. */
  onInterrupt?(handler: () => void): () => void;
}

/** Rows not done are listed on stderr up to this many; results.csv has them all. */
const LISTED_ROWS = 20;

/** For a local dry run: nothing may reach Halo. */
const OFFLINE: HaloPort = {
  post: () => Promise.reject(new Error("a local dry run sends nothing")),
  get: () => Promise.reject(new Error("a local dry run reads nothing")),
};

export async function push(args: PushArgs, deps: PushDeps): Promise<number> {
  const input = withoutResultColumns(await readCsv(args.input));
  const snapshot =
    args.snapshot === undefined ? undefined : withoutResultColumns(await readCsv(args.snapshot));
  const plan = buildPlan({
    entity: args.entity,
    source: input,
    ...(snapshot ? { snapshot } : {}),
    options: {
      allowCreate: args.allowCreate,
      dryRun: args.dryRun,
      dontFireAutomations: args.dontFireAutomations,
      ...(args.batchSize === undefined ? {} : { batchRows: args.batchSize }),
      ...(args.batchBytes === undefined ? {} : { batchBytes: args.batchBytes }),
    },
  });
  await checkWritable(args.out);
  const counts = planCounts(plan);
  deps.stderr(
    `push: ${plan.entity}: ${counts.update} to update, ${counts.create} to create, ${counts.unchanged} unchanged, ${counts.skip} skipped${plan.flags.dryRun ? " (dry run)" : ""}\n`,
  );
  for (const note of plan.flags.notes) deps.stderr(`push: ${note}\n`);
  const sends = counts.update + counts.create > 0 && (!plan.flags.dryRun || plan.flags.serverValidate);
  const port = sends ? await deps.connect(args.connection) : OFFLINE;
  const run = startRun(plan, port, {
    clock: deps.clock,
    // The command line keeps no journal (no undo), so it reads nothing before writing.
    readBeforeImages: false,
    verifyAfterWrite: args.verify,
    ...(args.maxBatchSize === undefined ? {} : { maxBatchRows: args.maxBatchSize }),
    onProgress: progressPrinter(deps.stderr),
  });
  const stopListening = deps.onInterrupt?.(() => {
    deps.stderr(
      "push: interrupted: finishing the batch in flight, then writing the results (Ctrl+C again stops at once)\n",
    );
    run.cancel();
  });
  let report;
  try {
    report = await run.done;
  } finally {
    stopListening?.();
  }
  await writeCsv(args.out, [...input.headers, ...RESULT_COLUMNS], resultRows(input, report.results));
  deps.stderr(`push: ${statusSummary(report)} in ${report.requests} requests; results in ${args.out}\n`);
  const notDone = report.results.filter((r) => !SUCCESS_STATUSES.has(r.status));
  for (const r of notDone.slice(0, LISTED_ROWS))
    deps.stderr(`push: row ${r.rowNumber}: ${r.status}: ${r.message}\n`);
  if (notDone.length > LISTED_ROWS)
    deps.stderr(`push: ... and ${notDone.length - LISTED_ROWS} more rows in ${args.out}\n`);
  if (report.halted) deps.stderr(`push: stopped: ${report.halted}.\n`);
  if (report.fatal) deps.stderr(`${haloFailureLine(report.fatal.kind, report.fatal.message)}\n`);
  return pushExitCode(report);
}
