/**
 * Peak heap planning and pushing N rows: memoryChild.ts in a fresh Node process (so nothing else
 * shares its heap), once free and once with the old generation capped at the target, which proves
 * the run fits rather than sampling that it did.
 */
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { duration, int, table, target } from "./lib/format";

export const TARGET_MB = 300;

export interface MemoryResult {
  rows: number;
  updated: number;
  baseMb: number;
  peakMb: number;
  maxRssMb: number;
  requests: number;
  simMs: number;
  planMs: number;
  realMs: number;
  cappedRun: string;
}

async function child(rows: number, capMb?: number): Promise<Omit<MemoryResult, "cappedRun">> {
  const args = [
    "--import",
    "tsx",
    "--expose-gc",
    ...(capMb ? [`--max-old-space-size=${capMb}`] : []),
    resolve(__dirname, "memoryChild.ts"),
    String(rows),
  ];
  const { stdout } = await promisify(execFile)(process.execPath, args, {
    cwd: resolve(__dirname, ".."),
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as Omit<MemoryResult, "cappedRun">;
}

export async function measureMemory(rows: number): Promise<MemoryResult> {
  const free = await child(rows);
  let cappedRun: string;
  try {
    const capped = await child(rows, TARGET_MB);
    cappedRun = `finished: ${int(capped.updated)} of ${int(rows)} rows Updated`;
  } catch (error) {
    cappedRun = `failed: ${String((error as Error).message).split("\n")[0]}`;
  }
  return { ...free, cappedRun };
}

export function memoryMarkdown(m: MemoryResult): string {
  return [
    `### 4. Memory: planning and pushing ${int(m.rows)} rows`,
    "",
    "A fresh Node process builds the sheet rows (4 columns), plans them and pushes them through HaloSheet's client and engine " +
      "to an echoing Halo (answers every POST as saved, Halo's rate limit, 100 ms latency, simulated clock): the heap holds the " +
      "rows, the plan, the results and the client, not a server. Heap sampled after planning and at every progress event.",
    "",
    table(
      [
        "Rows",
        "Heap before",
        "Peak heap",
        "Peak RSS",
        "Requests",
        "Planning",
        "Whole run (real)",
        `Run with heap capped at ${TARGET_MB} MB`,
      ],
      [
        [
          int(m.rows),
          `${m.baseMb.toFixed(0)} MB`,
          `${m.peakMb.toFixed(0)} MB`,
          `${m.maxRssMb.toFixed(0)} MB`,
          int(m.requests),
          duration(m.planMs),
          duration(m.realMs),
          m.cappedRun,
        ],
      ],
      ["r", "r", "r", "r", "r", "r", "r", "l"],
    ),
    "",
    `Target: peak heap under ${TARGET_MB} MB: ${target(m.peakMb < TARGET_MB && m.cappedRun.startsWith("finished"), `${m.peakMb.toFixed(0)} MB`)}.`,
    "",
  ].join("\n");
}
