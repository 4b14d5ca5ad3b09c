import { dataEdge, type CellPosition } from "../../../../workbench/ui/grid/dataEdge";

/** A column of cells, rows 0-based: "x" filled, "." empty. */
function column(pattern: string): (p: CellPosition) => boolean {
  return (p) => p.col === 0 && pattern[p.row] === "x";
}

const extent = (usedRows: number) => ({ rows: 1000, columns: 26, usedRows, usedColumns: 1 });

describe("dataEdge (Excel's Ctrl+Arrow)", () => {
  it("runs to the last filled cell of a block", () => {
    expect(dataEdge(column("xxxx..x"), { row: 0, col: 0 }, [1, 0], extent(7))).toEqual({ row: 3, col: 0 });
  });

  it("jumps from the end of a block to the next filled cell", () => {
    expect(dataEdge(column("xxxx..x"), { row: 3, col: 0 }, [1, 0], extent(7))).toEqual({ row: 6, col: 0 });
  });

  it("goes to the sheet's last row when nothing filled is below", () => {
    expect(dataEdge(column("xxxx..x"), { row: 6, col: 0 }, [1, 0], extent(7))).toEqual({ row: 999, col: 0 });
  });

  it("goes up to the first row when nothing filled is above", () => {
    expect(dataEdge(column("..xx"), { row: 2, col: 0 }, [-1, 0], extent(4))).toEqual({ row: 0, col: 0 });
  });

  it("stays put at the edge of the sheet", () => {
    expect(dataEdge(column("x"), { row: 0, col: 0 }, [-1, 0], extent(1))).toEqual({ row: 0, col: 0 });
  });

  it("moves right along a row to the end of its data", () => {
    const row = (p: CellPosition) => p.row === 0 && p.col < 5;
    const wide = { rows: 1000, columns: 26, usedRows: 1, usedColumns: 5 };
    expect(dataEdge(row, { row: 0, col: 1 }, [0, 1], wide)).toEqual({ row: 0, col: 4 });
  });
});
