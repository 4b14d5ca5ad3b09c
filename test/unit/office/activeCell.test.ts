/**
 * @jest-environment jsdom
 */
/* The active cell's address (where a pull "at the selected cell" lands) and the selection-change subscription. */
import { Workbook } from "../../../workbench/model/workbook";
import { installOfficeGlobals } from "../../../workbench/excel/install";
import { activeCellAddress, onSelectionChanged } from "../../../src/office/activeCell";
import { fakeTimeouts, runScheduledTimeouts } from "../../fakes/fakeTimeouts";

function workbook(): { model: Workbook; sheet: string } {
  const model = new Workbook();
  installOfficeGlobals(window, model, { memoryStorage: true });
  return { model, sheet: model.getActiveSheet().id };
}

describe("activeCellAddress", () => {
  it("names the active cell with its sheet, also inside a larger selection", async () => {
    const { model, sheet } = workbook();
    model.renameSheet(sheet, "Tickets 2026");
    model.setSelection(sheet, { row: 3, col: 3, rowCount: 4, colCount: 2 }, { row: 4, col: 4 });
    expect(await activeCellAddress()).toBe("'Tickets 2026'!E5");
  });
});

describe("onSelectionChanged", () => {
  it("tells every listener when the selection changes, until each unsubscribes", async () => {
    fakeTimeouts();
    const { model, sheet } = workbook();
    const seen: string[] = [];
    const stopA = onSelectionChanged(() => seen.push("a"));
    onSelectionChanged(() => seen.push("b"));
    await runScheduledTimeouts();
    model.setSelection(sheet, { row: 1, col: 1, rowCount: 1, colCount: 1 });
    await runScheduledTimeouts();
    expect(seen).toEqual(["a", "b"]);
    stopA();
    model.setSelection(sheet, { row: 2, col: 1, rowCount: 1, colCount: 1 });
    await runScheduledTimeouts();
    expect(seen).toEqual(["a", "b", "b"]);
  });
});
