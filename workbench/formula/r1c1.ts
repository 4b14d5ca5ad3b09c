/*
 * Range.formulasR1C1: a formula as Excel writes it in R1C1 notation, relative to its own cell. A
 * relative reference reads the same in every row ("RC[-2]" is "two columns left, this row"), which is
 * why an add-in that moves a formula to another row copies its R1C1 text. `R` and `C` alone are this
 * row/column, `R3`/`C2` absolute (1-based), `R[-1]`/`C[2]` offsets; `C2` alone is a whole column, `R3` a
 * whole row. The workbench keeps formulas in A1 notation: these convert at the API's edge.
 */
import { columnIndex, columnLetters } from "../model/address";
import { MAX_COLS, MAX_ROWS } from "../model/types";
import { CELL_PART, COL_PART, ROW_PART, SHEET_AND_AREA, rewriteRefs } from "./references";

/** One axis of an R1C1 corner: "" (same), "[d]" (offset) or "n" (absolute, 1-based). */
function axisR1C1(absolute: boolean, at: number, home: number): string {
  if (absolute) return String(at + 1);
  return at === home ? "" : `[${at - home}]`;
}

function cornerR1C1(part: string, row: number, col: number): string {
  let m = CELL_PART.exec(part);
  if (m)
    return `R${axisR1C1(m[3] === "$", Number(m[4]) - 1, row)}C${axisR1C1(m[1] === "$", columnIndex(m[2]), col)}`;
  m = COL_PART.exec(part);
  if (m) return `C${axisR1C1(m[1] === "$", columnIndex(m[2]), col)}`;
  m = ROW_PART.exec(part);
  if (m) return `R${axisR1C1(m[1] === "$", Number(m[2]) - 1, row)}`;
  return part;
}

/** An A1 formula of the cell at (row, col), 0-based, in R1C1 notation. */
export function toR1C1(formula: string, row: number, col: number): string {
  return rewriteRefs(formula, (refText) => {
    const [, sheet = "", area] = SHEET_AND_AREA.exec(refText)!;
    const parts = area.split(":").map((p) => cornerR1C1(p, row, col));
    // Excel writes a whole column (row) once: "C[-1]", not "C[-1]:C[-1]".
    const single = parts.length === 2 && parts[0] === parts[1] && !/R.*C/.test(parts[0]);
    return sheet + (single ? parts[0] : parts.join(":"));
  });
}

const AXIS = String.raw`(?:\[-?[0-9]{1,7}\]|[0-9]{1,7})?`;
const CORNER = String.raw`R${AXIS}C${AXIS}|R${AXIS}|C${AXIS}`;
/* Text and quoted or plain sheet prefixes are matched first so that nothing inside them is read as a
   reference; an R1C1 reference is not part of a longer name and is not a function's name. */
const TOKENS = new RegExp(
  String.raw`"(?:[^"]|"")*"|'(?:[^']|'')+'!|[A-Za-z_][A-Za-z0-9_.]*!|(?<![A-Za-z0-9_.$\]])(?:${CORNER})(?::(?:${CORNER}))?(?![A-Za-z0-9_.(!\[])`,
  "g",
);

/** One axis in A1: { index, absolute }, or undefined when it leaves the sheet. */
function axisA1(
  text: string | undefined,
  home: number,
  max: number,
): { at: number; absolute: boolean } | undefined {
  const absolute = text !== undefined && text !== "" && !text.startsWith("[");
  const at = !text ? home : absolute ? Number(text) - 1 : home + Number(text.slice(1, -1));
  return at < 0 || at >= max ? undefined : { at, absolute };
}

function cornerA1(corner: string, row: number, col: number): string | undefined {
  const m = /^(?:R([^C]*))?(?:C(.*))?$/.exec(corner)!;
  const [hasRow, hasCol] = [corner.startsWith("R"), corner.includes("C")];
  const r = hasRow ? axisA1(m[1], row, MAX_ROWS) : undefined;
  const c = hasCol ? axisA1(m[2], col, MAX_COLS) : undefined;
  if ((hasRow && !r) || (hasCol && !c)) return undefined;
  const rowText = r ? `${r.absolute ? "$" : ""}${r.at + 1}` : "";
  const colText = c ? `${c.absolute ? "$" : ""}${columnLetters(c.at)}` : "";
  return colText + rowText;
}

/** An R1C1 formula written to the cell at (row, col), 0-based, in A1 notation. */
export function fromR1C1(formula: string, row: number, col: number): string {
  if (!formula.startsWith("=")) return formula;
  const body = formula.slice(1).replace(TOKENS, (token) => {
    if (token.startsWith('"') || token.endsWith("!")) return token;
    const corners = token.split(":").map((corner) => cornerA1(corner, row, col));
    if (corners.some((c) => c === undefined)) return "#REF!";
    // A whole column or row written once ("C2") is the range "$B:$B" in A1.
    const whole = !token.includes(":") && !(token.startsWith("R") && token.includes("C"));
    return whole ? `${corners[0]}:${corners[0]}` : corners.join(":");
  });
  return "=" + body;
}
