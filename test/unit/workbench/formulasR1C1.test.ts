/* Range.formulasR1C1 as Excel's API has it: formulas read relative to their own cell, written the same
   way, constants (text that looks like a formula included) as they are. */
import { Workbook } from "../../../workbench/model/workbook";
import { excelRun } from "./excelRun";
import { fromR1C1, toR1C1 } from "../../../workbench/formula/r1c1";

function setup() {
  const model = new Workbook();
  const run = excelRun(model);
  const sheet = model.getActiveSheet().id;
  return { model, run, sheet };
}

describe("R1C1 notation", () => {
  it("reads relative parts as offsets from the formula's cell and $ parts as absolute", () => {
    // The formula sits in C3 (row 2, column 2, 0-based).
    expect(toR1C1("=UPPER(A3)&$B$1&B$2&$A4", 2, 2)).toBe("=UPPER(RC[-2])&R1C2&R2C[-1]&R[1]C1");
    expect(toR1C1("=C3+SUM(A:A)+SUM($2:$2)+SUM(A1:B2)", 2, 2)).toBe(
      "=RC+SUM(C[-2])+SUM(R2)+SUM(R[-2]C[-2]:R[-1]C[-1])",
    );
    expect(toR1C1('=Other!A3&"A3"', 2, 2)).toBe('=Other!RC[-2]&"A3"');
  });

  it("writes back the same A1 formula, and the same R1C1 text one row lower follows its row", () => {
    for (const a1 of ["=UPPER(A3)&$B$1&B$2&$A4", "=C3+SUM(A:A)+SUM($2:$2)+SUM(A1:B2)", '=Other!A3&"RC"'])
      expect(fromR1C1(toR1C1(a1, 2, 2), 2, 2)).toBe(a1);
    expect(fromR1C1("=UPPER(RC[-2])&R1C2", 9, 2)).toBe("=UPPER(A10)&$B$1");
    expect(fromR1C1("=SUM(C[-2])+ROW(R)+COUNT(C2)", 0, 2)).toBe("=SUM(A:A)+ROW(1:1)+COUNT($B:$B)");
    // Names and functions that start with R or C are not references.
    expect(fromR1C1("=ROUND(RC[1],0)&CONCAT(R[-1]C)", 4, 0)).toBe("=ROUND(B5,0)&CONCAT(A4)");
  });

  it("a reference pushed off the sheet is #REF!", () => {
    expect(fromR1C1("=R[-1]C+1", 0, 0)).toBe("=#REF!+1");
  });
});

describe("Range.formulasR1C1", () => {
  it("loads formulas relative to each cell, constants as their values", async () => {
    const { model, run, sheet } = setup();
    model.setValues(sheet, 0, 0, [
      ["a", "=UPPER(A1)"],
      ["b", "=UPPER(A2)"],
      ["c", "'=A3"],
    ]);
    const loaded = await run(async (ctx) => {
      const range = ctx.workbook.worksheets.getActiveWorksheet().getRange("B1:B3");
      range.load("formulasR1C1");
      await ctx.sync();
      return range.formulasR1C1;
    });
    expect(loaded).toEqual([["=UPPER(RC[-1])"], ["=UPPER(RC[-1])"], ["=A3"]]);
  });

  it("writes R1C1 formulas at their cells, text and numbers as Range.formulas does, null leaves a cell", async () => {
    const { model, run, sheet } = setup();
    model.setValues(sheet, 0, 0, [["a"], ["b"], ["c"], ["d"]]);
    model.setValues(sheet, 3, 1, [["keep"]]);
    await run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange("B1:B4").formulasR1C1 = [
        ["=UPPER(RC[-1])"],
        ["'=RC[-1]"],
        [42],
        [null as unknown as string],
      ];
      await ctx.sync();
    });
    expect(model.getCell(sheet, 0, 1).formula).toBe("=UPPER(A1)");
    expect(model.getApiValues(sheet, { row: 0, col: 1, rowCount: 4, colCount: 1 })).toEqual([
      ["A"],
      ["=RC[-1]"],
      [42],
      ["keep"],
    ]);
  });
});
