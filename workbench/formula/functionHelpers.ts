/* Shared pieces of the built-in functions: the signature, argument-count errors, lifting scalar
   functions over arrays, and flattening ranges. */
import { CellError, type Scalar } from "../model/types";
import type { FormulaNode } from "./ast";
import type { Evaluator } from "./evaluate";
import { lift } from "./lift";
import { RangeRef, isError, toNumber, toText, type Matrix, type Value } from "./values";

export type Builtin = (args: FormulaNode[], ev: Evaluator) => Value;

export const argCountError = (name: string) =>
  new CellError("#VALUE!", `Wrong number of arguments to ${name}`);

/** A function of scalars, lifted over arrays; `min`/`max` bound the argument count. */
export function scalarFunction(
  name: string,
  min: number,
  max: number,
  fn: (args: Scalar[]) => Scalar,
): Builtin {
  return (args, ev) => {
    if (args.length < min || args.length > max) return argCountError(name);
    return lift(
      args.map((a) => ev.operand(a)),
      fn,
    );
  };
}

/** Every scalar of the arguments, flattening ranges and arrays (row by row). */
export function flatten(
  args: FormulaNode[],
  ev: Evaluator,
  visit: (v: Scalar, fromRange: boolean) => void,
): void {
  for (const node of args) {
    const value = ev.evaluate(node);
    if (value instanceof RangeRef) {
      for (const row of ev.readRange(value)) for (const v of row) visit(v, true);
    } else if (Array.isArray(value)) {
      for (const row of value) for (const v of row) visit(v, true);
    } else {
      visit(value, false);
    }
  }
}

/** An argument as a 2-D array: a range's cells, an array, or a single value as [[value]]. */
export function matrixArgument(node: FormulaNode, ev: Evaluator): Matrix | CellError {
  const value = ev.evaluate(node);
  if (value instanceof RangeRef) return ev.readRange(value);
  if (Array.isArray(value)) return value;
  return value instanceof CellError ? value : [[value]];
}

/** A function whose first argument is text. */
export function textFunction(
  name: string,
  min: number,
  max: number,
  fn: (text: string, rest: Scalar[]) => Scalar,
) {
  return scalarFunction(name, min, max, ([first, ...rest]) => {
    const text = toText(first);
    return isError(text) ? text : fn(text, rest);
  });
}

/** An optional whole-number argument (truncated), or `fallback` when omitted. */
export function intArg(v: Scalar, fallback: number): number | CellError {
  if (v === undefined) return fallback;
  const n = toNumber(v);
  return isError(n) ? n : Math.trunc(n);
}
