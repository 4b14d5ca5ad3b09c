/** Input files by extension: .xlsx workbooks through exceljs, anything else as CSV (the default). */
import { CliError } from "./cliErrors";
import { readCsv, type CsvTable } from "./csvFiles";
import { isXlsxPath, readXlsx } from "./xlsxFiles";

export async function readTableFile(path: string, sheet?: string, encoding?: string): Promise<CsvTable> {
  if (isXlsxPath(path)) return readXlsx(path, sheet);
  if (sheet !== undefined)
    throw new CliError("Usage", `--sheet applies to .xlsx files; ${path} is read as CSV.`);
  return readCsv(path, encoding);
}
