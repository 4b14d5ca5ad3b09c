/**
 * Report columns and values. Halo sends values as strings whatever the column type, so numbers are
 * turned back into numbers where the column says numeric; dates stay ISO text (Excel-side code
 * decides how to show them).
 */
export type ReportColumnType = "number" | "boolean" | "datetime" | "text";
export type ReportValue = string | number | boolean | null;
export type ReportRow = Record<string, ReportValue>;

export interface ReportColumn {
  name: string;
  type: ReportColumnType;
  /** 0-based display order. */
  order: number;
  hidden: boolean;
  /** Halo's data_type as sent ("int", "nvarchar", ...), when the report defined one. */
  dataType?: string;
}

/** Maps a SQL Server / Halo data_type to a column type. */
export function columnTypeOf(dataType: string | undefined): ReportColumnType {
  const type = (dataType ?? "").toLowerCase();
  if (/int|decimal|numeric|money|float|real|double|number/.test(type)) return "number";
  if (/date|time/.test(type)) return "datetime";
  if (/^bit$|bool/.test(type)) return "boolean";
  return "text";
}

const NUMBER_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function toNumber(text: string): number | string {
  const trimmed = text.trim();
  if (!NUMBER_TEXT.test(trimmed)) return text;
  const value = Number(trimmed);
  // Ids beyond 2^53 would lose digits: keep those as text.
  return Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER ? value : text;
}

function toBoolean(text: string): boolean | string {
  const lower = text.trim().toLowerCase();
  if (lower === "true" || lower === "1") return true;
  if (lower === "false" || lower === "0") return false;
  return text;
}

/** One value as the column type says; anything else JSON-ish becomes text. */
export function normaliseValue(value: unknown, type: ReportColumnType): ReportValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") {
    if (type === "number") return toNumber(value);
    if (type === "boolean") return toBoolean(value);
    return value;
  }
  if (typeof value === "number" || typeof value === "boolean") return value;
  return JSON.stringify(value);
}

/** A column type guessed from values, for reports that carry no column definitions (ad-hoc SQL). */
export function inferColumnType(values: unknown[]): ReportColumnType {
  const present = values.filter((v) => v !== null && v !== undefined && v !== "");
  if (present.length === 0) return "text";
  if (present.every((v) => typeof v === "number")) return "number";
  if (present.every((v) => typeof v === "boolean")) return "boolean";
  if (present.every((v) => typeof v === "string" && ISO_DATE.test(v))) return "datetime";
  return "text";
}

/** Halo's usual silent cap on report and SQL results. */
const HALO_RESULT_CAP = 50_000;

/** Halo caps reports (about 50,000 rows) without saying so, and an instance or a report can stop at
 *  another round number: a round row count is suspicious. What to do about it depends on the source
 *  (a saved report or SQL): the caller adds that. */
export function roundCapWarning(rowCount: number): string | undefined {
  if (rowCount < 10_000 || rowCount % 10_000 !== 0) return undefined;
  const count = rowCount.toLocaleString("en-US");
  if (rowCount === HALO_RESULT_CAP)
    return (
      `Halo returned exactly ${count} rows: Halo stops report and SQL results at about ${count} rows ` +
      `without saying so, so this result is probably cut short and some rows are missing.`
    );
  return (
    `Halo returned exactly ${count} rows. Halo stops report and SQL results at a round number without ` +
    `saying so (about ${HALO_RESULT_CAP.toLocaleString("en-US")} rows, but an instance or a report can ` +
    `set another limit), so this result may be cut short and some rows may be missing.`
  );
}
