/* Excel.Table, its collection, rows and columns, over the model's TableStore. */
import { parseAddress } from "../model/address";
import type { CellInput } from "../model/workbook";
import { ClientObject, ResolvedObject, defineProperties, type RequestContext } from "./clientObject";
import { Filter, hideRowsNotIn } from "./filter";
import { Collection } from "./collection";
import { ErrorCodes, OfficeExtensionError, invalidArgument } from "./errors";
import { Range, valuesProperty } from "./range";
import { Worksheet } from "./worksheet";

/** rows.add and columns.add: Excel adds at the end for an index of null, undefined or -1. */
function atEnd(index: number | null | undefined): number | undefined {
  return index === null || index === undefined || index === -1 ? undefined : index;
}

export class Table extends ResolvedObject<string> {
  readonly rows: TableRowCollection;
  readonly columns: TableColumnCollection;
  private worksheetProxy: Worksheet | undefined;

  /** @internal `resolve` returns the table id, or null for a null object. */
  constructor(context: RequestContext, resolve: () => string | null, nullable = false) {
    super(context, "table", resolve, nullable);
    this.rows = new TableRowCollection(context, this);
    this.columns = new TableColumnCollection(context, this);
  }

  /** @internal */
  _tableId(): string {
    const id = this._resolved();
    if (!this.context.model.tables.get(id)) {
      throw new OfficeExtensionError(ErrorCodes.itemNotFound, "The table no longer exists.");
    }
    return id;
  }

  /** @internal */
  _info() {
    return this.context.model.tables.get(this._tableId())!;
  }

  get worksheet(): Worksheet {
    this.worksheetProxy ??= new Worksheet(this.context, () => this._info().sheetId);
    return this.worksheetProxy;
  }

  getRange(): Range {
    return new Range(this.context, () => ({ sheetId: this._info().sheetId, rect: this._info().rect }));
  }

  getHeaderRowRange(): Range {
    return new Range(this.context, () => ({
      sheetId: this._info().sheetId,
      rect: { ...this._info().rect, rowCount: 1 },
    }));
  }

  getDataBodyRange(): Range {
    return new Range(this.context, () => ({
      sheetId: this._info().sheetId,
      rect: this.context.model.tables.dataBodyRect(this._tableId()),
    }));
  }

  getTotalRowRange(): Range {
    return new Range(this.context, () => {
      throw new OfficeExtensionError(ErrorCodes.invalidOperation, "The table has no total row.");
    });
  }

  delete(): void {
    this.context._queue(
      () => {
        const info = this._info();
        this.context.model.tables.delete(info.id);
        this.context.model.clear(info.sheetId, info.rect, "All", "api");
      },
      0,
      "Table.delete",
    );
  }

  convertToRange(): Range {
    const range = new Range(this.context, () => ({ sheetId: this._info().sheetId, rect: this._info().rect }));
    this.context._queue(() => this.context.model.tables.delete(this._tableId()), 0, "Table.convertToRange");
    return range;
  }

  resize(newRange: Range | string): void {
    this.context._queue(
      () => {
        const info = this._info();
        const rect = typeof newRange === "string" ? parseAddress(newRange)?.rect : newRange._t().rect;
        if (!rect) throw invalidArgument(`The address '${String(newRange)}' is not valid.`);
        this.context.model.tables.resize(info.id, rect);
      },
      0,
      "Table.resize",
    );
  }

  /** Shows again the rows the table's filters hid, and removes the filters. */
  clearFilters(): void {
    this.context._queue(
      () => {
        const body = this.context.model.tables.dataBodyRect(this._tableId());
        this.context.model.tables.clearColumnFilters(this._tableId());
        this.context.model.rowVisibility.clearFiltered(this._info().sheetId, body.row, body.rowCount);
      },
      0,
      "Table.clearFilters",
    );
  }

  /** Applies the table's filters again to the rows as they are now (ExcelApi 1.2); none: nothing changes. */
  reapplyFilters(): void {
    this.context._queue(
      () => {
        const tables = this.context.model.tables;
        const sheetId = this._info().sheetId;
        const body = tables.dataBodyRect(this._tableId());
        this.context.model.rowVisibility.clearFiltered(sheetId, body.row, body.rowCount);
        for (const [column, values] of tables.columnFilters(this._tableId()))
          if (column < body.colCount)
            hideRowsNotIn(
              this.context.model,
              sheetId,
              { ...body, col: body.col + column, colCount: 1 },
              values,
            );
      },
      0,
      "Table.reapplyFilters",
    );
  }
}

defineProperties(Table, "Table", {
  id: { get: (t) => t._tableId() },
  name: { get: (t) => t._info().name, set: (t, v) => t.context.model.tables.rename(t._tableId(), String(v)) },
  showHeaders: { get: (t) => t._info().showHeaders },
  showTotals: { get: () => false },
  style: {
    get: (t) => (t as unknown as { __style?: string }).__style ?? "TableStyleMedium2",
    set: (t, v) => {
      (t as unknown as { __style?: string }).__style = String(v);
    },
  },
  worksheetId: { get: (t) => t._info().sheetId },
});

export class TableCollection extends Collection<Table> {
  /** `sheetIdOf` scopes the collection to one worksheet (worksheet.tables); undefined = workbook. */
  constructor(
    context: RequestContext,
    private readonly sheetIdOf?: () => string,
  ) {
    super(context, "TableCollection");
  }

  /** @internal */
  _members(): Table[] {
    return this.context.model.tables.list(this.sheetIdOf?.()).map((t) => new Table(this.context, () => t.id));
  }

  /** @internal */
  _count(): number {
    return this.context.model.tables.list(this.sheetIdOf?.()).length;
  }

  protected override isOwnProperty(path: string): boolean {
    return path === "count";
  }

  /** add("A1:D1", true) or add(range, hasHeaders); workbook.tables.add needs a sheet-qualified
      address or uses the active sheet. */
  add(address: Range | string, hasHeaders: boolean): Table {
    return new Table(this.context, () => {
      const model = this.context.model;
      let sheetId: string;
      let rect;
      if (typeof address === "string") {
        const parsed = parseAddress(address);
        if (!parsed) throw invalidArgument(`The address '${address}' is not valid.`, "TableCollection.add");
        sheetId = parsed.sheetName
          ? model.sheet(parsed.sheetName).id
          : (this.sheetIdOf?.() ?? model.getActiveSheet().id);
        if (this.sheetIdOf && sheetId !== this.sheetIdOf()) {
          throw invalidArgument("The address is on another worksheet.", "TableCollection.add");
        }
        rect = parsed.rect;
      } else {
        ({ sheetId, rect } = address._t());
      }
      return model.tables.add(sheetId, rect, hasHeaders).id;
    });
  }

  private find(key: string): string | null {
    const t = this.context.model.tables.get(key);
    if (!t || (this.sheetIdOf && t.sheetId !== this.sheetIdOf())) return null;
    return t.id;
  }

  getItem(key: string): Table {
    return new Table(this.context, () => {
      const id = this.find(key);
      if (id === null) {
        throw new OfficeExtensionError(
          ErrorCodes.itemNotFound,
          `The requested resource doesn't exist. (table '${key}')`,
        );
      }
      return id;
    });
  }

  getItemOrNullObject(key: string): Table {
    return new Table(this.context, () => this.find(key), true);
  }

  getItemAt(index: number): Table {
    return new Table(this.context, () => {
      const list = this.context.model.tables.list(this.sheetIdOf?.());
      if (index < 0 || index >= list.length)
        throw new OfficeExtensionError(ErrorCodes.itemNotFound, "No table at that index.");
      return list[index].id;
    });
  }
}

defineProperties(TableCollection, "TableCollection", {
  count: { get: (c) => c._count() },
});

export class TableRow extends ClientObject {
  constructor(
    context: RequestContext,
    readonly _table: Table,
    private readonly indexOf: () => number,
  ) {
    super(context);
  }

  /** @internal The row's index in the data body. */
  get _index(): number {
    return this.indexOf();
  }

  /** @internal */
  _rect() {
    const body = this.context.model.tables.dataBodyRect(this._table._tableId());
    return { ...body, row: body.row + this._index, rowCount: 1 };
  }

  getRange(): Range {
    return new Range(this.context, () => ({ sheetId: this._table._info().sheetId, rect: this._rect() }));
  }

  /** Deletes the row from the table, pulling the rows below up (within the table's columns). */
  delete(): void {
    this.context._queue(
      () => this.context.model.deleteCells(this._table._info().sheetId, this._rect(), "Up", "api"),
      0,
      "TableRow.delete",
    );
  }
}

defineProperties(TableRow, "TableRow", {
  index: { get: (r) => r._index },
  values: valuesProperty((r: TableRow) => ({ sheetId: r._table._info().sheetId, rect: r._rect() })),
});

export class TableRowCollection extends Collection<TableRow> {
  constructor(
    context: RequestContext,
    private readonly table: Table,
  ) {
    super(context, "TableRowCollection");
  }

  /** @internal */
  _members(): TableRow[] {
    return Array.from({ length: this._count() }, (_, i) => new TableRow(this.context, this.table, () => i));
  }

  /** @internal */
  _count(): number {
    return this.context.model.tables.dataBodyRect(this.table._tableId()).rowCount;
  }

  protected override isOwnProperty(path: string): boolean {
    return path === "count";
  }

  /** Adds rows at `index` (the end when null, undefined or -1) with `values` (2-D, one row per added row). */
  add(index?: number | null, values?: unknown[][] | string | number | boolean): TableRow {
    const holder: { index: number } = { index: -1 };
    this.context._queue(
      () => {
        const id = this.table._tableId();
        const columns = this.context.model.tables.headers(id).length;
        const rows: unknown[][] =
          values === undefined
            ? [new Array(columns).fill(null)]
            : Array.isArray(values)
              ? values
              : [new Array(columns).fill(values)];
        if (!rows.every((row) => Array.isArray(row) && row.length === columns)) {
          throw invalidArgument(
            "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
            "TableRowCollection.add",
          );
        }
        // null leaves a cell to the table (a calculated column fills it), as everywhere in the API.
        const holes = rows.map((row) => row.map((v) => (v === null ? undefined : v))) as CellInput[][];
        const added = this.context.model.tables.addRows(id, atEnd(index), holes);
        holder.index = added.row - this.context.model.tables.dataBodyRect(id).row;
        return 0;
      },
      values === undefined ? 0 : JSON.stringify(values).length,
      "TableRowCollection.add",
    );
    return new TableRow(this.context, this.table, () => holder.index);
  }

  getItemAt(index: number): TableRow {
    return new TableRow(this.context, this.table, () => index);
  }

  /** Deletes `count` rows from `index` of the data body. */
  deleteRowsAt(index: number, count = 1): void {
    this.context._queue(
      () => {
        const body = this.context.model.tables.dataBodyRect(this.table._tableId());
        if (
          !Number.isInteger(index) ||
          !Number.isInteger(count) ||
          index < 0 ||
          count < 1 ||
          index + count > body.rowCount
        ) {
          throw invalidArgument(
            "The rows to delete are outside the table.",
            "TableRowCollection.deleteRowsAt",
          );
        }
        this.context.model.deleteCells(
          this.table._info().sheetId,
          { ...body, row: body.row + index, rowCount: count },
          "Up",
          "api",
        );
      },
      0,
      "TableRowCollection.deleteRowsAt",
    );
  }
}

defineProperties(TableRowCollection, "TableRowCollection", {
  count: { get: (c) => c._count() },
});

export class TableColumn extends ClientObject {
  private filterProxy: Filter | undefined;

  constructor(
    context: RequestContext,
    readonly _table: Table,
    readonly _resolveIndex: () => number,
  ) {
    super(context);
  }

  /** @internal */
  _rect() {
    const info = this._table._info();
    const index = this._resolveIndex();
    if (index < 0 || index >= info.rect.colCount)
      throw new OfficeExtensionError(ErrorCodes.itemNotFound, "No such table column.");
    return { ...info.rect, col: info.rect.col + index, colCount: 1 };
  }

  getRange(): Range {
    return new Range(this.context, () => ({ sheetId: this._table._info().sheetId, rect: this._rect() }));
  }

  getHeaderRowRange(): Range {
    return new Range(this.context, () => ({
      sheetId: this._table._info().sheetId,
      rect: { ...this._rect(), rowCount: 1 },
    }));
  }

  /** The column's filter (applyValuesFilter, clear). */
  get filter(): Filter {
    this.filterProxy ??= new Filter(this.context, () => ({
      sheetId: this._table._info().sheetId,
      tableId: this._table._tableId(),
      index: this._resolveIndex(),
      body: () => {
        const rect = this._rect();
        return { ...rect, row: rect.row + 1, rowCount: rect.rowCount - 1 };
      },
    }));
    return this.filterProxy;
  }

  getDataBodyRange(): Range {
    return new Range(this.context, () => {
      const rect = this._rect();
      return {
        sheetId: this._table._info().sheetId,
        rect: { ...rect, row: rect.row + 1, rowCount: rect.rowCount - 1 },
      };
    });
  }
}

defineProperties(TableColumn, "TableColumn", {
  index: { get: (c) => c._resolveIndex() },
  id: { get: (c) => c._resolveIndex() + 1 },
  name: {
    get: (c) => c.context.model.tables.headers(c._table._tableId())[c._resolveIndex()],
    set: (c, v) => {
      const rect = c._rect();
      c.context.model.setValues(c._table._info().sheetId, rect.row, rect.col, [[`'${String(v)}`]], "api");
    },
  },
  values: valuesProperty((c: TableColumn) => ({ sheetId: c._table._info().sheetId, rect: c._rect() })),
});

export class TableColumnCollection extends Collection<TableColumn> {
  constructor(
    context: RequestContext,
    private readonly table: Table,
  ) {
    super(context, "TableColumnCollection");
  }

  /** @internal */
  _members(): TableColumn[] {
    return Array.from(
      { length: this._count() },
      (_, i) => new TableColumn(this.context, this.table, () => i),
    );
  }

  /** @internal */
  _count(): number {
    return this.context.model.tables.get(this.table._tableId())!.rect.colCount;
  }

  protected override isOwnProperty(path: string): boolean {
    return path === "count";
  }

  private indexOf(key: string | number): number {
    const headers = this.context.model.tables.headers(this.table._tableId());
    if (typeof key === "number") return key - 1;
    const byName = headers.findIndex((h) => h.toLowerCase() === key.toLowerCase());
    if (byName >= 0) return byName;
    const byId = Number(key);
    return Number.isInteger(byId) && byId >= 1 && byId <= headers.length ? byId - 1 : -1;
  }

  getItem(key: string | number): TableColumn {
    return new TableColumn(this.context, this.table, () => {
      const i = this.indexOf(key);
      if (i < 0)
        throw new OfficeExtensionError(
          ErrorCodes.itemNotFound,
          `The requested resource doesn't exist. (column '${key}')`,
        );
      return i;
    });
  }

  getItemAt(index: number): TableColumn {
    return new TableColumn(this.context, this.table, () => index);
  }

  /** Adds a column at `index` (the right end when null, undefined or -1); `values` is 2-D, header first. */
  add(index?: number | null, values?: unknown[][] | string | number | boolean, name?: string): TableColumn {
    const holder: { index: number } = { index: -1 };
    this.context._queue(
      () => {
        const id = this.table._tableId();
        const rows = this.context.model.tables.get(id)!.rect.rowCount;
        const block: unknown[][] | undefined =
          values === undefined || Array.isArray(values)
            ? values
            : Array.from({ length: rows }, () => [values]);
        // The model checks the block's size; a row that is not an array is refused here, as Excel does.
        if (block && !block.every((row) => Array.isArray(row))) {
          throw invalidArgument(
            "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
            "TableColumnCollection.add",
          );
        }
        const added = this.context.model.tables.addColumn(id, atEnd(index), block as CellInput[][], name);
        holder.index = added.col - this.context.model.tables.get(id)!.rect.col;
        return 0;
      },
      values === undefined ? 0 : JSON.stringify(values).length,
      "TableColumnCollection.add",
    );
    return new TableColumn(this.context, this.table, () => holder.index);
  }
}

defineProperties(TableColumnCollection, "TableColumnCollection", {
  count: { get: (c) => c._count() },
});
