/* Tab-separated text as Excel puts on and reads from the clipboard (quoted cells may hold tabs,
   line breaks and doubled quotes). */
import { parse } from "csv-parse/browser/esm/sync";
import { stringify } from "csv-stringify/browser/esm/sync";

export function parseTsv(text: string): string[][] {
  const records: string[][] = parse(text, {
    delimiter: "\t",
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
  });
  // Excel ends the copied block with one line break; a single empty trailing record is not a row.
  const last = records[records.length - 1];
  if (last && last.length === 1 && last[0] === "") records.pop();
  return records;
}

export function formatTsv(rows: string[][]): string {
  return stringify(rows, { delimiter: "\t", record_delimiter: "\r\n" });
}
