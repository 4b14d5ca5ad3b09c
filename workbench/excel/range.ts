/* Excel.Range: a rectangle on a worksheet, resolved when its creating call runs at sync. */
import { intersectRects, parseAddress, qualifiedAddress } from "../model/address";
import { unionRects } from "../model/sheet";
import { CellError, MAX_COLS, MAX_ROWS, type ApiValue, type Rect } from "../model/types";
import {
  ClientObject,
  PAYLOAD_LIMIT_BYTES,
  ResolvedObject,
  defineProperties,
  type PropertySpec,
  type RequestContext,
} from "./clientObject";
import { ErrorCodes, OfficeExtensionError, invalidArgument } from "./errors";
import { fromR1C1 } from "../formula/r1c1";
import { RangeAreas } from "./rangeAreas";
import { RangeFormat } from "./rangeFormat";
import { Worksheet } from "./worksheet";

export interface RangeTarget {
  sheetId: string;
  rect: Rect;
}

/** Range.getMergedAreasOrNullObject fails above this many areas (Excel's documented limit). */
const MAX_MERGED_AREAS = 512;

const DIMENSION_MISMATCH =
  "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";

/** Range.values/formulas/numberFormat input: a 2-D array of the range's size, or one value for all. */
export function blockFor(value: unknown, rect: Rect, property: string): unknown[][] {
  if (value === null || value === undefined) {
    throw invalidArgument(
      `null is not a valid value for the whole ${property} property.`,
      `Range.${property}`,
    );
  }
  if (!Array.isArray(value)) {
    if (rect.rowCount * rect.colCount > 5_000_000)
      throw invalidArgument(DIMENSION_MISMATCH, `Range.${property}`);
    return Array.from({ length: rect.rowCount }, () => new Array(rect.colCount).fill(value));
  }
  if (
    value.length !== rect.rowCount ||
    value.some((row) => !Array.isArray(row) || row.length !== rect.colCount)
  ) {
    throw invalidArgument(DIMENSION_MISMATCH, `Range.${property}`);
  }
  return value as unknown[][];
}

/** Checks cell values and turns null entries into holes: Excel leaves those cells unchanged. */
function checkCellValues(block: unknown[][], property: string): (ApiValue | undefined)[][] {
  for (const row of block) {
    for (const v of row) {
      if (
        v !== null &&
        v !== undefined &&
        typeof v !== "string" &&
        typeof v !== "number" &&
        typeof v !== "boolean"
      ) {
        throw invalidArgument(
          `The argument is invalid or missing or has an incorrect format (${property}).`,
          `Range.${property}`,
        );
      }
      if (typeof v === "number" && !Number.isFinite(v)) {
        throw invalidArgument(
          "The argument is invalid or missing or has an incorrect format.",
          `Range.${property}`,
        );
      }
    }
  }
  return block.map((row) => row.map((v) => (v === null ? undefined : (v as ApiValue))));
}

/**
 * A per-cell property of a range as loaded: refused before it is built when even blank cells ("",
 * three bytes each in the response) would exceed the response limit, as Excel on the web refuses it.
 */
function cellGrid<T>(r: Range, read: (sheetId: string, rect: Rect) => T[][]): T[][] {
  return gridOf(r._t(), read);
}

function gridOf<T>({ sheetId, rect }: RangeTarget, read: (sheetId: string, rect: Rect) => T[][]): T[][] {
  if (rect.rowCount * rect.colCount * 3 > PAYLOAD_LIMIT_BYTES) {
    throw new OfficeExtensionError(
      ErrorCodes.responsePayloadSizeLimitExceeded,
      `Loading ${rect.rowCount * rect.colCount} cells exceeds the response payload limit. Load a smaller range.`,
      "Range.load",
    );
  }
  return read(sheetId, rect);
}

/**
 * The `values` property of a range, or of a part of a table standing for one (a row, a column):
 * read within the response limit; written with Excel's checks (size, cell types, null holes).
 */
export function valuesProperty<O extends ClientObject>(targetOf: (o: O) => RangeTarget): PropertySpec<O> {
  return {
    get: (o) => gridOf(targetOf(o), (id, rect) => o.context.model.getApiValues(id, rect)),
    set: (o, value) => {
      const { sheetId, rect } = targetOf(o);
      const block = checkCellValues(blockFor(value, rect, "values"), "values");
      o.context.model.setValues(sheetId, rect.row, rect.col, block, "api");
    },
  };
}

/** Range.formulas, or Range.formulasR1C1 (each "=..." read and written in R1C1 notation from its cell). */
function formulasProperty(r1c1: boolean): PropertySpec<Range> {
  const name = r1c1 ? "formulasR1C1" : "formulas";
  return {
    get: (r) => cellGrid(r, (id, rect) => r.context.model.getApiFormulas(id, rect, r1c1)),
    set: (r, value) => {
      const { sheetId, rect } = r._t();
      const block = checkCellValues(blockFor(value, rect, name), name).map((line, i) =>
        line.map((input, j) =>
          r1c1 && typeof input === "string" && input.startsWith("=")
            ? fromR1C1(input, rect.row + i, rect.col + j)
            : input,
        ),
      );
      r.context.model.setFormulas(sheetId, rect.row, rect.col, block, "api");
    },
  };
}

function valueType(v: unknown): string {
  if (v === null || v === undefined) return "Empty";
  if (v instanceof CellError) return "Error";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return "String";
}

export class Range extends ResolvedObject<RangeTarget> {
  private formatProxy: RangeFormat | undefined;
  private worksheetProxy: Worksheet | undefined;

  /** @internal `resolve` runs at sync, when the call that created this range runs. */
  constructor(context: RequestContext, resolve: () => RangeTarget | null, nullable = false) {
    super(context, "Range", resolve, nullable);
  }

  /** @internal */
  _t(): RangeTarget {
    return this._resolved();
  }

  private derive(make: (t: RangeTarget) => RangeTarget | null, nullable = false): Range {
    return new Range(this.context, () => make(this._t()), nullable);
  }

  /** The same proxy every time, so range.load("worksheet/name") makes range.worksheet.name readable. */
  get worksheet(): Worksheet {
    this.worksheetProxy ??= new Worksheet(this.context, () => this._t().sheetId);
    return this.worksheetProxy;
  }

  get format(): RangeFormat {
    this.formatProxy ??= new RangeFormat(this.context);
    return this.formatProxy;
  }

  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this.derive((t) => ({
      sheetId: t.sheetId,
      rect: checked({ ...t.rect, row: t.rect.row + rowOffset, col: t.rect.col + columnOffset }),
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this.derive((t) => ({
      sheetId: t.sheetId,
      rect: checked({
        ...t.rect,
        rowCount: t.rect.rowCount + deltaRows,
        colCount: t.rect.colCount + deltaColumns,
      }),
    }));
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): Range {
    return this.derive((t) => ({
      sheetId: t.sheetId,
      rect: checked({ ...t.rect, rowCount: numRows, colCount: numColumns }),
    }));
  }

  getCell(row: number, column: number): Range {
    return this.derive((t) => ({
      sheetId: t.sheetId,
      rect: checked({ row: t.rect.row + row, col: t.rect.col + column, rowCount: 1, colCount: 1 }),
    }));
  }

  getRow(row: number): Range {
    return this.derive((t) => {
      if (row < 0 || row >= t.rect.rowCount)
        throw invalidArgument("The row index is outside the range.", "Range.getRow");
      return { sheetId: t.sheetId, rect: { ...t.rect, row: t.rect.row + row, rowCount: 1 } };
    });
  }

  getColumn(column: number): Range {
    return this.derive((t) => {
      if (column < 0 || column >= t.rect.colCount) {
        throw invalidArgument("The column index is outside the range.", "Range.getColumn");
      }
      return { sheetId: t.sheetId, rect: { ...t.rect, col: t.rect.col + column, colCount: 1 } };
    });
  }

  getRowsAbove(count = 1): Range {
    return this.derive((t) => ({
      sheetId: t.sheetId,
      rect: checked({ ...t.rect, row: t.rect.row - count, rowCount: count }),
    }));
  }

  getRowsBelow(count = 1): Range {
    return this.derive((t) => ({
      sheetId: t.sheetId,
      rect: checked({ ...t.rect, row: t.rect.row + t.rect.rowCount, rowCount: count }),
    }));
  }

  getEntireRow(): Range {
    return this.derive((t) => ({ sheetId: t.sheetId, rect: { ...t.rect, col: 0, colCount: MAX_COLS } }));
  }

  getEntireColumn(): Range {
    return this.derive((t) => ({ sheetId: t.sheetId, rect: { ...t.rect, row: 0, rowCount: MAX_ROWS } }));
  }

  getLastRow(): Range {
    return this.derive((t) => ({
      sheetId: t.sheetId,
      rect: { ...t.rect, row: t.rect.row + t.rect.rowCount - 1, rowCount: 1 },
    }));
  }

  getLastColumn(): Range {
    return this.derive((t) => ({
      sheetId: t.sheetId,
      rect: { ...t.rect, col: t.rect.col + t.rect.colCount - 1, colCount: 1 },
    }));
  }

  getLastCell(): Range {
    return this.derive((t) => ({
      sheetId: t.sheetId,
      rect: {
        row: t.rect.row + t.rect.rowCount - 1,
        col: t.rect.col + t.rect.colCount - 1,
        rowCount: 1,
        colCount: 1,
      },
    }));
  }

  private other(t: RangeTarget, anotherRange: Range | string): RangeTarget {
    if (typeof anotherRange !== "string") return anotherRange._t();
    const parsed = parseAddress(anotherRange);
    if (!parsed) throw invalidArgument(`${anotherRange} is not a valid address.`);
    const sheetId = parsed.sheetName ? this.context.model.sheet(parsed.sheetName).id : t.sheetId;
    return { sheetId, rect: parsed.rect };
  }

  getIntersection(anotherRange: Range | string): Range {
    return this.derive((t) => {
      const o = this.other(t, anotherRange);
      const rect = o.sheetId === t.sheetId ? intersectRects(t.rect, o.rect) : undefined;
      if (!rect)
        throw new OfficeExtensionError(
          ErrorCodes.itemNotFound,
          "The ranges do not intersect.",
          "Range.getIntersection",
        );
      return { sheetId: t.sheetId, rect };
    });
  }

  getIntersectionOrNullObject(anotherRange: Range | string): Range {
    return this.derive((t) => {
      const o = this.other(t, anotherRange);
      const rect = o.sheetId === t.sheetId ? intersectRects(t.rect, o.rect) : undefined;
      return rect ? { sheetId: t.sheetId, rect } : null;
    }, true);
  }

  getBoundingRect(anotherRange: Range | string): Range {
    return this.derive((t) => {
      const o = this.other(t, anotherRange);
      if (o.sheetId !== t.sheetId) throw invalidArgument("The ranges are on different worksheets.");
      return { sheetId: t.sheetId, rect: unionRects(t.rect, o.rect) };
    });
  }

  getUsedRange(valuesOnly = false): Range {
    return this.derive((t) => {
      const used = this.context.model.usedRange(t.sheetId, valuesOnly);
      const rect = used && intersectRects(used, t.rect);
      if (!rect)
        throw new OfficeExtensionError(
          ErrorCodes.itemNotFound,
          "The range has no used cells.",
          "Range.getUsedRange",
        );
      return { sheetId: t.sheetId, rect };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return this.derive((t) => {
      const used = this.context.model.usedRange(t.sheetId, valuesOnly);
      const rect = used && intersectRects(used, t.rect);
      return rect ? { sheetId: t.sheetId, rect } : null;
    }, true);
  }

  /** Merges the cells (each row apart with across); Excel keeps the top-left value of each area. */
  merge(across = false): void {
    this.context._queue(
      () => {
        const { sheetId, rect } = this._t();
        const model = this.context.model;
        model.batch(() => {
          for (const area of model.mergedAreas.merge(sheetId, rect, across)) {
            // All but the top-left cell: the rest of the first row, then the rows below.
            const rest = [
              { ...area, col: area.col + 1, colCount: area.colCount - 1, rowCount: 1 },
              { ...area, row: area.row + 1, rowCount: area.rowCount - 1 },
            ];
            for (const part of rest.filter((r) => r.rowCount > 0 && r.colCount > 0))
              model.clear(sheetId, part, "Contents", "api");
          }
        });
      },
      0,
      "Range.merge",
    );
  }

  unmerge(): void {
    this.context._queue(
      () => this.context.model.mergedAreas.unmerge(this._t().sheetId, this._t().rect),
      0,
      "Range.unmerge",
    );
  }

  /**
   * The merged areas whose top-left cell is in this range, whole (an area that only reaches into the
   * range is left out: Excel's rule, office-js issue 3611); a null object when there are none. Excel
   * fails the call when there are more than 512 (documented without its error code: the workbench
   * gives GeneralException, Excel's code for a failure it names no reason for).
   */
  getMergedAreasOrNullObject(): RangeAreas {
    return new RangeAreas(
      this.context,
      () => {
        const { sheetId, rect } = this._t();
        const rects = this.context.model.mergedAreas
          .within(sheetId, rect)
          .filter((area) => intersectRects(rect, { row: area.row, col: area.col, rowCount: 1, colCount: 1 }));
        if (rects.length > MAX_MERGED_AREAS)
          throw new OfficeExtensionError(
            ErrorCodes.generalException,
            "There was an internal error while processing the request.",
            "Range.getMergedAreasOrNullObject",
          );
        return rects.length > 0 ? { sheetId, rects } : null;
      },
      true,
    );
  }

  /** Selects the range (activating its worksheet). */
  select(): void {
    this.context._queue(
      () => {
        const t = this._t();
        const model = this.context.model;
        if (model.getSheet(t.sheetId)?.visibility !== "Visible") {
          throw new OfficeExtensionError(
            ErrorCodes.invalidOperation,
            "A range on a hidden worksheet cannot be selected.",
          );
        }
        model.setSelection(t.sheetId, t.rect, undefined, "api");
      },
      0,
      "Range.select",
    );
  }

  clear(
    applyTo: "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks" | "ResetContents" = "All",
  ): void {
    this.context._queue(
      () => {
        const t = this._t();
        const what = applyTo === "Formats" ? "Formats" : applyTo === "All" ? "All" : "Contents";
        if (applyTo === "Hyperlinks" || applyTo === "RemoveHyperlinks") return;
        this.context.model.clear(t.sheetId, t.rect, what, "api");
      },
      0,
      "Range.clear",
    );
  }

  /** Inserts blank cells here, pushing existing cells "Down" or "Right"; returns the new cells. */
  insert(shift: "Down" | "Right"): Range {
    this.context._queue(
      () => {
        const t = this._t();
        if (shift !== "Down" && shift !== "Right")
          throw invalidArgument(`'${String(shift)}' is not a shift direction.`);
        this.context.model.insertCells(t.sheetId, t.rect, shift, "api");
      },
      0,
      "Range.insert",
    );
    return this.derive((t) => t);
  }

  /** Deletes the cells, pulling the cells below "Up" or the cells to the right "Left". */
  delete(shift: "Up" | "Left"): void {
    this.context._queue(
      () => {
        const t = this._t();
        if (shift !== "Up" && shift !== "Left")
          throw invalidArgument(`'${String(shift)}' is not a shift direction.`);
        this.context.model.deleteCells(t.sheetId, t.rect, shift, "api");
      },
      0,
      "Range.delete",
    );
  }

  /** Excel recalculates the range; the workbench is always calculated. */
  calculate(): void {
    this.context._queue(() => void this._t(), 0, "Range.calculate");
  }
}

function checked(rect: Rect): Rect {
  if (
    rect.rowCount < 1 ||
    rect.colCount < 1 ||
    rect.row < 0 ||
    rect.col < 0 ||
    rect.row + rect.rowCount > MAX_ROWS ||
    rect.col + rect.colCount > MAX_COLS
  ) {
    throw invalidArgument("The range is outside the worksheet or has no cells.");
  }
  return rect;
}

defineProperties(Range, "Range", {
  address: { get: (r) => qualifiedAddress(r.context.model.sheet(r._t().sheetId).name, r._t().rect) },
  addressLocal: { get: (r) => qualifiedAddress(r.context.model.sheet(r._t().sheetId).name, r._t().rect) },
  rowCount: { get: (r) => r._t().rect.rowCount },
  columnCount: { get: (r) => r._t().rect.colCount },
  rowIndex: { get: (r) => r._t().rect.row },
  columnIndex: { get: (r) => r._t().rect.col },
  cellCount: { get: (r) => r._t().rect.rowCount * r._t().rect.colCount },
  // Excel: true when every row is hidden (by hand or by a filter), false when none, null when some.
  rowHidden: {
    get: (r) =>
      r.context.model.rowVisibility.spanHidden(r._t().sheetId, r._t().rect.row, r._t().rect.rowCount),
    set: (r, value) => {
      if (typeof value !== "boolean") throw invalidArgument("rowHidden is true or false.", "Range.rowHidden");
      const { sheetId, rect } = r._t();
      r.context.model.rowVisibility.setHidden(sheetId, rect.row, rect.rowCount, value);
    },
  },
  isEntireRow: { get: (r) => r._t().rect.col === 0 && r._t().rect.colCount === MAX_COLS },
  isEntireColumn: { get: (r) => r._t().rect.row === 0 && r._t().rect.rowCount === MAX_ROWS },
  values: valuesProperty((r) => r._t()),
  formulas: formulasProperty(false),
  formulasR1C1: formulasProperty(true),
  numberFormat: {
    get: (r) => cellGrid(r, (id, rect) => r.context.model.getNumberFormats(id, rect)),
    set: (r, value) => {
      const t = r._t();
      if (!Array.isArray(value)) {
        r.context.model.fillNumberFormat(t.sheetId, t.rect, String(value), "api");
        return;
      }
      const block = blockFor(value, t.rect, "numberFormat").map((row) =>
        row.map((f) => (f === null || f === undefined ? undefined : f === "" ? "General" : String(f))),
      );
      r.context.model.setNumberFormats(t.sheetId, t.rect.row, t.rect.col, block, "api");
    },
  },
  text: { get: (r) => cellGrid(r, (id, rect) => r.context.model.getTexts(id, rect)) },
  valueTypes: {
    get: (r) =>
      cellGrid(r, (id, rect) => r.context.model.getValues(id, rect)).map((row) => row.map(valueType)),
  },
});
