/**
 * @jest-environment jsdom
 */
/* readSelection against the workbench's Excel: the header row, the cut to the used range, hidden and filtered rows. */
import { parseAddress } from "../../../workbench/model/address";
import { installOfficeGlobals } from "../../../workbench/excel/install";
import { Workbook } from "../../../workbench/model/workbook";
import { readSelection, SelectionError } from "../../../src/office/selection";

const CLIENTS = [
  ["id", "name", "item_tax_code"],
  [1, "Acme", 1],
  [2, "Bolt", 1],
  [3, "Crane", 2],
  [4, "Dane", 2],
  [5, "Eyre", 1],
];

function sheetWith(rows: (string | number)[][], asTable: boolean): { workbook: Workbook; sheet: string } {
  const workbook = new Workbook({ firstSheetName: "Clients" });
  installOfficeGlobals(window, workbook, { memoryStorage: true });
  const sheet = workbook.getActiveSheet().id;
  workbook.setValues(sheet, 0, 0, rows);
  if (asTable)
    workbook.addTable(
      sheet,
      { row: 0, col: 0, rowCount: rows.length, colCount: rows[0]!.length },
      true,
      "Clients",
    );
  return { workbook, sheet };
}

function select(workbook: Workbook, sheet: string, address: string): void {
  workbook.setSelection(sheet, parseAddress(address)!.rect);
}

describe("readSelection", () => {
  it("in a table: the table's header row, the selected rows across the table, the selected column", async () => {
    const { workbook, sheet } = sheetWith(CLIENTS, true);
    select(workbook, sheet, "C3:C4");
    const selection = await readSelection();
    expect(selection).toMatchObject({
      sheetName: "Clients",
      address: "Clients!C3:C4",
      tableName: "Clients",
      headerRowNumber: 1,
      firstColumn: 0,
      headers: ["id", "name", "item_tax_code"],
      selectedColumns: [2],
      hiddenRows: [],
      nextFreeColumn: 3,
    });
    expect(selection.rows).toEqual([
      { rowNumber: 3, values: [2, "Bolt", 1] },
      { rowNumber: 4, values: [3, "Crane", 2] },
    ]);
  });

  it("a payload column typed beside a table, its data rows selected: the table's header row, the column in the block", async () => {
    const { workbook, sheet } = sheetWith(CLIENTS, true);
    workbook.setValues(sheet, 0, 3, [
      ["Payload"],
      ['{"id":1}'],
      ['{"id":2}'],
      ['{"id":3}'],
      ['{"id":4}'],
      ['{"id":5}'],
    ]);
    for (const address of ["D2:D6", "D1:D6"]) {
      select(workbook, sheet, address);
      const selection = await readSelection();
      expect(selection.tableName).toBe("Clients");
      expect(selection.headerRowNumber).toBe(1);
      expect(selection.headers).toEqual(["id", "name", "item_tax_code", "Payload"]);
      expect(selection.selectedColumns).toEqual([3]);
      expect(selection.rows.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5, 6]);
    }
  });

  it("outside a table: the first selected row is the header row", async () => {
    const rows = [["Clients to fix"], ...CLIENTS];
    const { workbook, sheet } = sheetWith(rows, false);
    select(workbook, sheet, "A2:C4");
    const selection = await readSelection();
    expect(selection.tableName).toBeUndefined();
    expect(selection.headerRowNumber).toBe(2);
    expect(selection.headers).toEqual(["id", "name", "item_tax_code"]);
    expect(selection.rows.map((r) => r.rowNumber)).toEqual([3, 4]);
  });

  it("outside a table, a selection of data rows only takes its first row for the headers", async () => {
    const { workbook, sheet } = sheetWith(CLIENTS, false);
    select(workbook, sheet, "A3:C4");
    const selection = await readSelection();
    expect(selection.headerRowNumber).toBe(3);
    expect(selection.headers).toEqual(["2", "Bolt", "1"]);
    expect(selection.rows.map((r) => r.rowNumber)).toEqual([4]);
  });

  it("a whole-column or whole-sheet selection is cut to the used range", async () => {
    const { workbook, sheet } = sheetWith(CLIENTS, false);
    select(workbook, sheet, "B:C");
    const columns = await readSelection();
    expect(columns.headerRowNumber).toBe(1);
    expect(columns.rows).toHaveLength(5);
    expect(columns.selectedColumns).toEqual([1, 2]);
    workbook.setSelection(sheet, { row: 0, col: 0, rowCount: 1_048_576, colCount: 16_384 });
    const all = await readSelection();
    expect(all.rows.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5, 6]);
    expect(all.selectedColumns).toEqual([0, 1, 2]);
  });

  it("rows hidden by hand or filtered out are left out and listed", async () => {
    const { workbook, sheet } = sheetWith(CLIENTS, true);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.getRange("A3").rowHidden = true;
      ws.tables
        .getItem("Clients")
        .columns.getItem("name")
        .filter.applyValuesFilter(["Acme", "Bolt", "Crane", "Eyre"]);
      await context.sync();
    });
    select(workbook, sheet, "A2:C6");
    const selection = await readSelection();
    expect(selection.hiddenRows).toEqual([3, 5]);
    expect(selection.rows.map((r) => r.rowNumber)).toEqual([2, 4, 6]);
    expect(selection.formulas).toHaveLength(3);
  });

  it("finds the Status and Message pair and never counts it as selected", async () => {
    const rows = CLIENTS.map((r, i) => [...r, i === 0 ? "Status" : "Updated", i === 0 ? "Message" : ""]);
    const { workbook, sheet } = sheetWith(rows, false);
    select(workbook, sheet, "A1:E6");
    const selection = await readSelection();
    expect(selection.resultColumns).toEqual({ status: 3, message: 4 });
    expect(selection.selectedColumns).toEqual([0, 1, 2]);
  });

  it("several blocks selected (Select failed rows leaves them) is a SelectionError saying to select one", async () => {
    const { workbook, sheet } = sheetWith(CLIENTS, true);
    workbook.setSelectionAreas(sheet, [parseAddress("A2:C2")!.rect, parseAddress("A4:C4")!.rect]);
    await expect(readSelection()).rejects.toThrow(
      new SelectionError(
        "Several blocks are selected (as Select failed rows leaves them): select one block of rows to push, or use Retry failed.",
      ),
    );
  });

  it("merged cells in the rows (or the header row) are a SelectionError naming them; nothing is read", async () => {
    const { workbook, sheet } = sheetWith(CLIENTS, false);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange("C3:C4").merge();
      await context.sync();
    });
    expect(workbook.getValue(sheet, 3, 2)).toBeNull();
    select(workbook, sheet, "A1:C6");
    await expect(readSelection()).rejects.toThrow(
      new SelectionError(
        "Merged cells in the rows to push (C3:C4): Excel keeps a merged area's value in its first cell only, so the other rows would be read as blank. Unmerge them (Home → Merge & Center → Unmerge Cells) and fill in the values, then preview again. Nothing was read or sent.",
      ),
    );
    // Rows clear of the merged area are read as usual.
    select(workbook, sheet, "A5:C6");
    expect((await readSelection()).rows.map((r) => r.rowNumber)).toEqual([6]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange("C3").unmerge();
      await context.sync();
    });
    select(workbook, sheet, "A1:C6");
    expect((await readSelection()).rows).toHaveLength(5);
  });

  /** Rows merged across (each row of `across` one area), the selection read: its refusal; no cell read. */
  async function refusedUnread(
    rows: (string | number)[][],
    across: string,
    selection: string,
  ): Promise<string> {
    const { workbook, sheet } = sheetWith(rows, false);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange(across).merge(true);
      await context.sync();
    });
    select(workbook, sheet, selection);
    const read = jest.spyOn(workbook, "getApiValues");
    const error = await readSelection().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(read).not.toHaveBeenCalled();
    read.mockRestore();
    expect(error).toBeInstanceOf(SelectionError);
    return (error as SelectionError).message;
  }

  it("many merged areas: the first five are named and the rest counted; no cell of the rows is read", async () => {
    // Header and data rows each merged across B:C: six areas.
    expect(await refusedUnread(CLIENTS, "B1:C6", "A1:C6")).toMatch(
      /^Merged cells in the rows to push \(B1:C1, B2:C2, B3:C3, B4:C4, B5:C5 and 1 more\): .* Unmerge Cells\) /,
    );
  });

  it("more than 512 merged areas (Excel refuses to list them): a plain SelectionError saying to unmerge; nothing is read", async () => {
    const rows = [["id", "note"], ...Array.from({ length: 600 }, (_, i) => [i + 1, `note ${i + 1}`])];
    // Each data row's B:C merged across: 600 areas.
    expect(await refusedUnread(rows, "B2:C601", "A1:B601")).toBe(
      "The rows to push hold more than 512 merged areas, more than Excel can list. Excel keeps a merged area's value in its first cell only, so the other rows would be read as blank. Unmerge them (Home → Merge & Center → Unmerge Cells) and fill in the values, then preview again. Nothing was read or sent.",
    );
  });

  it("an empty sheet, or only a header row, is a SelectionError saying what to select", async () => {
    const empty = new Workbook({ firstSheetName: "Empty" });
    installOfficeGlobals(window, empty, { memoryStorage: true });
    await expect(readSelection()).rejects.toThrow("The sheet Empty is empty: nothing to push.");
    const { workbook, sheet } = sheetWith(CLIENTS, true);
    select(workbook, sheet, "A1:C1");
    await expect(readSelection()).rejects.toBeInstanceOf(SelectionError);
    await expect(readSelection()).rejects.toThrow(/below the table's header row \(row 1\)/);
    const plain = sheetWith(CLIENTS, false);
    select(plain.workbook, plain.sheet, "A4:C4");
    await expect(readSelection()).rejects.toThrow(/Select the header row and the rows to push below it/);
  });
});
