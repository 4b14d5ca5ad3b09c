/**
 * Pull N rows x 20 columns: (a) into a workbench sheet, as the add-in writes them (writeRowsInChunks:
 * syncs under Excel's 5 MB request limit) vs one sync with everything (Excel refuses it) vs one sync
 * per row; (b) what reading the same rows costs from Halo at its limit: the entity list page by page
 * vs one saved report, measured on the sandbox with the simulated clock.
 */
import { writeRowsInChunks, type SheetValue } from "../src/office/chunkedWrite";
import { listEntities, loadReport } from "../src/halo";
import type { BenchHalo, Session } from "./lib/benchHalo";
import { HALO_LIMIT, rateLimitFloorMs } from "./lib/floor";
import { bytes, duration, int, table, target } from "./lib/format";
import { installWorkbench } from "./lib/workbench";

const COLUMNS = 20;
const EXCEL_LIMIT_BYTES = 5 * 1024 * 1024;

/** Report-shaped rows: ids, names, numbers, dates, flags, free text. */
function reportRows(count: number): SheetValue[][] {
  return Array.from({ length: count }, (_, i) => [
    i + 1,
    `Client ${i + 1}`,
    `Site ${(i % 7) + 1}`,
    (i * 37) % 1000,
    Math.round(((i * 7919) % 100_000) / 7) / 10,
    `2026-0${(i % 9) + 1}-1${i % 10}T09:30:00`,
    i % 3 === 0,
    `user${i}@example.com`,
    `020 7946 ${String(i % 10_000).padStart(4, "0")}`,
    `Street ${i % 500}`,
    `Town ${i % 97}`,
    `PC${i % 90} ${i % 9}AB`,
    (i % 5) + 1,
    `Notes for record ${i + 1}: renewal due`,
    i % 12,
    `REF-${(i * 13) % 99_999}`,
    i % 2 === 0 ? "Active" : "On hold",
    (i * 3) % 250,
    `Agent ${(i % 12) + 1}`,
    `Category ${i % 8}`,
  ]);
}

export interface SheetWrite {
  approach: string;
  syncs: number;
  largestSyncBytes: number;
  ms: number;
  outcome: string;
}

async function timedWrite(approach: string, write: () => Promise<void>): Promise<SheetWrite> {
  const bench = installWorkbench();
  const start = performance.now();
  let outcome = "written";
  try {
    await write();
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    outcome = `refused: ${code} ${(error as Error).message}`;
  } finally {
    bench.uninstall();
  }
  const syncs = bench.syncs();
  return {
    approach,
    ms: performance.now() - start,
    outcome,
    syncs: syncs.length,
    largestSyncBytes: Math.max(0, ...syncs),
  };
}

export async function measureSheetWrites(rowCount: number): Promise<SheetWrite[]> {
  const rows = reportRows(rowCount);
  const excel = () => (globalThis as unknown as { Excel: typeof Excel }).Excel;
  return [
    await timedWrite("HaloSheet (writeRowsInChunks)", () => writeRowsInChunks("Sheet1", 0, 0, rows)),
    await timedWrite("one sync with every row", () =>
      excel().run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, rows.length, COLUMNS).values = rows;
        await ctx.sync();
      }),
    ),
    await timedWrite("one sync per row", () =>
      excel().run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem("Sheet1");
        for (const [i, row] of rows.entries()) {
          sheet.getRangeByIndexes(i, 0, 1, COLUMNS).values = [row];
          // The baseline being measured: a round trip per row.
          await ctx.sync();
        }
      }),
    ),
  ];
}

export interface HaloRead {
  approach: string;
  rows: number;
  requests: number;
  /** Of those, the ones Halo's rate limit counts (see bench/lib/floor.ts). */
  limited: number;
  tooMany: number;
  simMs: number;
  floorMs: number;
  realMs: number;
}

const REPORT_SQL =
  "SELECT TOP 50000 id, name, toplevel_id, toplevel_name, inactive, colour, item_tax_code, service_tax_code, " +
  "pritech, sectech, accountmanagertech, notes, datecreated, calldate, chargehours, chargeperiod, invoiceyes, " +
  "fluserdef1, fluserdef2, mailbox_override FROM Area ORDER BY id";

/** Reads every client of `halo` (a sandbox holding them) by paging and by one saved report. */
export async function measureHaloReads(halo: BenchHalo): Promise<HaloRead[]> {
  const results: HaloRead[] = [];
  const measure = async (approach: string, read: (session: Session) => Promise<number>) => {
    const session = await halo.session();
    const startSim = halo.clock.now();
    const realStart = performance.now();
    const rows = await read(session);
    const { requests, limited, tooManyRequests, counts } = session.wire;
    results.push({
      approach,
      rows,
      requests,
      limited,
      tooMany: tooManyRequests,
      simMs: halo.clock.now() - startSim,
      floorMs: rateLimitFloorMs(counts),
      realMs: performance.now() - realStart,
    });
  };
  await measure(
    "entity list, paged (100 per page)",
    async ({ client }) => (await listEntities(client, "Client")).rows.length,
  );
  // The report is saved once beforehand (as an admin would), then loaded.
  const setup = await halo.session();
  const saved = await setup.client.request<unknown>("POST", "/Report", {
    body: [{ name: "Bench: all clients", sql: REPORT_SQL }],
  });
  const reportId = Number(
    (Array.isArray(saved) ? (saved[0] as { id: unknown }) : (saved as { id: unknown })).id,
  );
  await measure(
    "saved report (one request)",
    async ({ client }) => (await loadReport(client, reportId)).rows.length,
  );
  return results;
}

/** The same reads for `rows` rows, from the measured requests per row and the floor formula. */
export function scaledReads(measured: HaloRead[], rows: number): HaloRead[] {
  return measured.map((m) => {
    const morePages = m.approach.startsWith("saved report")
      ? 0
      : Math.ceil(rows / 100) - Math.ceil(m.rows / 100);
    const requests = m.requests + morePages;
    const limited = m.limited + morePages;
    return {
      ...m,
      approach: `${m.approach}, computed`,
      rows,
      requests,
      limited,
      tooMany: NaN,
      simMs: NaN,
      floorMs: rateLimitFloorMs({ limited, total: requests }),
      realMs: NaN,
    };
  });
}

export function pullMarkdown(rowCount: number, writes: SheetWrite[], reads: HaloRead[]): string {
  const chunked = writes[0];
  return [
    `### 2. Pull ${int(rowCount)} rows × ${COLUMNS} columns`,
    "",
    "Into a workbench sheet through the workbench's Excel API in Node (the same proxy objects, sync rules and 5 MB request limit the " +
      "browser workbench enforces). Bytes per sync are the workbench's own count of the request it checks against the limit.",
    "",
    table(
      ["Approach", "Syncs", "Largest sync", "Wall time", "Outcome"],
      writes.map((w) => [w.approach, int(w.syncs), bytes(w.largestSyncBytes), duration(w.ms), w.outcome]),
      ["l", "r", "r", "r", "l"],
    ),
    "",
    `Target: every sync under 5 MB: ${target(chunked.largestSyncBytes < EXCEL_LIMIT_BYTES && chunked.outcome === "written", `largest ${bytes(chunked.largestSyncBytes)}`)}.`,
    "",
    `Reading rows from Halo: measured on the push benchmark's sandbox (its clients, ${HALO_LIMIT.latencyMs} ms latency, Halo's limit, simulated clock, HaloSheet's client with its rate limiter); ` +
      `the ${int(rowCount)}-row lines are computed from the measured requests per page and the same floor formula ` +
      "(a sandbox holding that many records takes minutes to fill on 2 cores). A saved report answers up to 50,000 rows in one request.",
    "",
    table(
      [
        "Read",
        "Rows",
        "Requests",
        "429s",
        "Time at Halo's limit (simulated)",
        "Rate-limit floor",
        "Real time",
      ],
      reads.map((r) => [
        r.approach,
        int(r.rows),
        int(r.requests),
        Number.isNaN(r.tooMany) ? "-" : int(r.tooMany),
        Number.isNaN(r.simMs) ? "-" : duration(r.simMs),
        duration(r.floorMs),
        Number.isNaN(r.realMs) ? "-" : duration(r.realMs),
      ]),
      ["l", "r", "r", "r", "r", "r", "r"],
    ),
    "",
  ].join("\n");
}
