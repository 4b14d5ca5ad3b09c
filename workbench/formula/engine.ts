/*
 * The calculation engine: installs formulas, tracks which formulas read which cells, and recalculates
 * incrementally: an edit marks the formulas that (transitively) read the edited cells dirty, and only
 * those are calculated, each after the dirty formulas it reads. Array results spill into the cells
 * below/right (#SPILL! when blocked); custom functions returning promises show #BUSY! until resolved.
 */
import { cellRect } from "../model/address";
import type { Sheet } from "../model/sheet";
import { CellError, MAX_COLS, MAX_ROWS, type Rect, type Scalar } from "../model/types";
import type { FormulaNode } from "./ast";
import { CustomFunctionRegistry } from "./customFunctions";
import { DependencyIndex } from "./dependencyIndex";
import { Evaluator, type EvalHost } from "./evaluate";
import { CustomFunctionCalls } from "./customFunctionCalls";
import { FormulaCell, type Precedent } from "./formulaCell";
import { parseFormula } from "./parser";
import { renameSheetInFormula } from "./references";
import { VOLATILE_FUNCTIONS } from "./textFunctions";
import { RangeRef, type Matrix } from "./values";

export interface EngineHost {
  sheetByName(name: string): Sheet | undefined;
  sheetById(id: string): Sheet | undefined;
  /** Cells whose calculated value changed. */
  calculated(sheet: Sheet, rects: Rect[]): void;
  /** A recalculation that no edit started (an async result arrived) has finished. */
  settled(): void;
  /** The rectangle overlaps an Excel table (arrays do not spill there). */
  overlapsTable(sheet: Sheet, rect: Rect): boolean;
}

/** Thrown while evaluating when a formula reads a formula that still needs calculating. */
class NeedsCalc {
  constructor(readonly cell: FormulaCell) {}
}

export class CalcEngine {
  readonly functions = new CustomFunctionRegistry();
  private readonly index = new DependencyIndex();
  private readonly cells = new Set<FormulaCell>();
  private readonly unresolved = new Map<string, Set<FormulaCell>>();
  /** Formulas calling volatile custom functions: recalculated on every recalculation, as in Excel. */
  private readonly volatile = new Set<FormulaCell>();
  /** Cells were edited since the last recalculation (volatile formulas then recalculate). */
  private edited = false;
  private queue: FormulaCell[] = [];
  private calculating = false;
  private flushScheduled = false;
  private idleWaiters: (() => void)[] = [];
  private readonly evalHost: EvalHost;
  private readonly calls: CustomFunctionCalls;

  constructor(private readonly host: EngineHost) {
    this.calls = new CustomFunctionCalls(this.functions, {
      isLive: (cell) => this.cells.has(cell),
      markVolatile: (cell) => this.volatile.add(cell),
      resultArrived: (cell) => {
        if (cell) this.markDirty(cell);
        this.scheduleFlush();
      },
    });
    this.evalHost = {
      resolveSheet: (name, home) => (name === undefined ? home : this.host.sheetByName(name)),
      readCell: (sheet, r, c) => this.readCell(sheet, r, c),
      spillRect: (sheet, r, c) => this.spillRect(sheet, r, c),
      callCustom: (name, args, ev) => this.calls.call(name, args, ev),
    };
    // Functions associated after formulas were entered (#NAME? until then) recalculate.
    this.functions.onChange(() => {
      for (const cell of this.cells) if (someCall(cell.ast, () => true)) this.markDirty(cell);
      this.scheduleFlush();
    });
  }

  isCalculating(): boolean {
    return this.calculating;
  }

  /** Every installed formula. */
  formulaCells(): FormulaCell[] {
    return [...this.cells];
  }

  isAttached(cell: FormulaCell): boolean {
    return this.cells.has(cell);
  }

  // ---- installing formulas -----------------------------------------------------------------

  /** Parses a formula for a cell; throws FormulaSyntaxError. Not installed until attach(). */
  compile(sheet: Sheet, row: number, col: number, text: string): FormulaCell {
    const ast = parseFormula(text);
    return new FormulaCell(sheet, row, col, text, ast, collectPrecedents(ast));
  }

  /** Registers an installed formula's precedents and queues it for calculation. */
  attach(cell: FormulaCell): void {
    this.cells.add(cell);
    if (someCall(cell.ast, (name) => VOLATILE_FUNCTIONS.has(name))) this.volatile.add(cell);
    this.register(cell);
    cell.dirty = false;
    this.markDirty(cell);
  }

  private register(cell: FormulaCell): void {
    for (const p of cell.precedents) {
      const sheet = p.sheetKey === undefined ? cell.sheet : this.host.sheetByName(p.sheetKey);
      if (sheet) this.index.add(cell, sheet.id, p.rect);
      else {
        const waiting = this.unresolved.get(p.sheetKey!) ?? new Set();
        waiting.add(cell);
        this.unresolved.set(p.sheetKey!, waiting);
      }
    }
    if (cell.spill) this.index.add(cell, cell.sheet.id, cell.spill);
  }

  private unregister(cell: FormulaCell): void {
    this.index.remove(cell);
    for (const waiting of this.unresolved.values()) waiting.delete(cell);
  }

  /** A formula was removed from its cell (overwritten or cleared). */
  detach(cell: FormulaCell): void {
    this.cells.delete(cell);
    this.unregister(cell);
    cell.dirty = false;
    cell.generation++;
    this.calls.forget(cell);
    if (cell.spill) {
      const spill = cell.spill;
      cell.spill = undefined;
      this.clearSpill(cell, spill, undefined);
    }
  }

  // ---- dirtiness ---------------------------------------------------------------------------

  /** Constants or formulas in rect changed: everything reading them (transitively) is dirty. */
  markChanged(sheet: Sheet, rect: Rect, except?: FormulaCell): void {
    if (!except) this.edited = true;
    this.index.forEachReader(sheet.id, rect, (reader) => {
      if (reader !== except) this.markDirty(reader);
    });
  }

  private markDirty(start: FormulaCell): void {
    if (start.dirty) return;
    const stack = [start];
    while (stack.length) {
      const cell = stack.pop()!;
      if (cell.dirty || !this.cells.has(cell)) continue;
      cell.dirty = true;
      this.queue.push(cell);
      const output = cell.spill ?? cellRect(cell.row, cell.col);
      this.index.forEachReader(cell.sheet.id, output, (reader) => {
        if (!reader.dirty) stack.push(reader);
      });
    }
  }

  markAllDirty(): void {
    for (const cell of this.cells) this.markDirty(cell);
  }

  // ---- sheets ------------------------------------------------------------------------------

  sheetAdded(sheet: Sheet): void {
    const waiting = this.unresolved.get(sheet.name.toLowerCase());
    if (!waiting) return;
    this.unresolved.delete(sheet.name.toLowerCase());
    for (const cell of waiting) this.reattach(cell);
  }

  sheetRemoved(sheet: Sheet): void {
    const readers: FormulaCell[] = [];
    this.index.forEachReader(sheet.id, { row: 0, col: 0, rowCount: MAX_ROWS, colCount: MAX_COLS }, (r) => {
      if (r.sheet !== sheet) readers.push(r);
    });
    for (const cell of [...this.cells]) if (cell.sheet === sheet) this.detach(cell);
    this.index.dropSheet(sheet.id);
    for (const cell of readers) this.reattach(cell);
  }

  sheetRenamed(sheet: Sheet, oldName: string): void {
    const oldKey = oldName.toLowerCase();
    for (const cell of [...this.cells]) {
      if (!cell.precedents.some((p) => p.sheetKey === oldKey)) continue;
      cell.text = renameSheetInFormula(cell.text, oldName, sheet.name);
      cell.ast = parseFormula(cell.text);
      cell.precedents = collectPrecedents(cell.ast);
      this.reattach(cell);
    }
    this.sheetAdded(sheet);
  }

  private reattach(cell: FormulaCell): void {
    this.unregister(cell);
    this.register(cell);
    cell.dirty = false;
    this.markDirty(cell);
  }

  // ---- calculation -------------------------------------------------------------------------

  /** Calculates every dirty formula. */
  recalc(): void {
    if (this.calculating) return;
    if (this.edited) {
      this.edited = false;
      for (const cell of this.volatile) {
        if (this.cells.has(cell)) this.markDirty(cell);
        else this.volatile.delete(cell);
      }
    }
    this.calculating = true;
    try {
      for (let i = 0; i < this.queue.length; i++) {
        const cell = this.queue[i];
        if (cell.dirty && this.cells.has(cell)) this.calculate(cell);
      }
      this.queue = [];
    } finally {
      this.calculating = false;
    }
  }

  private calculate(start: FormulaCell): void {
    const stack = [start];
    while (stack.length) {
      const cell = stack[stack.length - 1];
      if (!cell.dirty || !this.cells.has(cell)) {
        cell.computing = false;
        stack.pop();
        continue;
      }
      cell.computing = true;
      let result: Scalar | Matrix;
      try {
        result = this.evaluate(cell);
      } catch (e) {
        if (!(e instanceof NeedsCalc)) throw e;
        if (e.cell.computing) {
          // A circular reference: Excel warns and shows 0 in the cell closing the loop.
          this.commit(cell, 0);
          cell.computing = false;
          stack.pop();
        } else stack.push(e.cell);
        continue;
      }
      cell.computing = false;
      this.commit(cell, result);
      stack.pop();
    }
  }

  private evaluate(cell: FormulaCell): Scalar | Matrix {
    const ev = new Evaluator(this.evalHost, cell);
    this.calls.startEvaluation();
    const value = ev.evaluate(cell.ast);
    const result = value instanceof RangeRef ? ev.deref(value) : value;
    this.calls.finishEvaluation(cell);
    return result;
  }

  private readCell(sheet: Sheet, r: number, c: number): Scalar {
    const formula = sheet.formula(r, c);
    if (formula && formula.dirty) throw new NeedsCalc(formula);
    const anchor = sheet.spilledFrom(r, c);
    if (anchor && anchor.dirty) throw new NeedsCalc(anchor);
    return sheet.value(r, c);
  }

  private spillRect(sheet: Sheet, r: number, c: number): Rect | undefined {
    const formula = sheet.formula(r, c);
    if (!formula) return undefined;
    if (formula.dirty) throw new NeedsCalc(formula);
    return formula.spill;
  }

  /** Stores a result: a scalar in the cell, or an array spilled from it. */
  private commit(cell: FormulaCell, result: Scalar | Matrix): void {
    cell.dirty = false;
    const sheet = cell.sheet;
    let value: Scalar;
    if (Array.isArray(result) && (result.length > 1 || (result[0]?.length ?? 0) > 1)) {
      value = this.spill(cell, result);
    } else {
      value = Array.isArray(result) ? (result[0]?.[0] ?? null) : result;
      if (cell.spill) {
        const old = cell.spill;
        cell.spill = undefined;
        this.clearSpill(cell, old, undefined);
        this.reindexSpill(cell);
      }
    }
    sheet.setResult(cell.row, cell.col, value === null ? 0 : value);
    this.host.calculated(sheet, [cellRect(cell.row, cell.col)]);
  }

  private spill(cell: FormulaCell, matrix: Matrix): Scalar {
    const sheet = cell.sheet;
    const target: Rect = {
      row: cell.row,
      col: cell.col,
      rowCount: matrix.length,
      colCount: matrix[0].length,
    };
    const old = cell.spill;
    const blocked =
      target.row + target.rowCount > MAX_ROWS ||
      target.col + target.colCount > MAX_COLS ||
      this.isBlocked(cell, target);
    if (blocked) {
      if (old) this.clearSpill(cell, old, undefined);
      cell.spill = undefined;
      this.reindexSpill(cell, target);
      return new CellError("#SPILL!", "The spill range isn't blank.");
    }
    if (old) this.clearSpill(cell, old, target);
    for (let i = 0; i < target.rowCount; i++) {
      for (let j = 0; j < target.colCount; j++) {
        if (i === 0 && j === 0) continue;
        const v = matrix[i][j];
        sheet.setSpilled(target.row + i, target.col + j, cell, v === null ? 0 : v);
      }
    }
    cell.spill = target;
    this.reindexSpill(cell);
    this.host.calculated(sheet, [target]);
    this.markChanged(sheet, target, cell);
    const first = matrix[0][0];
    return first === null ? 0 : first;
  }

  private isBlocked(cell: FormulaCell, target: Rect): boolean {
    const sheet = cell.sheet;
    // Dynamic arrays cannot spill into (or out of) a table.
    if (this.host.overlapsTable(sheet, target)) return true;
    for (let r = target.row; r < target.row + target.rowCount; r++) {
      const row = sheet.row(r);
      if (!row) continue;
      for (let c = target.col; c < target.col + target.colCount; c++) {
        if (r === cell.row && c === cell.col) continue;
        if (sheet.hasOwnContent(r, c)) return true;
        const from = row.spilledFrom?.[c];
        if (from && from !== cell) return true;
      }
    }
    return false;
  }

  /** Clears the cells of an old spill area (except those inside `keep`). */
  private clearSpill(cell: FormulaCell, area: Rect, keep: Rect | undefined): void {
    const sheet = cell.sheet;
    for (let r = area.row; r < area.row + area.rowCount; r++) {
      for (let c = area.col; c < area.col + area.colCount; c++) {
        if (r === cell.row && c === cell.col) continue;
        if (
          keep &&
          r >= keep.row &&
          r < keep.row + keep.rowCount &&
          c >= keep.col &&
          c < keep.col + keep.colCount
        ) {
          continue;
        }
        if (sheet.spilledFrom(r, c) === cell) sheet.setSpilled(r, c, undefined, null);
      }
    }
    this.host.calculated(sheet, [area]);
    this.markChanged(sheet, area, cell);
  }

  /** The anchor watches its spill area (or the blocked area it wants) so edits there recalculate it. */
  private reindexSpill(cell: FormulaCell, wanted?: Rect): void {
    this.index.remove(cell);
    this.register(cell);
    if (wanted) this.index.add(cell, cell.sheet.id, wanted);
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setTimeout(() => {
      this.flushScheduled = false;
      if (!this.calculating) {
        this.recalc();
        this.host.settled();
      }
      if (this.calls.pending === 0 && !this.flushScheduled) {
        const waiters = this.idleWaiters;
        this.idleWaiters = [];
        waiters.forEach((w) => w());
      }
    }, 0);
  }

  /** Resolves when no custom function result is outstanding and results have been applied. */
  whenIdle(): Promise<void> {
    if (this.calls.pending === 0 && !this.flushScheduled) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}

function collectPrecedents(ast: FormulaNode): Precedent[] {
  const out: Precedent[] = [];
  const walk = (node: FormulaNode) => {
    switch (node.kind) {
      case "ref":
        out.push(
          node.sheetName === undefined
            ? { rect: node.spill ? cellRect(node.rect.row, node.rect.col) : node.rect }
            : {
                sheetKey: node.sheetName.toLowerCase(),
                rect: node.spill ? cellRect(node.rect.row, node.rect.col) : node.rect,
              },
        );
        break;
      case "unary":
        walk(node.operand);
        break;
      case "binary":
        walk(node.left);
        walk(node.right);
        break;
      case "call":
        node.args.forEach(walk);
        break;
      case "array":
        node.rows.forEach((row) => row.forEach(walk));
        break;
      default:
        break;
    }
  };
  walk(ast);
  return out;
}

/** Whether the formula calls a function whose name passes `test`. */
function someCall(node: FormulaNode, test: (name: string) => boolean): boolean {
  switch (node.kind) {
    case "call":
      return test(node.name) || node.args.some((a) => someCall(a, test));
    case "unary":
      return someCall(node.operand, test);
    case "binary":
      return someCall(node.left, test) || someCall(node.right, test);
    default:
      return false;
  }
}
