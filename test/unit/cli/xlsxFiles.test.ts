/* The command line's .xlsx files: pull writes a real workbook with the rows as a table and the pull record;
   push reads a sheet taking the cached values of formula cells. */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { PulledTable } from "../../../src/halo";
import { readXlsx, writeXlsx } from "../../../src/cli/xlsxFiles";
import { readTableFile } from "../../../src/cli/tableFiles";

async function tempFile(name: string): Promise<string> {
  return path.join(await mkdtemp(path.join(tmpdir(), "halosheet-xlsx-")), name);
}

const TABLE: PulledTable = {
  headers: ["id", "name", "item_tax_code", "datecreated"],
  types: ["number", "text", "text", "datetime"],
  rows: [
    [1, "=1+1", "007", "2024-01-15T10:30:00"],
    [2, "Beta", null, null],
  ],
  warnings: [],
  pages: 1,
};

describe("writeXlsx", () => {
  it("writes the rows as an Excel table on a sheet named after the source, with the pull record very hidden", async () => {
    const file = await tempFile("clients.xlsx");
    await writeXlsx(file, {
      table: TABLE,
      source: { kind: "report", reportId: 12, reportName: "Clients with tax code" },
      label: "Clients with tax code",
      instanceUrl: "https://acme.halopsa.com",
      entity: "Client",
      pulledAt: new Date("2026-12-01T22:00:00Z"),
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet("Clients with tax code")!;
    expect(sheet.getTable("Halo_Clients_with_tax_code")).toBeDefined();
    expect(sheet.getRow(1).values).toEqual([undefined, "id", "name", "item_tax_code", "datecreated"]);
    expect(sheet.getCell("B2").value).toBe("=1+1");
    expect(sheet.getCell("B2").type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell("C2").value).toBe("007");
    expect(sheet.getCell("D2").value).toEqual(new Date("2024-01-15T10:30:00Z"));
    const store = workbook.getWorksheet("HaloSheet.store")!;
    expect(store.state).toBe("veryHidden");
    const recordRow = store.getRow(2).values as unknown[];
    expect(recordRow[1]).toBe("pull.sheet.name:Clients with tax code");
    const record = JSON.parse(String(recordRow[3])) as Record<string, unknown>;
    expect(record).toMatchObject({
      version: 1,
      sheetName: "Clients with tax code",
      tableName: "Halo_Clients_with_tax_code",
      instanceUrl: "https://acme.halopsa.com",
      source: { kind: "report", reportId: 12, reportName: "Clients with tax code" },
      entity: "Client",
      headers: TABLE.headers,
      rowCount: 2,
    });
    expect(JSON.stringify(record)).not.toMatch(/secret|token/i);
    expect(workbook.getWorksheet("HaloSheet.b1")!.getRow(2).values).toEqual([
      undefined,
      1,
      "=1+1",
      "007",
      "2024-01-15T10:30:00",
    ]);
  });

  it("reads back what it wrote (the first visible sheet by default)", async () => {
    const file = await tempFile("clients.xlsx");
    await writeXlsx(file, {
      table: TABLE,
      source: { kind: "sql", sql: "SELECT 1" },
      label: "SQL query",
      instanceUrl: "https://acme.halopsa.com",
      pulledAt: new Date(),
    });
    expect(await readTableFile(file)).toEqual({
      headers: TABLE.headers,
      rows: [
        { rowNumber: 2, values: [1, "=1+1", "007", "2024-01-15T10:30:00"] },
        { rowNumber: 3, values: [2, "Beta", "", ""] },
      ],
    });
  });
});

describe("readXlsx", () => {
  it("takes the value Excel last calculated for a formula cell, from the sheet asked for", async () => {
    const file = await tempFile("payloads.xlsx");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Notes").addRow(["not this one"]);
    const sheet = workbook.addWorksheet("Payloads");
    sheet.addRow(["id", "item_tax_code", "payload"]);
    sheet.addRow([1, 7, null]);
    sheet.getCell("C2").value = {
      formula: "HALO.PAYLOAD($A$1:$B$1,A2:B2)",
      result: '{"id":1,"item_tax_code":7}',
    } as ExcelJS.CellFormulaValue;
    sheet.addRow([2, { formula: "3+4", result: 7 }, { error: "#N/A" }]);
    await workbook.xlsx.writeFile(file);
    const read = await readXlsx(file, "payloads");
    expect(read.headers).toEqual(["id", "item_tax_code", "payload"]);
    expect(read.rows).toEqual([
      { rowNumber: 2, values: [1, 7, '{"id":1,"item_tax_code":7}'] },
      { rowNumber: 3, values: [2, 7, "#N/A"] },
    ]);
    await expect(readXlsx(file, "Missing")).rejects.toThrow(
      /no sheet named "Missing"; its sheets: Notes, Payloads/,
    );
  });

  it("--sheet on a CSV is a usage error", async () => {
    await expect(readTableFile("rows.csv", "Sheet1")).rejects.toThrow(/--sheet applies to .xlsx files/);
  });
});
