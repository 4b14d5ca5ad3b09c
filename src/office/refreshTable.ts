/**
 * Refresh: a pulled table gets the same source's new rows in place. The data columns (Halo's) are
 * rewritten in Halo's row order; columns the user added to the table stay, and their formulas
 * (=HALO.PAYLOAD(...)) fill new rows as Excel's calculated columns do. A field Halo now sends that the
 * table lacks becomes a new column at the table's right; a data column Halo no longer sends is emptied.
 * Rows are matched by position, not id: values the user typed into their own columns stay on their
 * sheet row, so after Halo's rows moved they may sit beside another record.
 */
import type { PulledTable } from "../halo";
import { chunkRowsByBytes, DEFAULT_SYNC_BUDGET_BYTES } from "./chunkedWrite";
import { excelRows, writeBlockInChunks, type LandedTable, type WriteOptions } from "./pullWriter";

/** Consecutive table columns that are all data columns: [table column, header index] pairs. */
function dataRuns(
  tableHeaders: readonly string[],
  headers: readonly string[],
): { column: number; fields: number[] }[] {
  const runs: { column: number; fields: number[] }[] = [];
  tableHeaders.forEach((name, column) => {
    const field = headers.indexOf(name);
    if (field < 0) return;
    const last = runs[runs.length - 1];
    if (last !== undefined && last.column + last.fields.length === column) last.fields.push(field);
    else runs.push({ column, fields: [field] });
  });
  return runs;
}

export class TableMissing extends Error {
  constructor(readonly tableName: string) {
    super(
      `The table ${tableName} this sheet was pulled into is gone (renamed or deleted): pull again into a new sheet.`,
    );
    this.name = "TableMissing";
  }
}

export async function refreshPulledTable(
  tableName: string,
  previousHeaders: readonly string[],
  table: PulledTable,
  options: WriteOptions = {},
): Promise<LandedTable> {
  const { rows, formats } = excelRows(table);
  return Excel.run(async (context) => {
    const found = context.workbook.tables.getItemOrNullObject(tableName);
    await context.sync();
    if (found.isNullObject) throw new TableMissing(tableName);
    const header = found.getHeaderRowRange();
    header.load("values,rowIndex,columnIndex");
    const body = found.getDataBodyRange();
    body.load("rowCount");
    await context.sync();
    const tableHeaders = header.values[0]!.map((v) => String(v));
    for (const name of table.headers.filter((h) => !tableHeaders.includes(h))) {
      found.columns.add(undefined, undefined, name);
      tableHeaders.push(name);
    }
    const isData = tableHeaders.map((name) => table.headers.includes(name));
    const oldRows = body.rowCount;
    const newRows = Math.max(1, rows.length);
    if (newRows < oldRows) found.rows.deleteRowsAt(newRows, oldRows - newRows);
    await context.sync();
    if (newRows > oldRows) {
      // New rows: "" in data columns (written below), null in the user's, so their formulas fill in.
      const blank = tableHeaders.map((_, c) => (isData[c] ? "" : null));
      const added = Array.from({ length: newRows - oldRows }, () => blank);
      for (const chunk of chunkRowsByBytes(added, options.budgetBytes ?? DEFAULT_SYNC_BUDGET_BYTES)) {
        context.workbook.application.suspendApiCalculationUntilNextSync();
        // Excel takes null as "leave this cell to the table"; Office.js's typings do not list it.
        found.rows.add(undefined, chunk as unknown as (string | number | boolean)[][]);
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- each request must stay under 5 MB
        await context.sync();
      }
    }
    const sheet = found.worksheet;
    const dataRow = header.rowIndex + 1;
    // Columns Halo no longer sends: emptied, not deleted (formulas may refer to them).
    previousHeaders
      .filter((h) => !table.headers.includes(h))
      .map((h) => tableHeaders.indexOf(h))
      .filter((c) => c >= 0)
      .forEach((c) => sheet.getRangeByIndexes(dataRow, header.columnIndex + c, newRows, 1).clear("Contents"));
    const runs = dataRuns(tableHeaders, table.headers);
    const padded = rows.length === 0 ? [table.headers.map(() => "")] : rows;
    let done = 0;
    for (const run of runs) {
      await writeBlockInChunks(
        context,
        sheet,
        { row: dataRow, column: header.columnIndex + run.column },
        padded.map((row) => run.fields.map((f) => row[f]!)),
        run.fields.map((f) => formats[f]),
        {
          // Once rows moved, stopping halfway would leave a mix: the write is not cancellable.
          budgetBytes: options.budgetBytes,
          onProgress: (written) =>
            options.onProgress?.(Math.round((done + written) / Math.max(1, runs.length)), rows.length),
        },
      );
      done += rows.length;
    }
    found.load("name");
    sheet.load("id,name");
    const range = found.getRange();
    range.load("address");
    await context.sync();
    return { sheetId: sheet.id, sheetName: sheet.name, tableName: found.name, address: range.address };
  });
}
