/**
 * `npm run test:mutation` (bench/mutation.ts): the Stryker commands it builds, one per file (a large
 * file in parts cut between top-level statements), and how the reports merge into the table, newest
 * first line by line. Stryker itself is not run here.
 */
import { type FinishedReport, mergeReports } from "../../../bench/mutationMerge";
import {
  MUTATED_FILES,
  parseMutationArgs,
  statementParts,
  strykerRuns,
} from "../../../bench/mutationTargets";

/** A source of `lines` lines: one small function per 5 lines. */
function source(lines: number): string {
  return Array.from(
    { length: lines / 5 },
    (_, i) => `function f${i}() {\n  const a = ${i};\n  return a + 1;\n}\n`,
  ).join("\n");
}

const sourceOf = (file: string) => (file === "src/bulk/run.ts" ? source(600) : "");

describe("npm run test:mutation: the Stryker runs", () => {
  it("one file: its own run, tests, report and sandbox, one worker by default", () => {
    expect(strykerRuns({ only: ["plan.ts"] }, sourceOf)).toEqual([
      {
        label: "src/bulk/plan.ts",
        args: [
          "stryker",
          "run",
          "--mutate",
          "src/bulk/plan.ts",
          "--concurrency",
          "1",
          "--timeoutMS",
          "5000",
          "--tempDirName",
          ".stryker-tmp/plan",
        ],
        env: {
          STRYKER_TESTS: "test/unit/bulk",
          STRYKER_TEST_MATCH: expect.stringContaining("**/plan*.test.ts"),
          STRYKER_REPORT: "reports/mutation/plan.json",
        },
        report: "reports/mutation/plan.json",
      },
    ]);
  });

  it("every file by default, in the table's order, run.ts in parts, each part its own report", () => {
    const runs = strykerRuns({ concurrency: 2 }, sourceOf);
    expect(runs.map((r) => r.label)).toEqual([
      "src/bulk/plan.ts",
      expect.stringMatching(/^src\/bulk\/run\.ts:1-\d+$/),
      expect.stringMatching(/^src\/bulk\/run\.ts:\d+-\d+$/),
      expect.stringMatching(/^src\/bulk\/run\.ts:\d+-\d+$/),
      expect.stringMatching(/^src\/bulk\/run\.ts:\d+-\d+$/),
      "src/bulk/payload/coerce.ts",
      "src/halo/retry.ts",
      "src/halo/paginate.ts",
    ]);
    expect(new Set(runs.map((r) => r.report)).size).toBe(runs.length);
    expect(new Set(runs.map((r) => r.args.at(-1))).size).toBe(runs.length);
    expect(runs.every((r) => r.args[r.args.indexOf("--concurrency") + 1] === "2")).toBe(true);
    expect(runs[1].report).toMatch(/^reports\/mutation\/run-1-\d+\.json$/);
    // The halo files run every halo unit test.
    expect(runs.at(-1)?.env).toEqual({
      STRYKER_TESTS: "test/unit/halo",
      STRYKER_REPORT: "reports/mutation/paginate.json",
    });
    expect(MUTATED_FILES).toHaveLength(5);
  });

  it("files are named by path, base name or report name; an unknown one is refused naming the files", () => {
    expect(strykerRuns({ only: ["src/halo/retry.ts", "coerce"] }, sourceOf).map((r) => r.label)).toEqual([
      "src/bulk/payload/coerce.ts",
      "src/halo/retry.ts",
    ]);
    expect(() => strykerRuns({ only: ["plans.ts"] }, sourceOf)).toThrow(
      "--only plans.ts: not a mutated file (they are src/bulk/plan.ts, src/bulk/run.ts,",
    );
  });

  it("reads --only (repeated or a comma list), --concurrency and --list, and refuses the rest", () => {
    expect(
      parseMutationArgs(["--only", "plan.ts,run.ts", "--only", "retry.ts", "--concurrency", "2"]),
    ).toEqual({
      list: false,
      only: ["plan.ts", "run.ts", "retry.ts"],
      concurrency: 2,
    });
    expect(parseMutationArgs(["--list"])).toEqual({ list: true });
    expect(() => parseMutationArgs(["--concurrency", "0"])).toThrow(
      "--concurrency takes a whole number from 1, not 0.",
    );
    expect(() => parseMutationArgs(["--only"])).toThrow("--only needs a value.");
    expect(() => parseMutationArgs(["--checkers"])).toThrow("Unknown option --checkers");
  });
});

describe("npm run test:mutation: parts of a file", () => {
  it("cuts only between top-level statements, covering every line once", () => {
    const text = source(600);
    const parts = statementParts(text, 4);
    expect(parts).toHaveLength(4);
    expect(parts[0][0]).toBe(1);
    expect(parts.at(-1)?.[1]).toBe(text.split("\n").length);
    for (let i = 1; i < parts.length; i++) expect(parts[i][0]).toBe(parts[i - 1][1] + 1);
    // Each part starts at a function and ends at a closing brace (and the blank lines after it).
    const lines = text.split("\n");
    for (const [from, to] of parts) {
      expect(lines.slice(from - 1).find((l) => l !== "")).toMatch(/^function /);
      expect(
        lines
          .slice(0, to)
          .reverse()
          .find((l) => l !== ""),
      ).toBe("}");
    }
  });

  it("cuts a long class between its members", () => {
    const method = (name: string) =>
      `  ${name}(): number {\n${"    this.n++;\n".repeat(8)}    return this.n;\n  }\n`;
    const text = `class Engine {\n  n = 0;\n${["a", "b", "c", "d"].map(method).join("")}}\n`;
    // Lines 3-13, 14-24, 25-35, 36-46: the methods; the cut falls after method b.
    expect(statementParts(text, 2)).toEqual([
      [1, 24],
      [25, 48],
    ]);
  });

  it("never cuts inside a statement, however long", () => {
    const long = `const a = 1;\nfunction big() {\n${"  a;\n".repeat(50)}}\nconst b = 2;\n`;
    expect(statementParts(long, 2)).toEqual([
      [1, 53],
      [54, 55],
    ]);
  });
});

describe("npm run test:mutation: merging the reports", () => {
  const mutant = (line: number, status: string) => ({
    mutatorName: "ConditionalExpression",
    replacement: "true",
    status,
    location: { start: { line, column: 1 }, end: { line, column: 5 } },
  });
  const report = (
    mutate: string,
    finished: string,
    ...mutants: ReturnType<typeof mutant>[]
  ): FinishedReport => ({
    report: {
      files: { "src/x.ts": { mutants, source: "line\n".repeat(100) } },
      config: { mutate: [mutate] },
    },
    finished,
  });

  it("a newer whole-file run replaces the older one, whose mutants sat at the lines of older code", () => {
    const merged = mergeReports([
      report("src/x.ts", "01:00", mutant(10, "Survived"), mutant(20, "Killed")),
      report("src/x.ts", "02:00", mutant(12, "Killed")),
    ]);
    expect(merged.get("src/x.ts")).toEqual({
      mutants: [mutant(12, "Killed")],
      finished: ["02:00"],
      notRun: [],
    });
  });

  it("a part run again replaces only its part; a line no part ran is named", () => {
    const merged = mergeReports([
      report("src/x.ts:1-40", "01:00", mutant(10, "Survived"), mutant(30, "Killed")),
      report("src/x.ts:41-80", "02:00", mutant(50, "Survived")),
      report("src/x.ts:1-20", "03:00", mutant(10, "Killed")),
    ]);
    expect(merged.get("src/x.ts")).toEqual({
      mutants: [mutant(10, "Killed"), mutant(50, "Survived"), mutant(30, "Killed")],
      finished: ["01:00 (lines 1-40)", "02:00 (lines 41-80)", "03:00 (lines 1-20)"],
      notRun: ["81-100"],
    });
  });

  it("an older report wholly covered by newer ones no longer counts", () => {
    const merged = mergeReports([
      report("src/x.ts:1-20", "01:00", mutant(10, "Survived")),
      report("src/x.ts", "02:00", mutant(10, "Killed")),
    ]);
    expect(merged.get("src/x.ts")?.finished).toEqual(["02:00"]);
  });
});
