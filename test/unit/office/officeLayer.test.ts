/**
 * @jest-environment jsdom
 */
/* src/office against the workbench's Excel API, which enforces Excel's load/sync and 5 MB rules. */
import { Workbook } from "../../../workbench/model/workbook";
import { installOfficeGlobals } from "../../../workbench/excel/install";
import { RuntimeTokenStore } from "../../../src/office/runtimeTokenStore";
import { chunkRowsByBytes, writeRowsInChunks, type SheetValue } from "../../../src/office/chunkedWrite";

function install(): Workbook {
  const workbook = new Workbook();
  installOfficeGlobals(window, workbook, { memoryStorage: true });
  return workbook;
}

describe("RuntimeTokenStore", () => {
  const tokens = {
    accessToken: "a-1",
    tokenType: "Bearer",
    expiresAt: 1_900_000_000_000,
    issuedAt: 1_899_999_000_000,
    refreshToken: "r-1",
  };

  it("keeps tokens in OfficeRuntime.storage, not in the document settings", async () => {
    install();
    const store = new RuntimeTokenStore();
    await store.save("https://acme.halopsa.com|app", tokens);
    expect(await store.load("https://acme.halopsa.com|app")).toEqual(tokens);
    expect(await OfficeRuntime.storage.getKeys()).toEqual(["halosheet.tokens.https://acme.halopsa.com|app"]);
    expect(Office.context.document.settings.get("halosheet.tokens.https://acme.halopsa.com|app")).toBeNull();
    await store.clear("https://acme.halopsa.com|app");
    expect(await store.load("https://acme.halopsa.com|app")).toBeUndefined();
  });

  it("drops an unreadable entry instead of failing sign-in", async () => {
    install();
    await OfficeRuntime.storage.setItem("halosheet.tokens.k", '{"accessToken": 5');
    const store = new RuntimeTokenStore();
    expect(await store.load("k")).toBeUndefined();
    expect(await OfficeRuntime.storage.getItem("halosheet.tokens.k")).toBeNull();
  });
});

describe("chunkRowsByBytes", () => {
  it("keeps every chunk within the budget and every row once, in order", () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [i, `name ${i}`, "x".repeat(i % 50)]);
    const chunks = chunkRowsByBytes(rows, 2000);
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.flat()).toEqual(rows);
    for (const chunk of chunks)
      expect(new TextEncoder().encode(JSON.stringify(chunk)).length).toBeLessThanOrEqual(2000);
  });
});

describe("writeRowsInChunks", () => {
  it("lands a 50,000 x 20 block complete in several syncs under Excel's 5 MB limit", async () => {
    const workbook = install();
    const rows: SheetValue[][] = Array.from({ length: 50_000 }, (_, r) =>
      Array.from({ length: 20 }, (_, c) => (c === 0 ? r + 1 : `row ${r + 1} column ${c + 1}`)),
    );
    const progress: number[] = [];
    await writeRowsInChunks("Sheet1", 1, 0, rows, { onProgress: (done) => progress.push(done) });
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(50_000);
    const sheet = workbook.getActiveSheet().id;
    expect(workbook.getValue(sheet, 1, 0)).toBe(1);
    expect(workbook.getValue(sheet, 50_000, 0)).toBe(50_000);
    expect(workbook.getValue(sheet, 50_000, 19)).toBe("row 50000 column 20");
    expect(workbook.getValue(sheet, 50_001, 0)).toBeNull();
  });

  it("fails with Excel's error when the budget is set above the 5 MB limit (so the chunking matters)", async () => {
    install();
    const rows: SheetValue[][] = Array.from({ length: 30_000 }, () =>
      Array.from({ length: 20 }, () => "x".repeat(10)),
    );
    await expect(
      writeRowsInChunks("Sheet1", 0, 0, rows, { budgetBytes: 50 * 1024 * 1024 }),
    ).rejects.toMatchObject({
      code: "RequestPayloadSizeLimitExceeded",
    });
  });

  it("writes text that looks like a formula as text, exactly", async () => {
    const workbook = install();
    await writeRowsInChunks("Sheet1", 0, 0, [["=1+1", "-abc", "+44 20 7946 0000", "'quoted", "plain", -5]]);
    const sheet = workbook.getActiveSheet().id;
    expect(workbook.getValues(sheet, { row: 0, col: 0, rowCount: 1, colCount: 6 })).toEqual([
      ["=1+1", "-abc", "+44 20 7946 0000", "'quoted", "plain", -5],
    ]);
    expect(workbook.getCell(sheet, 0, 0).formula).toBeFalsy();
  });

  it("refuses ragged rows before anything is written", async () => {
    const workbook = install();
    await expect(writeRowsInChunks("Sheet1", 0, 0, [[1, 2], [3]])).rejects.toThrow(
      /Row 2 has 1 values; every row needs 2/,
    );
    expect(workbook.getValue(workbook.getActiveSheet().id, 0, 0)).toBeNull();
  });
});
