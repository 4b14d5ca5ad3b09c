/* Excel.Worksheet and Excel.WorksheetCollection. A worksheet proxy resolves to the sheet's id, so it
   keeps pointing at the same sheet through renames. */
import { parseAddress } from "../model/address";
import { MAX_COLS, MAX_ROWS, type SheetVisibility } from "../model/types";
import { ClientObject, ResolvedObject, defineProperties, type RequestContext } from "./clientObject";
import { Collection } from "./collection";
import { ErrorCodes, OfficeExtensionError, invalidArgument } from "./errors";
import { EventSource, type EventHandler, type EventHub } from "./events";
import { Range } from "./range";
import { RangeAreas, parseAreas } from "./rangeAreas";
import { TableCollection } from "./tables";

const VISIBILITIES: SheetVisibility[] = ["Visible", "Hidden", "VeryHidden"];

export class Worksheet extends ResolvedObject<string> {
  private tablesProxy: TableCollection | undefined;
  private events = new Map<string, EventSource>();
  private freezePanesProxy: WorksheetFreezePanes | undefined;

  /** @internal `resolve` returns the sheet id, or null for a null object. */
  constructor(context: RequestContext, resolve: () => string | null, nullable = false) {
    super(context, "worksheet", resolve, nullable);
  }

  /** @internal */
  _sheetId(): string {
    return this._resolved();
  }

  get tables(): TableCollection {
    this.tablesProxy ??= new TableCollection(this.context, () => this._sheetId());
    return this.tablesProxy;
  }

  private event(
    name: string,
    subscribe: (hub: EventHub, sheetId: string, handler: EventHandler) => () => void,
  ) {
    let source = this.events.get(name);
    if (!source) {
      source = new EventSource(this.context, (hub, handler) => subscribe(hub, this._sheetId(), handler));
      this.events.set(name, source);
    }
    return source;
  }

  get onSelectionChanged(): EventSource {
    return this.event("selection", (hub, id, handler) => hub.onSelectionChanged(id, handler));
  }

  get onChanged(): EventSource {
    return this.event("changed", (hub, id, handler) => hub.onChanged(id, handler));
  }

  get onActivated(): EventSource {
    return this.event("activated", (hub, id, handler) => hub.onActivated(id, handler));
  }

  get freezePanes(): WorksheetFreezePanes {
    this.freezePanesProxy ??= new WorksheetFreezePanes(this.context, this);
    return this.freezePanesProxy;
  }

  activate(): void {
    this.context._queue(
      () => this.context.model.activateSheet(this._sheetId(), "api"),
      0,
      "Worksheet.activate",
    );
  }

  delete(): void {
    this.context._queue(() => this.context.model.deleteSheet(this._sheetId()), 0, "Worksheet.delete");
  }

  /** getRange("A1:B2"), getRange("A:A"), getRange("3:3"); no address is the whole sheet. */
  getRange(address?: string): Range {
    return new Range(this.context, () => {
      const sheetId = this._sheetId();
      if (address === undefined || address === "") {
        return { sheetId, rect: { row: 0, col: 0, rowCount: MAX_ROWS, colCount: MAX_COLS } };
      }
      const parsed = parseAddress(address);
      if (!parsed) throw invalidArgument(`The address '${address}' is not valid.`, "Worksheet.getRange");
      if (parsed.sheetName !== undefined && this.context.model.getSheet(parsed.sheetName)?.id !== sheetId) {
        throw invalidArgument(`The address '${address}' is on another worksheet.`, "Worksheet.getRange");
      }
      return { sheetId, rect: parsed.rect };
    });
  }

  /** Several blocks: getRanges("A2:F2, A5:F7"); no address is the whole sheet. */
  getRanges(address?: string): RangeAreas {
    return new RangeAreas(this.context, () => {
      const sheetId = this._sheetId();
      if (address === undefined || address === "")
        return { sheetId, rects: [{ row: 0, col: 0, rowCount: MAX_ROWS, colCount: MAX_COLS }] };
      const rects = parseAreas(address, (name) => name && this.context.model.getSheet(name)?.id, sheetId);
      return { sheetId, rects };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    return new Range(this.context, () => {
      const rect = { row: startRow, col: startColumn, rowCount, colCount: columnCount };
      if (
        ![startRow, startColumn, rowCount, columnCount].every(Number.isInteger) ||
        startRow < 0 ||
        startColumn < 0 ||
        rowCount < 1 ||
        columnCount < 1 ||
        startRow + rowCount > MAX_ROWS ||
        startColumn + columnCount > MAX_COLS
      ) {
        throw invalidArgument("The range indexes are outside the worksheet.", "Worksheet.getRangeByIndexes");
      }
      return { sheetId: this._sheetId(), rect };
    });
  }

  getCell(row: number, column: number): Range {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  /** The used range; for a blank worksheet Excel returns A1. */
  getUsedRange(valuesOnly = false): Range {
    return new Range(this.context, () => {
      const sheetId = this._sheetId();
      const rect = this.context.model.usedRange(sheetId, valuesOnly) ?? {
        row: 0,
        col: 0,
        rowCount: 1,
        colCount: 1,
      };
      return { sheetId, rect };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return new Range(
      this.context,
      () => {
        const sheetId = this._sheetId();
        const rect = this.context.model.usedRange(sheetId, valuesOnly);
        return rect ? { sheetId, rect } : null;
      },
      true,
    );
  }

  calculate(_markAllDirty?: boolean): void {
    this.context._queue(() => void this._sheetId(), 0, "Worksheet.calculate");
  }
}

function sheetInfo(ws: Worksheet) {
  const info = ws.context.model.getSheet(ws._sheetId());
  if (!info) throw new OfficeExtensionError(ErrorCodes.itemNotFound, "The worksheet no longer exists.");
  return info;
}

defineProperties(Worksheet, "Worksheet", {
  id: { get: (ws) => ws._sheetId() },
  name: {
    get: (ws) => sheetInfo(ws).name,
    set: (ws, value) => ws.context.model.renameSheet(ws._sheetId(), String(value)),
  },
  position: {
    get: (ws) => sheetInfo(ws).position,
    set: (ws, value) => ws.context.model.moveSheet(ws._sheetId(), Number(value)),
  },
  visibility: {
    get: (ws) => sheetInfo(ws).visibility,
    set: (ws, value) => {
      if (!VISIBILITIES.includes(value as SheetVisibility)) {
        throw invalidArgument(`'${String(value)}' is not a worksheet visibility.`, "Worksheet.visibility");
      }
      ws.context.model.setSheetVisibility(ws._sheetId(), value as SheetVisibility);
    },
  },
  tabColor: {
    get: (ws) => (ws as unknown as { __tab?: string }).__tab ?? "",
    set: (ws, value) => {
      (ws as unknown as { __tab?: string }).__tab = String(value);
    },
  },
});

/** Frozen panes: the workbench grid does not freeze, but the calls are checked and remembered. */
export class WorksheetFreezePanes extends ClientObject {
  /** @internal */
  static frozen = new WeakMap<object, { rows: number; columns: number }>();

  constructor(
    context: RequestContext,
    private readonly worksheet: Worksheet,
  ) {
    super(context);
  }

  private freeze(rows: number, columns: number): void {
    this.context._queue(
      () => {
        if (!Number.isInteger(rows) || !Number.isInteger(columns) || rows < 0 || columns < 0) {
          throw invalidArgument(
            "The number of rows or columns to freeze is not valid.",
            "WorksheetFreezePanes",
          );
        }
        WorksheetFreezePanes.frozen.set(this.context.model.sheet(this.worksheet._sheetId()), {
          rows,
          columns,
        });
      },
      0,
      "WorksheetFreezePanes",
    );
  }

  freezeRows(count = 1): void {
    this.freeze(count, 0);
  }

  freezeColumns(count = 1): void {
    this.freeze(0, count);
  }

  freezeAt(frozenRange: Range | string): void {
    this.context._queue(
      () => {
        const rect =
          typeof frozenRange === "string" ? parseAddress(frozenRange)?.rect : frozenRange._t().rect;
        if (!rect) throw invalidArgument(`The address '${String(frozenRange)}' is not valid.`);
        WorksheetFreezePanes.frozen.set(this.context.model.sheet(this.worksheet._sheetId()), {
          rows: rect.row + rect.rowCount,
          columns: rect.col + rect.colCount,
        });
      },
      0,
      "WorksheetFreezePanes.freezeAt",
    );
  }

  unfreeze(): void {
    this.freeze(0, 0);
  }
}

export class WorksheetCollection extends Collection<Worksheet> {
  private events = new Map<string, EventSource>();

  constructor(context: RequestContext) {
    super(context, "WorksheetCollection");
  }

  private event(name: string, subscribe: (hub: EventHub, handler: EventHandler) => () => void) {
    let source = this.events.get(name);
    if (!source) {
      source = new EventSource(this.context, subscribe);
      this.events.set(name, source);
    }
    return source;
  }

  get onChanged(): EventSource {
    return this.event("changed", (hub, handler) => hub.onChanged(undefined, handler));
  }

  get onActivated(): EventSource {
    return this.event("activated", (hub, handler) => hub.onActivated(undefined, handler));
  }

  /** @internal */
  _members(): Worksheet[] {
    return this.context.model.listSheets().map((s) => new Worksheet(this.context, () => s.id));
  }

  /** @internal */
  _count(): number {
    return this.context.model.listSheets().length;
  }

  private find(key: string): string | null {
    return this.context.model.getSheet(key)?.id ?? null;
  }

  add(name?: string): Worksheet {
    return new Worksheet(this.context, () => this.context.model.addSheet(name).id);
  }

  /** By name or id; ItemNotFound at sync when there is none. */
  getItem(key: string): Worksheet {
    return new Worksheet(this.context, () => {
      const id = this.find(key);
      if (id === null) {
        throw new OfficeExtensionError(
          ErrorCodes.itemNotFound,
          `The requested resource doesn't exist. (worksheet '${key}')`,
          "WorksheetCollection.getItem",
        );
      }
      return id;
    });
  }

  getItemOrNullObject(key: string): Worksheet {
    return new Worksheet(this.context, () => this.find(key), true);
  }

  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.context, () => this.context.model.getActiveSheet().id);
  }

  getFirst(visibleOnly = false): Worksheet {
    return new Worksheet(this.context, () => {
      const sheets = this.context.model
        .listSheets()
        .filter((s) => !visibleOnly || s.visibility === "Visible");
      return sheets[0].id;
    });
  }

  getLast(visibleOnly = false): Worksheet {
    return new Worksheet(this.context, () => {
      const sheets = this.context.model
        .listSheets()
        .filter((s) => !visibleOnly || s.visibility === "Visible");
      return sheets[sheets.length - 1].id;
    });
  }
}
