/**
 * @jest-environment jsdom
 */
/* The HaloSheet Log sheet: one row per run, added at the end, refreshed in place when the run's state changes. */
import { installOfficeGlobals } from "../../../workbench/excel/install";
import { Workbook } from "../../../workbench/model/workbook";
import { LOG_HEADERS, LOG_SHEET_NAME, logRow, logRunToSheet } from "../../../src/office/logSheet";
import type { RunRecord } from "../../../src/office/pushRecord";
import { runRecord } from "./runRecords";

function run(runId: string, extra: Partial<RunRecord> = {}): RunRecord {
  return runRecord(runId, { state: "running", ...extra });
}

function logValues(workbook: Workbook): unknown[][] {
  const sheet = workbook.getSheet(LOG_SHEET_NAME)!.id;
  return workbook.getValues(sheet, workbook.usedRange(sheet)!);
}

describe("logRow", () => {
  it("says what kind of run it was and whether it can be undone", () => {
    const row = logRow(run("r1", { state: "done" }));
    expect(row).toHaveLength(LOG_HEADERS.length);
    expect(row.slice(0, 8)).toEqual([
      "r1",
      "2026-12-02T01:00:00Z",
      "Clients",
      "https://acme.halopsa.com",
      "Client",
      "Push",
      "done",
      1,
    ]);
    expect(row.slice(-3)).toEqual([3, 1.2, "Can be undone"]);
    expect(logRow(run("r2", { dryRun: true })).at(5)).toBe("Dry run");
    expect(logRow(run("r2", { dryRun: true })).at(-1)).toBe("");
    expect(logRow(run("r3", { undoOf: "r1" })).at(5)).toBe("Undo of r1");
    expect(logRow(run("r1", { undoneBy: "r3" })).at(-1)).toBe("Undone by r3");
  });
});

describe("logRunToSheet", () => {
  it("creates the log sheet with its headers, adds each run at the end and refreshes a run's row in place", async () => {
    const workbook = new Workbook();
    installOfficeGlobals(window, workbook, { memoryStorage: true });
    await logRunToSheet(run("r1"));
    await logRunToSheet(run("r2", { dryRun: true }));
    await logRunToSheet(run("r1", { state: "done", undoneBy: "r3" }));
    const values = logValues(workbook);
    expect(values[0]).toEqual([...LOG_HEADERS]);
    expect(values.map((r) => r[0])).toEqual(["Run", "r1", "r2"]);
    expect(values[1]![6]).toBe("done");
    expect(values[1]!.at(-1)).toBe("Undone by r3");
    expect(values[2]![5]).toBe("Dry run");
    expect(workbook.getActiveSheet().name).toBe("Sheet1");
  });
});
