/**
 * `halosheet pull`: a saved report (by id or name), ad-hoc SQL, or an entity list, to CSV or, for an
 * --out ending in .xlsx, an Excel workbook with the rows as a table and the pull record. The file can be
 * edited and pushed, and kept as the push's --snapshot. The rows are read by src/halo's pullSource, as
 * the task pane reads them.
 */
import { listReports, pullSource, sourceLabel, type Clock, type HaloClient, type PullSource } from "../halo";
import type { Connection, PullArgs } from "./args";
import { CliError, EXIT_OK, EXIT_ROWS_FAILED } from "./cliErrors";
import { writeCsv } from "./csvFiles";
import { isXlsxPath, writeXlsx } from "./xlsxFiles";

export interface PullDeps {
  connect(connection: Connection): Promise<HaloClient>;
  stderr(text: string): void;
  clock?: Pick<Clock, "now">;
}

/** A report named by id, or by its exact name (case-insensitive) among the search results. */
async function reportSource(client: HaloClient, report: string): Promise<PullSource> {
  const wanted = report.trim();
  const byId = /^\d+$/.test(wanted);
  const found = (await listReports(client, byId ? {} : { search: wanted })).filter((r) =>
    byId ? r.id === Number(wanted) : r.name.trim().toLowerCase() === wanted.toLowerCase(),
  );
  if (byId) return { kind: "report", reportId: Number(wanted), reportName: found[0]?.name ?? "" };
  if (found.length === 1) return { kind: "report", reportId: found[0]!.id, reportName: found[0]!.name };
  if (found.length === 0) throw new CliError("Usage", `no saved report is named "${report}".`);
  throw new CliError(
    "Usage",
    `${found.length} reports are named "${report}" (ids ${found.map((r) => r.id).join(", ")}): use --report <id>.`,
  );
}

export async function pull(args: PullArgs, deps: PullDeps): Promise<number> {
  const client = await deps.connect(args.connection);
  const source: PullSource =
    args.source.kind === "report"
      ? await reportSource(client, args.source.report)
      : args.source.kind === "sql"
        ? { kind: "sql", sql: args.source.sql }
        : { kind: "entity", entity: args.source.entity };
  const table = await pullSource(client, source, {
    onProgress: (p) => {
      if (source.kind === "entity")
        deps.stderr(`pull: ${p.rows}${p.total === undefined ? "" : `/${p.total}`} rows\n`);
    },
  });
  if (isXlsxPath(args.out)) {
    await writeXlsx(args.out, {
      table,
      source,
      label: sourceLabel(source),
      instanceUrl: client.instanceUrl,
      ...(source.kind === "entity" ? { entity: source.entity } : {}),
      pulledAt: new Date(deps.clock?.now() ?? Date.now()),
    });
  } else {
    await writeCsv(args.out, table.headers, table.rows);
  }
  for (const warning of table.warnings) deps.stderr(`pull: warning: ${warning.message}\n`);
  deps.stderr(`pull: ${table.rows.length} rows, ${table.headers.length} columns written to ${args.out}\n`);
  return table.warnings.some((w) => w.kind === "totalChanged") ? EXIT_ROWS_FAILED : EXIT_OK;
}
