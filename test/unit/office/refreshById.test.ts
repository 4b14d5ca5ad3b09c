/**
 * @jest-environment jsdom
 */
/* Refresh keeps a user's typed values beside their record (matched by id) when Halo's rows come back in
   another order or some are gone; formula columns stay filled; without usable ids rows stay by position. */
import { Workbook } from "../../../workbench/model/workbook";
import { installOfficeGlobals } from "../../../workbench/excel/install";
import type { PulledTable } from "../../../src/halo";
import { writePulledTable } from "../../../src/office/pullWriter";
import { refreshPulledTable } from "../../../src/office/refreshTable";
import { userCellMoves } from "../../../src/office/userColumnsById";

const HEADERS = ["id", "name"];

function pulled(rows: PulledTable["rows"]): PulledTable {
  return { headers: HEADERS, types: ["number", "text"], rows, warnings: [], pages: 1 };
}

async function pulledSheet(ids: (number | null)[]): Promise<Workbook> {
  const workbook = new Workbook();
  installOfficeGlobals(window, workbook, { memoryStorage: true });
  await writePulledTable(pulled(ids.map((id) => [id, `client ${id}`])), "Clients", { kind: "newSheet" });
  // The user adds two columns: a note typed per record (text, a number, a text that looks like a formula,
  // a blank), and a formula.
  await Excel.run(async (context) => {
    const table = context.workbook.tables.getItem("Halo_Clients");
    const notes = ["'keep 007", 42, "'=not a formula", ""].slice(0, ids.length);
    table.columns.add(undefined, [["note"], ...notes.map((n) => [n])]);
    table.columns.add(undefined, [["shout"], ...ids.map((_, i) => [`=UPPER(B${i + 2})`])]);
    await context.sync();
  });
  return workbook;
}

function values(workbook: Workbook): unknown[][] {
  const id = workbook.getSheet("Clients")!.id;
  return workbook.getApiValues(id, workbook.usedRange(id)!);
}

describe("Refresh matches the user's typed values by id", () => {
  it("Halo's order changed and a record is gone: each note stays beside its record, the formula column fills", async () => {
    const workbook = await pulledSheet([1, 2, 3, 4]);
    await refreshPulledTable(
      "Halo_Clients",
      HEADERS,
      pulled([
        [3, "client 3"],
        [5, "client 5"],
        [1, "client 1"],
      ]),
    );
    expect(values(workbook)).toEqual([
      ["id", "name", "note", "shout"],
      [3, "client 3", "=not a formula", "CLIENT 3"],
      [5, "client 5", "", "CLIENT 5"],
      [1, "client 1", "keep 007", "CLIENT 1"],
    ]);
    const sheet = workbook.getSheet("Clients")!.id;
    // Typed text stays text (not the number 7, not a formula); the user's formulas are still formulas.
    expect(workbook.getCell(sheet, 1, 2).formula ?? null).toBeNull();
    expect(workbook.getCell(sheet, 3, 3).formula).toBe("=UPPER(B4)");
  });

  it("more records than before: a moved note lands on a new row too", async () => {
    const workbook = await pulledSheet([1, 2]);
    await refreshPulledTable(
      "Halo_Clients",
      HEADERS,
      pulled([
        [7, "client 7"],
        [8, "client 8"],
        [2, "client 2"],
        [1, "client 1"],
      ]),
    );
    expect(values(workbook).map((row) => row[2])).toEqual(["note", "", "", 42, "keep 007"]);
    expect(values(workbook)[3]![3]).toBe("CLIENT 2");
  });

  it("ids that cannot match (a blank or a repeated id) leave the rows by position, as before", async () => {
    const workbook = await pulledSheet([1, 2]);
    await refreshPulledTable(
      "Halo_Clients",
      HEADERS,
      pulled([
        [2, "client 2"],
        [2, "again"],
      ]),
    );
    expect(values(workbook).map((row) => row[2])).toEqual(["note", "keep 007", 42]);
  });
});

describe("userCellMoves", () => {
  it("values follow their id, formulas stay, a new record clears another record's value", () => {
    const cells = [{ value: "a" }, { formula: true as const }, { value: "" }, { value: "d" }];
    expect(userCellMoves([1, 2, 3, 4], [4, 2, 9, 1], cells)).toEqual(["d", undefined, undefined, "a"]);
    // Record 2 (a formula) lands where record 1's value was: that value is not left beside it.
    expect(userCellMoves([1, 2], [2, 1], [{ value: "a" }, { formula: true }])).toEqual(["", "a"]);
  });

  it("no answer when ids are missing or repeated, before or after", () => {
    expect(userCellMoves([1, null], [1, 2], [{ value: "a" }, { value: "b" }])).toBeUndefined();
    expect(userCellMoves([1, 2], [1, 1], [{ value: "a" }, { value: "b" }])).toBeUndefined();
  });
});
