import {
  parseAddress,
  qualifiedAddress,
  rectAddress,
  columnLetters,
  columnIndex,
} from "../../../workbench/model/address";
import { Workbook } from "../../../workbench/model/workbook";
import { CellError, MAX_COLS, MAX_ROWS } from "../../../workbench/model/types";
import { WorkbookError } from "../../../workbench/model/errors";
import { cpuStopwatch } from "../../fakes/cpuStopwatch";

function setup() {
  const wb = new Workbook();
  return { wb, sheet: wb.getActiveSheet().id };
}

describe("addresses", () => {
  test("column letters round-trip", () => {
    for (const [i, letters] of [
      [0, "A"],
      [25, "Z"],
      [26, "AA"],
      [701, "ZZ"],
      [702, "AAA"],
      [MAX_COLS - 1, "XFD"],
    ] as const) {
      expect(columnLetters(i)).toBe(letters);
      expect(columnIndex(letters)).toBe(i);
    }
  });

  test("cells, ranges, whole columns and rows, quoted sheet names", () => {
    expect(parseAddress("$B$2:A1")).toEqual({ rect: { row: 0, col: 0, rowCount: 2, colCount: 2 } });
    expect(parseAddress("C:D")?.rect).toEqual({ row: 0, col: 2, rowCount: MAX_ROWS, colCount: 2 });
    expect(parseAddress("3:4")?.rect).toEqual({ row: 2, col: 0, rowCount: 2, colCount: MAX_COLS });
    expect(parseAddress("'It''s'!A1")).toEqual({
      sheetName: "It's",
      rect: { row: 0, col: 0, rowCount: 1, colCount: 1 },
    });
    expect(parseAddress("XFE1")).toBeUndefined();
    expect(parseAddress("A0")).toBeUndefined();
    expect(rectAddress({ row: 0, col: 2, rowCount: MAX_ROWS, colCount: 1 })).toBe("C:C");
    expect(rectAddress({ row: 0, col: 0, rowCount: MAX_ROWS, colCount: MAX_COLS })).toBe("1:1048576");
    expect(qualifiedAddress("Sheet 2", { row: 1, col: 1, rowCount: 1, colCount: 1 })).toBe("'Sheet 2'!B2");
    expect(qualifiedAddress("AB12", { row: 0, col: 0, rowCount: 1, colCount: 1 })).toBe("'AB12'!A1");
  });
});

describe("model operations", () => {
  test("a formula syntax error is refused and leaves the cell as it was", () => {
    const { wb, sheet } = setup();
    wb.setCellInput(sheet, 0, 0, "1");
    expect(() => wb.setCellInput(sheet, 0, 0, "=1+")).toThrow(WorkbookError);
    expect(wb.getValue(sheet, 0, 0)).toBe(1);
  });

  test("Excel's limits: 32,767 characters of text, 8,192 of formula; nothing of a refused block is written", () => {
    const { wb, sheet } = setup();
    expect(() => wb.setValues(sheet, 0, 0, [["ok", "x".repeat(32_768)]])).toThrow(/32767/);
    expect(wb.getValue(sheet, 0, 0)).toBeNull();
    expect(() => wb.setCellInput(sheet, 0, 0, `="${"y".repeat(8_200)}"`)).toThrow(/8192/);
    wb.setValues(sheet, 0, 0, [["x".repeat(32_767)]]);
    expect((wb.getValue(sheet, 0, 0) as string).length).toBe(32_767);
  });

  test("arrays do not spill into a table", () => {
    const { wb, sheet } = setup();
    wb.setValues(sheet, 2, 0, [["h"], [1]]);
    wb.addTable(sheet, { row: 2, col: 0, rowCount: 2, colCount: 1 }, true);
    wb.setCellInput(sheet, 0, 0, "=SEQUENCE(4)");
    expect((wb.getValue(sheet, 0, 0) as CellError).code).toBe("#SPILL!");
    wb.setCellInput(sheet, 0, 1, "=SEQUENCE(4)");
    expect(wb.getValue(sheet, 3, 1)).toBe(4);
  });

  test("the edit box shows formulas and typed-back constants; text keeps leading zeros with @", () => {
    const { wb, sheet } = setup();
    wb.setCellInput(sheet, 0, 0, "=1+1");
    wb.setCellInput(sheet, 1, 0, "2024-03-01");
    wb.fillNumberFormat(sheet, { row: 2, col: 0, rowCount: 1, colCount: 1 }, "@");
    wb.setCellInput(sheet, 2, 0, "00123");
    expect(wb.getCell(sheet, 0, 0)).toMatchObject({ input: "=1+1", value: 2, text: "2" });
    expect(wb.getCell(sheet, 1, 0).input).toBe("2024-03-01");
    expect(wb.getValue(sheet, 2, 0)).toBe("00123");
  });

  test("clearing a spill anchor clears its spilled cells; clear Formats keeps values", () => {
    const { wb, sheet } = setup();
    wb.setCellInput(sheet, 0, 0, "=SEQUENCE(3)");
    expect(wb.getValue(sheet, 2, 0)).toBe(3);
    wb.clear(sheet, { row: 0, col: 0, rowCount: 1, colCount: 1 });
    expect(wb.getValue(sheet, 2, 0)).toBeNull();
    expect(wb.usedRange(sheet)).toBeNull();
    wb.setValues(sheet, 0, 1, [[5]]);
    wb.setNumberFormats(sheet, 0, 1, [["0.00"]]);
    wb.clear(sheet, { row: 0, col: 1, rowCount: 1, colCount: 1 }, "Formats");
    expect(wb.getCell(sheet, 0, 1)).toMatchObject({ value: 5, numberFormat: "General" });
  });

  test("a whole-column number format is one rule, not a million cells", () => {
    const { wb, sheet } = setup();
    wb.fillNumberFormat(sheet, { row: 0, col: 3, rowCount: MAX_ROWS, colCount: 1 }, "0.0");
    wb.setValues(sheet, 500_000, 3, [[2]]);
    expect(wb.getCell(sheet, 500_000, 3).text).toBe("2.0");
    expect(wb.usedRange(sheet, true)).toEqual({ row: 500_000, col: 3, rowCount: 1, colCount: 1 });
  });

  test("deleting a sheet turns references to it into #REF!", () => {
    const { wb, sheet } = setup();
    const data = wb.addSheet("Data").id;
    wb.setCellInput(data, 0, 0, "4");
    wb.setCellInput(sheet, 0, 0, "=Data!A1*2");
    expect(wb.getValue(sheet, 0, 0)).toBe(8);
    wb.deleteSheet(data);
    expect((wb.getValue(sheet, 0, 0) as CellError).code).toBe("#REF!");
  });

  test("inserting cells moves cells below; formulas anywhere follow the cells they refer to", () => {
    const { wb, sheet } = setup();
    wb.setInputs(sheet, 0, 0, [
      ["a", "x"],
      ["b", '=A2&"!"'],
    ]);
    const other = wb.addSheet("Other").id;
    wb.setCellInput(other, 0, 0, "=Sheet1!A2&Sheet1!$A$1");
    wb.insertCells(sheet, { row: 0, col: 0, rowCount: 2, colCount: 1 }, "Down");
    expect(wb.getValues(sheet, { row: 0, col: 0, rowCount: 4, colCount: 1 })).toEqual([
      [null],
      [null],
      ["a"],
      ["b"],
    ]);
    expect(wb.getValue(sheet, 0, 1)).toBe("x");
    expect(wb.getCell(sheet, 1, 1).formula).toBe('=A4&"!"');
    expect(wb.getValue(sheet, 1, 1)).toBe("b!");
    expect(wb.getCell(other, 0, 0).formula).toBe("=Sheet1!A4&Sheet1!$A$3");
    expect(wb.getValue(other, 0, 0)).toBe("ba");
  });

  test("deleting rows pulls cells up, turns references to deleted cells into #REF! and shrinks ranges", () => {
    const { wb, sheet } = setup();
    wb.setInputs(sheet, 0, 0, [["1"], ["2"], ["3"], ["4"], ["=SUM(A1:A4)"], ["=A2"]]);
    wb.deleteCells(sheet, { row: 1, col: 0, rowCount: 1, colCount: MAX_COLS }, "Up");
    expect(wb.getCell(sheet, 3, 0).formula).toBe("=SUM(A1:A3)");
    expect(wb.getValue(sheet, 3, 0)).toBe(8);
    expect(wb.getCell(sheet, 4, 0).formula).toBe("=#REF!");
    expect((wb.getValue(sheet, 4, 0) as CellError).code).toBe("#REF!");
  });

  test("deleting whole rows of a 100,000-row sheet is quick", () => {
    const { wb, sheet } = setup();
    wb.setValues(
      sheet,
      0,
      0,
      Array.from({ length: 100_000 }, (_, i) => [i, `r${i}`]),
    );
    const cpuMs = cpuStopwatch();
    wb.deleteCells(sheet, { row: 10, col: 0, rowCount: 5, colCount: MAX_COLS }, "Up");
    expect(cpuMs()).toBeLessThan(3000);
    expect(wb.getValue(sheet, 10, 0)).toBe(15);
    expect(wb.usedRange(sheet)).toEqual({ row: 0, col: 0, rowCount: 99_995, colCount: 2 });
  });

  test("tables move with inserted rows and refuse a shift that would split them", () => {
    const { wb, sheet } = setup();
    wb.setValues(sheet, 3, 0, [
      ["h1", "h2"],
      [1, 2],
    ]);
    const t = wb.addTable(sheet, { row: 3, col: 0, rowCount: 2, colCount: 2 }, true);
    wb.insertCells(sheet, { row: 0, col: 0, rowCount: 2, colCount: MAX_COLS }, "Down");
    expect(wb.tables.get(t.id)?.rect).toEqual({ row: 5, col: 0, rowCount: 2, colCount: 2 });
    expect(() => wb.insertCells(sheet, { row: 6, col: 1, rowCount: 1, colCount: 1 }, "Down")).toThrow(
      /table/,
    );
  });

  test("copyCells pastes contents and formats, moving relative references by the offset", () => {
    const { wb, sheet } = setup();
    wb.setInputs(sheet, 0, 0, [
      ["1", "=A1+$A$1"],
      ["00x", "12%"],
    ]);
    const other = wb.addSheet("Copy").id;
    wb.copyCells(sheet, { row: 0, col: 0, rowCount: 2, colCount: 2 }, other, 4, 2);
    expect(wb.getCell(other, 4, 3).formula).toBe("=C5+$A$1");
    expect(wb.getValue(other, 5, 2)).toBe("00x");
    expect(wb.getCell(other, 5, 3)).toMatchObject({ value: 0.12, text: "12%" });
  });

  test("selection of whole rows and columns, and per-sheet selections", () => {
    const { wb, sheet } = setup();
    const other = wb.addSheet().id;
    wb.setSelection(sheet, { row: 0, col: 1, rowCount: MAX_ROWS, colCount: 2 });
    wb.setSelection(other, { row: 4, col: 0, rowCount: 1, colCount: MAX_COLS });
    expect(wb.getSelection()).toMatchObject({ sheetId: other, activeRow: 4, activeCol: 0 });
    wb.activateSheet(sheet);
    expect(wb.getSelection().rect).toEqual({ row: 0, col: 1, rowCount: MAX_ROWS, colCount: 2 });
  });
});

describe("tables", () => {
  test("without headers Excel inserts a header row of Column1..n above the data", () => {
    const { wb, sheet } = setup();
    wb.setValues(sheet, 0, 0, [
      [1, 2],
      [3, 4],
    ]);
    const table = wb.addTable(sheet, { row: 0, col: 0, rowCount: 2, colCount: 2 }, false);
    expect(table.rect).toEqual({ row: 0, col: 0, rowCount: 3, colCount: 2 });
    expect(wb.getValues(sheet, { row: 0, col: 0, rowCount: 3, colCount: 2 })).toEqual([
      ["Column1", "Column2"],
      [1, 2],
      [3, 4],
    ]);
  });

  test("typing just below a table extends it and fills its calculated columns (AutoExpansion)", () => {
    const { wb, sheet } = setup();
    wb.setInputs(sheet, 0, 0, [
      ["id", "payload"],
      ["1", "=A2*10"],
      ["2", "=A3*10"],
    ]);
    const t = wb.addTable(sheet, { row: 0, col: 0, rowCount: 3, colCount: 2 }, true);
    wb.setCellInput(sheet, 3, 0, "3");
    expect(wb.tables.get(t.id)?.rect).toEqual({ row: 0, col: 0, rowCount: 4, colCount: 2 });
    expect(wb.getCell(sheet, 3, 1)).toMatchObject({ formula: "=A4*10", value: 30 });
    wb.setValues(sheet, 4, 0, [[4]]);
    expect(wb.tables.get(t.id)?.rect.rowCount).toBe(4);
  });

  test("duplicate and blank headers are made unique; overlapping tables and duplicate names are refused", () => {
    const { wb, sheet } = setup();
    wb.setValues(sheet, 0, 0, [["id", "id", ""]]);
    const t = wb.addTable(sheet, { row: 0, col: 0, rowCount: 2, colCount: 3 }, true, "Clients");
    expect(wb.tables.headers(t.id)).toEqual(["id", "id2", "Column3"]);
    expect(() => wb.addTable(sheet, { row: 1, col: 2, rowCount: 2, colCount: 2 }, true)).toThrow(/overlap/);
    expect(() => wb.addTable(sheet, { row: 5, col: 0, rowCount: 2, colCount: 2 }, true, "clients")).toThrow(
      /already exists/,
    );
  });
});
