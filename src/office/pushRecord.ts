/**
 * What a push keeps in the workbook, beside the pull record: each sheet's column mapping, and each
 * run's journal (its results and before-images, so it can be undone after the pane or the workbook
 * was closed). Written while the run goes on, so a run cut short is found on reopening as interrupted.
 * The storage itself (a very hidden worksheet) is the record store's job.
 */
import type { JournalEntry, RowResult } from "../bulk";

/** The generic store of workbook records (src/office/workbookStore.ts). */
export interface RecordStore {
  readRecord<T>(key: string): Promise<T | undefined>;
  writeRecord(key: string, value: unknown): Promise<void>;
  deleteRecord(key: string): Promise<void>;
}

/** Column header -> target field ("" = not sent), as the user confirmed it. */
export interface ColumnMappingRecord {
  version: 1;
  entity: string;
  targets: Record<string, string>;
}

export type RunState = "running" | "done" | "interrupted";

export interface RunCounts {
  updated: number;
  created: number;
  unchanged: number;
  skipped: number;
  failed: number;
  conflicts: number;
  notSent: number;
  unknown: number;
}

/** One run as the workbook keeps it. */
export interface RunRecord {
  version: 1;
  runId: string;
  sheetId: string;
  sheetName: string;
  instanceUrl: string;
  entity: string;
  dryRun: boolean;
  startedAt: string;
  finishedAt?: string;
  state: RunState;
  /** Set when this run undoes another. */
  undoOf?: string;
  /** Set once another run undid this one. */
  undoneBy?: string;
  rowsTotal: number;
  requests: number;
  elapsedMs: number;
  counts: RunCounts;
  /** One per planned row, by key (holes for rows not settled when the run was cut short). */
  results: (RowResult | null)[];
  journal: JournalEntry[];
}

/** The runs of this workbook, newest first (summaries: the journals are read one by one). */
export interface HistoryEntry {
  runId: string;
  sheetName: string;
  entity: string;
  instanceUrl: string;
  dryRun: boolean;
  startedAt: string;
  state: RunState;
  counts: RunCounts;
  requests: number;
  elapsedMs: number;
  undoOf?: string;
  undoneBy?: string;
  /** Rows the journal can restore. */
  undoable: number;
}

const mappingKey = (sheetId: string): string => `push.mapping.${sheetId}`;
const journalKey = (runId: string): string => `push.journal.${runId}`;
const HISTORY_KEY = "push.history";
/** Runs listed in the history; older journals are deleted with their entry. */
export const HISTORY_LIMIT = 50;

export function readMapping(store: RecordStore, sheetId: string): Promise<ColumnMappingRecord | undefined> {
  return store.readRecord<ColumnMappingRecord>(mappingKey(sheetId));
}

export function writeMapping(
  store: RecordStore,
  sheetId: string,
  mapping: ColumnMappingRecord,
): Promise<void> {
  return store.writeRecord(mappingKey(sheetId), mapping);
}

export function readRun(store: RecordStore, runId: string): Promise<RunRecord | undefined> {
  return store.readRecord<RunRecord>(journalKey(runId));
}

export function readHistory(store: RecordStore): Promise<HistoryEntry[]> {
  return store.readRecord<HistoryEntry[]>(HISTORY_KEY).then((list) => list ?? []);
}

export function historyEntry(run: RunRecord): HistoryEntry {
  const undoable = run.journal.filter((e) => {
    const status = run.results[e.key]?.status;
    return status === "Updated" || status === "Unknown";
  }).length;
  return {
    runId: run.runId,
    sheetName: run.sheetName,
    entity: run.entity,
    instanceUrl: run.instanceUrl,
    dryRun: run.dryRun,
    startedAt: run.startedAt,
    state: run.state,
    counts: run.counts,
    requests: run.requests,
    elapsedMs: run.elapsedMs,
    ...(run.undoOf ? { undoOf: run.undoOf } : {}),
    ...(run.undoneBy ? { undoneBy: run.undoneBy } : {}),
    undoable,
  };
}

/** Saves the run's journal and its line in the history (newest first; the oldest beyond the limit go). */
export async function writeRun(store: RecordStore, run: RunRecord): Promise<void> {
  await store.writeRecord(journalKey(run.runId), run);
  const history = (await readHistory(store)).filter((h) => h.runId !== run.runId);
  history.unshift(historyEntry(run));
  for (const old of history.splice(HISTORY_LIMIT)) await store.deleteRecord(journalKey(old.runId));
  await store.writeRecord(HISTORY_KEY, history);
}

/**
 * Runs the workbook says are running though no run is going on in this pane: the pane or the
 * workbook closed mid-run. They are marked interrupted (their settled rows keep their results).
 */
export async function markInterrupted(store: RecordStore, live: ReadonlySet<string>): Promise<RunRecord[]> {
  const interrupted: RunRecord[] = [];
  for (const entry of await readHistory(store)) {
    if (entry.state !== "running" || live.has(entry.runId)) continue;
    const run = await readRun(store, entry.runId);
    if (!run) continue;
    run.state = "interrupted";
    await writeRun(store, run);
    interrupted.push(run);
  }
  return interrupted;
}

export function countResults(results: readonly (RowResult | null)[]): RunCounts {
  const counts: RunCounts = {
    updated: 0,
    created: 0,
    unchanged: 0,
    skipped: 0,
    failed: 0,
    conflicts: 0,
    notSent: 0,
    unknown: 0,
  };
  for (const result of results) {
    switch (result?.status) {
      case "Updated":
      case "WouldUpdate":
        counts.updated++;
        break;
      case "Created":
      case "WouldCreate":
        counts.created++;
        break;
      case "Unchanged":
        counts.unchanged++;
        break;
      case "Skipped":
        counts.skipped++;
        break;
      case "Failed":
        counts.failed++;
        break;
      case "Conflict":
        counts.conflicts++;
        break;
      case "NotSent":
        counts.notSent++;
        break;
      case "Unknown":
        counts.unknown++;
        break;
      default:
        break;
    }
  }
  return counts;
}
