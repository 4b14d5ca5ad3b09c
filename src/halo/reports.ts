/**
 * Halo reports: list saved ones, load one (definition + rows), run ad-hoc SQL. Every load returns the
 * same LoadedReport shape with values normalised by column type.
 */
import type { HaloClient } from "./client";
import { HaloError } from "./errors";
import { asObject } from "./json";
import { walkPages, type HaloRecord } from "./paginate";
import {
  columnTypeOf,
  inferColumnType,
  normaliseValue,
  roundCapWarning,
  type ReportColumn,
  type ReportRow,
} from "./reportValues";

export interface ReportSummary {
  id: number;
  name: string;
  /** Everything Halo sent about the report. */
  record: HaloRecord;
}

export interface LoadedReport {
  id?: number;
  name?: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  warnings: string[];
}

type Client = Pick<HaloClient, "request">;

export async function listReports(
  client: Client,
  options: { search?: string; pageSize?: number; signal?: AbortSignal } = {},
): Promise<ReportSummary[]> {
  const result = await walkPages(client, "/Report", {
    query: { search: options.search },
    pageSize: options.pageSize,
    wrapper: "reports",
    signal: options.signal,
  });
  return result.rows.map((record) => ({ id: Number(record.id), name: String(record.name ?? ""), record }));
}

function definedColumns(profile: HaloRecord): ReportColumn[] {
  const columns = Array.isArray(profile.columns) ? profile.columns : [];
  return columns
    .map(asObject)
    .filter((c): c is HaloRecord => c !== undefined && typeof c.name === "string")
    .map((c, index) => {
      const dataType = typeof c.data_type === "string" ? c.data_type : undefined;
      const column: ReportColumn = {
        name: String(c.name),
        type: columnTypeOf(dataType),
        order: typeof c.sequence === "number" ? c.sequence : index,
        hidden: c.hidden === true,
      };
      if (dataType !== undefined) column.dataType = dataType;
      return column;
    })
    .sort((a, b) => a.order - b.order)
    .map((column, order) => ({ ...column, order }));
}

/** Columns from the definition, then any keys the rows carry that it did not list (types inferred). */
function columnsFor(defined: ReportColumn[], rawRows: HaloRecord[]): ReportColumn[] {
  const columns = [...defined];
  const known = new Set(defined.map((c) => c.name));
  for (const row of rawRows) {
    for (const name of Object.keys(row)) {
      if (known.has(name)) continue;
      known.add(name);
      const type = inferColumnType(rawRows.map((r) => r[name]));
      columns.push({ name, type, order: columns.length, hidden: false });
    }
  }
  return columns;
}

/** Builds a LoadedReport from rows and optional definition (AnalyzerProfile). */
export function buildReport(rawRows: HaloRecord[], profile: HaloRecord = {}): LoadedReport {
  const columns = columnsFor(definedColumns(profile), rawRows);
  const rows = rawRows.map((raw) => {
    const row: ReportRow = {};
    for (const column of columns) row[column.name] = normaliseValue(raw[column.name], column.type);
    return row;
  });
  const warnings: string[] = [];
  const cap = roundCapWarning(rows.length);
  if (cap !== undefined) warnings.push(cap);
  const report: LoadedReport = { columns, rows, warnings };
  if (typeof profile.id === "number") report.id = profile.id;
  if (typeof profile.name === "string") report.name = profile.name;
  return report;
}

function rowsIn(value: unknown): HaloRecord[] {
  return Array.isArray(value) ? value.map(asObject).filter((r): r is HaloRecord => r !== undefined) : [];
}

/** Reads an AnalyzerProfile answer ({..., report: {loaded, load_error, rows}}), failing on load_error. */
function reportFromProfile(answer: unknown, label: string, request: string): LoadedReport {
  const profile = asObject(Array.isArray(answer) ? answer[0] : answer) ?? {};
  const content = asObject(profile.report) ?? {};
  const loadError = content.load_error;
  if (typeof loadError === "string" && loadError.trim() !== "") {
    throw new HaloError("Validation", `Halo could not run ${label}: ${loadError}`, { request });
  }
  return buildReport(rowsIn(content.rows), profile);
}

export async function loadReport(
  client: Client,
  id: number,
  options: { signal?: AbortSignal } = {},
): Promise<LoadedReport> {
  const answer = await client.request<unknown>("GET", `/Report/${encodeURIComponent(id)}`, {
    query: { loadreport: true },
    signal: options.signal,
  });
  return reportFromProfile(answer, `report ${id}`, `GET /api/Report/${id}`);
}

/** Runs ad-hoc SQL (T-SQL; needs scope edit:reporting). */
export async function runSql(
  client: Client,
  sql: string,
  options: { signal?: AbortSignal } = {},
): Promise<LoadedReport> {
  const answer = await client.request<unknown>("POST", "/Report", {
    body: [{ sql, _loadreportonly: true }],
    // _loadreportonly runs the query without saving a report: safe to repeat.
    idempotent: true,
    signal: options.signal,
  });
  return reportFromProfile(answer, "the SQL query", "POST /api/Report");
}
