/*
 * One worksheet's cell storage. Rows are stored sparsely (an array of row records with holes) and each
 * row keeps plain value arrays, so 100,000 x 20 cells cost a few arrays rather than millions of objects.
 */
import type { FormulaCell } from "../formula/formulaCell";
import { intersectRects } from "./address";
import type { Rect, Scalar, SheetVisibility } from "./types";

export interface RowData {
  /** Constants, formula results, and values spilled into the cell; undefined/null = blank. */
  values: Scalar[];
  formulas?: (FormulaCell | undefined)[];
  formats?: (string | undefined)[];
  /** For cells showing part of another cell's array: the formula that spilled into them. */
  spilledFrom?: (FormulaCell | undefined)[];
}

export interface FormatRule {
  rect: Rect;
  format: string;
}

/** Above this many cells a number format is kept as a rectangle rule rather than per cell. */
const FORMAT_RULE_THRESHOLD = 200_000;

export class Sheet {
  readonly rows: (RowData | undefined)[] = [];
  private formatRules: FormatRule[] = [];
  /** Cached used ranges, computed on demand; undefined entries are stale. */
  private usedCache: { all?: Rect | null; values?: Rect | null } | undefined;

  constructor(
    readonly id: string,
    public name: string,
    public visibility: SheetVisibility = "Visible",
  ) {}

  row(r: number): RowData | undefined {
    return this.rows[r];
  }

  private ensureRow(r: number): RowData {
    let row = this.rows[r];
    if (!row) {
      row = { values: [] };
      this.rows[r] = row;
    }
    return row;
  }

  value(r: number, c: number): Scalar {
    return this.rows[r]?.values[c] ?? null;
  }

  formula(r: number, c: number): FormulaCell | undefined {
    return this.rows[r]?.formulas?.[c];
  }

  spilledFrom(r: number, c: number): FormulaCell | undefined {
    return this.rows[r]?.spilledFrom?.[c];
  }

  /** A cell has content of its own: a constant or a formula (spilled-into cells do not). */
  hasOwnContent(r: number, c: number): boolean {
    const row = this.rows[r];
    if (!row) return false;
    if (row.formulas?.[c]) return true;
    if (row.spilledFrom?.[c]) return false;
    const v = row.values[c];
    return v !== undefined && v !== null;
  }

  /** Sets a constant (or blank with null), removing any formula; returns the formula removed. */
  setConstant(r: number, c: number, value: Scalar): FormulaCell | undefined {
    if (value === null && !this.rows[r]) return undefined;
    const row = this.ensureRow(r);
    const old = row.formulas?.[c];
    if (old) row.formulas![c] = undefined;
    if (row.spilledFrom?.[c]) row.spilledFrom[c] = undefined;
    row.values[c] = value;
    this.usedCache = undefined;
    return old;
  }

  /** Installs a formula cell; returns the formula it replaced. */
  setFormula(r: number, c: number, cell: FormulaCell): FormulaCell | undefined {
    const row = this.ensureRow(r);
    row.formulas ??= [];
    const old = row.formulas[c];
    row.formulas[c] = cell;
    if (row.spilledFrom?.[c]) row.spilledFrom[c] = undefined;
    this.usedCache = undefined;
    return old;
  }

  /** Stores a calculated value without touching the cell's formula. */
  setResult(r: number, c: number, value: Scalar): void {
    this.ensureRow(r).values[c] = value;
    this.usedCache = undefined;
  }

  setSpilled(r: number, c: number, from: FormulaCell | undefined, value: Scalar): void {
    const row = this.ensureRow(r);
    row.spilledFrom ??= [];
    row.spilledFrom[c] = from;
    row.values[c] = value;
    this.usedCache = undefined;
  }

  numberFormat(r: number, c: number): string {
    const own = this.rows[r]?.formats?.[c];
    if (own !== undefined) return own;
    for (let i = this.formatRules.length - 1; i >= 0; i--) {
      const { rect, format } = this.formatRules[i];
      if (r >= rect.row && r < rect.row + rect.rowCount && c >= rect.col && c < rect.col + rect.colCount) {
        return format;
      }
    }
    return "General";
  }

  setNumberFormat(r: number, c: number, format: string): void {
    const row = this.ensureRow(r);
    row.formats ??= [];
    row.formats[c] = format;
  }

  /** One format for a whole rectangle (a column, a sheet): kept as a rule when large. */
  fillNumberFormat(rect: Rect, format: string): void {
    if (rect.rowCount * rect.colCount <= FORMAT_RULE_THRESHOLD) {
      for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
        for (let c = rect.col; c < rect.col + rect.colCount; c++) this.setNumberFormat(r, c, format);
      }
      return;
    }
    // Cell formats inside the rule would shadow it: drop them (only rows that exist are visited).
    this.forEachRow(rect, (row) => {
      if (!row.formats) return;
      for (let c = rect.col; c < Math.min(rect.col + rect.colCount, row.formats.length); c++) {
        row.formats[c] = undefined;
      }
    });
    this.formatRules.push({ rect, format });
  }

  /** Visits the existing rows inside rect, in order. */
  forEachRow(rect: Rect, visit: (row: RowData, r: number) => void): void {
    const end = Math.min(rect.row + rect.rowCount, this.rows.length);
    if (end - rect.row > 50_000 && end - rect.row > this.populatedRowCount() * 4) {
      // Sparse sheet, tall rectangle: walk only the populated rows.
      this.rows.forEach((row, r) => {
        if (row && r >= rect.row && r < end) visit(row, r);
      });
      return;
    }
    for (let r = rect.row; r < end; r++) {
      const row = this.rows[r];
      if (row) visit(row, r);
    }
  }

  private populatedRowCount(): number {
    let n = 0;
    this.rows.forEach(() => n++);
    return n;
  }

  /**
   * The used range: the smallest rectangle holding every non-blank cell (and, unless valuesOnly,
   * every cell with a number format of its own). null when the sheet is empty.
   */
  usedRange(valuesOnly = false): Rect | null {
    this.usedCache ??= {};
    if (valuesOnly) {
      if (this.usedCache.values === undefined) this.usedCache.values = this.computeUsed(true);
      return this.usedCache.values;
    }
    if (this.usedCache.all === undefined) this.usedCache.all = this.computeUsed(false);
    return this.usedCache.all;
  }

  private computeUsed(valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    this.rows.forEach((row, r) => {
      if (!row) return;
      const consider = (arr: unknown[] | undefined, isValue: boolean) => {
        if (!arr) return;
        for (let c = 0; c < arr.length; c++) {
          const v = arr[c];
          if (v === undefined || (isValue && v === null)) continue;
          if (r < r0) r0 = r;
          if (r > r1) r1 = r;
          if (c < c0) c0 = c;
          if (c > c1) c1 = c;
        }
      };
      consider(row.values, true);
      consider(row.formulas, false);
      if (!valuesOnly) consider(row.formats, false);
    });
    let rect: Rect | null =
      r1 < 0 ? null : { row: r0, col: c0, rowCount: r1 - r0 + 1, colCount: c1 - c0 + 1 };
    if (!valuesOnly) {
      for (const rule of this.formatRules) {
        rect = rect ? unionRects(rect, rule.rect) : rule.rect;
      }
    }
    return rect;
  }

  /** Marks cached facts (used range) stale after a bulk write straight into the rows. */
  touched(): void {
    this.usedCache = undefined;
  }

  /** Removes format rules and cell formats inside rect. */
  clearFormats(rect: Rect): void {
    this.forEachRow(rect, (row) => {
      if (!row.formats) return;
      for (let c = rect.col; c < Math.min(rect.col + rect.colCount, row.formats.length); c++) {
        row.formats[c] = undefined;
      }
    });
    this.formatRules = this.formatRules.filter((rule) => !containsRect(rect, rule.rect));
    for (const rule of this.formatRules) {
      if (intersectRects(rule.rect, rect)) {
        // A partly cleared rule: Excel resets those cells to General.
        this.formatRules.push({ rect: intersectRects(rule.rect, rect)!, format: "General" });
        break;
      }
    }
    this.usedCache = undefined;
  }
}

function containsRect(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.rowCount <= outer.row + outer.rowCount &&
    inner.col + inner.colCount <= outer.col + outer.colCount
  );
}

export function unionRects(a: Rect, b: Rect): Rect {
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  const rowEnd = Math.max(a.row + a.rowCount, b.row + b.rowCount);
  const colEnd = Math.max(a.col + a.colCount, b.col + b.colCount);
  return { row, col, rowCount: rowEnd - row, colCount: colEnd - col };
}
