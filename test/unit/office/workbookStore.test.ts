/**
 * @jest-environment jsdom
 */
/* The workbook store and pull records against the workbench's Excel API (load/sync and 5 MB rules). */
import { Workbook } from "../../../workbench/model/workbook";
import { installOfficeGlobals } from "../../../workbench/excel/install";
import { clearSyncSizes, syncSizes } from "../../../workbench/excel/syncLog";
import {
  STORE_SHEET,
  deleteRecord,
  listRecordKeys,
  readBlock,
  readRecord,
  writeBlock,
  writeRecord,
} from "../../../src/office/workbookStore";
import {
  listPullRecords,
  readPullRecord,
  readPullSnapshot,
  savePull,
  updatePullSnapshotRows,
  type PullRecord,
} from "../../../src/office/pullRecord";

const FIVE_MB = 5 * 1024 * 1024;

function install(): Workbook {
  const workbook = new Workbook();
  installOfficeGlobals(window, workbook, { memoryStorage: true });
  return workbook;
}

describe("records", () => {
  it("round-trips JSON by key on a very hidden sheet, text that looks like formulas included", async () => {
    const workbook = install();
    const value = { formula: "=1+1", plus: "+44", minus: -3, lead: "007", flag: true, none: null };
    await writeRecord("push.mapping.s1", value);
    expect(await readRecord("push.mapping.s1")).toEqual(value);
    expect(await readRecord("missing")).toBeUndefined();
    expect(workbook.getSheet(STORE_SHEET)?.visibility).toBe("VeryHidden");
    expect(workbook.listSheets().filter((s) => s.visibility === "Visible")).toHaveLength(1);
  });

  it("splits a record above Excel's 32,767-character cell limit into chunks and reads it back whole", async () => {
    const workbook = install();
    const big = {
      rows: Array.from({ length: 20_000 }, (_, i) => ({ id: i, name: `row ${i} ${"x".repeat(20)}` })),
    };
    await writeRecord("push.journal.r1", big);
    expect(await readRecord("push.journal.r1")).toEqual(big);
    const used = workbook.usedRange(workbook.getSheet(STORE_SHEET)!.id)!;
    expect(used.colCount).toBeGreaterThan(3);
    // Rewritten smaller: the extra chunks are cleared and the record still reads right.
    await writeRecord("push.journal.r1", { rows: [] });
    expect(await readRecord("push.journal.r1")).toEqual({ rows: [] });
    expect(workbook.usedRange(workbook.getSheet(STORE_SHEET)!.id)!.colCount).toBe(3);
  });

  it("replaces, lists and deletes records; a deleted row is reused", async () => {
    install();
    await writeRecord("a.1", 1);
    await writeRecord("b.1", 2);
    await writeRecord("a.2", 3);
    await writeRecord("a.1", 10);
    expect(await listRecordKeys()).toEqual(["a.1", "b.1", "a.2"]);
    expect(await listRecordKeys("a.")).toEqual(["a.1", "a.2"]);
    expect(await readRecord("a.1")).toBe(10);
    await deleteRecord("b.1");
    expect(await readRecord("b.1")).toBeUndefined();
    await writeRecord("c.1", 4);
    expect(await listRecordKeys()).toEqual(["a.1", "c.1", "a.2"]);
  });

  it("runs concurrent writes one after the other, so none is lost", async () => {
    install();
    await Promise.all(Array.from({ length: 8 }, (_, i) => writeRecord(`k${i}`, i)));
    expect(await Promise.all(Array.from({ length: 8 }, (_, i) => readRecord(`k${i}`)))).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7,
    ]);
  });
});

describe("blocks", () => {
  it("stores 50,000 x 20 values exactly, every sync under 5 MB, on very hidden sheets", async () => {
    const workbook = install();
    const headers = Array.from({ length: 20 }, (_, c) => (c === 0 ? "id" : `field_${c}`));
    const rows = Array.from({ length: 50_000 }, (_, r) =>
      headers.map((_, c) =>
        c === 0 ? r + 1 : c === 1 ? `=${r}` : c === 2 ? null : c === 3 ? r % 2 === 0 : `v${r}.${c}`,
      ),
    );
    clearSyncSizes(workbook);
    await writeBlock("snap", { headers, rows });
    const sizes = syncSizes(workbook);
    expect(sizes.length).toBeGreaterThan(2);
    expect(Math.max(...sizes)).toBeLessThan(FIVE_MB);
    const read = await readBlock("snap");
    expect(read?.headers).toEqual(headers);
    expect(read?.rows).toEqual(rows);
    expect(workbook.listSheets().filter((s) => s.visibility === "Visible")).toHaveLength(1);
  }, 180_000);

  it("a rewritten block replaces the old one and leaves no stray sheet", async () => {
    const workbook = install();
    await writeBlock("snap", { headers: ["id"], rows: [[1], [2]] });
    await writeBlock("snap", { headers: ["id", "name"], rows: [[3, "c"]] });
    expect(await readBlock("snap")).toEqual({ headers: ["id", "name"], rows: [[3, "c"]] });
    expect(workbook.listSheets().map((s) => s.name)).toEqual(["Sheet1", STORE_SHEET, "HaloSheet.b2"]);
  });
});

describe("pull records", () => {
  const record: PullRecord = {
    version: 1,
    sheetId: "{sheet-1}",
    sheetName: "Clients",
    tableName: "Clients",
    instanceUrl: "https://acme.halopsa.com",
    source: { kind: "entity", entity: "Client", search: "acme", includeInactive: false },
    entity: "Client",
    pulledAt: "2026-12-01T22:00:00.000Z",
    headers: ["id", "name", "item_tax_code"],
    rowCount: 3,
  };
  const snapshot = {
    headers: ["id", "name", "item_tax_code"],
    rows: [
      [1, "Acme", "007"],
      [2, "=1+1", null],
      [3, "Beta", "T1"],
    ],
  };

  it("saves and reads the record and its snapshot; lists records", async () => {
    install();
    expect(await readPullRecord("{sheet-1}")).toBeUndefined();
    await savePull(record, snapshot);
    expect(await readPullRecord("{sheet-1}")).toEqual(record);
    expect(await readPullSnapshot("{sheet-1}")).toEqual(snapshot);
    expect(await listPullRecords()).toEqual([record]);
  });

  it("updates the snapshot rows Halo took, by id, leaving the other rows and fields", async () => {
    install();
    await savePull(record, snapshot);
    const changed = await updatePullSnapshotRows(
      "{sheet-1}",
      new Map<string | number, Record<string, string | null>>([
        [2, { name: "Two" }],
        ["3", { item_tax_code: null }],
        [99, { name: "nobody" }],
      ]),
    );
    expect(changed).toBe(2);
    expect((await readPullSnapshot("{sheet-1}"))?.rows).toEqual([
      [1, "Acme", "007"],
      [2, "Two", null],
      [3, "Beta", null],
    ]);
  });
});
