/* Inserting and deleting cells (rows of a band of columns, or columns of a band of rows): where a
   rectangle ends up, as Excel moves references and tables when cells shift. */
import { MAX_COLS, MAX_ROWS, type Rect } from "./types";

export interface Shift {
  /** "rows": cells move down (insert) or up (delete); "cols": right or left. */
  axis: "rows" | "cols";
  /** First row (or column) inserted or deleted. */
  at: number;
  count: number;
  kind: "insert" | "delete";
  /** The band of columns (for "rows") or rows (for "cols") that moves, start inclusive, end exclusive. */
  bandStart: number;
  bandEnd: number;
}

/** Where rect ends up after the shift; null when every cell of it was deleted. Rectangles not inside
    the moving band, and whole columns (rows) for a row (column) shift, stay where they are. */
export function moveRect(rect: Rect, shift: Shift): Rect | null {
  const rows = shift.axis === "rows";
  const along = rows ? { start: rect.row, count: rect.rowCount } : { start: rect.col, count: rect.colCount };
  const across = rows ? { start: rect.col, count: rect.colCount } : { start: rect.row, count: rect.rowCount };
  const max = rows ? MAX_ROWS : MAX_COLS;
  if (along.count === max) return rect;
  if (across.start < shift.bandStart || across.start + across.count > shift.bandEnd) return rect;
  let first = along.start;
  let last = along.start + along.count - 1;
  if (shift.kind === "insert") {
    if (first >= shift.at) first += shift.count;
    if (last >= shift.at) last += shift.count;
    if (first >= max) return null;
    last = Math.min(last, max - 1);
  } else {
    const end = shift.at + shift.count;
    first = first < shift.at ? first : first >= end ? first - shift.count : shift.at;
    last = last < shift.at ? last : last >= end ? last - shift.count : shift.at - 1;
    if (last < first) return null;
  }
  return rows
    ? { ...rect, row: first, rowCount: last - first + 1 }
    : { ...rect, col: first, colCount: last - first + 1 };
}

/** The shift of inserting or deleting rect's cells along an axis. */
export function shiftFor(rect: Rect, axis: "rows" | "cols", kind: "insert" | "delete"): Shift {
  return axis === "rows"
    ? {
        axis,
        kind,
        at: rect.row,
        count: rect.rowCount,
        bandStart: rect.col,
        bandEnd: rect.col + rect.colCount,
      }
    : {
        axis,
        kind,
        at: rect.col,
        count: rect.colCount,
        bandStart: rect.row,
        bandEnd: rect.row + rect.rowCount,
      };
}
