/**
 * /api/Report (list/search, load, ad-hoc SQL with _loadreportonly, save) and /api/ReportData/<publishedid>.
 * A report that fails to run answers 200 with report.loaded=false and report.load_error, as Halo does.
 */
import type { Database } from "./database";
import { parseId } from "./entityRoutes";
import { json, SandboxHttpError, text, type Query, type Reply } from "./http";
import { listBody, readPaging } from "./paging";
import { parseJsonBody, requireArray } from "./postBody";
import { runReport, type ReportColumn } from "./reportEngine";
import { findPublishedReport, findReport, listReports, saveReport, type SavedReport } from "./reportStore";

interface ReportContent {
  loaded: boolean;
  load_error: string | null;
  rows: Record<string, unknown>[];
}

function summary(report: SavedReport): object {
  return {
    id: report.id,
    name: report.name,
    description: report.description,
    reportgroup_name: report.reportgroup_name,
    is_published: report.is_published,
    published_id: report.published_id,
  };
}

function profile(
  db: Database,
  report: Pick<SavedReport, "id" | "name" | "sql" | "hiddenColumns"> & Partial<SavedReport>,
  load: boolean,
): object {
  const outcome = runReport(db, report.sql, report.hiddenColumns);
  const columns: ReportColumn[] = outcome.ok ? outcome.columns : [];
  const result: Record<string, unknown> = {
    id: report.id,
    name: report.name,
    description: report.description ?? "",
    sql: report.sql,
    reportgroup_name: report.reportgroup_name ?? "",
    is_published: report.is_published ?? false,
    published_id: report.published_id ?? null,
    columns,
  };
  if (load) {
    const content: ReportContent = outcome.ok
      ? { loaded: true, load_error: null, rows: outcome.rows }
      : { loaded: false, load_error: outcome.error, rows: [] };
    result.report = content;
  }
  return result;
}

export function listReportsRoute(db: Database, query: Query): Reply {
  const paging = readPaging(query);
  const all = listReports(db, query.get("search"));
  const page = all.slice(paging.offset, paging.offset + paging.limit).map(summary);
  return json(200, listBody("reports", paging, all.length, page));
}

export function getReportRoute(db: Database, idText: string, query: Query): Reply {
  const report = findReport(db, parseId(idText));
  if (report === undefined) return text(404, `Report ${idText} not found.`);
  return json(200, profile(db, report, query.flag("loadreport")));
}

function stringField(item: Record<string, unknown>, name: string, index: number): string | undefined {
  const value = item[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") {
    throw new SandboxHttpError(
      400,
      `Error reading string. Unexpected token: ${typeof value}. Path '[${index}].${name}'.`,
    );
  }
  return value;
}

/** POST /api/Report: `_loadreportonly` runs the SQL (or the saved report `id`) without saving; else saves. */
export function postReportRoute(db: Database, bodyText: string): Reply {
  const items = requireArray(parseJsonBody(bodyText), "AnalyzerProfile");
  const answers = items.map((raw, index) => {
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
      throw new SandboxHttpError(
        400,
        `Error converting value ${JSON.stringify(raw)} to type 'HaloModels.AnalyzerProfile'. Path '[${index}]'.`,
      );
    }
    const item = raw as Record<string, unknown>;
    const id = typeof item.id === "number" && item.id > 0 ? item.id : undefined;
    const saved = id === undefined ? undefined : findReport(db, id);
    if (id !== undefined && saved === undefined)
      throw new SandboxHttpError(400, `Report ${id} does not exist.`);
    const sql = stringField(item, "sql", index) ?? saved?.sql ?? "";
    const name = stringField(item, "name", index) ?? saved?.name ?? "";
    if (item._loadreportonly === true || item._loadreportonly === "true") {
      return profile(db, { id: id ?? 0, name, sql, hiddenColumns: saved?.hiddenColumns ?? [] }, true);
    }
    if (name.trim() === "") throw new SandboxHttpError(400, "Please enter a name for the report.");
    const savedId = saveReport(db, {
      id,
      name,
      sql,
      description: stringField(item, "description", index) ?? saved?.description ?? "",
      reportgroup_name: saved?.reportgroup_name ?? "",
      hiddenColumns: saved?.hiddenColumns ?? [],
      is_published: saved?.is_published ?? false,
      published_id: saved?.published_id ?? null,
    });
    const stored = findReport(db, savedId);
    return stored === undefined ? { id: savedId } : profile(db, stored, false);
  });
  return json(200, answers.length === 1 ? answers[0] : answers);
}

/** GET /api/ReportData/<publishedid>: the published report's rows, as a bare array. */
export function reportDataRoute(db: Database, publishedId: string): Reply {
  const report = findPublishedReport(db, publishedId);
  if (report === undefined) return text(404, `Published report ${publishedId} not found.`);
  const outcome = runReport(db, report.sql, report.hiddenColumns);
  if (!outcome.ok) return text(500, outcome.error);
  return json(200, outcome.rows);
}
