/**
 * After `stryker run`: reads reports/mutation/mutation.json and writes bench/results/mutation.md, the
 * score per mutated file and every surviving mutant by line, which `npm run bench` folds into
 * bench/RESULTS.md together with bench/mutation-notes.md (the equivalent mutants, named by hand).
 * Score = (killed + timed out) / (killed + timed out + survived + no coverage); mutants that do not
 * compile are not counted (the TypeScript checker throws them out).
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { format as formatWithPrettier, resolveConfig } from "prettier";
import { table, target } from "./lib/format";

interface Mutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}

interface Report {
  files: Record<string, { mutants: Mutant[] }>;
}

export const MUTATION_TARGET = 85;

export const MUTATION_HEADING = "### 6. Mutation testing";

/** The last mutation run's scores (bench/results/mutation.md) and the notes on its survivors (bench/mutation-notes.md). */
export function mutationSection(): string {
  const scores = resolve(__dirname, "results/mutation.md");
  const notes = resolve(__dirname, "mutation-notes.md");
  return [
    MUTATION_HEADING,
    "",
    "`npm run test:mutation` (Stryker 9.6, jest runner over the unit tests of src/bulk and src/halo, " +
      "per-test coverage) over src/bulk/plan.ts, src/bulk/run.ts, src/bulk/payload/coerce.ts, src/halo/retry.ts " +
      "and src/halo/paginate.ts. Not re-run by `npm run bench` (on this shared 2-core machine it takes hours): the table " +
      "holds each file's last recorded Stryker run (bench/mutationScores.ts reads reports/mutation), and the notes after it " +
      "say how the runs were made and what became of every survivor since.",
    "",
    existsSync(scores)
      ? readFileSync(scores, "utf8")
      : "No mutation run recorded yet (bench/results/mutation.md is missing).",
    "",
    existsSync(notes) ? readFileSync(notes, "utf8") : "",
  ].join("\n");
}

/** The files `npm run test:mutation` mutates (stryker.config.mjs), in the order of the table. */
export const MUTATED_FILES = [
  "src/bulk/plan.ts",
  "src/bulk/run.ts",
  "src/bulk/payload/coerce.ts",
  "src/halo/retry.ts",
  "src/halo/paginate.ts",
];

async function main(): Promise<void> {
  if (require.main !== module) return;
  const root = resolve(__dirname, "..");
  // Several reports (runs over different files, see stryker.config.mjs) merge, oldest first, so a
  // file's newest run counts; by default every report in reports/mutation.
  const reports = resolve(root, "reports/mutation");
  const named = process.argv.slice(2).map((f) => resolve(root, f));
  const all = existsSync(reports)
    ? readdirSync(reports)
        .filter((f) => f.endsWith(".json"))
        .map((f) => resolve(reports, f))
    : [];
  const inputs = (named.length > 0 ? named : all)
    .filter((f) => existsSync(f))
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
  // No report (a run that did not finish): only the notes in RESULTS.md are refreshed.
  if (inputs.length === 0) console.log(`No mutation report in ${reports}: refreshing the notes only.`);
  else await writeScores(inputs);
  await refreshResults();
}

async function writeScores(inputs: string[]): Promise<void> {
  // A file may be run in line ranges (`--mutate src/bulk/run.ts:1-200`): its mutants gather from every
  // report, a mutant in several reports counting as in the newest.
  const files = new Map<string, { mutants: Map<string, Mutant>; finished: string[] }>();
  for (const input of inputs) {
    const finished = statSync(input).mtime.toISOString().slice(0, 16).replace("T", " ") + " UTC";
    const { files: reported } = JSON.parse(readFileSync(input, "utf8")) as Report;
    for (const [file, { mutants }] of Object.entries(reported)) {
      const run = files.get(file) ?? { mutants: new Map<string, Mutant>(), finished: [] };
      for (const m of mutants) run.mutants.set(JSON.stringify([m.location, m.mutatorName, m.replacement]), m);
      run.finished.push(finished);
      files.set(file, run);
    }
  }
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
    const mutants = [...run.mutants.values()];
    const finished = run.finished.join(", ");
    const by = (...statuses: string[]) => mutants.filter((m) => statuses.includes(m.status)).length;
    const killed = by("Killed", "Timeout");
    const counted = killed + by("Survived", "NoCoverage");
    killedAll += killed;
    countedAll += counted;
    const score = counted === 0 ? 100 : (killed / counted) * 100;
    rows.push([
      file,
      String(mutants.length),
      String(by("Killed")),
      String(by("Timeout")),
      String(by("Survived")),
      String(by("NoCoverage")),
      String(by("CompileError")),
      `${score.toFixed(1)}%`,
      target(score >= MUTATION_TARGET, `${score.toFixed(1)}% vs ${MUTATION_TARGET}%`),
      finished,
    ]);
    for (const m of mutants.filter((x) => x.status === "Survived" || x.status === "NoCoverage"))
      survivors.push(
        `- ${file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName}${m.status === "NoCoverage" ? " (no test runs this line)" : ""}: \`${(m.replacement ?? "").replace(/\s+/g, " ").replace(/`/g, "'").slice(0, 100)}\``,
      );
  }
  const lines = [
    `Stryker runs, one per file (the newest report of each in reports/mutation): ${killedAll} of ${countedAll} counted mutants killed (${((killedAll / Math.max(1, countedAll)) * 100).toFixed(1)}% over the files that finished).`,
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

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
