/**
 * Benchmark (not a test): building Halo payloads for 10,000 and 100,000 rows.
 *
 *   npm run bench
 *
 * - "HALO.PAYLOAD per cell": the function called once per row, as Excel recalculates a column of
 *   =HALO.PAYLOAD($A$1:$H$1, A2:H2, "Client") cells (2-D ranges, floats, serial dates, blanks).
 * - "HALO.PAYLOAD spilled": one call with all rows, as =HALO.PAYLOAD($A$1:$H$1, A2:H100001, "Client").
 * - "push engine": rowsToPayloads, what a push runs over the selected rows.
 * - "Postman guide concatenation": the guide's ="{""id"":"&A2&",..."}" formulas, computed in
 *   JavaScript for the same rows: no typing, no escaping, no checks (the baseline).
 * Each is timed on the same run and the same rows; the best of several rounds is kept.
 * Results print and go to bench/results/payload.md.
 */
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { resolve } from "node:path";
import { format as formatWithPrettier, resolveConfig } from "prettier";
import { rowsToPayloads } from "../src/bulk/payload";
import type { CellValue, SheetRow } from "../src/bulk/cells";
import { payload } from "../src/functions/functions";

type Row = CellValue[];

interface Dataset {
  name: string;
  entity: string | undefined;
  headers: string[];
  rows: (count: number) => Row[];
  /** The Postman guide's formula for one row, in JavaScript. */
  concatenate: (row: Row) => string;
}

/** A small deterministic PRNG so every run builds the same rows. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const POSTMAN: Dataset = {
  name: "Postman guide (id, item_tax_code)",
  entity: undefined,
  headers: ["id", "item_tax_code"],
  rows: (count) => Array.from({ length: count }, (_, i) => [i + 1, (i % 3) + 1]),
  concatenate: (row) => '{"id":' + String(row[0]) + ',"item_tax_code":' + String(row[1]) + "}",
};

const CLIENT_HEADERS = [
  "id",
  "name",
  "toplevel_id",
  "inactive",
  "datecreated",
  "chargehours",
  "customfields.CFContractRef",
  "customfields.145",
];

const TYPED_CLIENTS: Dataset = {
  name: "Client, 8 typed columns",
  entity: "Client",
  headers: CLIENT_HEADERS,
  rows: (count) => {
    const next = random(42);
    return Array.from({ length: count }, (_, i) => [
      i + 1, // Excel passes every number as a float
      `Client ${i + 1}`,
      next() < 0.2 ? "" : Math.floor(next() * 20) + 1, // blank cells are left out
      next() < 0.5,
      44927 + Math.floor(next() * 700) + 0.5, // serial date-times
      Math.round(next() * 1000) / 10,
      next() < 0.1 ? "#NULL" : `CR-${i}`,
      String(Math.floor(next() * 100)),
    ]);
  },
  // ="{""id"":"&A2&",""name"":"""&B2&""",...}" as the guide writes it, one cell per row.
  concatenate: ([id, name, toplevel, inactive, created, hours, contractRef, cf145]) =>
    `{"id":${String(id)},"name":"${String(name)}","toplevel_id":${String(toplevel)},` +
    `"inactive":${String(inactive).toUpperCase()},"datecreated":${String(created)},"chargehours":${String(hours)},` +
    `"customfields":[{"name":"CFContractRef","value":"${String(contractRef)}"},{"id":145,"value":"${String(cf145)}"}]}`,
};

interface Measurement {
  dataset: string;
  rows: number;
  approach: string;
  ms: number;
}

/** Best wall time of `rounds` runs, after one warm-up run. */
function time(rounds: number, run: () => number): number {
  let sink = run();
  let best = Infinity;
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    sink += run();
    best = Math.min(best, performance.now() - start);
  }
  if (sink < 0) console.log(sink); // keeps the work observable so it is not optimised away
  return best;
}

function measure(dataset: Dataset, count: number): Measurement[] {
  const rows = dataset.rows(count);
  const headerRange = [dataset.headers];
  const entity = dataset.entity ?? "";
  const rounds = count >= 100_000 ? 3 : 5;
  const sheetRows: SheetRow[] = rows.map((values, i) => ({ rowNumber: i + 2, values }));

  // The results must agree in count before they are timed, or the comparison means nothing.
  const perCell = rows.map((row) => payload(headerRange, [row], entity)[0]![0]);
  const failed = perCell.filter((text) => typeof text !== "string").length;
  if (failed > 0) throw new Error(`${dataset.name}: ${failed} rows failed in HALO.PAYLOAD`);

  const approaches: [string, () => number][] = [
    [
      "HALO.PAYLOAD per cell",
      () => {
        let length = 0;
        for (const row of rows) length += (payload(headerRange, [row], entity)[0]![0] as string).length;
        return length;
      },
    ],
    ["HALO.PAYLOAD spilled", () => payload(headerRange, rows, entity).length],
    [
      "push engine (rowsToPayloads)",
      () => rowsToPayloads(dataset.headers, sheetRows, { entity: dataset.entity }).payloads.length,
    ],
    [
      "Postman guide concatenation (baseline)",
      () => {
        let length = 0;
        for (const row of rows) {
          const text = dataset.concatenate(row);
          length += text.charCodeAt(text.length - 1); // reading a character flattens the joined text, as a cell holds it
        }
        return length;
      },
    ],
  ];
  return approaches.map(([approach, run]) => ({
    dataset: dataset.name,
    rows: count,
    approach,
    ms: time(rounds, run),
  }));
}

const rate = (m: Measurement): number => Math.round((m.rows / m.ms) * 1000);
const format = (n: number): string => n.toLocaleString("en-US");

async function main(): Promise<void> {
  const results: Measurement[] = [];
  for (const dataset of [POSTMAN, TYPED_CLIENTS])
    for (const count of [10_000, 100_000]) {
      const measured = measure(dataset, count);
      for (const m of measured)
        console.log(
          `${m.dataset} | ${format(m.rows)} rows | ${m.approach}: ${m.ms.toFixed(1)} ms, ${format(rate(m))} rows/s`,
        );
      results.push(...measured);
    }

  const lines = [
    "# Payload benchmark",
    "",
    "Written by `npm run bench` (bench/payload.bench.ts). Best of 3-5 rounds after a warm-up, all on one run.",
    `Node ${process.version}, ${cpus()[0]?.model ?? "unknown CPU"} (${cpus().length} cores, shared), ${new Date().toISOString()}.`,
    "",
    "The baseline is the Postman guide's string concatenation computed in JavaScript: it does no typing,",
    "no escaping and no checks, so it is the floor for any real work per row, not an equal competitor.",
    "",
    "| Rows | Dataset | Approach | Time (ms) | Rows per second | vs baseline |",
    "| ---: | --- | --- | ---: | ---: | ---: |",
  ];
  for (const m of results) {
    const baseline = results.find(
      (b) => b.dataset === m.dataset && b.rows === m.rows && b.approach.startsWith("Postman"),
    )!;
    lines.push(
      `| ${format(m.rows)} | ${m.dataset} | ${m.approach} | ${m.ms.toFixed(1)} | ${format(rate(m))} | ${(m.ms / baseline.ms).toFixed(1)}x time |`,
    );
  }
  const tenThousandCells = results.find(
    (m) => m.rows === 10_000 && m.dataset === TYPED_CLIENTS.name && m.approach === "HALO.PAYLOAD per cell",
  )!;
  lines.push(
    "",
    `Recalculating 10,000 typed =HALO.PAYLOAD cells takes ${tenThousandCells.ms.toFixed(0)} ms of function time ` +
      "(Excel's own calculation overhead per cell comes on top).",
    "",
  );
  const file = resolve(__dirname, "results", "payload.md");
  // Formatted as the repository's lint expects (prettier --check covers Markdown too).
  writeFileSync(
    file,
    await formatWithPrettier(lines.join("\n"), { ...(await resolveConfig(file)), parser: "markdown" }),
  );
  console.log(`\nWrote ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
