/* Calculation values and Excel's coercion rules between numbers, text, logicals and blanks. */
import { parseValue } from "numfmt";
import type { Sheet } from "../model/sheet";
import { numberToText } from "../model/cellText";
import { CellError, type Rect, type Scalar } from "../model/types";

/** A reference that has not been read yet (ROW(A5) needs the address, SUM needs the cells). */
export class RangeRef {
  constructor(
    readonly sheet: Sheet,
    readonly rect: Rect,
  ) {}
}

export type Matrix = Scalar[][];
export type Value = Scalar | Matrix | RangeRef;

export const VALUE_ERROR = (message?: string) => new CellError("#VALUE!", message);

export function isError(v: unknown): v is CellError {
  return v instanceof CellError;
}

export function toNumber(v: Scalar): number | CellError {
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof CellError) return v;
  const trimmed = v.trim();
  if (trimmed === "") return VALUE_ERROR();
  const parsed = parseValue(trimmed);
  if (parsed && typeof parsed.v === "number") return parsed.v;
  return VALUE_ERROR();
}

export function toText(v: Scalar): string | CellError {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof CellError) return v;
  return numberToText(v);
}

export function toBoolean(v: Scalar): boolean | CellError {
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (v instanceof CellError) return v;
  const upper = v.trim().toUpperCase();
  if (upper === "TRUE") return true;
  if (upper === "FALSE") return false;
  return VALUE_ERROR();
}

function typeRank(v: Scalar): number {
  if (typeof v === "number") return 0;
  if (typeof v === "string") return 1;
  return 2; // boolean
}

/** Excel's comparison: numbers < text < logicals; text case-insensitive; blank as 0, "" or FALSE. */
export function compareScalars(a: Scalar, b: Scalar): number | CellError {
  if (a instanceof CellError) return a;
  if (b instanceof CellError) return b;
  if (a === null) a = typeof b === "string" ? "" : typeof b === "boolean" ? false : 0;
  if (b === null) b = typeof a === "string" ? "" : typeof a === "boolean" ? false : 0;
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === "string") {
    const la = a.toLowerCase();
    const lb = (b as string).toLowerCase();
    return la < lb ? -1 : la > lb ? 1 : 0;
  }
  const na = Number(a);
  const nb = Number(b);
  return na < nb ? -1 : na > nb ? 1 : 0;
}
