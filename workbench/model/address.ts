/* A1-style addresses: column letters, cells, ranges, whole rows/columns and sheet-qualified names. */
import { MAX_COLS, MAX_ROWS, type Rect } from "./types";

/** 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnLetters(col: number): string {
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "A" -> 0, "aa" -> 26; -1 when not letters. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) return -1;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

/** (0, 0) -> "A1". */
export function cellName(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function isWholeColumns(rect: Rect): boolean {
  return rect.row === 0 && rect.rowCount === MAX_ROWS;
}

export function isWholeRows(rect: Rect): boolean {
  return rect.col === 0 && rect.colCount === MAX_COLS;
}

/** A rectangle as Excel writes it without a sheet: "A1", "A1:B2", "A:B", "3:4". */
export function rectAddress(rect: Rect): string {
  if (isWholeColumns(rect) && !isWholeRows(rect)) {
    return `${columnLetters(rect.col)}:${columnLetters(rect.col + rect.colCount - 1)}`;
  }
  // Whole rows, and the whole sheet, are written as row ranges ("1:1048576"), as Excel does.
  if (isWholeRows(rect)) {
    return `${rect.row + 1}:${rect.row + rect.rowCount}`;
  }
  const start = cellName(rect.row, rect.col);
  if (rect.rowCount === 1 && rect.colCount === 1) return start;
  return `${start}:${cellName(rect.row + rect.rowCount - 1, rect.col + rect.colCount - 1)}`;
}

/** Sheet names that are not plain identifiers are quoted, with ' doubled: 'Sheet 2'. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** "Sheet1!A1:B2", as Range.address reports it. */
export function qualifiedAddress(sheetName: string, rect: Rect): string {
  return `${quoteSheetName(sheetName)}!${rectAddress(rect)}`;
}

export interface ParsedAddress {
  /** The sheet name when the address was qualified ("Sheet 2"), else undefined. */
  sheetName?: string;
  rect: Rect;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?([0-9]{1,7})$/;

type Corner = { row?: number; col?: number };

function parseCorner(text: string): Corner | undefined {
  let m = CELL.exec(text);
  if (m) return { col: columnIndex(m[1]), row: Number(m[2]) - 1 };
  m = COLUMN.exec(text);
  if (m) return { col: columnIndex(m[1]) };
  m = ROW.exec(text);
  if (m) return { row: Number(m[1]) - 1 };
  return undefined;
}

function inBounds(rect: Rect): boolean {
  return (
    rect.row >= 0 &&
    rect.col >= 0 &&
    rect.rowCount > 0 &&
    rect.colCount > 0 &&
    rect.row + rect.rowCount <= MAX_ROWS &&
    rect.col + rect.colCount <= MAX_COLS
  );
}

/** Parses "A1", "$A$1:B2", "A:C", "2:5", "'Sheet 2'!A1"; undefined when it is not an address. */
export function parseAddress(address: string): ParsedAddress | undefined {
  let text = address.trim();
  let sheetName: string | undefined;
  const bang = text.lastIndexOf("!");
  if (bang >= 0) {
    const sheetPart = text.slice(0, bang);
    text = text.slice(bang + 1);
    sheetName =
      sheetPart.startsWith("'") && sheetPart.endsWith("'") && sheetPart.length >= 2
        ? sheetPart.slice(1, -1).replace(/''/g, "'")
        : sheetPart;
    if (!sheetName) return undefined;
  }
  const parts = text.split(":");
  if (parts.length > 2) return undefined;
  const a = parseCorner(parts[0]);
  const b = parts.length === 2 ? parseCorner(parts[1]) : a;
  if (!a || !b) return undefined;
  const aIsCell = a.row !== undefined && a.col !== undefined;
  const bIsCell = b.row !== undefined && b.col !== undefined;
  let rect: Rect;
  if (aIsCell && bIsCell) {
    const r0 = Math.min(a.row!, b.row!);
    const c0 = Math.min(a.col!, b.col!);
    rect = {
      row: r0,
      col: c0,
      rowCount: Math.abs(a.row! - b.row!) + 1,
      colCount: Math.abs(a.col! - b.col!) + 1,
    };
  } else if (parts.length === 2 && a.row === undefined && b.row === undefined) {
    const c0 = Math.min(a.col!, b.col!);
    rect = { row: 0, col: c0, rowCount: MAX_ROWS, colCount: Math.abs(a.col! - b.col!) + 1 };
  } else if (parts.length === 2 && a.col === undefined && b.col === undefined) {
    const r0 = Math.min(a.row!, b.row!);
    rect = { row: r0, col: 0, rowCount: Math.abs(a.row! - b.row!) + 1, colCount: MAX_COLS };
  } else {
    return undefined;
  }
  if (!inBounds(rect)) return undefined;
  return sheetName === undefined ? { rect } : { sheetName, rect };
}

export function intersectRects(a: Rect, b: Rect): Rect | undefined {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const rowEnd = Math.min(a.row + a.rowCount, b.row + b.rowCount);
  const colEnd = Math.min(a.col + a.colCount, b.col + b.colCount);
  if (rowEnd <= row || colEnd <= col) return undefined;
  return { row, col, rowCount: rowEnd - row, colCount: colEnd - col };
}

export function cellRect(row: number, col: number): Rect {
  return { row, col, rowCount: 1, colCount: 1 };
}
