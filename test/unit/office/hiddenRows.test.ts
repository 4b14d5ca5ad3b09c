/**
 * @jest-environment jsdom
 */
/* hiddenRowsIn: Range.rowHidden halved until each part is all hidden or all shown. */
import { installOfficeGlobals } from "../../../workbench/excel/install";
import { clearSyncSizes, syncSizes } from "../../../workbench/excel/syncLog";
import { Workbook } from "../../../workbench/model/workbook";
import { hiddenRowsIn } from "../../../src/office/hiddenRows";

function install(): { workbook: Workbook; sheet: string } {
  const workbook = new Workbook();
  installOfficeGlobals(window, workbook, { memoryStorage: true });
  return { workbook, sheet: workbook.getActiveSheet().id };
}

function hidden(first: number, count: number): Promise<number[]> {
  return Excel.run((context) =>
    hiddenRowsIn(context, context.workbook.worksheets.getActiveWorksheet(), first, count),
  );
}

describe("hiddenRowsIn", () => {
  it("no hidden row costs one probe in one sync", async () => {
    const { workbook } = install();
    clearSyncSizes(workbook);
    expect(await hidden(1, 10_000)).toEqual([]);
    expect(syncSizes(workbook)).toHaveLength(1);
  });

  it("finds scattered rows and blocks among 10,000 exactly, in about log2(10,000) syncs", async () => {
    const { workbook, sheet } = install();
    const expected = [5, 6, 7, 8, 9, 777, 5000, 9999, 10_000];
    workbook.rowVisibility.setHidden(sheet, 5, 5, true);
    for (const row of [777, 5000, 9999, 10_000])
      workbook.rowVisibility.setHidden(sheet, row, 1, true, "filtered");
    // Rows outside the span are not reported.
    workbook.rowVisibility.setHidden(sheet, 0, 1, true);
    workbook.rowVisibility.setHidden(sheet, 10_001, 1, true);
    clearSyncSizes(workbook);
    expect(await hidden(1, 10_000)).toEqual(expected);
    expect(syncSizes(workbook).length).toBeLessThanOrEqual(15);
  });

  it("every other row hidden: all of them found", async () => {
    const { workbook, sheet } = install();
    for (let row = 0; row < 3000; row += 2) workbook.rowVisibility.setHidden(sheet, row, 1, true);
    const found = await hidden(0, 3000);
    expect(found).toHaveLength(1500);
    expect(found.every((row) => row % 2 === 0)).toBe(true);
  });

  it("an empty span has no hidden rows (and asks Excel nothing about it)", async () => {
    const { workbook, sheet } = install();
    workbook.rowVisibility.setHidden(sheet, 3, 1, true);
    expect(await hidden(3, 0)).toEqual([]);
  });
});
