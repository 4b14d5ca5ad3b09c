/* Excel's matching rules shared by lookups and *IF functions: exact matches (case-insensitive text,
   numbers never equal text), wildcards (* ? and ~ escapes) and criteria strings such as ">5" or "<>a*". */
import { parseValue } from "numfmt";
import type { Scalar } from "../model/types";
import { compareScalars, isError } from "./values";

/** A regular expression for an Excel wildcard pattern, or undefined when it has none. */
export function wildcardPattern(pattern: string): RegExp | undefined {
  if (!/[*?]/.test(pattern)) return undefined;
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "~" && i + 1 < pattern.length) source += escapeRegExp(pattern[++i]);
    else if (ch === "*") source += ".*";
    else if (ch === "?") source += ".";
    else source += escapeRegExp(ch);
  }
  return new RegExp(`^${source}$`, "is");
}

function escapeRegExp(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Lookup equality: same type, text case-insensitive, with wildcards when `wildcards`. */
export function lookupEquals(needle: Scalar, candidate: Scalar, wildcards: boolean): boolean {
  if (isError(needle) || isError(candidate) || candidate === null) return false;
  if (typeof needle === "string" && typeof candidate === "string") {
    const pattern = wildcards ? wildcardPattern(needle) : undefined;
    return pattern ? pattern.test(candidate) : needle.toLowerCase() === candidate.toLowerCase();
  }
  return typeof needle === typeof candidate && compareScalars(needle, candidate) === 0;
}

const OPERATOR = /^(<=|>=|<>|=|<|>)?([\s\S]*)$/;

/** A COUNTIF/SUMIF criterion as a test on cell values. */
export function criterion(value: Scalar): (cell: Scalar) => boolean {
  if (typeof value !== "string") return (cell) => cell !== null && lookupEquals(value, cell, false);
  const [, op = "=", operandText] = OPERATOR.exec(value)!;
  const parsed = parseValue(operandText);
  const operand: Scalar =
    operandText === "" ? null : parsed && typeof parsed.v === "number" ? parsed.v : operandText;
  const pattern = typeof operand === "string" ? wildcardPattern(operand) : undefined;
  const equals = (cell: Scalar): boolean => {
    if (operand === null) return cell === null || cell === "";
    if (typeof operand === "number") return typeof cell === "number" && cell === operand;
    if (typeof cell !== "string") return false;
    return pattern ? pattern.test(cell) : cell.toLowerCase() === operand.toLowerCase();
  };
  if (op === "=") return equals;
  if (op === "<>") return (cell) => !equals(cell);
  return (cell) => {
    if (cell === null || isError(cell) || typeof cell !== typeof operand) return false;
    const cmp = compareScalars(cell, operand) as number;
    return op === "<" ? cmp < 0 : op === ">" ? cmp > 0 : op === "<=" ? cmp <= 0 : cmp >= 0;
  };
}
