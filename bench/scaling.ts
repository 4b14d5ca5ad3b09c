/**
 * Requests and time at 1k, 10k and 100k rows: HaloSheet's client and engine pushing to an echoing
 * Halo at Halo's limit (simulated clock), beside the ideal ceil(rows / batch) and the rate-limit
 * floor of the requests made. Writes a small SVG chart (log-log: a line of slope 1 is linear growth).
 */
import { buildPlan, haloClientPort, startRun, type CellValue } from "../src/bulk";
import { echoSession } from "./lib/echoHalo";
import { HALO_LIMIT, rateLimitFloorMs } from "./lib/floor";
import { atMost, duration, int, table, target } from "./lib/format";
import { BATCH_ROWS } from "./push";

export interface ScalePoint {
  rows: number;
  ideal: number;
  requests: number;
  tooMany: number;
  simMs: number;
  floorMs: number;
  realMs: number;
}

export async function measureScale(rows: number): Promise<ScalePoint> {
  const { clock, wire, client } = echoSession();
  const sheetRows = Array.from({ length: rows }, (_, i) => ({
    rowNumber: i + 2,
    values: [i + 1, `Renamed client ${i + 1}`] as CellValue[],
  }));
  const realStart = performance.now();
  const plan = buildPlan({
    entity: "Client",
    source: { headers: ["id", "name"], rows: sheetRows },
    options: { batchRows: BATCH_ROWS },
  });
  const report = await startRun(plan, haloClientPort(client), { clock, readBeforeImages: false }).done;
  const updated = report.results.filter((r) => r.status === "Updated").length;
  if (updated !== rows) throw new Error(`scaling ${rows}: only ${updated} rows Updated`);
  return {
    rows,
    ideal: Math.ceil(rows / BATCH_ROWS),
    requests: wire.requests,
    tooMany: wire.tooManyRequests,
    simMs: clock.elapsedMs,
    floorMs: rateLimitFloorMs(wire.counts),
    realMs: performance.now() - realStart,
  };
}

/** requests against rows / batch, log-log, with the ideal line y = x. */
export function scalingSvg(points: ScalePoint[]): string {
  const width = 420;
  const height = 300;
  const pad = { left: 60, right: 20, top: 30, bottom: 50 };
  const xs = points.map((p) => p.ideal);
  const ys = points.map((p) => p.requests);
  const lo = Math.log10(Math.min(...xs, ...ys) / 2);
  const hi = Math.log10(Math.max(...xs, ...ys) * 2);
  const sx = (v: number) => pad.left + ((Math.log10(v) - lo) / (hi - lo)) * (width - pad.left - pad.right);
  const sy = (v: number) =>
    height - pad.bottom - ((Math.log10(v) - lo) / (hi - lo)) * (height - pad.top - pad.bottom);
  const ticks: number[] = [];
  for (let e = Math.ceil(lo); e <= Math.floor(hi); e++) ticks.push(10 ** e);
  const min = 10 ** lo;
  const max = 10 ** hi;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${width / 2}" y="16" text-anchor="middle" font-size="13">Requests vs rows / batch (log-log)</text>`,
    ...ticks.flatMap((t) => [
      `<line x1="${sx(t).toFixed(1)}" y1="${pad.top}" x2="${sx(t).toFixed(1)}" y2="${height - pad.bottom}" stroke="#ddd"/>`,
      `<line x1="${pad.left}" y1="${sy(t).toFixed(1)}" x2="${width - pad.right}" y2="${sy(t).toFixed(1)}" stroke="#ddd"/>`,
      `<text x="${sx(t).toFixed(1)}" y="${height - pad.bottom + 14}" text-anchor="middle">${int(t)}</text>`,
      `<text x="${pad.left - 6}" y="${(sy(t) + 4).toFixed(1)}" text-anchor="end">${int(t)}</text>`,
    ]),
    `<line x1="${sx(min).toFixed(1)}" y1="${sy(min).toFixed(1)}" x2="${sx(max).toFixed(1)}" y2="${sy(max).toFixed(1)}" stroke="#888" stroke-dasharray="4 3"/>`,
    `<polyline fill="none" stroke="#0f6cbd" stroke-width="2" points="${points.map((p) => `${sx(p.ideal).toFixed(1)},${sy(p.requests).toFixed(1)}`).join(" ")}"/>`,
    ...points.map(
      (p) =>
        `<circle cx="${sx(p.ideal).toFixed(1)}" cy="${sy(p.requests).toFixed(1)}" r="4" fill="#0f6cbd"><title>${int(p.rows)} rows: ${int(p.requests)} requests</title></circle>`,
    ),
    `<text x="${width / 2}" y="${height - 12}" text-anchor="middle">ceil(rows / ${BATCH_ROWS}) (${points.map((p) => int(p.rows)).join(", ")} rows)</text>`,
    `<text x="14" y="${height / 2}" text-anchor="middle" transform="rotate(-90 14 ${height / 2})">requests made</text>`,
    `<text x="${pad.left + 8}" y="${pad.top + 12}" fill="#0f6cbd">● HaloSheet, measured</text>`,
    `<text x="${pad.left + 8}" y="${pad.top + 26}" fill="#888">- - requests = rows / batch</text>`,
    "</svg>",
  ];
  return parts.join("\n") + "\n";
}

export function scalingMarkdown(points: ScalePoint[], chartPath: string): string {
  return [
    "### 5. Scaling",
    "",
    `HaloSheet (batches of ${BATCH_ROWS}) pushing to an echoing Halo at Halo's limit with ${HALO_LIMIT.latencyMs} ms latency, simulated clock. ` +
      "Requests include the token and discovery requests.",
    "",
    table(
      [
        "Rows",
        "ceil(rows / batch)",
        "Requests",
        "429s",
        "Time (simulated)",
        "Rate-limit floor",
        "Real time",
        "Linear",
      ],
      points.map((p) => [
        int(p.rows),
        int(p.ideal),
        int(p.requests),
        int(p.tooMany),
        duration(p.simMs),
        duration(p.floorMs),
        duration(p.realMs),
        target(
          p.requests <= Math.floor(p.ideal * 1.05) + 3,
          atMost(p.requests, Math.floor(p.ideal * 1.05) + 3),
        ),
      ]),
      ["r", "r", "r", "r", "r", "r", "r", "l"],
    ),
    "",
    `![Requests against rows / batch, log-log](${chartPath})`,
    "",
  ].join("\n");
}
