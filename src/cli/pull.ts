/**
 * `halosheet pull`: a saved report (by id or name), ad-hoc SQL, or an entity list, to CSV. The file
 * can be edited and pushed, and kept as the push's --snapshot.
 */
import { listEntities, listReports, loadReport, runSql, type HaloClient, type LoadedReport } from "../halo";
import type { Connection, PullArgs } from "./args";
import { CliError, EXIT_OK, EXIT_ROWS_FAILED } from "./cliErrors";
import { writeCsv } from "./csvFiles";

export interface PullDeps {
  connect(connection: Connection): Promise<HaloClient>;
  stderr(text: string): void;
}

interface Pulled {
  headers: string[];
  rows: unknown[][];
  warnings: string[];
  /** Halo said how many records there are and fewer were read: exit 1, the file is not all of them. */
  incomplete: boolean;
}

/** A report named by id, or by its exact name (case-insensitive) among the search results. */
async function reportId(client: HaloClient, report: string): Promise<number> {
  if (/^\d+$/.test(report.trim())) return Number(report);
  const found = (await listReports(client, { search: report })).filter(
    (r) => r.name.trim().toLowerCase() === report.trim().toLowerCase(),
  );
  if (found.length === 1) return found[0].id;
  if (found.length === 0) throw new CliError("Usage", `no saved report is named "${report}".`);
  throw new CliError(
    "Usage",
    `${found.length} reports are named "${report}" (ids ${found.map((r) => r.id).join(", ")}): use --report <id>.`,
  );
}

function fromReport(report: LoadedReport): Pulled {
  const columns = report.columns.filter((c) => !c.hidden).sort((a, b) => a.order - b.order);
  return {
    headers: columns.map((c) => c.name),
    rows: report.rows.map((row) => columns.map((c) => row[c.name])),
    warnings: report.warnings,
    incomplete: false,
  };
}

async function fromEntity(client: HaloClient, entity: string, stderr: PullDeps["stderr"]): Promise<Pulled> {
  const result = await listEntities(client, entity, {
    onPage: (page) =>
      stderr(`pull: ${page.rowsRead}${page.recordCount === undefined ? "" : `/${page.recordCount}`} rows\n`),
  });
  // Columns in the order records first show them; "id" first so the file can be pushed back.
  const headers = [...new Set(["id", ...result.rows.flatMap((r) => Object.keys(r))])];
  const warnings = result.mismatch
    ? [
        `Halo reported ${result.mismatch.expected} records but ${result.mismatch.read} were read: the file is incomplete.`,
      ]
    : [];
  return {
    headers,
    rows: result.rows.map((r) => headers.map((h) => r[h])),
    warnings,
    incomplete: result.mismatch !== undefined,
  };
}

export async function pull(args: PullArgs, deps: PullDeps): Promise<number> {
  const client = await deps.connect(args.connection);
  const { source } = args;
  const pulled =
    source.kind === "entity"
      ? await fromEntity(client, source.entity, deps.stderr)
      : fromReport(
          source.kind === "sql"
            ? await runSql(client, source.sql)
            : await loadReport(client, await reportId(client, source.report)),
        );
  await writeCsv(args.out, pulled.headers, pulled.rows);
  for (const warning of pulled.warnings) deps.stderr(`pull: warning: ${warning}\n`);
  deps.stderr(`pull: ${pulled.rows.length} rows, ${pulled.headers.length} columns written to ${args.out}\n`);
  return pulled.incomplete ? EXIT_ROWS_FAILED : EXIT_OK;
}
