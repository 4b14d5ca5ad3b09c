/**
 * @jest-environment jsdom
 */
/* Refresh keeps a user's cells beside their record (matched by id) when Halo's rows come back in another
   order or some are gone: typed values and formulas alike; a calculated column stays the table's; without
   usable ids rows stay by position. */
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

  it("a typed date moves with its date format (a serial alone would show as a number)", async () => {
    const workbook = await pulledSheet([1, 2]);
    const sheet = workbook.getSheet("Clients")!.id;
    // Record 1's note: a date the user typed (a serial with a date format); record 2's: the number 42.
    await Excel.run(async (context) => {
      const note = context.workbook.worksheets.getItem("Clients").getRange("C2");
      note.values = [[46037]];
      note.numberFormat = [["yyyy-mm-dd"]];
      await context.sync();
    });
    await refreshPulledTable(
      "Halo_Clients",
      HEADERS,
      pulled([
        [2, "client 2"],
        [1, "client 1"],
      ]),
    );
    expect(values(workbook).map((row) => row[2])).toEqual(["note", 42, 46037]);
    expect(workbook.getNumberFormats(sheet, { row: 1, col: 2, rowCount: 2, colCount: 1 })).toEqual([
      ["General"],
      ["yyyy-mm-dd"],
    ]);
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

describe("Refresh moves a formula with its record in a column mixing formulas and typed values", () => {
  /* The user's "payload" column: a formula for most records, a value typed over it for record 2, and a
     formula that reads a fixed cell for record 4. */
  async function mixedSheet(): Promise<Workbook> {
    const workbook = new Workbook();
    installOfficeGlobals(window, workbook, { memoryStorage: true });
    await writePulledTable(pulled([1, 2, 3, 4].map((id) => [id, `client ${id}`])), "Clients", {
      kind: "newSheet",
    });
    await Excel.run(async (context) => {
      context.workbook.tables
        .getItem("Halo_Clients")
        .columns.add(undefined, [["payload"], ["=UPPER(B2)"], ["'typed by hand"], ["=UPPER(B4)"], ["=$B$2"]]);
      await context.sync();
    });
    return workbook;
  }

  function column(workbook: Workbook, c: number): { value: unknown; formula: string | null }[] {
    const sheet = workbook.getSheet("Clients")!.id;
    return values(workbook)
      .slice(1)
      .map((row, r) => ({ value: row[c], formula: workbook.getCell(sheet, r + 1, c).formula ?? null }));
  }

  it("each record keeps its own formula (pointing at its new row) or typed value; a new record gets a blank", async () => {
    const workbook = await mixedSheet();
    await refreshPulledTable(
      "Halo_Clients",
      HEADERS,
      pulled([
        [4, "client 4"],
        [3, "client 3"],
        [9, "client 9"],
        [2, "client 2"],
        [1, "client 1"],
      ]),
    );
    expect(values(workbook).map((row) => row[0])).toEqual(["id", 4, 3, 9, 2, 1]);
    expect(column(workbook, 2)).toEqual([
      // Record 4's formula still reads the fixed cell B2 (now client 4's name).
      { value: "client 4", formula: "=$B$2" },
      { value: "CLIENT 3", formula: "=UPPER(B3)" },
      { value: "", formula: null },
      { value: "typed by hand", formula: null },
      { value: "CLIENT 1", formula: "=UPPER(B6)" },
    ]);
  });

  it("a record that is gone takes its formula with it; nothing of it is left beside another record", async () => {
    const workbook = await mixedSheet();
    await refreshPulledTable(
      "Halo_Clients",
      HEADERS,
      pulled([
        [2, "client 2"],
        [3, "client 3"],
      ]),
    );
    expect(column(workbook, 2)).toEqual([
      { value: "typed by hand", formula: null },
      { value: "CLIENT 3", formula: "=UPPER(B3)" },
    ]);
  });

  it("a calculated column (one formula in every row) is left to the table: new rows get it too", async () => {
    const workbook = await pulledSheet([1, 2]);
    const sheet = workbook.getSheet("Clients")!.id;
    await refreshPulledTable(
      "Halo_Clients",
      HEADERS,
      pulled([
        [3, "client 3"],
        [2, "client 2"],
        [1, "client 1"],
      ]),
    );
    expect([1, 2, 3].map((r) => workbook.getCell(sheet, r, 3).formula)).toEqual([
      "=UPPER(B2)",
      "=UPPER(B3)",
      "=UPPER(B4)",
    ]);
  });
});

describe("userCellMoves", () => {
  const f = (formulaR1C1: string) => ({ formulaR1C1 });
  const v = (value: string | number) => ({ value });

  it("values and formulas follow their id; a cell already right is not written; a new record clears another's cell", () => {
    const cells = [v("a"), f("=RC[-1]"), v(""), v("d")];
    expect(userCellMoves([1, 2, 3, 4], [4, 2, 9, 1], cells)).toEqual([v("d"), undefined, undefined, v("a")]);
    expect(userCellMoves([1, 2, 3], [2, 1, 9], [v("a"), f("=RC[-1]"), f("=R1C1")])).toEqual([
      f("=RC[-1]"),
      v("a"),
      v(""),
    ]);
    // Two records with the same formula swap: nothing to write.
    expect(userCellMoves([1, 2, 3], [2, 1, 3], [f("=RC[-1]"), f("=RC[-1]"), v("x")])).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("rows past the old end: a moved record's cell is written, a new record's is left to the table", () => {
    expect(userCellMoves([1, 2], [7, 2, 1, 8], [v("a"), f("=RC[-1]")])).toEqual([
      v(""),
      undefined,
      v("a"),
      undefined,
    ]);
    // A blank record moved to an added row is written blank, so the table's fill does not land beside it.
    expect(userCellMoves([1, 2, 3], [3, 2, 9, 1], [v(""), f("=RC[-1]"), f("=RC[-2]")])).toEqual([
      f("=RC[-2]"),
      undefined,
      v(""),
      v(""),
    ]);
  });

  it("a calculated column (the same R1C1 formula in every row) is not touched", () => {
    const cells = [f("=UPPER(RC[-1])"), f("=UPPER(RC[-1])")];
    expect(userCellMoves([1, 2], [2, 3, 1], cells)).toEqual([undefined, undefined, undefined]);
  });

  it("no answer when ids are missing or repeated, before or after", () => {
    expect(userCellMoves([1, null], [1, 2], [v("a"), v("b")])).toBeUndefined();
    expect(userCellMoves([1, 2], [1, 1], [v("a"), v("b")])).toBeUndefined();
  });
});
