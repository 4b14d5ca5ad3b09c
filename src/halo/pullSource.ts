/**
 * One pull: a saved report, ad-hoc SQL or an entity list, read into a table (headers and rows in Halo's
 * order, `id` first where there is one) with the checks a user can act on. Shared by the task pane's
 * Pull panel and the command line, so both read and warn the same way.
 */
import type { HaloClient } from "./client";
import { listEntities } from "./entities";
import { MAX_PAGE_SIZE } from "./paginate";
import { loadReport, runSql, type LoadedReport } from "./reports";
import { inferColumnType, type ReportColumnType, type ReportValue } from "./reportValues";
import { entitySchema } from "./schema";

export type PullSource =
  | { kind: "report"; reportId: number; reportName: string }
  | { kind: "sql"; sql: string }
  | { kind: "entity"; entity: string; search?: string; includeInactive?: boolean };

export type PullWarningKind = "capped" | "totalChanged" | "empty";

export interface PullWarning {
  kind: PullWarningKind;
  message: string;
}

export interface PulledTable {
  headers: string[];
  /** Per header: how the values are typed (dates are ISO text from Halo). */
  types: ReportColumnType[];
  rows: ReportValue[][];
  warnings: PullWarning[];
  /** Requests made for the rows (pages for an entity, one for a report or SQL). */
  pages: number;
}

export interface PullProgress {
  rows: number;
  pages: number;
  /** Halo's record count, when it said. */
  total?: number;
}

export interface PullOptions {
  signal?: AbortSignal;
  onProgress?: (progress: PullProgress) => void;
}

type Client = Pick<HaloClient, "request">;

/** A short name for the source, for sheet names and messages: the report's name, "SQL query", "Clients". */
export function sourceLabel(source: PullSource): string {
  if (source.kind === "report") return source.reportName || `Report ${source.reportId}`;
  if (source.kind === "sql") return "SQL query";
  const search = source.search?.trim();
  return search ? `${entityLabel(source.entity)} "${search}"` : entityLabel(source.entity);
}

const PLURALS: Record<string, string> = {
  Client: "Clients",
  Site: "Sites",
  Asset: "Assets",
  Item: "Items",
  Agent: "Agents",
  Supplier: "Suppliers",
  ClientContract: "Client contracts",
  Invoice: "Invoices",
  Quotation: "Quotations",
  SalesOrder: "Sales orders",
  Project: "Projects",
  KBArticle: "KB articles",
  Team: "Teams",
  Status: "Statuses",
};

/** The entity as a list is called in Halo's UI: "Client" -> "Clients", "Users" stays. */
export function entityLabel(entity: string): string {
  return PLURALS[entity] ?? entity;
}

function emptyWarning(): PullWarning {
  return {
    kind: "empty",
    message:
      "Halo returned no rows. Check the search text, the report's filters or the API agent's permissions.",
  };
}

/** What to do about a capped result, by source. (An entity list pages through every record: it is not
 *  capped, and its route around a slow pull is a report or SQL.) */
const CAP_ADVICE: Record<"report" | "sql", string> = {
  report:
    "Add a filter to the report in Halo (a date range, a client or an id range) and pull it in parts, " +
    "or pull the entity list, which pages through every record.",
  sql:
    "Narrow the query with a WHERE clause (for example WHERE id BETWEEN 1 AND 40000, then the next " +
    "range) and pull it in parts.",
};

function capWarnings(report: LoadedReport, kind: "report" | "sql"): PullWarning[] {
  return report.warnings.map((message) => ({ kind: "capped", message: `${message} ${CAP_ADVICE[kind]}` }));
}

function fromReport(report: LoadedReport, kind: "report" | "sql"): PulledTable {
  const columns = report.columns.filter((c) => !c.hidden).sort((a, b) => a.order - b.order);
  // id first where there is one, so the sheet can be pushed back.
  const ordered = [
    ...columns.filter((c) => c.name.toLowerCase() === "id"),
    ...columns.filter((c) => c.name.toLowerCase() !== "id"),
  ];
  const warnings = capWarnings(report, kind);
  if (report.rows.length === 0) warnings.push(emptyWarning());
  return {
    headers: ordered.map((c) => c.name),
    types: ordered.map((c) => c.type),
    rows: report.rows.map((row) => ordered.map((c) => row[c.name] ?? null)),
    warnings,
    pages: 1,
  };
}

function cellOf(value: unknown): ReportValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return JSON.stringify(value);
}

function entityQuery(source: Extract<PullSource, { kind: "entity" }>): Record<string, string | boolean> {
  const query: Record<string, string | boolean> = {};
  if (source.search?.trim()) query.search = source.search.trim();
  if (source.includeInactive) query.includeinactive = true;
  return query;
}

async function fromEntity(
  client: Client,
  source: Extract<PullSource, { kind: "entity" }>,
  options: PullOptions,
): Promise<PulledTable> {
  const result = await listEntities(client, source.entity, {
    query: entityQuery(source),
    signal: options.signal,
    onPage: (page) =>
      options.onProgress?.({
        rows: page.rowsRead,
        pages: page.pageNo,
        ...(page.recordCount === undefined ? {} : { total: page.recordCount }),
      }),
  });
  // Columns in the order records first show them, "id" first so the sheet can be pushed back.
  const headers = [...new Set(["id", ...result.rows.flatMap((r) => Object.keys(r))])];
  const fields = entitySchema(source.entity).fields;
  const rows = result.rows.map((r) => headers.map((h) => cellOf(r[h])));
  const types = headers.map((h, c): ReportColumnType => {
    const field = fields[h];
    if (field?.type === "datetime") return "datetime";
    if (field?.type === "integer" || field?.type === "number") return "number";
    if (field?.type === "boolean") return "boolean";
    return field === undefined ? inferColumnType(rows.map((row) => row[c])) : "text";
  });
  const warnings: PullWarning[] = [];
  if (result.mismatch) {
    warnings.push({
      kind: "totalChanged",
      message:
        `Halo said there were ${result.mismatch.expected.toLocaleString("en-US")} records but ` +
        `${result.mismatch.read.toLocaleString("en-US")} were read: records were added or removed while paging. ` +
        `Pull again, or use a saved report, which reads in one request.`,
    });
  }
  if (result.rows.length === 0) warnings.push(emptyWarning());
  return { headers, types, rows, warnings, pages: result.pages };
}

/** Reads the source's rows. Rejects with HaloError (Halo's message for bad SQL) or an AbortError. */
export async function pullSource(
  client: Client,
  source: PullSource,
  options: PullOptions = {},
): Promise<PulledTable> {
  if (source.kind === "entity") return fromEntity(client, source, options);
  options.onProgress?.({ rows: 0, pages: 0 });
  const report =
    source.kind === "sql"
      ? await runSql(client, source.sql, { signal: options.signal })
      : await loadReport(client, source.reportId, { signal: options.signal });
  const table = fromReport(report, source.kind);
  options.onProgress?.({ rows: table.rows.length, pages: 1, total: table.rows.length });
  return table;
}

/** Halo's documented limit: 300 requests per rolling 5 minutes. */
export const HALO_REQUESTS_PER_WINDOW = 300;
export const HALO_WINDOW_SECONDS = 300;

export interface PullEstimate {
  records: number;
  /** The paged requests the pull needs (100 records each), plus the count already made. */
  requests: number;
  /** Seconds spent waiting on Halo's rate limit (0 when the requests fit in one window). */
  waitSeconds: number;
}

/** Counts an entity's records with one small request and says what paging through them costs. */
export async function estimateEntityPull(
  client: Client,
  source: Extract<PullSource, { kind: "entity" }>,
  signal?: AbortSignal,
): Promise<PullEstimate> {
  const schema = entitySchema(source.entity);
  const answer = await client.request<Record<string, unknown>>("GET", schema.path, {
    query: { ...entityQuery(source), pageinate: true, page_size: 1, page_no: 1 },
    signal,
  });
  const records = Number(answer?.record_count ?? 0) || 0;
  return costOf(records);
}

export function costOf(records: number): PullEstimate {
  const requests = Math.max(1, Math.ceil(records / MAX_PAGE_SIZE)) + 1;
  const windows = Math.floor((requests - 1) / HALO_REQUESTS_PER_WINDOW);
  return { records, requests, waitSeconds: windows * HALO_WINDOW_SECONDS };
}
