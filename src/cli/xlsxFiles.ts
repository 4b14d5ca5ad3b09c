/**
 * Excel workbooks for the command line (exceljs): `pull --out rows.xlsx` writes the rows as an Excel table
 * with the same pull record and snapshot the add-in keeps (very hidden sheets, src/office/workbookStore's
 * layout), and `push --in rows.xlsx [--sheet NAME]` reads a sheet, taking the value Excel last calculated
 * for each formula cell, so a HALO.PAYLOAD column built in Excel can be pushed headless.
 */
import ExcelJS from "exceljs";
import type { CellValue, SheetRow } from "../bulk";
import type { PulledTable, PullSource } from "../halo";
import { CliError } from "./cliErrors";
import type { CsvTable } from "./csvFiles";

/** Must match src/office/workbookStore.ts: records on this sheet, blocks on their own sheets. */
const STORE_SHEET = "HaloSheet.store";
const SNAPSHOT_SHEET = "HaloSheet.b1";
const CHUNK_CHARS = 30_000;
const SHEET_NAME_MAX = 31;

export function isXlsxPath(path: string): boolean {
  return /\.xlsx$/i.test(path);
}

/** The CLI's workbooks are not opened by Excel yet, so the sheet has no Office id: the add-in finds it by name. */
export function cliSheetId(sheetName: string): string {
  return `name:${sheetName}`;
}

function sheetNameFor(label: string): string {
  const cleaned =
    label
      .replace(/[[\]:*?/\\]/g, " ")
      .replace(/\s+/g, " ")
      .trim() || "Halo";
  return cleaned.slice(0, SHEET_NAME_MAX).trimEnd();
}

function tableNameFor(label: string): string {
  return `Halo_${label.replace(/[^\p{L}\p{N}_]+/gu, "_").replace(/^_+|_+$/g, "") || "rows"}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/;

/** A date column's ISO text as a Date whose UTC clock is Halo's (exceljs writes UTC as the cell's time). */
function asDate(value: string): Date | undefined {
  const m = ISO_DATE.exec(value);
  if (m === null) return undefined;
  const [, y, mo, d, h = "0", mi = "0", s = "0"] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function storeRecord(sheet: ExcelJS.Worksheet, row: number, key: string, value: unknown): void {
  const text = JSON.stringify(value);
  const chunks: string[] = [];
  for (let at = 0; at < text.length; at += CHUNK_CHARS) chunks.push(text.slice(at, at + CHUNK_CHARS));
  sheet.getRow(row).values = [key, chunks.length, ...chunks];
}

export interface XlsxPull {
  table: PulledTable;
  source: PullSource;
  label: string;
  instanceUrl: string;
  entity?: string;
  pulledAt: Date;
}

/** Writes the pulled rows as a table on a sheet named after the source, with the pull record and snapshot. */
export async function writeXlsx(path: string, pull: XlsxPull): Promise<void> {
  const { table } = pull;
  const workbook = new ExcelJS.Workbook();
  const sheetName = sheetNameFor(pull.label);
  const sheet = workbook.addWorksheet(sheetName);
  const tableName = tableNameFor(pull.label);
  const dateColumns = new Set(table.types.flatMap((t, c) => (t === "datetime" ? [c] : [])));
  const rows = table.rows.map((row) =>
    row.map((value, c) => {
      if (value === null) return null;
      if (typeof value === "string" && dateColumns.has(c)) return asDate(value) ?? value;
      return value;
    }),
  );
  if (table.headers.length > 0) {
    sheet.addTable({
      name: tableName,
      ref: "A1",
      headerRow: true,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: table.headers.map((name) => ({ name, filterButton: true })),
      // exceljs needs at least one row to write a valid table.
      rows: rows.length > 0 ? rows : [table.headers.map(() => null)],
    });
    for (const c of dateColumns) sheet.getColumn(c + 1).numFmt = "yyyy-mm-dd hh:mm";
  }
  const sheetId = cliSheetId(sheetName);
  const store = workbook.addWorksheet(STORE_SHEET, { state: "veryHidden" });
  const snapshot = workbook.addWorksheet(SNAPSHOT_SHEET, { state: "veryHidden" });
  snapshot.addRow(table.headers);
  for (const row of table.rows) snapshot.addRow(row.map((v) => (v === null ? null : v)));
  const record = {
    version: 1,
    sheetId,
    sheetName,
    tableName,
    instanceUrl: pull.instanceUrl,
    source: pull.source,
    ...(pull.entity === undefined ? {} : { entity: pull.entity }),
    pulledAt: pull.pulledAt.toISOString(),
    headers: table.headers,
    rowCount: table.rows.length,
  };
  storeRecord(store, 1, `store.block.pull.snapshot.${sheetId}`, {
    sheet: SNAPSHOT_SHEET,
    rows: table.rows.length,
    columns: table.headers.length,
  });
  storeRecord(store, 2, `pull.sheet.${sheetId}`, record);
  try {
    await workbook.xlsx.writeFile(path);
  } catch (error) {
    throw new CliError(
      "File",
      `cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
}

/** A cell as the push reads it: a formula's cached result, a date as ISO text, rich text as its text. */
function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date)
    return value
      .toISOString()
      .replace(/\.000Z$/, "")
      .replace(/T00:00:00$/, "");
  if (typeof value === "object") {
    if ("error" in value) return String(value.error);
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: ExcelJS.CellValue }).result;
      return result === undefined ? "" : plainValue(result as ExcelJS.CellValue);
    }
    if ("text" in value) return String((value as { text: unknown }).text);
  }
  return String(value as unknown);
}

function chooseSheet(workbook: ExcelJS.Workbook, path: string, name: string | undefined): ExcelJS.Worksheet {
  const visible = workbook.worksheets.filter(
    (s) => s.state === "visible" && !s.name.startsWith("HaloSheet."),
  );
  if (name === undefined) {
    const first = visible[0];
    if (first === undefined) throw new CliError("File", `${path} has no visible sheet to read.`);
    return first;
  }
  const found = workbook.worksheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (found === undefined)
    throw new CliError(
      "File",
      `${path} has no sheet named "${name}"; its sheets: ${visible.map((s) => s.name).join(", ")}.`,
    );
  return found;
}

/** Reads a sheet: row 1 is the header row; rows are numbered as Excel numbers them. */
export async function readXlsx(path: string, sheetName?: string): Promise<CsvTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      "File",
      code ? `cannot read ${path}: ${code}` : `${path} is not a readable .xlsx workbook.`,
    );
  }
  const sheet = chooseSheet(workbook, path, sheetName);
  const width = sheet.columnCount;
  const valuesOf = (rowNumber: number): CellValue[] =>
    Array.from({ length: width }, (_, c) => plainValue(sheet.getRow(rowNumber).getCell(c + 1).value));
  if (sheet.rowCount === 0)
    throw new CliError("File", `sheet "${sheet.name}" of ${path} is empty: it needs a header row.`);
  const headerValues = valuesOf(1).map((v) => String(v ?? "").trim());
  let used = headerValues.length;
  while (used > 0 && headerValues[used - 1] === "") used--;
  const headers = headerValues.slice(0, used);
  const rows: SheetRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const values = valuesOf(r).slice(0, used);
    if (values.every((v) => v === "" || v === null)) continue;
    rows.push({ rowNumber: r, values });
  }
  return { headers, rows };
}
