/* Excel's typed-input rules and display text: what a typed string becomes, and how a value looks. */
import { format as formatNumber, parseValue } from "numfmt";
import { CellError, ERROR_CODES, type ApiValue, type ErrorCode, type Scalar } from "./types";

export interface ParsedInput {
  /** A formula ("=..."), else undefined. */
  formula?: string;
  value: Scalar;
  /** A number format Excel infers from the typing ("12%" -> "0%", "2024-01-15" -> a date format). */
  impliedFormat?: string;
}

export function errorFromText(text: string): CellError | undefined {
  const code = text.trim().toUpperCase();
  return (ERROR_CODES as readonly string[]).includes(code) ? new CellError(code as ErrorCode) : undefined;
}

/**
 * What typing `text` into a cell (or writing it to Range.values) stores, as Excel does: "=..." is a
 * formula, and so is other text starting with + or - that is not a number; a leading apostrophe
 * forces text, TRUE/FALSE are booleans, "#N/A" and friends are errors, numbers, percentages,
 * currency and dates are numbers; with the Text format ("@") everything stays text.
 */
export function parseInput(text: string, cellFormat = "General"): ParsedInput {
  if (text === "") return { value: null };
  // A Text-formatted cell keeps whatever is typed, even "=...", as text.
  if (cellFormat === "@") return { value: text };
  if (text.startsWith("=") && text.length > 1) return { formula: text, value: null };
  if (text.startsWith("'")) return { value: text.slice(1) };
  const upper = text.trim().toUpperCase();
  if (upper === "TRUE") return { value: true };
  if (upper === "FALSE") return { value: false };
  const error = errorFromText(text);
  if (error) return { value: error };
  const parsed = mayBeNumber(text) ? parseValue(text) : null;
  if (parsed && typeof parsed.v === "number" && Number.isFinite(parsed.v)) {
    return parsed.z ? { value: parsed.v, impliedFormat: parsed.z } : { value: parsed.v };
  }
  // Excel reads other input starting with + or - as a formula ("-abc" is =-abc, #NAME?).
  if ((text.startsWith("+") || text.startsWith("-")) && text.length > 1) {
    return { formula: `=${text}`, value: null };
  }
  return { value: text };
}

/** The value as the cell shows it with its number format. */
export function displayText(value: Scalar, numberFormat: string): string {
  if (value === null || value === undefined) return "";
  if (value instanceof CellError) return value.code;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") {
    return numberFormat.includes("@") ? safeFormat(numberFormat, value) : value;
  }
  return safeFormat(numberFormat, value);
}

function safeFormat(numberFormat: string, value: number | string): string {
  try {
    return formatNumber(numberFormat || "General", value);
  } catch {
    return formatNumber("General", value);
  }
}

/** Excel's number-to-text (formula bar, concatenation): up to 15 significant digits, "1E+21" exponents. */
export function numberToText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const text = String(Number(n.toPrecision(15)));
  const exp = /^(-?[\d.]+)e([+-])(\d+)$/.exec(text);
  if (!exp) return text;
  return `${exp[1]}E${exp[2]}${exp[3].padStart(2, "0")}`;
}

/** What the edit box shows for a constant: numbers in General form (dates in their format). */
export function inputText(value: Scalar, numberFormat: string): string {
  if (typeof value === "number") {
    return isDateFormat(numberFormat) ? safeFormat(numberFormat, value) : numberToText(value);
  }
  return displayText(value, "General");
}

/** A format that shows a date or time (d, m, y, h, s outside quoted text), so numbers are serial dates. */
export function isDateFormat(numberFormat: string): boolean {
  if (numberFormat === "General") return false;
  return /[dmyhs]/i.test(numberFormat.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, ""));
}

const MONTH_START = /^\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const NUMBER_START = /^\s*[-+0-9.($\u20AC\u00A3\u00A5]/;

/** A cheap first look: only text starting like a number, currency or month name can parse as one
    (full parsing costs microseconds per cell, too much for a 1,000,000-cell paste). */
function mayBeNumber(text: string): boolean {
  if (text.length > 64) return false;
  return NUMBER_START.test(text) || MONTH_START.test(text);
}

/** A model value as the Excel API reports it. */
export function toApiValue(value: Scalar): ApiValue {
  if (value === null || value === undefined) return "";
  if (value instanceof CellError) return value.code;
  return value;
}
