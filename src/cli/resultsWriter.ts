/**
 * results.csv while a push runs: opened when the run starts (never before: a failed sign-in writes
 * nothing), one line appended as each row settles, then rewritten in input order when the run ends.
 * Appends are synchronous, so a kill at any moment (SIGKILL, a closed terminal) leaves every settled
 * row's status on disk.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import type { RowResult } from "../bulk";
import type { CsvTable } from "./csvFiles";
import { csvLines, writeCsv } from "./csvFiles";
import { CliError } from "./cliErrors";
import { RESULT_COLUMNS, resultRows } from "./resultsFile";

export interface ResultsWriter {
  /** Appends one settled row (rows arrive in the order they settle). */
  add(result: RowResult): void;
  /** Rewrites the file with every row in input order, Status and Message joined per row. */
  finish(results: RowResult[]): Promise<void>;
}

export function startResultsFile(path: string, table: CsvTable): ResultsWriter {
  const headers = [...table.headers, ...RESULT_COLUMNS];
  const byRowNumber = new Map(table.rows.map((row) => [row.rowNumber, row]));
  let fd: number | undefined;
  try {
    fd = openSync(path, "w");
    writeSync(fd, csvLines([headers]));
  } catch (error) {
    throw new CliError(
      "File",
      `cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  return {
    add: (result) => {
      const row = byRowNumber.get(result.rowNumber);
      if (row === undefined || fd === undefined) return;
      try {
        writeSync(fd, csvLines(resultRows({ headers: table.headers, rows: [row] }, [result])));
      } catch {
        // The final rewrite tries again and reports a failure.
      }
    },
    finish: async (results) => {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
      await writeCsv(path, headers, resultRows(table, results));
    },
  };
}
