/** Saved reports (Halo's AnalyzerProfile), kept in the AnalyzerProfile table beside the data. */
import { queryRows, type Database, type Row } from "./database";

export interface SavedReport {
  id: number;
  name: string;
  description: string;
  sql: string;
  reportgroup_name: string;
  /** Column names the report hides (Halo keeps them in the result, flagged hidden). */
  hiddenColumns: string[];
  is_published: boolean;
  published_id: string | null;
}

function toReport(row: Row): SavedReport {
  let hidden: string[] = [];
  try {
    const parsed: unknown = JSON.parse(String(row.hidden_columns ?? "[]"));
    if (Array.isArray(parsed)) hidden = parsed.map(String);
  } catch {
    hidden = [];
  }
  return {
    id: Number(row.id),
    name: String(row.name),
    description: String(row.description ?? ""),
    sql: String(row.sql),
    reportgroup_name: String(row.reportgroup_name ?? ""),
    hiddenColumns: hidden,
    is_published: Number(row.is_published) === 1,
    published_id: row.published_id === null ? null : String(row.published_id),
  };
}

export function listReports(db: Database, search: string | undefined): SavedReport[] {
  const rows =
    search !== undefined && search !== ""
      ? queryRows(db, "SELECT * FROM AnalyzerProfile WHERE name LIKE ? ORDER BY name, id", [`%${search}%`])
      : queryRows(db, "SELECT * FROM AnalyzerProfile ORDER BY name, id");
  return rows.map(toReport);
}

export function findReport(db: Database, id: number): SavedReport | undefined {
  const [row] = queryRows(db, "SELECT * FROM AnalyzerProfile WHERE id = ?", [id]);
  return row === undefined ? undefined : toReport(row);
}

export function findPublishedReport(db: Database, publishedId: string): SavedReport | undefined {
  const [row] = queryRows(db, "SELECT * FROM AnalyzerProfile WHERE is_published = 1 AND published_id = ?", [
    publishedId,
  ]);
  return row === undefined ? undefined : toReport(row);
}

export function saveReport(db: Database, report: Omit<SavedReport, "id"> & { id?: number }): number {
  const values = [
    report.name,
    report.description,
    report.sql,
    report.reportgroup_name,
    JSON.stringify(report.hiddenColumns),
    report.is_published ? 1 : 0,
    report.published_id,
  ];
  if (report.id !== undefined) {
    db.run(
      `UPDATE AnalyzerProfile SET name = ?, description = ?, sql = ?, reportgroup_name = ?, hidden_columns = ?,
       is_published = ?, published_id = ? WHERE id = ?`,
      [...values, report.id],
    );
    return report.id;
  }
  const [next] = queryRows(db, "SELECT COALESCE(MAX(id), 0) + 1 AS id FROM AnalyzerProfile");
  const id = Number(next.id);
  db.run(
    `INSERT INTO AnalyzerProfile (id, name, description, sql, reportgroup_name, hidden_columns, is_published, published_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, ...values],
  );
  return id;
}
