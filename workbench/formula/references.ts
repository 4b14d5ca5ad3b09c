/* Rewrites of formula text at the token level: relative-reference shifting for fill down / copy,
   and sheet renames. Everything else in the formula is kept exactly as written. */
import { columnIndex, columnLetters, quoteSheetName } from "../model/address";
import { MAX_COLS, MAX_ROWS } from "../model/types";
import { tokenize } from "./tokens";

const SHEET_AND_AREA = /^((?:'(?:[^']|'')+'|[^!]+)!)?(.*)$/;
const CELL_PART = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})$/;
const COL_PART = /^(\$?)([A-Za-z]{1,3})$/;
const ROW_PART = /^(\$?)([0-9]{1,7})$/;

function rewriteRefs(formula: string, rewrite: (refText: string) => string): string {
  if (!formula.startsWith("=")) return formula;
  const body = formula.slice(1);
  let tokens;
  try {
    tokens = tokenize(body);
  } catch {
    return formula;
  }
  let out = "";
  let at = 0;
  for (const t of tokens) {
    if (t.kind !== "ref") continue;
    out += body.slice(at, t.start) + rewrite(t.text);
    at = t.end;
  }
  return "=" + out + body.slice(at);
}

/** Shifts one corner ("B$3", "$C", "7"); undefined when it leaves the sheet. */
function shiftPart(part: string, dRows: number, dCols: number): string | undefined {
  let m = CELL_PART.exec(part);
  if (m) {
    const col = m[1] ? columnIndex(m[2]) : columnIndex(m[2]) + dCols;
    const row = m[3] ? Number(m[4]) - 1 : Number(m[4]) - 1 + dRows;
    if (col < 0 || col >= MAX_COLS || row < 0 || row >= MAX_ROWS) return undefined;
    return `${m[1]}${columnLetters(col)}${m[3]}${row + 1}`;
  }
  m = COL_PART.exec(part);
  if (m) {
    const col = m[1] ? columnIndex(m[2]) : columnIndex(m[2]) + dCols;
    return col < 0 || col >= MAX_COLS ? undefined : `${m[1]}${columnLetters(col)}`;
  }
  m = ROW_PART.exec(part);
  if (m) {
    const row = m[1] ? Number(m[2]) - 1 : Number(m[2]) - 1 + dRows;
    return row < 0 || row >= MAX_ROWS ? undefined : `${m[1]}${row + 1}`;
  }
  return part;
}

/**
 * The formula as it reads when copied dRows down and dCols right (fill down: dRows = k):
 * relative parts move, $-absolute parts stay, references pushed off the sheet become #REF!.
 */
export function adjustFormula(formula: string, dRows: number, dCols: number): string {
  if (dRows === 0 && dCols === 0) return formula;
  return rewriteRefs(formula, (refText) => {
    const [, sheet = "", area] = SHEET_AND_AREA.exec(refText)!;
    const parts = area.split(":").map((p) => shiftPart(p, dRows, dCols));
    if (parts.some((p) => p === undefined)) return "#REF!";
    return sheet + parts.join(":");
  });
}

function unquote(sheetPrefix: string): string {
  const name = sheetPrefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/** The formula with references to sheet `oldName` renamed to `newName` (quoted when needed). */
export function renameSheetInFormula(formula: string, oldName: string, newName: string): string {
  const lower = oldName.toLowerCase();
  return rewriteRefs(formula, (refText) => {
    const [, sheet, area] = SHEET_AND_AREA.exec(refText)!;
    if (!sheet || unquote(sheet).toLowerCase() !== lower) return refText;
    return `${quoteSheetName(newName)}!${area}`;
  });
}

/** The lower-cased sheet names a formula refers to. */
export function referencedSheetNames(formula: string): string[] {
  const names = new Set<string>();
  rewriteRefs(formula, (refText) => {
    const [, sheet] = SHEET_AND_AREA.exec(refText)!;
    if (sheet) names.add(unquote(sheet).toLowerCase());
    return refText;
  });
  return [...names];
}
