/**
 * Sheet cells as the bulk engine sees them: the plain values Excel gives (a range's `values`
 * or custom-function arguments), their A1 addresses, and Excel's error values.
 */

/** What Excel gives for one cell; "" (or null) for a blank cell. */
export type CellValue = string | number | boolean | null;

/** One sheet row: its 1-based sheet row number and its cell values, left to right. */
export interface SheetRow {
  rowNumber: number;
  values: CellValue[];
}

/** Column letters for a 0-based column index: 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnLetters(columnIndex0: number): string {
  let letters = "";
  for (let n = columnIndex0 + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The A1 address of a cell: (2, 7) -> "C7". */
export function cellAddress(columnIndex0: number, rowNumber: number): string {
  return `${columnLetters(columnIndex0)}${rowNumber}`;
}

/** Every error value Excel can put in a cell, as `range.values` and custom functions spell it. */
export const EXCEL_ERROR_CODES = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#BUSY!",
  "#CONNECT!",
  "#UNKNOWN!",
  "#PYTHON!",
  "#EXTERNAL!",
] as const;

export type ExcelErrorCode = (typeof EXCEL_ERROR_CODES)[number];

export const EXCEL_ERROR_VALUES: ReadonlySet<string> = new Set(EXCEL_ERROR_CODES);

export function isExcelErrorValue(v: CellValue): boolean {
  return typeof v === "string" && v.startsWith("#") && EXCEL_ERROR_VALUES.has(v);
}

/** A blank cell: "" or null. Zero is a value (Excel cannot tell a blank from 0 in some sources). */
export function isBlankCell(v: CellValue): v is "" | null {
  return v === null || v === "";
}

/** The fields of the objects a custom function may be handed instead of a plain value. */
interface HostObject {
  /** CustomFunctions.Error: "#N/A", "#VALUE!"... */
  code?: unknown;
  /** Excel data types ("Entity", "FormattedNumber", "Double"...; functions.json allows them for `any`). */
  type?: unknown;
  basicValue?: unknown;
  text?: unknown;
}

/**
 * Turns whatever an Excel host handed over into a CellValue. Custom-function ranges may carry error
 * objects (with an Excel error `code` such as "#N/A"), data-type values (a formatted number, an entity
 * card) and `undefined` for cells past a ragged edge.
 */
export function toCellValue(raw: unknown): CellValue {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === "string" || typeof raw === "boolean") return raw;
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : "#NUM!";
  if (typeof raw === "object") {
    const { code, type, basicValue, text } = raw as HostObject;
    if (typeof code === "string" && EXCEL_ERROR_VALUES.has(code)) return code;
    // An entity's basic value is #VALUE!; the cell shows its text, as a formula reading it as text does.
    if (typeof type === "string" && type.endsWith("Entity") && typeof text === "string") return text;
    if (["string", "number", "boolean"].includes(typeof basicValue)) return toCellValue(basicValue);
  }
  return "#VALUE!";
}
