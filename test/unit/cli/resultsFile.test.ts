import { parseCsv } from "../../../src/cli/csvFiles";
import { resultRows, withoutResultColumns } from "../../../src/cli/resultsFile";
import { pushExitCode } from "../../../src/cli/exitCode";
import type { RunReport } from "../../../src/bulk/runTypes";
import type { RowResult } from "../../../src/bulk/rowResult";

function report(results: Partial<RowResult>[], fatal?: RunReport["fatal"]): RunReport {
  return {
    entity: "Client",
    dryRun: false,
    results: results.map((r, key) => ({ key, rowNumber: key + 2, status: "Updated", message: "", ...r })),
    journal: [],
    requests: 1,
    writes: 1,
    reads: 0,
    rateLimitWaits: 0,
    rateLimitWaitMs: 0,
    elapsedMs: 0,
    cancelled: false,
    ...(fatal ? { fatal } : {}),
  };
}

describe("CSV and results.csv", () => {
  it("numbers rows as a spreadsheet would, leaving blank lines out, keeping quotes and a BOM", () => {
    const table = parseCsv('\uFEFFid,name\n1,"Acme, Inc"\n\n3,"two\nlines"\n', "in.csv");
    expect(table.headers).toEqual(["id", "name"]);
    expect(table.rows).toEqual([
      { rowNumber: 2, values: ["1", "Acme, Inc"] },
      { rowNumber: 4, values: ["3", "two\nlines"] },
    ]);
  });

  it("adds Status and Message to every input row, and drops them when a results file is pushed again", () => {
    const table = parseCsv("id,name\n1,a\n,b\n", "in.csv");
    const rows = resultRows(table, [
      { key: 0, rowNumber: 2, status: "Updated", message: "Updated.", id: 1 },
      { key: 1, rowNumber: 3, status: "Created", message: "Created.", id: 77 },
    ]);
    expect(rows).toEqual([
      ["1", "a", "Updated", "Updated."],
      ["", "b", "Created", "Created. New id 77."],
    ]);
    const again = parseCsv("id,name,Status,Message\n1,a,Failed,bad\n", "res.csv");
    expect(withoutResultColumns(again)).toEqual({
      headers: ["id", "name"],
      rows: [{ rowNumber: 2, values: ["1", "a"] }],
    });
  });

  it("exit code: 0 all good, 1 any row not done, 2 when the run stopped on sign-in or connection", () => {
    expect(
      pushExitCode(report([{ status: "Updated" }, { status: "Unchanged" }, { status: "Created" }])),
    ).toBe(0);
    expect(pushExitCode(report([{ status: "Updated" }, { status: "Failed" }]))).toBe(1);
    expect(pushExitCode(report([{ status: "Unknown" }]))).toBe(1);
    expect(pushExitCode(report([{ status: "Skipped" }]))).toBe(1);
    expect(pushExitCode(report([{ status: "WouldUpdate" }]))).toBe(0);
    expect(pushExitCode(report([{ status: "NotSent" }], { kind: "Auth", message: "no" }))).toBe(2);
  });
});
