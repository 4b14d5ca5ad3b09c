/**
 * Halo values as Excel cells. Range.values reads strings as if typed, so "=1+1" would become a formula,
 * " =1+1" or "@x" too in some builds, "007" the number 7 and "2024-01-15" a date: every string is written
 * with Excel's text prefix (an apostrophe, which Excel keeps out of the value), so text lands as the
 * exact text Halo sent. Numbers stay numbers, booleans TRUE/FALSE, null an empty cell, and the values of
 * date columns Excel date serials with a date format.
 */
import type { ReportColumnType, ReportValue } from "../halo";

export type ExcelCell = string | number | boolean;

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

export const DATE_FORMAT = "yyyy-mm-dd";
export const DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm";

/** Excel's serial of 1970-01-01 (days since 1899-12-30, Excel's 1900 system). */
const UNIX_EPOCH_SERIAL = 25_569;
const MS_PER_DAY = 86_400_000;

/**
 * The Excel serial of an ISO date-time, its clock time kept as written: Halo sends UTC and Excel has no
 * time zones, so the sheet shows Halo's times (as the API and the CLI's CSV do). undefined when not a date.
 */
export function excelDateSerial(text: string): number | undefined {
  const match = ISO_DATE.exec(text.trim());
  if (match === null) return undefined;
  const [, y, mo, d, h = "0", mi = "0", s = "0", fraction = ""] = match;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(ms)) return undefined;
  const serial = ms / MS_PER_DAY + UNIX_EPOCH_SERIAL + (fraction ? Number(fraction) / 86_400 : 0);
  // Excel counts a 29 February 1900 that never was: dates before March 1900 are one lower.
  return serial < 61 ? serial - 1 : serial;
}

/** True when the ISO text carries a time of day other than midnight. */
function hasTime(text: string): boolean {
  const match = ISO_DATE.exec(text.trim());
  return (
    match !== null && [match[4], match[5], match[6]].some((part) => part !== undefined && Number(part) !== 0)
  );
}

/** One value as the cell Range.values should receive. */
export function toExcelCell(value: ReportValue, type: ReportColumnType): ExcelCell {
  if (value === null) return "";
  if (typeof value !== "string") return value;
  if (type === "datetime") {
    const serial = excelDateSerial(value);
    if (serial !== undefined) return serial;
  }
  return `'${value}`;
}

/** The number format of a date column: with the time when any value has one; undefined for other columns. */
export function dateFormatFor(values: readonly ReportValue[], type: ReportColumnType): string | undefined {
  if (type !== "datetime") return undefined;
  const dates = values.filter((v): v is string => typeof v === "string" && excelDateSerial(v) !== undefined);
  if (dates.length === 0) return undefined;
  return dates.some(hasTime) ? DATE_TIME_FORMAT : DATE_FORMAT;
}
