/* Evaluates a parsed formula for one cell. References are read through the host, which makes sure
   a referenced formula is calculated first (it throws NeedsCalc when it is not). */
import type { Sheet } from "../model/sheet";
import { CellError, MAX_COLS, MAX_ROWS, type Rect, type Scalar } from "../model/types";
import type { BinaryOperator, FormulaNode } from "./ast";
import type { FormulaCell } from "./formulaCell";
import { BUILTINS } from "./functions";
import { lift } from "./lift";
import { RangeRef, compareScalars, isError, toNumber, toText, type Matrix, type Value } from "./values";

export interface EvalHost {
  resolveSheet(name: string | undefined, home: Sheet): Sheet | undefined;
  /** The calculated value of a cell; throws NeedsCalc when it is a formula not yet calculated. */
  readCell(sheet: Sheet, row: number, col: number): Scalar;
  /** The spilled rectangle anchored at a cell (A1#), or undefined when it does not spill. */
  spillRect(sheet: Sheet, row: number, col: number): Rect | undefined;
  /** Calls a custom function; undefined when no custom function has that name. */
  callCustom(name: string, args: FormulaNode[], evaluator: Evaluator): Value | undefined;
}

export class Evaluator {
  constructor(
    readonly host: EvalHost,
    readonly cell: FormulaCell,
  ) {}

  evaluate(node: FormulaNode): Value {
    switch (node.kind) {
      case "number":
      case "string":
      case "boolean":
        return node.value;
      case "error":
        return new CellError(node.code);
      case "missing":
        return null;
      case "ref":
        return this.reference(node);
      case "array":
        return node.rows.map((row) => row.map((item) => this.evaluate(item) as Scalar));
      case "unary":
        return this.unary(node.op, this.operand(node.operand));
      case "binary":
        return this.binary(node.op, this.operand(node.left), this.operand(node.right));
      case "call":
        return this.call(node.name, node.args);
    }
  }

  private reference(node: Extract<FormulaNode, { kind: "ref" }>): Value {
    const sheet = this.host.resolveSheet(node.sheetName, this.cell.sheet);
    if (!sheet) return new CellError("#REF!", `There is no sheet named ${node.sheetName}.`);
    if (node.spill) {
      const rect = this.host.spillRect(sheet, node.rect.row, node.rect.col);
      return rect ? new RangeRef(sheet, rect) : new CellError("#REF!");
    }
    return new RangeRef(sheet, node.rect);
  }

  /** A value with references read: a scalar for one cell, else a matrix. */
  operand(node: FormulaNode): Scalar | Matrix {
    return this.deref(this.evaluate(node));
  }

  deref(value: Value): Scalar | Matrix {
    if (!(value instanceof RangeRef)) return value;
    const { rect } = value;
    if (rect.rowCount === 1 && rect.colCount === 1) {
      return this.host.readCell(value.sheet, rect.row, rect.col);
    }
    return this.readRange(value);
  }

  /** The cells of a reference (whole columns/rows are cut to the sheet's used range). */
  readRange(ref: RangeRef): Matrix {
    const rect = clipToUsed(ref.sheet, ref.rect);
    const out: Matrix = new Array(rect.rowCount);
    for (let i = 0; i < rect.rowCount; i++) {
      const row: Scalar[] = new Array(rect.colCount);
      for (let j = 0; j < rect.colCount; j++)
        row[j] = this.host.readCell(ref.sheet, rect.row + i, rect.col + j);
      out[i] = row;
    }
    return out;
  }

  private unary(op: "-" | "+" | "%", v: Scalar | Matrix): Scalar | Matrix {
    if (op === "+") return v;
    return lift([v], ([x]) => {
      const n = toNumber(x);
      if (isError(n)) return n;
      return op === "-" ? -n : n / 100;
    });
  }

  private binary(op: BinaryOperator, a: Scalar | Matrix, b: Scalar | Matrix): Scalar | Matrix {
    return lift([a, b], ([x, y]) => binaryScalar(op, x, y));
  }

  private call(name: string, args: FormulaNode[]): Value {
    const builtin = BUILTINS[name];
    if (builtin) return builtin(args, this);
    const custom = this.host.callCustom(name, args, this);
    if (custom !== undefined) return custom;
    return new CellError("#NAME?", `Unknown function ${name}`);
  }
}

function clipToUsed(sheet: Sheet, rect: Rect): Rect {
  if (rect.rowCount < MAX_ROWS && rect.colCount < MAX_COLS) return rect;
  const used = sheet.usedRange(true);
  if (!used)
    return {
      ...rect,
      rowCount: rect.rowCount === MAX_ROWS ? 1 : rect.rowCount,
      colCount: rect.colCount === MAX_COLS ? 1 : rect.colCount,
    };
  const rowEnd =
    rect.rowCount === MAX_ROWS ? Math.max(rect.row + 1, used.row + used.rowCount) : rect.row + rect.rowCount;
  const colEnd =
    rect.colCount === MAX_COLS ? Math.max(rect.col + 1, used.col + used.colCount) : rect.col + rect.colCount;
  return { row: rect.row, col: rect.col, rowCount: rowEnd - rect.row, colCount: colEnd - rect.col };
}

export function binaryScalar(op: BinaryOperator, x: Scalar, y: Scalar): Scalar {
  if (op === "&") {
    const tx = toText(x);
    if (isError(tx)) return tx;
    const ty = toText(y);
    if (isError(ty)) return ty;
    return tx + ty;
  }
  if (op === "=" || op === "<>" || op === "<" || op === ">" || op === "<=" || op === ">=") {
    const cmp = compareScalars(x, y);
    if (isError(cmp)) return cmp;
    switch (op) {
      case "=":
        return cmp === 0;
      case "<>":
        return cmp !== 0;
      case "<":
        return cmp < 0;
      case ">":
        return cmp > 0;
      case "<=":
        return cmp <= 0;
      default:
        return cmp >= 0;
    }
  }
  const a = toNumber(x);
  if (isError(a)) return a;
  const b = toNumber(y);
  if (isError(b)) return b;
  let result: number;
  switch (op) {
    case "+":
      result = a + b;
      break;
    case "-":
      result = a - b;
      break;
    case "*":
      result = a * b;
      break;
    case "/":
      if (b === 0) return new CellError("#DIV/0!");
      result = a / b;
      break;
    default:
      result = Math.pow(a, b);
  }
  return Number.isFinite(result) ? result : new CellError("#NUM!");
}
