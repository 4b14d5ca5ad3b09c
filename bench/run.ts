/**
 * The benchmark suite (programs, not tests):
 *
 *   npm run bench              the full sizes; writes bench/RESULTS.md and bench/results/scaling.svg
 *   npm run bench -- --quick   smaller sizes (a few minutes); writes bench/results/quick.md instead
 *   npm run bench -- --push-rows 2000   the full run with a smaller push (marked as a miss)
 *
 * Every figure is measured beside its baseline in the same run; where Halo's rate limit would make a
 * run take hours, the sandbox and clients run on a simulated clock (bench/lib/simClock.ts).
 */
import { execSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem, type as osType, release } from "node:os";
import { relative, resolve } from "node:path";
import { format as formatWithPrettier, resolveConfig } from "prettier";
import { duration } from "./lib/format";
import { measureMemory, memoryMarkdown } from "./memory";
import { mutationSection } from "./mutationScores";
import { measurePayloads, measureRecalculation, payloadMarkdown } from "./payload";
import { measureHaloReads, measureSheetWrites, pullMarkdown, scaledReads } from "./pull";
import { pushMarkdown, runPush } from "./push";
import { measureScale, scalingMarkdown, scalingSvg } from "./scaling";

const quick = process.argv.includes("--quick");
/** `--push-rows N`: a smaller push where 10,000 rows would take too long (the results say which size ran). */
const pushRowsArg = process.argv.indexOf("--push-rows");

const SIZES = quick
  ? { push: 500, pull: 10_000, payload: [10_000], recalc: 2_000, memory: 20_000, scaling: [1_000, 10_000] }
  : {
      push: 10_000,
      pull: 50_000,
      payload: [10_000, 100_000],
      recalc: 10_000,
      memory: 100_000,
      scaling: [1_000, 10_000, 100_000],
    };

if (pushRowsArg >= 0) SIZES.push = Number(process.argv[pushRowsArg + 1]);

function commit(): string {
  try {
    const sha = execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim();
    const dirty = execSync(
      "git status --porcelain -- src sandbox bench workbench :!bench/RESULTS.md :!bench/results",
      {
        encoding: "utf8",
      },
    ).trim();
    return dirty ? `${sha} (with uncommitted changes)` : sha;
  } catch {
    return "unknown (not a git checkout)";
  }
}

/** The last quick run's date and time, from the header it wrote (bench/results/quick.md). */
function lastQuickRun(): string {
  const file = resolve(__dirname, "results/quick.md");
  const text = existsSync(file) ? readFileSync(file, "utf8") : "";
  const date = /^- Date: (\S+)/m.exec(text)?.[1];
  const took = /whole run (.+?) real time/.exec(text)?.[1];
  return date && took
    ? `- Quick run (\`npm run bench -- --quick\`, bench/results/quick.md): ${took} real time, ${date}`
    : "- Quick run: none recorded (bench/results/quick.md is missing)";
}

async function main(): Promise<void> {
  const started = performance.now();
  // Other work on the machine slows the wall-clock figures: the load says how busy it was.
  const loadAtStart = loadavg()[0]!;
  const log = (line: string) => console.log(line);
  const sections: string[] = [];

  log(`push: ${SIZES.push} rows x 3 approaches x 3 scenarios`);
  const { outcomes, halo } = await runPush(SIZES.push, log);
  sections.push(pushMarkdown(SIZES.push, outcomes, quick));

  log("pull: Halo reads");
  let reads;
  try {
    reads = await measureHaloReads(halo);
  } finally {
    await halo.close();
  }
  log(`pull: ${SIZES.pull} rows into a workbench sheet`);
  const writes = await measureSheetWrites(SIZES.pull);
  for (const w of writes)
    log(
      `  ${w.approach}: ${w.syncs} syncs, ${w.largestSyncBytes} bytes largest, ${duration(w.ms)}, ${w.outcome.slice(0, 80)}`,
    );
  sections.push(pullMarkdown(SIZES.pull, writes, [...reads, ...scaledReads(reads, SIZES.pull)]));

  log("payload building");
  const payloads = await measurePayloads(SIZES.payload, log);
  const recalc = await measureRecalculation(SIZES.recalc);
  log(
    `  workbench: fill down ${recalc.cells} cells ${duration(recalc.fillDownMs)}, recalc all ${duration(recalc.recalcAllMs)}`,
  );
  sections.push(payloadMarkdown(payloads, recalc));

  log(`memory: ${SIZES.memory} rows`);
  const memory = await measureMemory(SIZES.memory);
  log(`  peak heap ${memory.peakMb.toFixed(0)} MB; capped run ${memory.cappedRun}`);
  sections.push(memoryMarkdown(memory));

  const points = [];
  for (const rows of SIZES.scaling) {
    const point = await measureScale(rows);
    log(`scaling ${rows}: ${point.requests} requests, ${duration(point.simMs)} simulated`);
    points.push(point);
  }
  const out = resolve(__dirname, quick ? "results/quick.md" : "RESULTS.md");
  const chart = resolve(__dirname, quick ? "results/scaling-quick.svg" : "results/scaling.svg");
  mkdirSync(resolve(__dirname, "results"), { recursive: true });
  writeFileSync(chart, scalingSvg(points));
  sections.push(scalingMarkdown(points, relative(resolve(out, ".."), chart)));

  sections.push(mutationSection());

  const cpu = cpus();
  const header = [
    quick ? "# Benchmark results (quick run)" : "# Benchmark results",
    "",
    `Written by \`npm run bench${quick ? " -- --quick" : ""}\` (bench/run.ts); do not edit by hand. ` +
      "Each table is measured in this run, every approach beside its baseline. Misses against the targets of issue 14 are marked **MISS**.",
    "",
    `- Date: ${new Date().toISOString()}`,
    `- Commit: ${commit()}`,
    `- Machine: ${cpu[0]?.model ?? "unknown CPU"}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB, ${osType()} ${release()}; load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end`,
    `- Node ${process.version}; whole run ${duration(performance.now() - started)} real time`,
    ...(quick ? [] : [lastQuickRun()]),
    "",
  ];
  const file = [...header, ...sections].join("\n");
  writeFileSync(out, await formatWithPrettier(file, { ...(await resolveConfig(out)), parser: "markdown" }));
  log(`\nWrote ${out} and ${chart} in ${duration(performance.now() - started)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
