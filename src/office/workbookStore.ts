/**
 * HaloSheet's own data inside the workbook: small JSON records by key (pull records, push mappings,
 * run journals) and rectangular value blocks (a pulled sheet's snapshot).
 *
 * Why very hidden worksheets and not custom XML parts or document settings:
 * - they travel with the file, survive save and reopen, and Excel's own UI cannot show them
 *   (Excel.SheetVisibility.veryHidden: only code can unhide them), so users do not edit them by accident;
 * - a 50,000 x 20 snapshot is a million values: as cells it is written and read with the same chunked
 *   Range.values calls as the data itself, each sync under Excel's 5 MB limit, where one XML part or
 *   one settings string of 10-20 MB would have to cross the API in one request;
 * - custom XML parts are not available in Excel on the web's older builds nor in the workbench, and
 *   document settings are meant for small values (they are all loaded with the document).
 *
 * Layout. Records: one row each on the sheet "HaloSheet.store": A = key, B = number of chunks,
 * C.. = the JSON text in chunks below Excel's 32,767-character cell limit. Blocks: one very hidden sheet
 * each ("HaloSheet.b1", ...), header row then values; the record "store.block.<key>" names the sheet.
 * Strings are written with Excel's text prefix (') so that nothing is read as a formula, number or date.
 * Nothing secret is ever stored here: the workbook is shared with whoever gets the file.
 */
import { readInChunks } from "./chunkedRead";
import { chunkRowsByBytes, DEFAULT_SYNC_BUDGET_BYTES } from "./chunkedWrite";

/** A cell of a stored block: what Halo sent, null for nothing. */
export type StoredValue = string | number | boolean | null;

export const STORE_SHEET = "HaloSheet.store";
const BLOCK_SHEET_PREFIX = "HaloSheet.b";
/** Below Excel's 32,767 characters per cell, with room for the text prefix. */
const CHUNK_CHARS = 30_000;

/** Every store operation runs after the previous one: push and pull share the runtime and the rows. */
let queue: Promise<unknown> = Promise.resolve();
function serialised<T>(operation: () => Promise<T>): Promise<T> {
  const next = queue.then(operation, operation);
  queue = next.catch(() => undefined);
  return next;
}

function asText(value: string): string {
  return `'${value}`;
}

function toCell(value: StoredValue): string | number | boolean {
  if (value === null) return "";
  return typeof value === "string" ? asText(value) : value;
}

function fromCell(value: unknown): StoredValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

/** The store sheet, created very hidden when the index found none. */
function storeSheet(context: Excel.RequestContext, found: Excel.Worksheet | undefined): Excel.Worksheet {
  if (found !== undefined) return found;
  const created = context.workbook.worksheets.add(STORE_SHEET);
  created.visibility = Excel.SheetVisibility.veryHidden;
  return created;
}

interface KeyRow {
  /** 0-based row of the key on the store sheet. */
  row: number;
  chunks: number;
}

/** Reads columns A:B of the store sheet: where each key is and how many chunks it has. */
async function readIndex(
  context: Excel.RequestContext,
): Promise<{ sheet: Excel.Worksheet; keys: Map<string, KeyRow>; rows: number } | undefined> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(STORE_SHEET);
  await context.sync();
  if (sheet.isNullObject) return undefined;
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowCount,rowIndex");
  await context.sync();
  const keys = new Map<string, KeyRow>();
  if (used.isNullObject) return { sheet, keys, rows: 0 };
  const rows = used.rowIndex + used.rowCount;
  const index = sheet.getRangeByIndexes(0, 0, rows, 2);
  index.load("values");
  await context.sync();
  index.values.forEach(([key, chunks], row) => {
    if (typeof key === "string" && key !== "") keys.set(key, { row, chunks: Number(chunks) || 0 });
  });
  return { sheet, keys, rows };
}

async function readChunks(
  sheet: Excel.Worksheet,
  context: Excel.RequestContext,
  at: KeyRow,
): Promise<string> {
  const parts: string[] = [];
  // Each chunk is at most 30,000 characters (up to ~180 KB as JSON): 20 per sync stays under 5 MB.
  for (let start = 0; start < at.chunks; start += 20) {
    const count = Math.min(20, at.chunks - start);
    const range = sheet.getRangeByIndexes(at.row, 2 + start, 1, count);
    range.load("values");
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- each read must stay under the response limit
    await context.sync();
    parts.push(...range.values[0]!.map((v) => String(v)));
  }
  return parts.join("");
}

/** The record stored under `key`, or undefined. A record that is not valid JSON is an error, not a blank. */
export function readRecord<T>(key: string): Promise<T | undefined> {
  return serialised(() =>
    Excel.run(async (context) => {
      const index = await readIndex(context);
      const at = index?.keys.get(key);
      if (index === undefined || at === undefined) return undefined;
      const text = await readChunks(index.sheet, context, at);
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new Error(`HaloSheet's stored record "${key}" is damaged (not valid JSON).`);
      }
    }),
  );
}

/** Stores `value` (JSON-serialisable) under `key`, replacing what was there. */
export function writeRecord(key: string, value: unknown): Promise<void> {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError(`Record "${key}" cannot be stored: it is not JSON.`);
  return serialised(() =>
    Excel.run(async (context) => {
      const index = await readIndex(context);
      const sheet = storeSheet(context, index?.sheet);
      const chunks: string[] = [];
      for (let at = 0; at < text.length; at += CHUNK_CHARS) chunks.push(text.slice(at, at + CHUNK_CHARS));
      if (chunks.length === 0) chunks.push("");
      const existing = index?.keys.get(key);
      const row = existing?.row ?? firstFreeRow(index);
      if (existing !== undefined && existing.chunks > chunks.length) {
        sheet.getRangeByIndexes(row, 2 + chunks.length, 1, existing.chunks - chunks.length).clear();
      }
      // Chunks first, key and count last: a write cut short leaves a new key absent, never half there.
      const groups = chunkRowsByBytes(
        chunks.map((chunk) => [asText(chunk)]),
        DEFAULT_SYNC_BUDGET_BYTES,
      );
      let column = 2;
      for (const group of groups) {
        sheet.getRangeByIndexes(row, column, 1, group.length).values = [group.map(([cell]) => cell!)];
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- each request must stay under 5 MB
        await context.sync();
        column += group.length;
      }
      sheet.getRangeByIndexes(row, 0, 1, 2).values = [[asText(key), chunks.length]];
      await context.sync();
    }),
  );
}

function firstFreeRow(index: { keys: Map<string, KeyRow>; rows: number } | undefined): number {
  if (index === undefined) return 0;
  const taken = new Set([...index.keys.values()].map((k) => k.row));
  for (let row = 0; row < index.rows; row++) if (!taken.has(row)) return row;
  return index.rows;
}

/** Removes the record (nothing happens when there is none). */
export function deleteRecord(key: string): Promise<void> {
  return serialised(() =>
    Excel.run(async (context) => {
      const index = await readIndex(context);
      const at = index?.keys.get(key);
      if (index === undefined || at === undefined) return;
      index.sheet.getRangeByIndexes(at.row, 0, 1, 2 + at.chunks).clear();
      await context.sync();
    }),
  );
}

/** The keys stored, optionally only those starting with `prefix`, in storage order. */
export function listRecordKeys(prefix = ""): Promise<string[]> {
  return serialised(() =>
    Excel.run(async (context) => {
      const index = await readIndex(context);
      if (index === undefined) return [];
      return [...index.keys.entries()]
        .sort((a, b) => a[1].row - b[1].row)
        .map(([key]) => key)
        .filter((key) => key.startsWith(prefix));
    }),
  );
}

// ---- Blocks -------------------------------------------------------------------------------------

const blockKey = (key: string): string => `store.block.${key}`;

export interface StoredBlock {
  headers: string[];
  rows: StoredValue[][];
}

export interface BlockWriteOptions {
  budgetBytes?: number;
  onProgress?: (rowsWritten: number, rowsTotal: number) => void;
}

/** The sheet name of the block stored under `key`, if any (inside the queue). */
async function blockSheetName(key: string): Promise<string | undefined> {
  return Excel.run(async (context) => {
    const index = await readIndex(context);
    const at = index?.keys.get(blockKey(key));
    if (index === undefined || at === undefined) return undefined;
    return (JSON.parse(await readChunks(index.sheet, context, at)) as { sheet: string }).sheet;
  });
}

/** Stores a header row and rows under `key`, replacing a previous block of the same key. */
export async function writeBlock(
  key: string,
  block: StoredBlock,
  options: BlockWriteOptions = {},
): Promise<void> {
  const width = block.headers.length;
  const bad = block.rows.findIndex((row) => row.length !== width);
  if (bad >= 0)
    throw new RangeError(
      `Block row ${bad + 1} has ${block.rows[bad]!.length} values; the block has ${width} columns.`,
    );
  const previous = await serialised(() => blockSheetName(key));
  const sheetName = await serialised(() =>
    Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const names = new Set(sheets.items.map((s) => s.name));
      let n = 1;
      while (names.has(`${BLOCK_SHEET_PREFIX}${n}`)) n++;
      const name = `${BLOCK_SHEET_PREFIX}${n}`;
      const sheet = sheets.add(name);
      sheet.visibility = Excel.SheetVisibility.veryHidden;
      await context.sync();
      return name;
    }),
  );
  // The new block is written whole on a new sheet before the record points to it: a write that fails
  // leaves the previous block (and its record) as they were.
  try {
    await serialised(() => writeValues(sheetName, [block.headers, ...block.rows], width, options));
  } catch (error) {
    await serialised(() => deleteSheet(sheetName)).catch(() => undefined);
    throw error;
  }
  await writeRecord(blockKey(key), { sheet: sheetName, rows: block.rows.length, columns: width });
  if (previous !== undefined) await serialised(() => deleteSheet(previous));
}

async function writeValues(
  sheetName: string,
  rows: StoredValue[][],
  width: number,
  options: BlockWriteOptions,
): Promise<void> {
  if (width === 0) return;
  const chunks = chunkRowsByBytes(
    rows.map((row) => row.map(toCell)),
    options.budgetBytes ?? DEFAULT_SYNC_BUDGET_BYTES,
  );
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    let written = 0;
    for (const chunk of chunks) {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      sheet.getRangeByIndexes(written, 0, chunk.length, width).values = chunk;
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- each request must stay under 5 MB
      await context.sync();
      written += chunk.length;
      options.onProgress?.(Math.max(0, written - 1), rows.length - 1);
    }
  });
}

async function deleteSheet(name: string): Promise<void> {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    await context.sync();
    if (sheet.isNullObject) return;
    // Excel refuses to delete a very hidden sheet: make it hidden first.
    sheet.visibility = Excel.SheetVisibility.hidden;
    sheet.delete();
    await context.sync();
  });
}

/** The block stored under `key`, or undefined. */
export function readBlock(key: string): Promise<StoredBlock | undefined> {
  return serialised(async () => {
    const name = await blockSheetName(key);
    if (name === undefined) return undefined;
    return Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(name);
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("rowCount,columnCount,rowIndex,columnIndex");
      await context.sync();
      if (used.isNullObject) return { headers: [], rows: [] };
      const total = used.rowIndex + used.rowCount;
      const width = used.columnIndex + used.columnCount;
      const values: StoredValue[][] = [];
      const block = { row: 0, column: 0, rowCount: total, columnCount: width };
      await readInChunks(context, sheet, block, "values", (range) => {
        for (const row of range.values) values.push(row.map(fromCell));
      });
      const [headers = [], ...rows] = values;
      return { headers: headers.map((h) => String(h ?? "")), rows };
    });
  });
}

/**
 * Replaces single rows of a stored block: `rows` maps a 0-based data row index to its new values
 * (full width). Only those rows are written.
 */
export function updateBlockRows(key: string, rows: ReadonlyMap<number, StoredValue[]>): Promise<void> {
  return serialised(async () => {
    const name = await blockSheetName(key);
    if (name === undefined) throw new Error(`No stored block "${key}".`);
    if (rows.size === 0) return;
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(name);
      let bytes = 0;
      for (const [index, values] of rows) {
        const cells = values.map(toCell);
        sheet.getRangeByIndexes(index + 1, 0, 1, cells.length).values = [cells];
        bytes += JSON.stringify(cells).length + 64;
        if (bytes > DEFAULT_SYNC_BUDGET_BYTES / 2) {
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- each request must stay under 5 MB
          await context.sync();
          bytes = 0;
        }
      }
      await context.sync();
    });
  });
}

/** Removes the block and its sheet. */
export async function deleteBlock(key: string): Promise<void> {
  const name = await serialised(() => blockSheetName(key));
  if (name === undefined) return;
  await deleteRecord(blockKey(key));
  await serialised(() => deleteSheet(name));
}
