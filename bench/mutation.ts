/**
 * `npm run test:mutation`: Stryker over the files whose rules a push depends on, one run per file
 * (bench/mutationTargets.ts: which files, parts and tests), one after another, each writing its own
 * report to reports/mutation/, then the scores of every report there merged into bench/RESULTS.md
 * (bench/mutationScores.ts). Hours on a shared 2-core machine; not part of `npm test`.
 *
 *   npm run test:mutation                          every file, one Stryker worker
 *   npm run test:mutation -- --only plan.ts        one file (repeat --only, or a comma list, for more)
 *   npm run test:mutation -- --concurrency 2       more workers (each a jest process)
 *   npm run test:mutation -- --list                print the commands, run nothing
 *
 * On a machine others share: `nice -n 10 npm run test:mutation -- ...` (the runs inherit it).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { duration } from "./lib/format";
import { recordMutationScores } from "./mutationScores";
import { parseMutationArgs, REPORT_DIR, strykerRuns } from "./mutationTargets";

const ROOT = resolve(__dirname, "..");

async function main(): Promise<void> {
  const args = parseMutationArgs(process.argv.slice(2));
  const runs = strykerRuns(args, (file) => readFileSync(resolve(ROOT, file), "utf8"));
  const failed: string[] = [];
  for (const run of runs) {
    const env = Object.entries(run.env)
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join(" ");
    console.log(
      `\n${env} npx ${run.args.map((a) => (/^[\w./:,-]+$/.test(a) ? a : JSON.stringify(a))).join(" ")}`,
    );
    if (args.list) continue;
    const started = Date.now();
    const result = spawnSync("npx", run.args, {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, ...run.env },
    });
    const took = duration(Date.now() - started);
    if (result.status === 0) console.log(`mutation: ${run.label} done in ${took}: ${run.report}`);
    else {
      console.error(
        `mutation: ${run.label} stopped after ${took} (exit ${result.status ?? result.signal}); no report.`,
      );
      failed.push(run.label);
    }
  }
  if (args.list) return;
  // Every report in the folder, not only this run's: the table holds each file's newest measurement.
  await recordMutationScores(resolve(ROOT, REPORT_DIR));
  if (failed.length > 0) {
    console.error(
      `mutation: not finished: ${failed.join(", ")} (the table shows their last recorded run, if any).`,
    );
    process.exitCode = 1;
  }
}

if (require.main === module)
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
