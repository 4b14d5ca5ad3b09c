/**
 * How the mutation reports merge into one measurement per file (bench/mutationScores.ts writes the
 * table): per file the newest report wins, line by line, using the lines each report ran.
 */

export interface Mutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}

/** The parts of a Stryker JSON report read here; `config.mutate` says which files and lines it ran. */
export interface Report {
  files: Record<string, { mutants: Mutant[]; source?: string }>;
  config?: { mutate?: string[] };
}

/** A finished run's report and when it finished ("2026-12-02 03:04 UTC"). */
export interface FinishedReport {
  report: Report;
  finished: string;
}

/** One file's measurement, merged from the reports that ran it. */
export interface FileScore {
  mutants: Mutant[];
  /** When each report that still counts finished, oldest first, with its lines when it ran a part. */
  finished: string[];
  /** Lines of the file no counted report ran ("120-300"), when it was run in parts. */
  notRun: string[];
}

const WHOLE: [number, number] = [1, Number.MAX_SAFE_INTEGER];

/** The line ranges of `file` a report ran, from its `mutate` setting ("src/x.ts", "src/x.ts:10-80"). */
function rangesRun(report: Report, file: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const entry of report.config?.mutate ?? []) {
    const range = /^(.*?):(\d+)(?::\d+)?-(\d+)(?::\d+)?$/.exec(entry);
    if (range?.[1] === file) ranges.push([Number(range[2]), Number(range[3])]);
    else if (entry === file) ranges.push(WHOLE);
  }
  // A glob or an older report without its settings: the whole file.
  return ranges.length > 0 ? ranges : [WHOLE];
}

const within = (line: number, ranges: readonly [number, number][]) =>
  ranges.some(([from, to]) => line >= from && line <= to);

/**
 * Per file, the newest report wins line by line: a whole-file run replaces every older report of that
 * file (whose mutants sit at the lines of older code), a run of a part replaces only that part, and
 * older parts not run again still count. `reports` are oldest first.
 */
export function mergeReports(reports: readonly FinishedReport[]): Map<string, FileScore> {
  const merged = new Map<string, FileScore & { covered: [number, number][]; lines: number }>();
  for (const { report, finished } of [...reports].reverse()) {
    for (const [file, { mutants, source }] of Object.entries(report.files)) {
      const score = merged.get(file) ?? {
        mutants: [],
        finished: [],
        notRun: [],
        covered: [],
        lines: source === undefined ? 0 : source.replace(/\n$/, "").split("\n").length,
      };
      merged.set(file, score);
      const ranges = rangesRun(report, file);
      const fresh = mutants.filter(
        (m) => within(m.location.start.line, ranges) && !within(m.location.start.line, score.covered),
      );
      if (ranges.every(([from, to]) => score.covered.some(([f, t]) => f <= from && t >= to))) continue;
      score.mutants.push(...fresh);
      score.finished.unshift(
        ranges[0] === WHOLE ? finished : `${finished} (lines ${ranges.map((r) => r.join("-")).join(", ")})`,
      );
      score.covered.push(...ranges);
    }
  }
  for (const score of merged.values()) score.notRun = linesNotRun(score.covered, score.lines);
  return new Map(
    [...merged].map(([file, { mutants, finished, notRun }]) => [file, { mutants, finished, notRun }]),
  );
}

/** The stretches of lines 1..lines outside every range ("450-619"). */
function linesNotRun(covered: readonly [number, number][], lines: number): string[] {
  const gaps: string[] = [];
  let from = 1;
  for (const [f, t] of [...covered].sort((a, b) => a[0] - b[0])) {
    if (f > from) gaps.push(`${from}-${f - 1}`);
    from = Math.max(from, t + 1);
  }
  if (from <= lines) gaps.push(`${from}-${lines}`);
  return gaps;
}
