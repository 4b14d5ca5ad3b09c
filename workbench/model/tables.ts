/*
 * Excel tables: a named rectangle with a header row and a data body. Headers are cell values (blank or
 * duplicate headers are made unique as Excel does: Column1, Name2); adding rows grows the table,
 * pushing the cells below it (in its columns) down.
 */
import { adjustFormula } from "../formula/references";
import { intersectRects } from "./address";
import { moveRect, type Shift } from "./shift";
import { WorkbookError } from "./errors";
import type { Rect, TableInfo } from "./types";
import type { CellInput, Workbook } from "./workbook";

const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

export class TableStore {
  private readonly tables: TableInfo[] = [];
  /** Each table's values filters by column index, kept so Table.reapplyFilters can apply them again. */
  private readonly filters = new Map<string, Map<number, readonly string[]>>();
  private nextNumber = 1;
  private nextId = 1;

  constructor(private readonly workbook: Workbook) {}

  list(sheetId?: string): TableInfo[] {
    return this.tables
      .filter((t) => sheetId === undefined || t.sheetId === sheetId)
      .map((t) => ({ ...t, rect: { ...t.rect } }));
  }

  /** Finds a table by name (case-insensitive) or id. */
  get(nameOrId: string): TableInfo | undefined {
    const lower = nameOrId.toLowerCase();
    const t = this.tables.find((x) => x.id === nameOrId || x.name.toLowerCase() === lower);
    return t && { ...t, rect: { ...t.rect } };
  }

  private live(nameOrId: string): TableInfo {
    const lower = nameOrId.toLowerCase();
    const t = this.tables.find((x) => x.id === nameOrId || x.name.toLowerCase() === lower);
    if (!t) throw new WorkbookError("ItemNotFound", `The table ${nameOrId} does not exist.`);
    return t;
  }

  add(sheetId: string, rect: Rect, hasHeaders: boolean, name?: string): TableInfo {
    if (rect.rowCount > 1_048_575 || rect.colCount > 16_384) {
      throw new WorkbookError("InvalidArgument", "A table cannot cover whole rows or columns.");
    }
    // Without headers Excel inserts a header row; a header-only range gets one blank data row.
    const tableRect = !hasHeaders
      ? { ...rect, rowCount: rect.rowCount + 1 }
      : { ...rect, rowCount: Math.max(2, rect.rowCount) };
    for (const other of this.tables) {
      if (other.sheetId === sheetId && intersectRects(other.rect, tableRect)) {
        throw new WorkbookError("InvalidOperation", "A table can't overlap another table.");
      }
    }
    let tableName = name;
    if (tableName === undefined) {
      do tableName = `Table${this.nextNumber++}`;
      while (this.get(tableName));
    } else this.validateName(tableName);
    this.workbook.batch(() => {
      if (!hasHeaders) this.workbook.insertCells(sheetId, { ...rect, rowCount: 1 }, "Down");
      this.writeUniqueHeaders(sheetId, tableRect);
    });
    const table: TableInfo = {
      id: String(this.nextId++),
      name: tableName,
      sheetId,
      rect: tableRect,
      showHeaders: true,
    };
    this.tables.push(table);
    this.workbook.tablesChanged(sheetId);
    return { ...table, rect: { ...table.rect } };
  }

  private validateName(name: string, except?: TableInfo): void {
    if (!TABLE_NAME.test(name) || /^[A-Za-z]{1,3}[0-9]+$/.test(name) || /^[RrCc]$/.test(name)) {
      throw new WorkbookError("InvalidArgument", `"${name}" is not a valid table name.`);
    }
    const clash = this.get(name);
    if (clash && clash.id !== except?.id) {
      throw new WorkbookError("ItemAlreadyExists", `A table named "${name}" already exists.`);
    }
  }

  private writeUniqueHeaders(sheetId: string, rect: Rect): void {
    const headerRect = { ...rect, rowCount: 1 };
    const current = this.workbook.getApiValues(sheetId, headerRect)[0];
    const seen = new Set<string>();
    const headers = current.map((v, j) => {
      let text = v === "" ? `Column${j + 1}` : String(v);
      if (seen.has(text.toLowerCase())) {
        let n = 2;
        while (seen.has(`${text}${n}`.toLowerCase())) n++;
        text = `${text}${n}`;
      }
      seen.add(text.toLowerCase());
      return text;
    });
    if (headers.some((h, j) => h !== current[j])) {
      this.workbook.setValues(sheetId, rect.row, rect.col, [headers.map((h) => `'${h}`)]);
    }
  }

  rename(nameOrId: string, newName: string): void {
    const t = this.live(nameOrId);
    this.validateName(newName, t);
    t.name = newName;
    this.workbook.tablesChanged(t.sheetId);
  }

  headers(nameOrId: string): string[] {
    const t = this.live(nameOrId);
    return this.workbook.getApiValues(t.sheetId, { ...t.rect, rowCount: 1 })[0].map(String);
  }

  /** Rows of data below the header. */
  dataBodyRect(nameOrId: string): Rect {
    const t = this.live(nameOrId);
    return { ...t.rect, row: t.rect.row + 1, rowCount: t.rect.rowCount - 1 };
  }

  /**
   * TableRowCollection.add: inserts rows at `index` of the data body (at the end when undefined),
   * shifting the cells below down, and writes `values` into them.
   */
  addRows(nameOrId: string, index: number | undefined, values: CellInput[][]): Rect {
    const t = this.live(nameOrId);
    const body = this.dataBodyRect(nameOrId);
    const dataRows = this.isBodyEmptyPlaceholder(t) ? 0 : body.rowCount;
    const at = index === undefined || index === null ? dataRows : index;
    if (at < 0 || at > dataRows)
      throw new WorkbookError("InvalidArgument", "The row index is outside the table.");
    if (values.some((row) => row.length !== t.rect.colCount)) {
      throw new WorkbookError("InvalidArgument", "The number of values does not match the table's columns.");
    }
    const start = body.row + at;
    const calculated = dataRows > 0 ? this.calculatedColumns(t, body) : new Map<number, string>();
    this.workbook.batch(() => {
      const insertCount = dataRows === 0 && body.rowCount === 1 ? values.length - 1 : values.length;
      if (insertCount > 0)
        this.workbook.insertCells(
          t.sheetId,
          {
            row: start + (dataRows === 0 ? 1 : 0),
            col: t.rect.col,
            rowCount: insertCount,
            colCount: t.rect.colCount,
          },
          "Down",
        );
      t.rect = { ...t.rect, rowCount: 1 + Math.max(dataRows + values.length, 1) };
      this.workbook.setValues(t.sheetId, start, t.rect.col, values);
      // Calculated columns fill the new rows where no value was given, as Excel's tables do.
      for (const [j, formula] of calculated) {
        values.forEach((row, k) => {
          if (row[j] !== undefined) return;
          const r = start + k;
          this.workbook.setFormulas(t.sheetId, r, t.rect.col + j, [
            [adjustFormula(formula, r - body.row, 0)],
          ]);
        });
      }
    });
    this.workbook.tablesChanged(t.sheetId);
    return { row: start, col: t.rect.col, rowCount: values.length, colCount: t.rect.colCount };
  }

  /**
   * TableColumnCollection.add: inserts a column at `index` (at the right end when undefined), pushing the
   * cells to its right in the table's rows along, and writes `values` (header first, one cell per table
   * row). `name` names the header; without a name or values the header is Excel's ColumnN.
   */
  addColumn(nameOrId: string, index: number | undefined, values?: CellInput[][], name?: string): Rect {
    const t = this.live(nameOrId);
    const at = index ?? t.rect.colCount;
    if (!Number.isInteger(at) || at < 0 || at > t.rect.colCount)
      throw new WorkbookError("InvalidArgument", "The column index is outside the table.");
    if (values && (values.length !== t.rect.rowCount || values.some((row) => row.length !== 1))) {
      throw new WorkbookError("InvalidArgument", "The values must hold one cell for each row of the table.");
    }
    const before = { ...t.rect };
    const column = { row: before.row, col: before.col + at, rowCount: before.rowCount, colCount: 1 };
    this.workbook.batch(() => {
      this.workbook.insertCells(t.sheetId, column, "Right");
      // An insert at the table's left edge moves the table; the table keeps its place and grows instead.
      t.rect = { ...before, colCount: before.colCount + 1 };
      if (values) this.workbook.setValues(t.sheetId, column.row, column.col, values);
      if (name !== undefined) this.workbook.setValues(t.sheetId, column.row, column.col, [[`'${name}`]]);
      this.writeUniqueHeaders(t.sheetId, t.rect);
    });
    this.workbook.tablesChanged(t.sheetId);
    return column;
  }

  /**
   * Calculated columns: columns whose formula cells all hold one formula (relative to their row) and
   * make at least half of the data rows; constants among them are Excel's "exceptions". Returns
   * column index -> that formula as it would read in the first data row.
   */
  private calculatedColumns(t: TableInfo, body: Rect): Map<number, string> {
    const out = new Map<number, string>();
    for (let j = 0; j < t.rect.colCount; j++) {
      let base: string | undefined;
      let formulas = 0;
      let consistent = true;
      for (let i = 0; i < body.rowCount && consistent; i++) {
        const formula = this.workbook.getCell(t.sheetId, body.row + i, body.col + j).formula;
        if (!formula) continue;
        formulas++;
        const asFirstRow = adjustFormula(formula, -i, 0);
        if (base === undefined) base = asFirstRow;
        else consistent = asFirstRow === base;
      }
      if (base !== undefined && consistent && formulas * 2 >= body.rowCount) out.set(j, base);
    }
    return out;
  }

  /**
   * Excel's AutoExpansion, for input by the user: a block typed or pasted starting in the row just
   * below a table, in its columns, makes the table grow over the block's rows (calculated columns
   * fill the new rows' empty cells). Returns the growth to apply once the block is written.
   */
  expandingInto(sheetId: string, row: number, col: number, block: string[][]): (() => void)[] {
    const width = Math.max(0, ...block.slice(0, 1).map((line) => line.length));
    const out: (() => void)[] = [];
    for (const t of this.tables) {
      const end = t.rect.row + t.rect.rowCount;
      const overlaps = col < t.rect.col + t.rect.colCount && col + width > t.rect.col;
      if (t.sheetId !== sheetId || row !== end || !overlaps || block.every((l) => l.every((v) => v === "")))
        continue;
      const grown = { ...t.rect, row: end, rowCount: block.length };
      const taken = this.tables.some(
        (other) => other !== t && other.sheetId === sheetId && intersectRects(other.rect, grown),
      );
      if (taken) continue;
      const body = this.dataBodyRect(t.id);
      const calculated = this.calculatedColumns(t, body);
      out.push(() => {
        t.rect = { ...t.rect, rowCount: t.rect.rowCount + block.length };
        for (const [j, formula] of calculated) {
          for (let k = 0; k < block.length; k++) {
            const r = row + k;
            if (this.workbook.getCell(sheetId, r, t.rect.col + j).input !== "") continue;
            this.workbook.setFormulas(
              sheetId,
              r,
              t.rect.col + j,
              [[adjustFormula(formula, r - body.row, 0)]],
              "user",
            );
          }
        }
        this.workbook.tablesChanged(sheetId);
      });
    }
    return out;
  }

  /** A table made from a header row alone has one blank data row that the first added row fills. */
  private isBodyEmptyPlaceholder(t: TableInfo): boolean {
    if (t.rect.rowCount !== 2) return false;
    return this.workbook
      .getApiValues(t.sheetId, { ...t.rect, row: t.rect.row + 1, rowCount: 1 })[0]
      .every((v) => v === "");
  }

  /** Table.resize: the new rectangle must keep the header row. */
  resize(nameOrId: string, rect: Rect): void {
    const t = this.live(nameOrId);
    if (rect.row !== t.rect.row)
      throw new WorkbookError("InvalidArgument", "The header row must stay in place.");
    t.rect = { ...rect };
    this.writeUniqueHeaders(t.sheetId, t.rect);
    this.workbook.tablesChanged(t.sheetId);
  }

  delete(nameOrId: string): void {
    const t = this.live(nameOrId);
    this.tables.splice(this.tables.indexOf(t), 1);
    this.filters.delete(t.id);
    this.workbook.tablesChanged(t.sheetId);
  }

  /** A column's values filter (undefined clears it); the column is kept by index (columns added at the right keep it right). */
  setColumnFilter(tableId: string, column: number, values: readonly string[] | undefined): void {
    let byColumn = this.filters.get(tableId);
    if (!byColumn) this.filters.set(tableId, (byColumn = new Map()));
    if (values === undefined) byColumn.delete(column);
    else byColumn.set(column, [...values]);
  }

  clearColumnFilters(tableId: string): void {
    this.filters.delete(tableId);
  }

  /** The table's values filters: [column index, values]. */
  columnFilters(tableId: string): [number, readonly string[]][] {
    return [...(this.filters.get(tableId) ?? [])];
  }

  /** Refuses a shift that would move only part of a table's columns (or rows), as Excel does. */
  checkShift(sheetId: string, shift: Shift): void {
    for (const t of this.tables) {
      if (t.sheetId !== sheetId) continue;
      const rows = shift.axis === "rows";
      const acrossStart = rows ? t.rect.col : t.rect.row;
      const acrossEnd = acrossStart + (rows ? t.rect.colCount : t.rect.rowCount);
      const alongEnd = (rows ? t.rect.row + t.rect.rowCount : t.rect.col + t.rect.colCount) - 1;
      const overlaps = acrossStart < shift.bandEnd && acrossEnd > shift.bandStart;
      const contained = acrossStart >= shift.bandStart && acrossEnd <= shift.bandEnd;
      if (overlaps && !contained && alongEnd >= shift.at) {
        throw new WorkbookError(
          "InvalidOperation",
          `This operation would shift cells in the table ${t.name}; insert or delete whole table rows or columns.`,
        );
      }
    }
  }

  /** Tables move with their cells; a table whose cells were all deleted goes. */
  shifted(sheetId: string, shift: Shift): void {
    for (let i = this.tables.length - 1; i >= 0; i--) {
      const t = this.tables[i];
      if (t.sheetId !== sheetId) continue;
      const moved = moveRect(t.rect, shift);
      const headerDeleted =
        shift.kind === "delete" &&
        shift.axis === "rows" &&
        t.rect.row >= shift.at &&
        t.rect.row < shift.at + shift.count &&
        moved !== t.rect;
      // A table keeps its header and at least one (blank) data row; without its header it is gone.
      if (!moved || headerDeleted) this.tables.splice(i, 1);
      else t.rect = { ...moved, rowCount: Math.max(2, moved.rowCount) };
    }
    this.workbook.tablesChanged(sheetId);
  }

  sheetDeleted(sheetId: string): void {
    for (let i = this.tables.length - 1; i >= 0; i--)
      if (this.tables[i].sheetId === sheetId) this.tables.splice(i, 1);
  }
}
