/**
 * @jest-environment jsdom
 */
/* Before Refresh: the cells of Halo's columns the user changed since the pull, found against the
   snapshot as the pull wrote it (text as text, dates as serials), rows matched by id. */
import { Workbook } from "../../../workbench/model/workbook";
import { installOfficeGlobals } from "../../../workbench/excel/install";
import type { PulledTable, ReportColumnType } from "../../../src/halo";
import { savePull, type PullRecord } from "../../../src/office/pullRecord";
import { cellsChangedSincePull, editsSincePull } from "../../../src/office/refreshEdits";
import { writePulledTable } from "../../../src/office/pullWriter";

const PULLED: PulledTable = {
  headers: ["id", "name", "code", "opened"],
  types: ["number", "text", "text", "datetime"],
  rows: [
    [1, "Acme", "007", "2026-01-15T00:00:00Z"],
    [2, "Bolt", "=1+1", null],
    [3, "Crane", null, "2026-02-01T09:30:00Z"],
  ],
  warnings: [],
  pages: 1,
};
const TYPES = new Map<string, ReportColumnType>(PULLED.headers.map((h, c) => [h, PULLED.types[c]!]));
const SNAPSHOT = { headers: PULLED.headers, rows: PULLED.rows };

describe("cellsChangedSincePull", () => {
  // The cells as Range.values reads them back after the pull (dates as serials, text without its prefix).
  const asRead = (): unknown[][] => [
    [1, "Acme", "007", 46037],
    [2, "Bolt", "=1+1", ""],
    [3, "Crane", "", 46054.395833333336],
  ];
  const table = (rows: unknown[][], headers = [...PULLED.headers, "note"]) => ({
    headers,
    rows: rows.map((row) => [...row, "my note"]),
    firstRow: 1,
    firstColumn: 0,
  });

  it("a table as pulled has no edits, whatever the user's own columns hold", () => {
    expect(cellsChangedSincePull(table(asRead()), SNAPSHOT, TYPES)).toEqual([]);
  });

  it("names each changed cell, in sheet order; a sorted table is no edit (rows matched by id)", () => {
    const rows = asRead();
    rows[0]![2] = 7; // "007" typed over as a number
    rows[2]![1] = "Crane Ltd";
    rows[1]![3] = 46040; // a date typed where there was none
    expect(cellsChangedSincePull(table(rows), SNAPSHOT, TYPES)).toEqual(["C2", "D3", "B4"]);
    expect(cellsChangedSincePull(table([...asRead()].reverse()), SNAPSHOT, TYPES)).toEqual([]);
    // A snapshot renewed by Push from Halo's answer may hold a number as text: the same text is no edit.
    const renewed = { headers: PULLED.headers, rows: [["1", "Acme", "007", "2026-01-15T00:00:00Z"]] };
    expect(cellsChangedSincePull(table(asRead().slice(0, 1)), renewed, TYPES)).toEqual([]);
  });

  it("a row the snapshot does not hold (typed by the user) counts with its cells; without ids, rows go by position", () => {
    const rows = [...asRead(), [9, "New", "", ""]];
    expect(cellsChangedSincePull(table(rows), SNAPSHOT, TYPES)).toEqual(["A5", "B5"]);
    const noId = { headers: ["name"], rows: [["Acme"], ["Bolt"]] };
    const sheet = { headers: ["name"], rows: [["Bolt"], ["Bolt"]], firstRow: 4, firstColumn: 2 };
    expect(cellsChangedSincePull(sheet, noId, new Map())).toEqual(["C5"]);
  });
});

describe("editsSincePull in the workbook", () => {
  it("finds the cell a user changed in a pulled table, and nothing once it is as pulled again", async () => {
    const workbook = new Workbook();
    installOfficeGlobals(window, workbook, { memoryStorage: true });
    const landed = await writePulledTable(PULLED, "Clients", { kind: "newSheet" });
    const record: PullRecord = {
      version: 1,
      sheetId: landed.sheetId,
      sheetName: landed.sheetName,
      tableName: landed.tableName,
      instanceUrl: "https://acme.halopsa.com",
      source: { kind: "entity", entity: "Client" },
      pulledAt: "2026-12-01T22:41:00.000Z",
      headers: PULLED.headers,
      rowCount: 3,
    };
    await savePull(record, SNAPSHOT);
    expect(await editsSincePull(record, TYPES)).toEqual([]);
    const sheet = workbook.getSheet("Clients")!.id;
    workbook.setValues(sheet, 2, 1, [["Bolt Ltd"]]);
    expect(await editsSincePull(record, TYPES)).toEqual(["B3"]);
    workbook.setValues(sheet, 2, 1, [["Bolt"]]);
    expect(await editsSincePull(record, TYPES)).toEqual([]);
  });
});
