/**
 * The mutation table: reads the Stryker JSON reports in reports/mutation (one per run that finished,
 * written by `npm run test:mutation`, bench/mutation.ts) and writes bench/results/mutation.md, the score
 * per mutated file and every surviving mutant by line, which `npm run bench` folds into
 * bench/RESULTS.md together with bench/mutation-notes.md (the equivalent mutants, named by hand).
 * Score = (killed + timed out) / (killed + timed out + survived + no coverage); mutants that do not
 * compile are not counted.
 *
 *   npx tsx bench/mutationScores.ts              every report in reports/mutation
 *   npx tsx bench/mutationScores.ts a.json b.json only these
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { format as formatWithPrettier, resolveConfig } from "prettier";
import { table, target } from "./lib/format";
import { type FinishedReport, mergeReports, type Report } from "./mutationMerge";
import { MUTATED_FILES } from "./mutationTargets";

export const MUTATION_TARGET = 85;

export const MUTATION_HEADING = "### 6. Mutation testing";

/** The last mutation runs' scores (bench/results/mutation.md) and the notes on their survivors (bench/mutation-notes.md). */
export function mutationSection(): string {
  const scores = resolve(__dirname, "results/mutation.md");
  const notes = resolve(__dirname, "mutation-notes.md");
  return [
    MUTATION_HEADING,
    "",
    "`npm run test:mutation` (bench/mutation.ts: Stryker 9.6, jest runner, per-test coverage) runs one Stryker " +
      "run per file, each with the unit tests that reach it, over src/bulk/plan.ts, src/bulk/run.ts (in parts), " +
      "src/bulk/payload/coerce.ts, src/halo/retry.ts and src/halo/paginate.ts, and merges their reports. Not re-run by " +
      "`npm run bench` (on this shared 2-core machine the set takes hours): the table holds each file's newest " +
      "recorded run (bench/mutationScores.ts reads reports/mutation), and the notes after it say how the runs were " +
      "made and what became of every survivor.",
    "",
    existsSync(scores)
      ? readFileSync(scores, "utf8")
      : "No mutation run recorded yet (bench/results/mutation.md is missing).",
    "",
    existsSync(notes) ? readFileSync(notes, "utf8") : "",
  ].join("\n");
}

/** Reads the reports (default: every JSON report in `dir`), writes bench/results/mutation.md and refreshes RESULTS.md. */
export async function recordMutationScores(dir: string, named: string[] = []): Promise<void> {
  const all = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(".json"))
        .map((f) => resolve(dir, f))
    : [];
  // Oldest first by the time the report was written (copy reports with `cp -p` to keep it).
  const inputs = (named.length > 0 ? named : all)
    .filter((f) => existsSync(f))
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
  // No report (no run finished): only the notes in RESULTS.md are refreshed.
  if (inputs.length === 0) console.log(`No mutation report in ${dir}: refreshing the notes only.`);
  else
    await writeScores(
      inputs.map((input) => ({
        report: JSON.parse(readFileSync(input, "utf8")) as Report,
        finished: statSync(input).mtime.toISOString().slice(0, 16).replace("T", " ") + " UTC",
      })),
    );
  await refreshResults();
}

async function writeScores(reports: FinishedReport[]): Promise<void> {
  const files = mergeReports(reports);
  const rows: string[][] = [];
  const survivors: string[] = [];
  let killedAll = 0;
  let countedAll = 0;
  const order = [...MUTATED_FILES, ...[...files.keys()].filter((f) => !MUTATED_FILES.includes(f)).sort()];
  for (const file of order) {
    const run = files.get(file);
    if (!run) {
      rows.push([file, "-", "-", "-", "-", "-", "-", "-", "**MISS**: no finished run recorded", "-"]);
      continue;
    }
    const { mutants } = run;
    const by = (...statuses: string[]) => mutants.filter((m) => statuses.includes(m.status)).length;
    const killed = by("Killed", "Timeout");
    const counted = killed + by("Survived", "NoCoverage");
    killedAll += killed;
    countedAll += counted;
    const score = counted === 0 ? 100 : (killed / counted) * 100;
    const measured = `${score.toFixed(1)}% vs ${MUTATION_TARGET}%`;
    rows.push([
      file,
      String(mutants.length),
      String(by("Killed")),
      String(by("Timeout")),
      String(by("Survived")),
      String(by("NoCoverage")),
      String(by("CompileError")),
      `${score.toFixed(1)}%`,
      run.notRun.length > 0
        ? `**MISS**: lines ${run.notRun.join(", ")} not run (${measured} over the rest)`
        : target(score >= MUTATION_TARGET, measured),
      run.finished.join(", "),
    ]);
    for (const m of mutants.filter((x) => x.status === "Survived" || x.status === "NoCoverage"))
      survivors.push(
        `- ${file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName}${m.status === "NoCoverage" ? " (no test runs this line)" : ""}: \`${(m.replacement ?? "").replace(/\s+/g, " ").replace(/`/g, "'").slice(0, 100)}\``,
      );
  }
  const lines = [
    `Stryker runs, one per file or part of a file (for each line the newest report in reports/mutation): ${killedAll} of ${countedAll} counted mutants killed (${((killedAll / Math.max(1, countedAll)) * 100).toFixed(1)}% over the files that finished).`,
    "",
    table(
      [
        "File",
        "Mutants",
        "Killed",
        "Timed out",
        "Survived",
        "No coverage",
        "Did not compile",
        "Score",
        `Target ${MUTATION_TARGET}%`,
        "Run finished",
      ],
      rows,
      ["l", "r", "r", "r", "r", "r", "r", "r", "l", "l"],
    ),
    "",
    "<details><summary>Mutants that survived the recorded runs (" + survivors.length + ")</summary>",
    "",
    ...survivors,
    "",
    "</details>",
    "",
  ];
  const out = resolve(__dirname, "results/mutation.md");
  writeFileSync(
    out,
    await formatWithPrettier(lines.join("\n"), { ...(await resolveConfig(out)), parser: "markdown" }),
  );
  console.log(`Wrote ${out}`);
}

/** RESULTS.md folds the scores in when npm run bench writes it; a later mutation run refreshes that section. */
async function refreshResults(): Promise<void> {
  const results = resolve(__dirname, "RESULTS.md");
  if (!existsSync(results)) return;
  const text = readFileSync(results, "utf8");
  const at = text.indexOf(MUTATION_HEADING);
  if (at < 0) return;
  const updated = `${text.slice(0, at)}${mutationSection()}`;
  writeFileSync(
    results,
    await formatWithPrettier(updated, { ...(await resolveConfig(results)), parser: "markdown" }),
  );
  console.log(`Updated the mutation section of ${results}`);
}

if (require.main === module)
  recordMutationScores(
    resolve(__dirname, "../reports/mutation"),
    process.argv.slice(2).map((f) => resolve(process.cwd(), f)),
  ).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
