/**
 * Dates as Excel holds them (serial day numbers) and as Halo takes them (ISO 8601 text).
 * Serials carry no time zone, so they become wall-clock ISO text without an offset, the way the
 * sheet shows them; ISO text the user typed is sent as written (a space before the time becomes T).
 */

const MS_PER_DAY = 86_400_000;
/** Serial 25569 is 1970-01-01; serials from 61 on count from 1899-12-30 because Excel keeps Lotus's 29 Feb 1900. */
const UNIX_EPOCH_SERIAL = 25569;
/** Serial 2958465 is 9999-12-31, Excel's last date. */
const LAST_SERIAL = 2958466;

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** Excel serial date -> "YYYY-MM-DDTHH:mm:ss", or undefined for a number that is not an Excel date. */
export function excelSerialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= LAST_SERIAL || Math.floor(serial) === 60)
    return undefined; // serial 60 is Excel's 29 Feb 1900, a day that never was
  const shifted = serial < 60 ? serial + 1 : serial; // before the phantom day, Excel's count is one short
  const ms = Math.round(((shifted - UNIX_EPOCH_SERIAL) * MS_PER_DAY) / 1000) * 1000;
  const d = new Date(ms);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO 8601 date or date-time text, checked for a real calendar date; undefined when it is not one. */
export function isoDateText(text: string): string | undefined {
  const trimmed = text.trim();
  const match = ISO_DATE.exec(trimmed);
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = match
    .slice(1, 7)
    .map((p) => (p === undefined ? 0 : Number(p)));
  if (month! < 1 || month! > 12 || day! < 1 || day! > daysInMonth(year!, month!)) return undefined;
  if (hour! > 23 || minute! > 59 || second! > 59) return undefined;
  return trimmed.replace(" ", "T");
}
