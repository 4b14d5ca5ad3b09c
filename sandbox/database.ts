/**
 * The one store behind every route: an in-memory SQLite database (sql.js, WASM). Entity routes read and
 * write its tables and reports query them, so a write is visible to the next report.
 */
import { readFileSync, renameSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import initSqlJs, { type Database, type SqlJsStatic, type SqlValue } from "sql.js";

export type { Database, SqlValue };
export type Row = Record<string, SqlValue>;

let engine: Promise<SqlJsStatic> | undefined;

function sqlEngine(): Promise<SqlJsStatic> {
  engine ??= initSqlJs({
    locateFile: (file: string) => path.join(path.dirname(require.resolve("sql.js")), file),
  });
  return engine;
}

export async function openDatabase(file?: string): Promise<{ db: Database; loaded: boolean }> {
  const SQL = await sqlEngine();
  if (file !== undefined && existsSync(file))
    return { db: new SQL.Database(readFileSync(file)), loaded: true };
  return { db: new SQL.Database(), loaded: false };
}

/** Writes the database atomically (temp file + rename), so a crash never leaves half a file. */
export function saveDatabase(db: Database, file: string): void {
  const temp = `${file}.tmp`;
  writeFileSync(temp, db.export());
  renameSync(temp, file);
}

export function queryRows(db: Database, sql: string, params: SqlValue[] = []): Row[] {
  const stmt = db.prepare(sql);
  try {
    stmt.bind(params);
    const rows: Row[] = [];
    while (stmt.step()) rows.push(stmt.getAsObject());
    return rows;
  } finally {
    stmt.free();
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Runs fn in a transaction: all of it commits or none (Halo fails a whole POST on one bad object). */
export function inTransaction<T>(db: Database, fn: () => T): T {
  db.run("BEGIN");
  try {
    const result = fn();
    db.run("COMMIT");
    return result;
  } catch (error) {
    db.run("ROLLBACK");
    throw error;
  }
}
