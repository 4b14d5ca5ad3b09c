/**
 * Reads a block of a worksheet in as few syncs as Excel allows: each sync's response must stay under
 * Excel's 5 MB limit, and a long or wide block (50,000 rows x 20 short values is ~10 MB) passes it in
 * one read, so the block is read a few thousand rows at a time.
 */

/** Rows read per sync. */
export const READ_ROWS_PER_SYNC = 5_000;

/** A block of cells by 0-based sheet indexes. */
export interface SheetBlock {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

/** Loads `properties` ("values", "values,formulasR1C1", ...) of each chunk of the block in turn and hands the loaded range to `take`, in row order. */
export async function readInChunks(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  block: SheetBlock,
  properties: string,
  take: (range: Excel.Range) => void,
): Promise<void> {
  for (let start = 0; start < block.rowCount; start += READ_ROWS_PER_SYNC) {
    const count = Math.min(READ_ROWS_PER_SYNC, block.rowCount - start);
    const range = sheet.getRangeByIndexes(block.row + start, block.column, count, block.columnCount);
    // eslint-disable-next-line office-addins/no-empty-load -- the caller names the properties to load
    range.load(properties);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- each response must stay under 5 MB
    await context.sync();
    take(range);
  }
}
