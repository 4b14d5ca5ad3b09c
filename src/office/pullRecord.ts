/**
 * What a pulled sheet remembers: where its rows came from (the pull record) and the values as pulled
 * (the snapshot Push diffs against to send only what changed). Kept in the workbook through
 * workbookStore (very hidden sheets), keyed by the worksheet's id, which survives renames.
 * Never a token or a secret: the file goes wherever the user sends it.
 */
import type { PullSource } from "../halo";
import {
  deleteBlock,
  deleteRecord,
  listRecordKeys,
  readBlock,
  readRecord,
  updateBlockRows,
  writeBlock,
  writeRecord,
  type BlockWriteOptions,
  type StoredValue,
} from "./workbookStore";

/** A cell value as pulled (the same shape as src/bulk's CellValue). */
export type CellValue = StoredValue;

export type { PullSource };

export interface PullRecord {
  version: 1;
  /** Worksheet id: stable across renames. */
  sheetId: string;
  sheetName: string;
  tableName: string;
  instanceUrl: string;
  source: PullSource;
  /** The Halo entity the rows are ("Client"); for a report or SQL, when known. */
  entity?: string;
  /** ISO time of the pull. */
  pulledAt: string;
  /** The data columns as pulled, in order. */
  headers: string[];
  rowCount: number;
}

export interface PullSnapshot {
  headers: string[];
  /** Values as pulled, in the order of `headers`, rows in Halo's order. */
  rows: CellValue[][];
}

const RECORD_PREFIX = "pull.sheet.";
const recordKey = (sheetId: string): string => `${RECORD_PREFIX}${sheetId}`;
const snapshotKey = (sheetId: string): string => `pull.snapshot.${sheetId}`;

export function readPullRecord(sheetId: string): Promise<PullRecord | undefined> {
  return readRecord<PullRecord>(recordKey(sheetId));
}

export async function listPullRecords(): Promise<PullRecord[]> {
  const keys = await listRecordKeys(RECORD_PREFIX);
  const records = await Promise.all(keys.map((key) => readRecord<PullRecord>(key)));
  return records.filter((r): r is PullRecord => r !== undefined);
}

export async function readPullSnapshot(sheetId: string): Promise<PullSnapshot | undefined> {
  return readBlock(snapshotKey(sheetId));
}

/**
 * Saves the snapshot, then the record: the record is what says "this sheet came from a pull", so it
 * only appears once its snapshot is complete.
 */
export async function savePull(
  record: PullRecord,
  snapshot: PullSnapshot,
  options: BlockWriteOptions = {},
): Promise<void> {
  await writeBlock(snapshotKey(record.sheetId), snapshot, options);
  await writeRecord(recordKey(record.sheetId), record);
}

export async function deletePull(sheetId: string): Promise<void> {
  await deleteRecord(recordKey(sheetId));
  await deleteBlock(snapshotKey(sheetId));
}

/**
 * Push calls this for the rows Halo took: `rowsById` maps a record id to the fields Halo now holds
 * (by header; headers not given keep their snapshot value). Ids not in the snapshot are ignored.
 * Returns how many snapshot rows changed.
 */
export async function updatePullSnapshotRows(
  sheetId: string,
  rowsById: ReadonlyMap<string | number, Readonly<Record<string, CellValue>>>,
): Promise<number> {
  const snapshot = await readPullSnapshot(sheetId);
  if (snapshot === undefined) throw new Error(`The sheet ${sheetId} has no pull snapshot.`);
  const idColumn = snapshot.headers.indexOf("id");
  if (idColumn < 0) throw new Error("The pull snapshot has no id column: rows cannot be matched.");
  const wanted = new Map([...rowsById].map(([id, fields]) => [String(id), fields]));
  const changed = new Map<number, CellValue[]>();
  snapshot.rows.forEach((row, index) => {
    const fields = wanted.get(String(row[idColumn]));
    if (fields === undefined) return;
    changed.set(
      index,
      snapshot.headers.map((header, c) => (header in fields ? (fields[header] ?? null) : row[c]!)),
    );
  });
  await updateBlockRows(snapshotKey(sheetId), changed);
  return changed.size;
}
