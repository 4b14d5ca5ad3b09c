import { rectAddress } from "../../../../workbench/model/address";
import { Workbook } from "../../../../workbench/model/workbook";
import type { EntryProblem } from "../../../../workbench/ui/cellEntry";
import { SheetActions } from "../../../../workbench/ui/grid/sheetActions";

const GRID = { rows: 1000, columns: 26 };

function setUp() {
  const workbook = new Workbook();
  const sheetId = workbook.getActiveSheet().id;
  const reports: (EntryProblem | undefined)[] = [];
  const actions = new SheetActions(workbook, sheetId, (problem) => reports.push(problem));
  const selected = () => {
    const selection = actions.selection();
    return selection ? rectAddress(selection.rect) : "";
  };
  const goTo = (row: number, col: number) => actions.select({ row, col, rowCount: 1, colCount: 1 });
  return { workbook, sheetId, actions, reports, selected, goTo };
}

describe("SheetActions (what the grid's keys, commands and clipboard do)", () => {
  it("pastes a block at the selection's top-left and selects it, as Excel does", () => {
    const { workbook, sheetId, actions, selected, goTo } = setUp();
    goTo(1, 1);
    actions.paste([
      ["name", "12"],
      ["x", "TRUE"],
    ]);
    expect(selected()).toBe("B2:C3");
    expect(workbook.getApiValues(sheetId, { row: 1, col: 1, rowCount: 2, colCount: 2 })).toEqual([
      ["name", 12],
      ["x", true],
    ]);
  });

  it("reports a paste the workbook refuses and keeps the selection", () => {
    const { actions, reports, selected, goTo } = setUp();
    goTo(0, 0);
    actions.paste([["=1+"]]);
    expect(reports[reports.length - 1]?.message).toMatch(/^Paste: .*not a valid formula/);
    expect(selected()).toBe("A1");
  });

  it("Ctrl+Shift+Down then Ctrl+Shift+Right selects a block of data from its first cell", () => {
    const { actions, selected, goTo } = setUp();
    goTo(1, 1);
    actions.paste(Array.from({ length: 20 }, (_, i) => [`a${i}`, "b", "c", "d", "e"]));
    goTo(1, 1);
    actions.moveToEdge([1, 0], true, GRID);
    expect(selected()).toBe("B2:B21");
    actions.moveToEdge([0, 1], true, GRID);
    expect(selected()).toBe("B2:F21");
    actions.moveToEdge([-1, 0], false, GRID);
    expect(selected()).toBe("B1");
  });

  it("Ctrl+End goes to the last used cell and Ctrl+Shift+End selects up to it", () => {
    const { actions, selected, goTo } = setUp();
    goTo(2, 2);
    actions.paste([
      ["1", "2"],
      ["3", "4"],
    ]);
    goTo(0, 0);
    actions.moveToEnd(true);
    expect(selected()).toBe("A1:D4");
    actions.moveToEnd(false);
    expect(selected()).toBe("D4");
  });

  it("fills a formula down a whole-column selection only as far as the sheet is used", () => {
    const { workbook, sheetId, actions } = setUp();
    workbook.setInputs(sheetId, 0, 0, [["=ROW()*2"], ["x"], ["x"], ["x"]]);
    actions.fillDown({ row: 0, col: 0, rowCount: 1_048_576, colCount: 1 });
    expect(workbook.getApiValues(sheetId, { row: 0, col: 0, rowCount: 5, colCount: 1 })).toEqual([
      [2],
      [4],
      [6],
      [8],
      [""],
    ]);
  });

  it("copies the selected cells' text and cut clears them", () => {
    const { workbook, sheetId, actions, goTo } = setUp();
    workbook.setInputs(sheetId, 0, 0, [["a", "=1+1"]]);
    actions.select({ row: 0, col: 0, rowCount: 1, colCount: 2 });
    expect(actions.copyBlock()).toEqual([["a", "2"]]);
    expect(actions.cutBlock()).toEqual([["a", "2"]]);
    goTo(0, 0);
    expect(workbook.getApiValues(sheetId, { row: 0, col: 0, rowCount: 1, colCount: 2 })).toEqual([["", ""]]);
  });

  it("Enter moves down and Shift+Enter up, never above the first row", () => {
    const { actions, selected, goTo } = setUp();
    goTo(0, 3);
    actions.moveAfterEnter(false);
    expect(selected()).toBe("D2");
    actions.moveAfterEnter(true);
    actions.moveAfterEnter(true);
    expect(selected()).toBe("D1");
  });
});
