/**
 * What `npm run test:mutation` mutates and with which tests: one Stryker run per file (a large file in
 * parts, each its own run), each writing its own JSON report, so a run that finishes is recorded even
 * when a later one is stopped. stryker.config.mjs is the shared base; these are the per-run settings.
 */
import ts from "typescript";

export interface MutationTarget {
  /** The file mutated. */
  file: string;
  /** The report's name: reports/mutation/<name>.json (a part: <name>-<from>-<to>.json). */
  name: string;
  /** Test folders to run (STRYKER_TESTS). */
  tests: string[];
  /** Only these test files there (STRYKER_TEST_MATCH, globs); default every test file. */
  match?: string[];
  /** Stryker's time-out per mutant beyond the tests' usual time. */
  timeoutMS: number;
  /** Run in this many parts, cut between top-level statements (default 1: the whole file). */
  parts?: number;
}

/**
 * The tests per file are those that reach it: fewer tests can only let more mutants survive, never
 * hide one, and each mutant runs only the tests that cover it (coverageAnalysis "perTest").
 */
export const MUTATION_TARGETS: MutationTarget[] = [
  {
    file: "src/bulk/plan.ts",
    name: "plan",
    tests: ["test/unit/bulk"],
    match: [
      "**/payload*.test.ts",
      "**/coerce*.test.ts",
      "**/badInputTable.test.ts",
      "**/plan*.test.ts",
      "**/dryRun*.test.ts",
      "**/columnMapping.test.ts",
      "**/retryPlan.test.ts",
    ],
    timeoutMS: 5000,
  },
  {
    file: "src/bulk/run.ts",
    name: "run",
    tests: ["test/unit/bulk"],
    match: [
      "**/run*.test.ts",
      "**/dryRun*.test.ts",
      "**/journal.test.ts",
      "**/retryPlan.test.ts",
      "**/requestCost.test.ts",
    ],
    timeoutMS: 5000,
    // About half of all mutants: at 10 to 25 s a mutant on one core, parts that finish separately.
    parts: 4,
  },
  {
    file: "src/bulk/payload/coerce.ts",
    name: "coerce",
    tests: ["test/unit/bulk"],
    match: ["**/payload*.test.ts", "**/coerce*.test.ts", "**/badInputTable.test.ts", "**/plan*.test.ts"],
    timeoutMS: 5000,
  },
  { file: "src/halo/retry.ts", name: "retry", tests: ["test/unit/halo"], timeoutMS: 10000 },
  { file: "src/halo/paginate.ts", name: "paginate", tests: ["test/unit/halo"], timeoutMS: 10000 },
];

export const MUTATED_FILES = MUTATION_TARGETS.map((t) => t.file);

export const REPORT_DIR = "reports/mutation";

/** One Stryker process: its arguments after `npx`, the environment stryker.config.mjs reads, its report. */
export interface StrykerRun {
  label: string;
  args: string[];
  env: Record<string, string>;
  report: string;
}

export interface RunOptions {
  /** Files to run, by path or base name ("plan.ts", "src/halo/retry.ts"); default all. */
  only?: string[];
  concurrency?: number;
}

/** The command line of bench/mutation.ts. */
export interface MutationArgs extends RunOptions {
  list: boolean;
}

export function parseMutationArgs(argv: readonly string[]): MutationArgs {
  const args: MutationArgs = { list: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined || next.startsWith("--")) throw new Error(`${arg} needs a value.`);
      return next;
    };
    if (arg === "--only") args.only = [...(args.only ?? []), ...value().split(",")];
    else if (arg === "--concurrency") {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1)
        throw new Error(`--concurrency takes a whole number from 1, not ${argv[i]}.`);
      args.concurrency = n;
    } else if (arg === "--list") args.list = true;
    else throw new Error(`Unknown option ${arg} (options: --only FILE, --concurrency N, --list).`);
  }
  return args;
}

/** Whether `wanted` ("plan.ts", "plan", "src/bulk/plan.ts") names the target. */
function names(target: MutationTarget, wanted: string): boolean {
  const base = target.file.slice(target.file.lastIndexOf("/") + 1);
  return [target.file, base, target.name].includes(wanted);
}

/** The Stryker runs for the options, in the order of MUTATION_TARGETS; `source` reads a file to cut it into parts. */
export function strykerRuns(options: RunOptions, source: (file: string) => string): StrykerRun[] {
  const unknown = (options.only ?? []).filter((w) => !MUTATION_TARGETS.some((t) => names(t, w)));
  if (unknown.length > 0)
    throw new Error(
      `--only ${unknown.join(", ")}: not a mutated file (they are ${MUTATED_FILES.join(", ")}).`,
    );
  const chosen = MUTATION_TARGETS.filter(
    (t) => options.only === undefined || options.only.length === 0 || options.only.some((w) => names(t, w)),
  );
  return chosen.flatMap((target) => {
    const parts =
      (target.parts ?? 1) > 1 ? statementParts(source(target.file), target.parts ?? 1) : [undefined];
    return parts.map((lines) => {
      const name = lines ? `${target.name}-${lines[0]}-${lines[1]}` : target.name;
      const mutate = lines ? `${target.file}:${lines[0]}-${lines[1]}` : target.file;
      const report = `${REPORT_DIR}/${name}.json`;
      return {
        label: mutate,
        args: [
          "stryker",
          "run",
          "--mutate",
          mutate,
          "--concurrency",
          String(options.concurrency ?? 1),
          "--timeoutMS",
          String(target.timeoutMS),
          // Each run its own sandbox folder, so runs of different files can go side by side.
          "--tempDirName",
          `.stryker-tmp/${name}`,
        ],
        env: {
          STRYKER_TESTS: target.tests.join(","),
          ...(target.match ? { STRYKER_TEST_MATCH: target.match.join(",") } : {}),
          STRYKER_REPORT: report,
        },
        report,
      };
    });
  });
}

/**
 * Line ranges (1-based, inclusive) cutting a TypeScript source into `parts` of about equal length,
 * only between top-level statements or between the members of a top-level class: Stryker puts a
 * mutant in a range only when it lies wholly inside it, so a cut inside a function would leave that
 * function's body mutants out of every part.
 */
export function statementParts(text: string, parts: number): [number, number][] {
  const file = ts.createSourceFile("part.ts", text, ts.ScriptTarget.Latest, true);
  const lineOf = (pos: number) => file.getLineAndCharacterOfPosition(pos).line + 1;
  const lastLine = lineOf(text.length);
  // The lines after which a cut leaves every mutable node whole.
  const cuts = file.statements.flatMap((statement) =>
    ts.isClassDeclaration(statement)
      ? [...statement.members.map((m) => lineOf(m.getEnd())), lineOf(statement.getEnd())]
      : [lineOf(statement.getEnd())],
  );
  const ranges: [number, number][] = [];
  let from = 1;
  for (const end of cuts)
    if (ranges.length < parts - 1 && end >= from && end >= (lastLine * (ranges.length + 1)) / parts) {
      ranges.push([from, end]);
      from = end + 1;
    }
  if (from <= lastLine) ranges.push([from, lastLine]);
  return ranges;
}
