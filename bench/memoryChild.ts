/**
 * Run in its own process by memory.ts (`node --import tsx --expose-gc bench/memoryChild.ts <rows>`):
 * plans and pushes <rows> updates through HaloSheet's real client and engine to an echoing Halo on the
 * simulated clock, sampling the heap after the plan and at every progress event. Prints one JSON line.
 */
import { buildPlan, haloClientPort, startRun, type CellValue } from "../src/bulk";
import { echoSession } from "./lib/echoHalo";

async function main(): Promise<void> {
  const rows = Number(process.argv[2]);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const baseMb = process.memoryUsage().heapUsed / 2 ** 20;
  let peakMb = baseMb;
  const sample = () => (peakMb = Math.max(peakMb, process.memoryUsage().heapUsed / 2 ** 20));
  const started = performance.now();

  const { clock, wire, client } = echoSession();
  const sheetRows = Array.from({ length: rows }, (_, i) => ({
    rowNumber: i + 2,
    values: [i + 1, `Renamed client ${i + 1}`, (i % 20) + 1, i % 2 === 0] as CellValue[],
  }));
  sample();
  const plan = buildPlan({
    entity: "Client",
    source: { headers: ["id", "name", "toplevel_id", "inactive"], rows: sheetRows },
  });
  sample();
  const planMs = performance.now() - started;
  const report = await startRun(plan, haloClientPort(client), {
    clock,
    readBeforeImages: false,
    onProgress: sample,
  }).done;
  sample();
  const updated = report.results.filter((r) => r.status === "Updated").length;
  console.log(
    JSON.stringify({
      rows,
      updated,
      baseMb,
      peakMb,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      requests: wire.requests,
      simMs: clock.elapsedMs,
      planMs,
      realMs: performance.now() - started,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
