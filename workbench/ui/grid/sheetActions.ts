/* What the grid's keys, commands and clipboard do to one sheet, Excel's way. They act on the
   workbook's live state (selection, used size), never on what the last render saw: a Ctrl+D right
   after a fill must see the rows that fill added. */
import { isWholeColumns, isWholeRows } from "../../model/address";
import type { Rect, Selection } from "../../model/types";
import type { Workbook } from "../../model/workbook";
import { attemptChange, type EntryProblem } from "../cellEntry";
import { dataEdge, type CellPosition, type Direction } from "./dataEdge";

/** How far the grid reaches: the edge Ctrl+Arrow stops at when no data is in the way. */
export interface GridSize {
  rows: number;
  columns: number;
}

function clip(rect: Rect, rows: number, columns: number): Rect {
  return {
    row: rect.row,
    col: rect.col,
    rowCount: Math.max(0, Math.min(rect.rowCount, rows - rect.row)),
    colCount: Math.max(0, Math.min(rect.colCount, columns - rect.col)),
  };
}

export class SheetActions {
  constructor(
    private readonly workbook: Workbook,
    private readonly sheetId: string,
    /** Told what the workbook refused (or undefined when a change went through). */
    private readonly report: (problem: EntryProblem | undefined) => void,
  ) {}

  /** The selection when it is on this sheet. */
  selection(): Selection | undefined {
    const { sheetId, rect, activeRow, activeCol } = this.workbook.getSelection();
    return sheetId === this.sheetId ? { sheetId, rect, activeRow, activeCol } : undefined;
  }

  select(rect: Rect, active: CellPosition = rect): void {
    this.workbook.setSelection(this.sheetId, rect, { row: active.row, col: active.col });
  }

  /** The cells a block holds: whole columns stop at the last used row, whole rows at the last used column. */
  cellsOf(rect: Rect): Rect {
    return clip(
      rect,
      isWholeColumns(rect) ? this.workbook.rowCount(this.sheetId) : rect.row + rect.rowCount,
      isWholeRows(rect) ? this.workbook.colCount(this.sheetId) : rect.col + rect.colCount,
    );
  }

  /** Ctrl+D and the Fill down command: the selection's top row copied down it. */
  fillDown(rect: Rect | undefined = this.selection()?.rect): void {
    if (!rect) return;
    const cells = this.cellsOf(rect);
    this.report(attemptChange("Fill down", () => this.workbook.fillDown(this.sheetId, cells)));
  }

  /** Ctrl+Arrow moves to the data's edge; with Shift it moves the block's far edge there. */
  moveToEdge(direction: Direction, extend: boolean, grid: GridSize): void {
    const selection = this.selection();
    if (!selection) return;
    const { workbook, sheetId } = this;
    const isFilled = (p: CellPosition) => workbook.getValue(sheetId, p.row, p.col) !== null;
    const usedRows = workbook.rowCount(sheetId);
    const usedColumns = workbook.colCount(sheetId);
    const extent = {
      rows: Math.max(grid.rows, usedRows),
      columns: Math.max(grid.columns, usedColumns),
      usedRows,
      usedColumns,
    };
    const anchor = { row: selection.activeRow, col: selection.activeCol };
    if (!extend) {
      const target = dataEdge(isFilled, anchor, direction, extent);
      this.select({ ...target, rowCount: 1, colCount: 1 });
      return;
    }
    // The active cell stays; the side of the block away from it moves along the arrow.
    const rect = this.cellsOf(selection.rect);
    const lastRow = rect.row + rect.rowCount - 1;
    const lastCol = rect.col + rect.colCount - 1;
    const far = {
      row: direction[0] === 0 ? anchor.row : anchor.row === rect.row ? lastRow : rect.row,
      col: direction[1] === 0 ? anchor.col : anchor.col === rect.col ? lastCol : rect.col,
    };
    const target = dataEdge(isFilled, far, direction, extent);
    const [top, bottom] =
      direction[0] === 0
        ? [rect.row, lastRow]
        : [Math.min(anchor.row, target.row), Math.max(anchor.row, target.row)];
    const [left, right] =
      direction[1] === 0
        ? [rect.col, lastCol]
        : [Math.min(anchor.col, target.col), Math.max(anchor.col, target.col)];
    this.select({ row: top, col: left, rowCount: bottom - top + 1, colCount: right - left + 1 }, anchor);
  }

  /** Ctrl+End goes to the last used cell; Ctrl+Shift+End selects from the active cell to it. */
  moveToEnd(extend: boolean): void {
    const end = {
      row: Math.max(0, this.workbook.rowCount(this.sheetId) - 1),
      col: Math.max(0, this.workbook.colCount(this.sheetId) - 1),
    };
    const selection = this.selection();
    const from = extend && selection ? { row: selection.activeRow, col: selection.activeCol } : end;
    const rect = {
      row: Math.min(from.row, end.row),
      col: Math.min(from.col, end.col),
      rowCount: Math.abs(end.row - from.row) + 1,
      colCount: Math.abs(end.col - from.col) + 1,
    };
    this.select(rect, from);
  }

  /** Enter moves down, Shift+Enter up. */
  moveAfterEnter(up: boolean): void {
    const selection = this.selection();
    if (!selection) return;
    const row = Math.max(0, selection.activeRow + (up ? -1 : 1));
    this.select({ row, col: selection.activeCol, rowCount: 1, colCount: 1 });
  }

  clear(rect: Rect): void {
    this.workbook.clear(this.sheetId, this.cellsOf(rect), "Contents", "user");
  }

  /** What Copy puts on the clipboard: the selected cells' text as shown. */
  copyBlock(): string[][] | undefined {
    const selection = this.selection();
    return selection && this.workbook.getTexts(this.sheetId, this.cellsOf(selection.rect));
  }

  /** Cut: copy, then clear. */
  cutBlock(): string[][] | undefined {
    const block = this.copyBlock();
    const selection = this.selection();
    if (block && selection) this.clear(selection.rect);
    return block;
  }

  /** Paste: typed text entered at the selection's top-left cell; Excel then selects what was pasted. */
  paste(block: string[][]): void {
    const selection = this.selection();
    if (!selection || block.length === 0) return;
    const at = { row: selection.rect.row, col: selection.rect.col };
    const problem = attemptChange("Paste", () =>
      this.workbook.setInputs(this.sheetId, at.row, at.col, block),
    );
    this.report(problem);
    if (problem) return;
    const width = Math.max(...block.map((line) => line.length));
    this.select({ ...at, rowCount: block.length, colCount: width });
  }
}
