/**
 * Building Halo payloads for 10,000 and 100,000 rows, each approach timed on the same rows in the
 * same run (best of several rounds after a warm-up):
 * - "HALO.PAYLOAD per cell": the function called once per row, as Excel recalculates a column of
 *   =HALO.PAYLOAD($A$1:$H$1, A2:H2, "Client") cells (2-D ranges, floats, serial dates, blanks).
 * - "HALO.PAYLOAD spilled": one call with all rows, as =HALO.PAYLOAD($A$1:$H$1, A2:H100001, "Client").
 * - "push engine": rowsToPayloads, what a push runs over the selected rows.
 * - "Postman guide concatenation": the guide's ="{""id"":"&A2&",..."}" formulas, computed in
 *   JavaScript for the same rows: no typing, no escaping, no checks (the baseline).
 * Plus the end-to-end recalculation of 10,000 =HALO.PAYLOAD cells in the workbench's formula engine.
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata/lib/generate";
import { resolve } from "node:path";
import { rowsToPayloads, type CellValue, type SheetRow } from "../src/bulk";
import { payload } from "../src/functions/functions";
import { customFunctions } from "../src/functions/register";
import type { CustomFunctionsMetadataFile } from "../workbench/formula/customFunctions";
import { Workbook } from "../workbench/model/workbook";
import { duration, int, table } from "./lib/format";

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

export async function measurePayloads(counts: number[], log: (line: string) => void): Promise<Measurement[]> {
  const results: Measurement[] = [];
  for (const dataset of [POSTMAN, TYPED_CLIENTS])
    for (const count of counts) {
      const measured = measure(dataset, count);
      for (const m of measured)
        log(
          `${m.dataset} | ${int(m.rows)} rows | ${m.approach}: ${m.ms.toFixed(1)} ms, ${int(rate(m))} rows/s`,
        );
      results.push(...measured);
    }
  return results;
}

export interface Recalculation {
  cells: number;
  fillDownMs: number;
  recalcAllMs: number;
  sample: string;
}

/** =HALO.PAYLOAD filled down `cells` rows of typed client columns in the workbench, then Ctrl+Alt+F9. */
export async function measureRecalculation(cells: number): Promise<Recalculation> {
  const generated = await generateCustomFunctionsMetadata(
    resolve(__dirname, "../src/functions/functions.ts"),
  );
  const wb = new Workbook();
  wb.customFunctions.loadMetadata(JSON.parse(generated.metadataJson) as CustomFunctionsMetadataFile, "HALO");
  wb.customFunctions.associate(customFunctions);
  const sheet = wb.getActiveSheet().id;
  const width = CLIENT_HEADERS.length;
  wb.setInputs(sheet, 0, 0, [CLIENT_HEADERS]);
  wb.setInputs(
    sheet,
    1,
    0,
    TYPED_CLIENTS.rows(cells).map((row) =>
      row.map((v) => (typeof v === "boolean" ? String(v).toUpperCase() : String(v))),
    ),
  );
  const lastColumn = String.fromCharCode(64 + width);
  wb.setCellInput(sheet, 1, width, `=HALO.PAYLOAD($A$1:$${lastColumn}$1, A2:${lastColumn}2, "Client")`);
  let start = performance.now();
  wb.fillDown(sheet, { row: 1, col: width, rowCount: cells, colCount: 1 });
  await wb.whenCalculated();
  const fillDownMs = performance.now() - start;
  start = performance.now();
  wb.recalculateAll();
  await wb.whenCalculated();
  const recalcAllMs = performance.now() - start;
  const sample = String(wb.getValue(sheet, cells, width));
  JSON.parse(sample); // a payload, not an error value: the timing measured real work
  return { cells, fillDownMs, recalcAllMs, sample };
}

export function payloadMarkdown(results: Measurement[], recalc: Recalculation): string {
  const rows = results.map((m) => {
    const baseline = results.find(
      (b) => b.dataset === m.dataset && b.rows === m.rows && b.approach.startsWith("Postman"),
    )!;
    return [
      int(m.rows),
      m.dataset,
      m.approach,
      m.ms.toFixed(1),
      int(rate(m)),
      `${(m.ms / baseline.ms).toFixed(1)}x time`,
    ];
  });
  return [
    "### 3. Payload building",
    "",
    "Best of 3-5 rounds after a warm-up, all in one run. The baseline is the Postman guide's string concatenation computed in " +
      "JavaScript: it does no typing, no escaping and no checks, so it is the floor for any real work per row, not an equal competitor.",
    "",
    table(["Rows", "Dataset", "Approach", "Time (ms)", "Rows per second", "vs baseline"], rows, [
      "r",
      "l",
      "l",
      "r",
      "r",
      "r",
    ]),
    "",
    `End to end in the workbench (its formula engine calling the add-in's real HALO.PAYLOAD with Excel's argument shapes, ${int(recalc.cells)} rows × ${CLIENT_HEADERS.length} typed client columns):`,
    "",
    table(
      ["Cells", "Fill down =HALO.PAYLOAD (enter + calculate)", "Recalculate all (Ctrl+Alt+F9)"],
      [[int(recalc.cells), duration(recalc.fillDownMs), duration(recalc.recalcAllMs)]],
      ["r", "r", "r"],
    ),
    "",
  ].join("\n");
}
