/**
 * @jest-environment jsdom
 */
/* The Status and Message columns and "Select failed rows", against the workbench's Excel. */
import { installOfficeGlobals } from "../../../workbench/excel/install";
import { Workbook } from "../../../workbench/model/workbook";
import type { SheetSelection } from "../../../src/office/selection";
import { selectSheetRows, writeStatusColumns } from "../../../src/office/statusColumns";

function clientsSheet(headers = ["id", "name", "item_tax_code"]): { workbook: Workbook; sheet: string } {
  const workbook = new Workbook({ firstSheetName: "Clients" });
  installOfficeGlobals(window, workbook, { memoryStorage: true });
  const sheet = workbook.getActiveSheet().id;
  workbook.setValues(sheet, 0, 0, [headers, ...[1, 2, 3, 4, 5, 6].map((id) => [id, `C${id}`, 1])]);
  return { workbook, sheet };
}

function selectionOf(sheet: string, headers: string[], extra: Partial<SheetSelection> = {}): SheetSelection {
  return {
    sheetId: sheet,
    sheetName: "Clients",
    address: "Clients!A1:C7",
    headerRowNumber: 1,
    firstColumn: 0,
    headers,
    rows: [],
    hiddenRows: [],
    formulas: [],
    selectedColumns: [0, 1, 2],
    nextFreeColumn: headers.length,
    ...extra,
  };
}

describe("writeStatusColumns", () => {
  it("creates Status and Message right of the data, writes each row's result, and knows them after", async () => {
    const { workbook, sheet } = clientsSheet();
    const selection = await writeStatusColumns(selectionOf(sheet, ["id", "name", "item_tax_code"]), [
      { rowNumber: 2, status: "Updated", message: "" },
      { rowNumber: 3, status: "Failed", message: "=name is not valid" },
      { rowNumber: 5, status: "Skipped", message: "x".repeat(5000) },
    ]);
    expect(selection.resultColumns).toEqual({ status: 3, message: 4 });
    expect(workbook.getValue(sheet, 0, 3)).toBe("Status");
    expect(workbook.getValue(sheet, 0, 4)).toBe("Message");
    expect(workbook.getValue(sheet, 1, 3)).toBe("Updated");
    // A message that looks like a formula stays text.
    expect(workbook.getCell(sheet, 2, 4).formula).toBeNull();
    expect(workbook.getValue(sheet, 2, 4)).toBe("=name is not valid");
    expect(String(workbook.getValue(sheet, 4, 4))).toHaveLength(2000);
    expect(workbook.getValue(sheet, 3, 3)).toBeNull();
  });

  it("refreshes the rows it pushed in the existing pair and leaves the others' results alone", async () => {
    const headers = ["id", "name", "Status", "Message"];
    const { workbook, sheet } = clientsSheet(headers);
    workbook.setValues(sheet, 1, 2, [
      ["Failed", "old"],
      ["Updated", "kept"],
    ]);
    const selection = selectionOf(sheet, headers, {
      resultColumns: { status: 2, message: 3 },
      nextFreeColumn: 4,
    });
    await writeStatusColumns(selection, [{ rowNumber: 2, status: "Updated", message: "" }]);
    expect(workbook.getValues(sheet, { row: 1, col: 2, rowCount: 2, colCount: 2 })).toEqual([
      ["Updated", null],
      ["Updated", "kept"],
    ]);
    expect(workbook.getValue(sheet, 0, 4)).toBeNull();
  });

  it("a lone Status column is the user's own: a new pair goes right of it", async () => {
    const headers = ["id", "Status"];
    const { workbook, sheet } = clientsSheet(headers);
    await writeStatusColumns(selectionOf(sheet, headers), [{ rowNumber: 2, status: "Updated", message: "" }]);
    expect(workbook.getValue(sheet, 1, 1)).toBe("C1");
    expect(workbook.getValue(sheet, 0, 2)).toBe("Status");
    expect(workbook.getValue(sheet, 1, 2)).toBe("Updated");
  });

  it("undoing from History (the rows were not read) writes only where the sheet has a Status pair", async () => {
    const { workbook, sheet } = clientsSheet(["id", "name", "Status", "Message"]);
    const unread = selectionOf(sheet, [], { nextFreeColumn: 0 });
    await writeStatusColumns(unread, [{ rowNumber: 4, status: "Updated", message: "undone" }]);
    expect(workbook.getValue(sheet, 3, 2)).toBe("Updated");
    expect(workbook.getValue(sheet, 3, 3)).toBe("undone");
    const bare = clientsSheet();
    await writeStatusColumns(selectionOf(bare.sheet, [], { nextFreeColumn: 0 }), [
      { rowNumber: 4, status: "Updated", message: "" },
    ]);
    expect(bare.workbook.usedRange(bare.sheet)).toEqual({ row: 0, col: 0, rowCount: 7, colCount: 3 });
  });
});

describe("selectSheetRows", () => {
  it("selects every block of the rows, from the first column to Message", async () => {
    const headers = ["id", "name", "item_tax_code"];
    const { workbook, sheet } = clientsSheet(headers);
    const other = workbook.addSheet("Other").id;
    workbook.activateSheet(other);
    await selectSheetRows(
      selectionOf(sheet, headers, { resultColumns: { status: 3, message: 4 } }),
      [7, 3, 5, 4],
    );
    expect(workbook.getActiveSheet().id).toBe(sheet);
    expect(workbook.getSelection().areas).toEqual([
      { row: 2, col: 0, rowCount: 3, colCount: 5 },
      { row: 6, col: 0, rowCount: 1, colCount: 5 },
    ]);
  });

  it("one block is a plain selection; no rows selects nothing", async () => {
    const headers = ["id", "name", "item_tax_code"];
    const { workbook, sheet } = clientsSheet(headers);
    await selectSheetRows(selectionOf(sheet, headers), [2]);
    expect(workbook.getSelection()).toMatchObject({ rect: { row: 1, col: 0, rowCount: 1, colCount: 5 } });
    expect(workbook.getSelection().areas).toBeUndefined();
    await selectSheetRows(selectionOf(sheet, headers), []);
    expect(workbook.getSelection().rect.row).toBe(1);
  });
});
