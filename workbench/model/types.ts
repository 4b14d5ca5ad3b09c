/*
 * The workbench's workbook data model: the shapes the grid (workbench/ui), the formula engine
 * (workbench/formula) and the Excel API emulation (workbench/excel) share.
 * Rows and columns are 0-based everywhere in the model; A1 is (0, 0).
 */

/**
 * Excel's error values, as a cell shows them and as Range.values returns them, from Excel's own list
 * (not the add-in's: the workbench is an independent Excel host, so the add-in is tested against Excel's
 * spelling rather than its own).
 */
export const ERROR_CODES = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#BUSY!",
  "#CONNECT!",
  "#UNKNOWN!",
  "#PYTHON!",
  "#EXTERNAL!",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error value held by a cell (a formula result, or typed as "#N/A"); `message` is the tooltip text. */
export class CellError {
  constructor(
    readonly code: ErrorCode,
    readonly message?: string,
  ) {}
  toString(): string {
    return this.code;
  }
}

/** What a cell holds after calculation. `null` is a blank cell. */
export type Scalar = number | string | boolean | CellError | null;

/** A cell value as the Excel JavaScript API reports it: blank is "", an error is its code ("#VALUE!"). */
export type ApiValue = number | string | boolean;

/** A rectangle of cells, 0-based. Whole columns have rowCount MAX_ROWS; whole rows colCount MAX_COLS. */
export interface Rect {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

/** A snapshot of one worksheet's identity; `position` is its tab index (hidden sheets included). */
export interface SheetInfo {
  id: string;
  name: string;
  visibility: SheetVisibility;
  position: number;
}

/** The selection: a rectangle on one sheet plus the active cell inside it. */
export interface Selection {
  sheetId: string;
  rect: Rect;
  activeRow: number;
  activeCol: number;
  /** Every block when several are selected (rect is the first); absent for one block. */
  areas?: Rect[];
}

/** What the grid needs to draw and edit one cell. */
export interface CellView {
  /** The calculated value; null when blank. */
  value: Scalar;
  /** The value as displayed with the cell's number format (errors as their code, blank as ""). */
  text: string;
  /** The formula ("=A1+1") for a formula cell, else null. Spilled-into cells have no formula. */
  formula: string | null;
  /** What the edit box shows: the formula, or the constant as typed-back text. */
  input: string;
  /** The cell's number format, "General" by default. */
  numberFormat: string;
  /** The cell shows part of another cell's spilled array. */
  spilled: boolean;
}

/** Who caused a change: the grid (user), the Excel API emulation (api), or recalculation (calc). */
export type ChangeSource = "user" | "api" | "calc";

export type WorkbookEvent =
  /** Cells changed value, formula or format; rects are 0-based on sheetId. */
  | { type: "cellsChanged"; sheetId: string; rects: Rect[]; source: ChangeSource }
  | { type: "selectionChanged"; selection: Selection; source: ChangeSource }
  /** A sheet was added, deleted, renamed, hidden or shown, or the tab order changed. */
  | { type: "sheetsChanged" }
  | { type: "activeSheetChanged"; sheetId: string }
  | { type: "tablesChanged"; sheetId: string }
  /** Rows were hidden or shown (by hand or by a filter). */
  | { type: "rowsHiddenChanged"; sheetId: string };

export type WorkbookListener = (event: WorkbookEvent) => void;

/** An Excel table: `rect` covers the header row (when shown) and the data body. */
export interface TableInfo {
  id: string;
  name: string;
  sheetId: string;
  rect: Rect;
  showHeaders: boolean;
}
