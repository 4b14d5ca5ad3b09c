/* The parsed form of a formula. References hold absolute 0-based positions (resolved against the
   formula's own cell when parsed); `sheetName` is kept as written and resolved at calc time. */
import type { ErrorCode, Rect } from "../model/types";

export type BinaryOperator = "+" | "-" | "*" | "/" | "^" | "&" | "=" | "<>" | "<" | ">" | "<=" | ">=";

export type FormulaNode =
  | { kind: "number"; value: number }
  | { kind: "string"; value: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "error"; code: ErrorCode }
  /** A cell, area, whole-column or whole-row reference; `spill` for the A1# spilled-range operator. */
  | { kind: "ref"; sheetName?: string; rect: Rect; spill: boolean }
  | { kind: "unary"; op: "-" | "+" | "%"; operand: FormulaNode }
  | { kind: "binary"; op: BinaryOperator; left: FormulaNode; right: FormulaNode }
  /** A function call; `name` is upper-case and may contain dots (HALO.PAYLOAD). */
  | { kind: "call"; name: string; args: FormulaNode[] }
  | { kind: "array"; rows: FormulaNode[][] }
  /** An omitted argument: =IF(A1,,2). */
  | { kind: "missing" };
