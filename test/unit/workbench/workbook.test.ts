import { Workbook } from "../../../workbench/model/workbook";
import { CellError, MAX_COLS, MAX_ROWS, type WorkbookEvent } from "../../../workbench/model/types";
import { cpuStopwatch } from "../../fakes/cpuStopwatch";

function setup() {
  const wb = new Workbook();
  const sheet = wb.getActiveSheet().id;
  return { wb, sheet };
}

describe("Workbook model", () => {
  test("starts with Sheet1 active and A1 selected", () => {
    const { wb } = setup();
    expect(wb.listSheets().map((s) => s.name)).toEqual(["Sheet1"]);
    expect(wb.getSelection().rect).toEqual({ row: 0, col: 0, rowCount: 1, colCount: 1 });
  });

  test("typed input is read like Excel: numbers, booleans, text, errors, percentages, dates", () => {
    const { wb, sheet } = setup();
    const inputs = ["42", "-3.5", "TRUE", "false", "hello", "'123", "#N/A", "12%", "2024-01-15", ""];
    inputs.forEach((text, i) => wb.setCellInput(sheet, i, 0, text));
    const v = (r: number) => wb.getValue(sheet, r, 0);
    expect([v(0), v(1), v(2), v(3), v(4), v(5)]).toEqual([42, -3.5, true, false, "hello", "123"]);
    expect(v(6)).toBeInstanceOf(CellError);
    expect((v(6) as CellError).code).toBe("#N/A");
    expect(v(7)).toBeCloseTo(0.12);
    expect(wb.getCell(sheet, 7, 0).text).toBe("12%");
    expect(v(8)).toBe(45306);
    expect(wb.getCell(sheet, 8, 0).text).toBe("2024-01-15");
    expect(v(9)).toBeNull();
  });

  test("text starting with + or - that is not a number is a formula; the Text format keeps anything as text", () => {
    const { wb, sheet } = setup();
    wb.setCellInput(sheet, 0, 0, "-5");
    wb.setCellInput(sheet, 1, 0, "+7");
    wb.setCellInput(sheet, 2, 0, "-A1");
    wb.setCellInput(sheet, 3, 0, "-abc");
    expect([wb.getValue(sheet, 0, 0), wb.getValue(sheet, 1, 0), wb.getValue(sheet, 2, 0)]).toEqual([
      -5, 7, 5,
    ]);
    expect(wb.getCell(sheet, 2, 0).formula).toBe("=-A1");
    expect((wb.getValue(sheet, 3, 0) as CellError).code).toBe("#NAME?");
    expect(() => wb.setCellInput(sheet, 4, 0, "- none -")).toThrow(/not a valid formula/);
    wb.fillNumberFormat(sheet, { row: 4, col: 0, rowCount: 1, colCount: 2 }, "@");
    wb.setInputs(sheet, 4, 0, [["- none -", "=A1"]]);
    expect(wb.getValues(sheet, { row: 4, col: 0, rowCount: 1, colCount: 2 })).toEqual([["- none -", "=A1"]]);
  });

  test("formulas calculate and dependents recalculate on edit", () => {
    const { wb, sheet } = setup();
    wb.setCellInput(sheet, 0, 0, "2");
    wb.setCellInput(sheet, 0, 1, "=A1*10");
    wb.setCellInput(sheet, 0, 2, "=B1+1");
    expect(wb.getValue(sheet, 0, 2)).toBe(21);
    wb.setCellInput(sheet, 0, 0, "5");
    expect(wb.getValue(sheet, 0, 1)).toBe(50);
    expect(wb.getValue(sheet, 0, 2)).toBe(51);
    expect(wb.getCell(sheet, 0, 2).formula).toBe("=B1+1");
  });

  test("bulk setValues of 100,000 x 20 is fast and sets the used range", () => {
    const { wb, sheet } = setup();
    const rows = 100_000;
    const block = Array.from({ length: rows }, (_, r) => Array.from({ length: 20 }, (_, c) => r * 20 + c));
    const cpuMs = cpuStopwatch();
    wb.setValues(sheet, 0, 0, block);
    expect(cpuMs()).toBeLessThan(3000);
    expect(wb.usedRange(sheet)).toEqual({ row: 0, col: 0, rowCount: rows, colCount: 20 });
    expect(wb.getValues(sheet, { row: 99_999, col: 19, rowCount: 1, colCount: 1 })).toEqual([[1_999_999]]);
  });

  test("events: cells, selection and sheets changes are announced", () => {
    const { wb, sheet } = setup();
    const events: WorkbookEvent[] = [];
    wb.subscribe((e) => events.push(e));
    wb.setCellInput(sheet, 1, 1, "x");
    wb.setSelection(sheet, { row: 0, col: 2, rowCount: MAX_ROWS, colCount: 1 });
    wb.addSheet("Data");
    expect(events.map((e) => e.type)).toEqual(["cellsChanged", "selectionChanged", "sheetsChanged"]);
    expect(events[0]).toMatchObject({
      sheetId: sheet,
      rects: [{ row: 1, col: 1, rowCount: 1, colCount: 1 }],
    });
  });

  test("sheets: add, rename, hide, activate; the last visible sheet cannot be hidden", () => {
    const { wb, sheet } = setup();
    const data = wb.addSheet("Data 2");
    expect(() => wb.addSheet("data 2")).toThrow(/already exists/);
    wb.renameSheet(data.id, "Data");
    wb.activateSheet(data.id);
    wb.setSheetVisibility(data.id, "Hidden");
    expect(wb.getActiveSheet().id).toBe(sheet);
    expect(() => wb.setSheetVisibility(sheet, "Hidden")).toThrow(/visible/);
    expect(wb.getSheet("DATA")?.visibility).toBe("Hidden");
    expect(MAX_COLS).toBe(16384);
  });
});
