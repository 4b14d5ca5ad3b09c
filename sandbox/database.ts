/**
 * The one store behind every route: an in-memory SQLite database (sql.js, WASM). Entity routes read and
 * write its tables and reports query them, so a write is visible to the next report.
 */
import { readFileSync, renameSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import initSqlJs, { type Database, type SqlJsStatic, type SqlValue, type Statement } from "sql.js";

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

/**
 * Prepared statements by SQL text, per database: compiling a query over a wide table (Area has over a
 * hundred columns) costs more than running it, and the same few queries run for every record.
 * sql.js frees every statement on export() (saveDatabase forgets them); a closed database is dropped
 * with its statements.
 */
const statements = new WeakMap<Database, Map<string, Statement>>();

/** Column names by statement, read once: decoding a hundred names per row costs as much as the row. */
const columnNames = new WeakMap<Statement, string[]>();

function namesOf(stmt: Statement, width: number): string[] {
  let names = columnNames.get(stmt);
  // A table that gained a column (a custom field defined) changes what `SELECT *` returns.
  if (names === undefined || names.length !== width) columnNames.set(stmt, (names = stmt.getColumnNames()));
  return names;
}

function prepared(db: Database, sql: string): Statement {
  let cache = statements.get(db);
  if (cache === undefined) statements.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (stmt === undefined) cache.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}

/** Writes the database atomically (temp file + rename), so a crash never leaves half a file. */
export function saveDatabase(db: Database, file: string): void {
  const temp = `${file}.tmp`;
  statements.delete(db);
  writeFileSync(temp, db.export());
  renameSync(temp, file);
}

export function queryRows(db: Database, sql: string, params: SqlValue[] = []): Row[] {
  const stmt = prepared(db, sql);
  try {
    stmt.bind(params);
    const rows: Row[] = [];
    while (stmt.step()) {
      const values = stmt.get();
      const names = namesOf(stmt, values.length);
      const row: Row = {};
      for (let i = 0; i < names.length; i++) row[names[i]] = values[i];
      rows.push(row);
    }
    return rows;
  } finally {
    stmt.reset();
  }
}

/** Runs a write (INSERT, UPDATE) through the statement cache. */
export function execute(db: Database, sql: string, params: SqlValue[]): void {
  const stmt = prepared(db, sql);
  try {
    stmt.run(params);
  } finally {
    stmt.reset();
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
