/**
 * Refresh: a pulled table gets the same source's new rows in place. The data columns (Halo's) are
 * rewritten in Halo's row order; columns the user added to the table stay, and their formulas
 * (=HALO.PAYLOAD(...)) fill new rows as Excel's calculated columns do. A field Halo now sends that the
 * table lacks becomes a new column at the table's right; a data column Halo no longer sends is emptied.
 * The cells of the user's own columns (typed values and formulas, not a calculated column) follow their
 * record's id when Halo's rows moved or some are gone (userColumnsById.ts); without a usable id column
 * rows are matched by position.
 */
import type { PulledTable } from "../halo";
import { chunkRowsByBytes, DEFAULT_SYNC_BUDGET_BYTES } from "./chunkedWrite";
import { excelErrorCode } from "./excelErrors";
import { excelRows, writeBlockInChunks, type LandedTable, type WriteOptions } from "./pullWriter";
import {
  asUserCells,
  readColumn,
  userCellMoves,
  writeUserCells,
  type UserCellWrite,
} from "./userColumnsById";

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
    const sheet = found.worksheet;
    const dataRow = header.rowIndex + 1;
    const userMoves = await movesById(
      context,
      sheet,
      { row: dataRow, column: header.columnIndex },
      {
        tableHeaders,
        isData,
        oldRows,
        table,
        previousHeaders,
      },
    );
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
    for (const { column, moves } of userMoves)
      await writeUserCells(
        context,
        sheet,
        { row: dataRow, column: header.columnIndex + column },
        moves,
        options.budgetBytes,
      );
    await reapplyFilters(context, found);
    found.load("name");
    sheet.load("id,name");
    const range = found.getRange();
    range.load("address");
    await context.sync();
    return { sheetId: sheet.id, sheetName: sheet.name, tableName: found.name, address: range.address };
  });
}

/**
 * A filter hides rows by number, and after the rewrite those rows hold other records: the table's
 * filters are applied again so the hidden rows are the ones they hide (and a Push of the selection
 * leaves out the right ones). Excel for Mac refuses this on a table whose AutoFilter was removed
 * (InvalidOperation, office-js #3086; Excel on the web does nothing): no filter, nothing to reapply.
 */
async function reapplyFilters(context: Excel.RequestContext, table: Excel.Table): Promise<void> {
  table.reapplyFilters();
  await context.sync().catch((error: unknown) => {
    if (excelErrorCode(error) !== "InvalidOperation") throw error;
  });
}

/** Each user column's cells moved to their records' new rows (none when the ids cannot match). */
async function movesById(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  body: { row: number; column: number },
  at: {
    tableHeaders: string[];
    isData: boolean[];
    oldRows: number;
    table: PulledTable;
    previousHeaders: readonly string[];
  },
): Promise<{ column: number; moves: UserCellWrite[] }[]> {
  const idColumn = at.tableHeaders.indexOf("id");
  const idField = at.table.headers.indexOf("id");
  // The user's columns: neither Halo's now nor Halo's before (a field Halo dropped is emptied, not moved).
  const userColumns = at.tableHeaders.flatMap((name, c) =>
    at.isData[c] || at.previousHeaders.includes(name) ? [] : [c],
  );
  if (idColumn < 0 || idField < 0 || userColumns.length === 0 || at.oldRows === 0) return [];
  const read = (c: number) =>
    readColumn(context, sheet, { row: body.row, column: body.column + c }, at.oldRows);
  const oldIds = (await read(idColumn)).values;
  const newIds = at.table.rows.map((row) => row[idField] ?? null);
  const result: { column: number; moves: UserCellWrite[] }[] = [];
  for (const column of userColumns) {
    const moves = userCellMoves(oldIds, newIds, asUserCells(await read(column)));
    if (moves === undefined) return [];
    result.push({ column, moves });
  }
  return result;
}
