/**
 * CSV in and out with csv-parse / csv-stringify. Rows are numbered as a spreadsheet opened from the
 * file would number them (header = row 1), so messages name cells the user can find; blank rows are
 * left out. Formula-looking text is neutralised on the way out and restored on the way in.
 */
import { constants } from "node:fs";
import { access, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { CellValue, SheetRow } from "../bulk";
import { CliError } from "./cliErrors";
import { decodeCsv } from "./csvEncoding";
import { neutraliseFormula, restoreFormula } from "./formulaText";

export interface CsvTable {
  headers: string[];
  rows: SheetRow[];
}

export function parseCsv(text: string, name: string): CsvTable {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    throw new CliError(
      "File",
      `${name} is not valid CSV: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (records.length === 0) throw new CliError("File", `${name} is empty: it needs a header row.`);
  const [headers, ...data] = records;
  // A ragged row's extra cells get blank headers, so the push names them instead of dropping them.
  const width = Math.max(headers.length, ...data.map((values) => values.length));
  return {
    headers: Array.from({ length: width }, (_, i) => (headers[i] ?? "").trim()),
    rows: data
      .map((values, i) => ({ rowNumber: i + 2, values: values.map(restoreFormula) }))
      .filter((row) => row.values.some((value) => value.trim() !== "")),
  };
}

export async function readCsv(path: string, encoding?: string): Promise<CsvTable> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new CliError(
      "File",
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  return parseCsv(decodeCsv(bytes, path, encoding), path);
}

/** A cell as CSV text: objects and arrays as JSON, blanks empty, formula-looking text neutralised. */
function csvCell(value: unknown): string | number | boolean {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return neutraliseFormula(JSON.stringify(value));
  return neutraliseFormula(value as string | number | boolean);
}

function cannotWrite(path: string, error: unknown): CliError {
  return new CliError(
    "File",
    `cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
  );
}

/**
 * Fails now if `path` cannot be written (missing folder, no permission), so a push finds out before
 * it changes anything in Halo rather than after, when the row results would be lost. Writes nothing:
 * an existing file is left as it is and no empty file is made.
 */
export async function checkWritable(path: string): Promise<void> {
  try {
    await access(path, constants.W_OK);
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw cannotWrite(path, error);
  }
  try {
    await access(dirname(resolve(path)), constants.W_OK);
  } catch (error) {
    throw cannotWrite(path, error);
  }
}

/** Rows as CSV lines (objects as JSON, formula-looking text neutralised). */
export function csvLines(rows: (CellValue | unknown)[][]): string {
  return stringify(rows.map((row) => row.map(csvCell)));
}

/** Writes the whole file at once: to a temporary name, then renamed over `path`, so a kill never leaves half a file. */
export async function writeCsv(
  path: string,
  headers: string[],
  rows: (CellValue | unknown)[][],
): Promise<void> {
  const partial = `${path}.partial`;
  try {
    await writeFile(partial, csvLines([headers, ...rows]), "utf8");
    await rename(partial, path);
  } catch (error) {
    throw cannotWrite(path, error);
  }
}
