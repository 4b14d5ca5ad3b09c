/**
 * @jest-environment jsdom
 */
/* What a push keeps in the workbook: the column mapping per sheet, each run's journal, the history, interrupted runs. */
import { installOfficeGlobals } from "../../../workbench/excel/install";
import { Workbook } from "../../../workbench/model/workbook";
import type { RowResult } from "../../../src/bulk";
import {
  countResults,
  historyEntry,
  HISTORY_LIMIT,
  markInterrupted,
  readHistory,
  readMapping,
  readRun,
  writeMapping,
  writeRun,
  type RecordStore,
} from "../../../src/office/pushRecord";
import { deleteRecord, readRecord, writeRecord } from "../../../src/office/workbookStore";
import { result, runRecord as run } from "./runRecords";

/** The store in memory, for rules that need many writes. */
function memoryStore(): RecordStore & { keys(): string[] } {
  const records = new Map<string, string>();
  return {
    readRecord: async <T>(key: string) => {
      const text = records.get(key);
      return text === undefined ? undefined : (JSON.parse(text) as T);
    },
    writeRecord: async (key, value) => void records.set(key, JSON.stringify(value)),
    deleteRecord: async (key) => void records.delete(key),
    keys: () => [...records.keys()].sort(),
  };
}

describe("push records in the workbook store", () => {
  it("round-trip through the very hidden store sheet: the mapping per sheet and a run's journal", async () => {
    installOfficeGlobals(window, new Workbook(), { memoryStorage: true });
    const store: RecordStore = { readRecord, writeRecord, deleteRecord };
    const mapping = { version: 1 as const, entity: "Client", targets: { "Client ID": "id", Notes: "" } };
    await writeMapping(store, "s1", mapping);
    expect(await readMapping(store, "s1")).toEqual(mapping);
    expect(await readMapping(store, "s2")).toBeUndefined();
    await writeRun(store, run("r1"));
    expect(await readRun(store, "r1")).toEqual(run("r1"));
    expect((await readHistory(store)).map((h) => h.runId)).toEqual(["r1"]);
  });

  it("the history is newest first, one line per run, and drops the oldest runs' journals past the limit", async () => {
    const store = memoryStore();
    for (let i = 1; i <= HISTORY_LIMIT + 2; i++) await writeRun(store, run(`r${i}`));
    await writeRun(store, run("r5", { state: "done", undoneBy: "r99" }));
    const history = await readHistory(store);
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0]).toMatchObject({ runId: "r5", undoneBy: "r99" });
    expect(history.filter((h) => h.runId === "r5")).toHaveLength(1);
    expect(history.map((h) => h.runId)).not.toContain("r1");
    expect(await readRun(store, "r1")).toBeUndefined();
    expect(await readRun(store, "r2")).toBeUndefined();
    expect(await readRun(store, "r3")).toBeDefined();
  });

  it("a history line counts as undoable only the journal rows that were Updated or Unknown", () => {
    expect(historyEntry(run("r1")).undoable).toBe(2);
    expect(historyEntry(run("r1", { journal: [] })).undoable).toBe(0);
  });

  it("marks runs left running by a closed pane as interrupted, not the live ones nor finished ones", async () => {
    const store = memoryStore();
    await writeRun(store, run("closed", { state: "running", results: [result(0, "Updated"), null, null] }));
    await writeRun(store, run("live", { state: "running" }));
    await writeRun(store, run("finished"));
    const interrupted = await markInterrupted(store, new Set(["live"]));
    expect(interrupted.map((r) => r.runId)).toEqual(["closed"]);
    expect((await readRun(store, "closed"))?.state).toBe("interrupted");
    expect((await readRun(store, "closed"))?.results).toEqual([result(0, "Updated"), null, null]);
    expect((await readRun(store, "live"))?.state).toBe("running");
    expect((await readHistory(store)).find((h) => h.runId === "closed")?.state).toBe("interrupted");
    expect(await markInterrupted(store, new Set())).toHaveLength(1);
  });
});

describe("countResults", () => {
  it("counts each status once, a dry run's Would* as updated and created, holes not at all", () => {
    const statuses: RowResult["status"][] = [
      "Updated",
      "WouldUpdate",
      "Created",
      "WouldCreate",
      "Unchanged",
      "Skipped",
      "Failed",
      "Conflict",
      "NotSent",
      "Unknown",
    ];
    expect(countResults([...statuses.map((s, i) => result(i, s)), null])).toEqual({
      updated: 2,
      created: 2,
      unchanged: 1,
      skipped: 1,
      failed: 1,
      conflicts: 1,
      notSent: 1,
      unknown: 1,
    });
  });
});
