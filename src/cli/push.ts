/**
 * `halosheet push`: CSV rows -> plan -> run -> results.csv. The same src/bulk code the task pane
 * uses; Halo is reached through a port the caller supplies (the real client in main.ts, a
 * sandbox-backed one in tests). A local dry run never connects.
 */
import { rename } from "node:fs/promises";
import { resolve } from "node:path";
import type { Clock } from "../halo";
import {
  buildPlan,
  findPayloadColumn,
  payloadColumnSource,
  planCounts,
  startRun,
  SUCCESS_STATUSES,
  type HaloPort,
} from "../bulk";
import type { PushArgs, Connection } from "./args";
import { CliError, EXIT_OK, haloFailureLine } from "./cliErrors";
import { checkWritable } from "./csvFiles";
import { readTableFile } from "./tableFiles";
import { pushExitCode, statusSummary } from "./exitCode";
import { progressPrinter } from "./progressLine";
import { withoutResultColumns } from "./resultsFile";
import { startResultsFile } from "./resultsWriter";

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

/**
 * A results file from an earlier push must not pass for this one's when this one stops before its
 * run starts (bad input, failed sign-in, nothing to push): it is renamed to <out>.previous. The
 * input itself (a results file pushed again) is left where it is.
 */
async function setAsideOldResults(args: PushArgs, stderr: PushDeps["stderr"]): Promise<void> {
  if (resolve(args.out) === resolve(args.input)) return;
  const previous = `${args.out}.previous`;
  try {
    await rename(args.out, previous);
    stderr(`push: no results written; the earlier ${args.out} is now ${previous}\n`);
  } catch {
    // No earlier results file (or it cannot be moved): nothing can be mistaken for this run's.
  }
}

export async function push(args: PushArgs, deps: PushDeps): Promise<number> {
  let started = false;
  try {
    return await pushRows(args, deps, () => (started = true));
  } finally {
    if (!started) await setAsideOldResults(args, deps.stderr);
  }
}

async function pushRows(args: PushArgs, deps: PushDeps, runStarts: () => void): Promise<number> {
  const input = withoutResultColumns(await readTableFile(args.input, args.sheet, args.encoding));
  const snapshot =
    args.snapshot === undefined
      ? undefined
      : withoutResultColumns(await readTableFile(args.snapshot, args.sheet, args.encoding));
  if (input.rows.length === 0) {
    deps.stderr(`push: ${args.input} has no rows under its header: nothing to push.\n`);
    return EXIT_OK;
  }
  const payloadAt = findPayloadColumn(input, undefined, args.payloadColumn);
  if (args.payloadColumn !== undefined && payloadAt === undefined)
    throw new CliError(
      "Usage",
      `--payload-column "${args.payloadColumn}": ${args.input} has no such column (it has ${input.headers.join(", ")}).`,
    );
  const plan = buildPlan({
    entity: args.entity,
    source: payloadAt === undefined ? input : payloadColumnSource(input, payloadAt),
    ...(snapshot ? { snapshot } : {}),
    options: {
      allowCreate: args.allowCreate,
      dryRun: args.dryRun,
      dontFireAutomations: args.dontFireAutomations,
      // A CSV cell outside the header row (a ragged row, a blank header) is the row's error, not dropped.
      payload: {
        valuesWithoutHeader: "error",
        ...(payloadAt === undefined ? {} : { firstColumn: payloadAt }),
      },
      ...(args.batchSize === undefined ? {} : { batchRows: args.batchSize }),
      ...(args.batchBytes === undefined ? {} : { batchBytes: args.batchBytes }),
    },
  });
  await checkWritable(args.out);
  if (payloadAt !== undefined)
    deps.stderr(`push: sending the JSON objects of column "${input.headers[payloadAt]}" as they are\n`);
  const counts = planCounts(plan);
  deps.stderr(
    `push: ${plan.entity}: ${counts.update} to update, ${counts.create} to create, ${counts.unchanged} unchanged, ${counts.skip} skipped${plan.flags.dryRun ? " (dry run)" : ""}\n`,
  );
  for (const note of plan.flags.notes) deps.stderr(`push: ${note}\n`);
  const sends = counts.update + counts.create > 0 && (!plan.flags.dryRun || plan.flags.serverValidate);
  const port = sends ? await deps.connect(args.connection) : OFFLINE;
  runStarts();
  const results = startResultsFile(args.out, input);
  const run = startRun(plan, port, {
    clock: deps.clock,
    // The command line keeps no journal (no undo), so it reads nothing before writing.
    readBeforeImages: false,
    verifyAfterWrite: args.verify,
    ...(args.maxBatchSize === undefined ? {} : { maxBatchRows: args.maxBatchSize }),
    onProgress: progressPrinter(deps.stderr),
    onResult: (result) => results.add(result),
  });
  const stopListening = deps.onInterrupt?.(() => {
    deps.stderr(
      "push: interrupted: finishing the batch in flight, then writing the results (interrupt again to stop at once; the rows settled so far are already in the results file)\n",
    );
    run.cancel();
  });
  let report;
  try {
    report = await run.done;
  } finally {
    stopListening?.();
  }
  await results.finish(report.results);
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
