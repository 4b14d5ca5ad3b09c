/* Rewrites of formula text at the token level: relative-reference shifting for fill down / copy,
   references following cells that moved (inserted/deleted cells), and sheet renames. Everything else
   in the formula is kept exactly as written. */
import { columnIndex, columnLetters, parseAddress, quoteSheetName } from "../model/address";
import { moveRect, type Shift } from "../model/shift";
import { MAX_COLS, MAX_ROWS } from "../model/types";
import { tokenize } from "./tokens";

export const SHEET_AND_AREA = /^((?:'(?:[^']|'')+'|[^!]+)!)?(.*)$/;
export const CELL_PART = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})$/;
export const COL_PART = /^(\$?)([A-Za-z]{1,3})$/;
export const ROW_PART = /^(\$?)([0-9]{1,7})$/;

/** The formula with each reference token replaced by rewrite(its text); the rest kept as written. */
export function rewriteRefs(formula: string, rewrite: (refText: string) => string): string {
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

/** One corner of a reference as written: "$B3", "$C" (column) or "7" (row), with its $ flags. */
interface Corner {
  colAbs: string;
  rowAbs: string;
  form: "cell" | "col" | "row";
}

function cornerOf(part: string): Corner {
  let m = CELL_PART.exec(part);
  if (m) return { colAbs: m[1], rowAbs: m[3], form: "cell" };
  m = COL_PART.exec(part);
  if (m) return { colAbs: m[1], rowAbs: "", form: "col" };
  m = ROW_PART.exec(part);
  return { colAbs: "", rowAbs: m ? m[1] : "", form: "row" };
}

function writeCorner(corner: Corner, row: number, col: number): string {
  if (corner.form === "col") return `${corner.colAbs}${columnLetters(col)}`;
  if (corner.form === "row") return `${corner.rowAbs}${row + 1}`;
  return `${corner.colAbs}${columnLetters(col)}${corner.rowAbs}${row + 1}`;
}

/**
 * The formula with references into the sheet where cells shifted following their cells, absolute or
 * relative, as Excel rewrites formulas when rows are inserted or deleted; a reference whose cells
 * were all deleted becomes #REF!. `pointsAtSheet` tells whether a reference (by its sheet name, or
 * undefined for the formula's own sheet) is on the shifted sheet.
 */
export function moveReferences(
  formula: string,
  pointsAtSheet: (sheetName: string | undefined) => boolean,
  shift: Shift,
): string {
  return rewriteRefs(formula, (refText) => {
    const [, sheet, area] = SHEET_AND_AREA.exec(refText)!;
    if (!pointsAtSheet(sheet ? unquote(sheet) : undefined)) return refText;
    const parsed = parseAddress(area);
    if (!parsed) return refText;
    const moved = moveRect(parsed.rect, shift);
    if (!moved) return "#REF!";
    if (moved === parsed.rect) return refText;
    const parts = area.split(":");
    const first = cornerOf(parts[0]);
    const text =
      parts.length === 1
        ? writeCorner(first, moved.row, moved.col)
        : `${writeCorner(first, moved.row, moved.col)}:${writeCorner(
            cornerOf(parts[1]),
            moved.row + moved.rowCount - 1,
            moved.col + moved.colCount - 1,
          )}`;
    return (sheet ?? "") + text;
  });
}
