/**
 * Runs report SQL over the sandbox tables (read-only) and shapes the answer as Halo's: columns with a
 * SQL Server data_type ("int", "decimal", "datetime", "nvarchar") and rows as objects. Like Halo,
 * decimal values arrive as strings, and results stop silently at 50,000 rows.
 */
import { isoDateTime } from "./dates";
import type { Database, SqlValue } from "./database";
import { tsqlToSqlite } from "./tsql";

export const REPORT_ROW_CAP = 50_000;

export type ReportDataType = "int" | "decimal" | "datetime" | "nvarchar";

export interface ReportColumn {
  id: number;
  name: string;
  data_type: ReportDataType;
  hidden: boolean;
  sequence: number;
}

export type ReportOutcome =
  { ok: true; columns: ReportColumn[]; rows: Record<string, unknown>[] } | { ok: false; error: string };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function columnType(values: SqlValue[]): ReportDataType {
  const present = values.filter((v) => v !== null);
  if (present.length === 0) return "nvarchar";
  if (present.every((v) => typeof v === "number")) {
    return present.every((v) => Number.isInteger(v)) ? "int" : "decimal";
  }
  if (present.every((v) => typeof v === "string" && ISO_DATE.test(v))) return "datetime";
  return "nvarchar";
}

function outputValue(type: ReportDataType, value: SqlValue): unknown {
  if (value === null) return null;
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (type === "decimal" && typeof value === "number") return String(value);
  return value;
}

/** Registers the functions the T-SQL shim maps to (call once per database). */
export function registerReportFunctions(db: Database, now: () => number): void {
  db.create_function("SANDBOX_NOW", () => isoDateTime(now()));
}

export function runReport(db: Database, sql: string, hidden: readonly string[] = []): ReportOutcome {
  if (sql.trim() === "") return { ok: false, error: "The report has no SQL." };
  db.run("PRAGMA query_only = 1");
  try {
    const stmt = db.prepare(tsqlToSqlite(sql));
    try {
      const names = stmt.getColumnNames();
      const data: SqlValue[][] = [];
      while (data.length < REPORT_ROW_CAP && stmt.step()) data.push(stmt.get());
      const unique = [...new Set(names)];
      const types = unique.map((name) => {
        const index = names.lastIndexOf(name);
        return columnType(data.map((row) => row[index]));
      });
      const columns = unique.map((name, i) => ({
        id: i + 1,
        name,
        data_type: types[i],
        hidden: hidden.includes(name),
        sequence: i + 1,
      }));
      const rows = data.map((row) => {
        const record: Record<string, unknown> = {};
        unique.forEach((name, i) => {
          record[name] = outputValue(types[i], row[names.lastIndexOf(name)]);
        });
        return record;
      });
      return { ok: true, columns, rows };
    } finally {
      stmt.free();
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error:
        message === "attempt to write a readonly database" ? "Only SELECT queries are allowed." : message,
    };
  } finally {
    db.run("PRAGMA query_only = 0");
  }
}
