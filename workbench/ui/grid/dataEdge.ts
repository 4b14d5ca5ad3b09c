/* Excel's Ctrl+Arrow: from a filled cell with a filled neighbour, go to the last filled cell of the
   run; otherwise go to the next filled cell, or to the edge of the sheet when there is none. */
/** A cell, 0-based. */
export interface CellPosition {
  row: number;
  col: number;
}

export type Direction = readonly [rowStep: -1 | 0 | 1, columnStep: -1 | 0 | 1];

export interface SheetExtent {
  /** Grid size: the edge Ctrl+Arrow stops at. */
  rows: number;
  columns: number;
  /** Used size: beyond it every cell is empty, so the scan can stop there. */
  usedRows: number;
  usedColumns: number;
}

export function dataEdge(
  isFilled: (position: CellPosition) => boolean,
  from: CellPosition,
  [rowStep, columnStep]: Direction,
  extent: SheetExtent,
): CellPosition {
  const inGrid = (p: CellPosition) =>
    p.row >= 0 && p.col >= 0 && p.row < extent.rows && p.col < extent.columns;
  const inUse = (p: CellPosition) => p.row < extent.usedRows && p.col < extent.usedColumns;
  const step = (p: CellPosition) => ({ row: p.row + rowStep, col: p.col + columnStep });
  const edge = {
    row: rowStep > 0 ? extent.rows - 1 : rowStep < 0 ? 0 : from.row,
    col: columnStep > 0 ? extent.columns - 1 : columnStep < 0 ? 0 : from.col,
  };
  const filled = (p: CellPosition) => inUse(p) && isFilled(p);

  let current = from;
  let next = step(current);
  if (!inGrid(next)) return from;
  if (filled(current) && filled(next)) {
    while (inGrid(next) && filled(next)) {
      current = next;
      next = step(current);
    }
    return current;
  }
  while (inGrid(next)) {
    if (filled(next)) return next;
    if (!inUse(next) && (rowStep > 0 || columnStep > 0)) return edge;
    current = next;
    next = step(current);
  }
  return current;
}
