/**
 * Writes a block of values to a worksheet in as few syncs as Excel allows: each sync's request must stay
 * under Excel's 5 MB payload limit (RequestPayloadSizeLimitExceeded otherwise), so rows are grouped by
 * their JSON size against a budget with room to spare.
 */
export type SheetValue = string | number | boolean;

export interface ChunkedWriteOptions {
  /** Bytes of JSON per sync; Excel refuses requests over 5 MB. */
  budgetBytes?: number;
  /** Called after each sync with the rows written so far, for a progress bar. */
  onProgress?: (rowsWritten: number, rowsTotal: number) => void;
}

export const DEFAULT_SYNC_BUDGET_BYTES = 4 * 1024 * 1024;

/** Splits rows into consecutive groups whose JSON stays within the budget (a lone oversized row is its own group). */
export function chunkRowsByBytes<T>(rows: readonly T[][], budgetBytes: number): T[][][] {
  const encoder = new TextEncoder();
  const chunks: T[][][] = [];
  let current: T[][] = [];
  let currentBytes = 2; // the enclosing brackets
  for (const row of rows) {
    const rowBytes = encoder.encode(JSON.stringify(row)).length + 1;
    if (current.length > 0 && currentBytes + rowBytes > budgetBytes) {
      chunks.push(current);
      current = [];
      currentBytes = 2;
    }
    current.push(row);
    currentBytes += rowBytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * Writes `rows` (all the same width) with their top-left cell at (rowIndex, columnIndex), 0-based, on the
 * worksheet named `sheetName`. Text is written as text: Excel reads a value with a leading =, + or - as
 * a formula, so such text (and text with a leading apostrophe) gets Excel's text prefix, an apostrophe.
 */
export async function writeRowsInChunks(
  sheetName: string,
  rowIndex: number,
  columnIndex: number,
  rows: readonly SheetValue[][],
  options: ChunkedWriteOptions = {},
): Promise<void> {
  if (rows.length === 0) return;
  const width = rows[0]!.length;
  const ragged = rows.findIndex((row) => row.length !== width);
  if (ragged >= 0) {
    throw new RangeError(`Row ${ragged + 1} has ${rows[ragged]!.length} values; every row needs ${width}.`);
  }
  const chunks = chunkRowsByBytes(
    rows.map((row) => row.map(asLiteral)),
    options.budgetBytes ?? DEFAULT_SYNC_BUDGET_BYTES,
  );
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    let written = 0;
    for (const chunk of chunks) {
      const range = sheet.getRangeByIndexes(rowIndex + written, columnIndex, chunk.length, width);
      range.values = chunk;
      // One sync per chunk is the point: each request must stay under Excel's payload limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      written += chunk.length;
      options.onProgress?.(written, rows.length);
    }
  });
}

function asLiteral(value: SheetValue): SheetValue {
  return typeof value === "string" && /^[=+\-']/.test(value) ? `'${value}` : value;
}
