/* Converts between Glide's GridSelection and the workbook's selection (Excel's: a block and its
   active cell; whole columns and rows span the full sheet). */
import { CompactSelection, type GridSelection } from "@glideapps/glide-data-grid";
import { isWholeColumns, isWholeRows } from "../../model/address";
import { MAX_COLS, MAX_ROWS, type Selection } from "../../model/types";

function span(selection: CompactSelection): [number, number] | undefined {
  const first = selection.first();
  const last = selection.last();
  return first === undefined || last === undefined ? undefined : [first, last];
}

export function toModelSelection(sheetId: string, grid: GridSelection): Selection | undefined {
  const columns = span(grid.columns);
  if (columns) {
    const [first, last] = columns;
    const rect = { row: 0, col: first, rowCount: MAX_ROWS, colCount: last - first + 1 };
    return { sheetId, rect, activeRow: 0, activeCol: first };
  }
  const rows = span(grid.rows);
  if (rows) {
    const [first, last] = rows;
    const rect = { row: first, col: 0, rowCount: last - first + 1, colCount: MAX_COLS };
    return { sheetId, rect, activeRow: first, activeCol: 0 };
  }
  if (!grid.current) return undefined;
  const { range, cell } = grid.current;
  const rect = { row: range.y, col: range.x, rowCount: range.height, colCount: range.width };
  return { sheetId, rect, activeRow: cell[1], activeCol: cell[0] };
}

export function toGridSelection(selection: Selection): GridSelection {
  const { rect } = selection;
  const none = { columns: CompactSelection.empty(), rows: CompactSelection.empty() };
  if (isWholeColumns(rect) && !isWholeRows(rect)) {
    return { ...none, columns: CompactSelection.fromSingleSelection([rect.col, rect.col + rect.colCount]) };
  }
  if (isWholeRows(rect) && !isWholeColumns(rect)) {
    return { ...none, rows: CompactSelection.fromSingleSelection([rect.row, rect.row + rect.rowCount]) };
  }
  return {
    ...none,
    current: {
      cell: [selection.activeCol, selection.activeRow],
      range: { x: rect.col, y: rect.row, width: rect.colCount, height: rect.rowCount },
      // The other blocks of a selection of several (RangeAreas.select).
      rangeStack: (selection.areas ?? [])
        .slice(1)
        .map((a) => ({ x: a.col, y: a.row, width: a.colCount, height: a.rowCount })),
    },
  };
}

export function sameSelection(a: Selection | undefined, b: Selection | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.sheetId === b.sheetId &&
    a.activeRow === b.activeRow &&
    a.activeCol === b.activeCol &&
    a.rect.row === b.rect.row &&
    a.rect.col === b.rect.col &&
    a.rect.rowCount === b.rect.rowCount &&
    a.rect.colCount === b.rect.colCount &&
    JSON.stringify(a.areas ?? []) === JSON.stringify(b.areas ?? [])
  );
}
