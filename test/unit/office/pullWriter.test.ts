/**
 * @jest-environment jsdom
 */
/* Writing pulled rows and refreshing them, against the workbench's Excel API (load/sync, 5 MB, tables). */
import { Workbook } from "../../../workbench/model/workbook";
import { installOfficeGlobals } from "../../../workbench/excel/install";
import { clearSyncSizes, syncSizes } from "../../../workbench/excel/syncLog";
import type { PulledTable } from "../../../src/halo";
import {
  PullCancelled,
  TargetNotEmpty,
  uniqueSheetName,
  uniqueTableName,
  writePulledTable,
} from "../../../src/office/pullWriter";
import { refreshPulledTable } from "../../../src/office/refreshTable";
import { excelDateSerial } from "../../../src/office/sheetCells";

const FIVE_MB = 5 * 1024 * 1024;

function install(): Workbook {
  const workbook = new Workbook();
  installOfficeGlobals(window, workbook, { memoryStorage: true });
  return workbook;
}

function table(
  rows: PulledTable["rows"],
  headers = ["id", "name", "code", "created", "active"],
): PulledTable {
  return { headers, types: ["number", "text", "text", "datetime", "boolean"], rows, warnings: [], pages: 1 };
}

const all = (workbook: Workbook, sheet: string) => {
  const id = workbook.getSheet(sheet)!.id;
  return workbook.getApiValues(id, workbook.usedRange(id)!);
};

describe("names", () => {
  it("sheet names are cleaned, cut to 31 characters and made unique", () => {
    expect(uniqueSheetName("Clients: [all]/active?", [])).toBe("Clients all active");
    expect(uniqueSheetName("Clients", ["clients", "Clients (2)"])).toBe("Clients (3)");
    expect(uniqueSheetName("x".repeat(40), ["x".repeat(31)])).toBe(`${"x".repeat(27)} (2)`);
    expect(uniqueSheetName("History", [])).toBe("History (Halo)");
  });

  it("table names never look like a cell reference and are unique", () => {
    expect(uniqueTableName("Clients with tax code", [])).toBe("Halo_Clients_with_tax_code");
    expect(uniqueTableName("A1", ["Halo_A1"])).toBe("Halo_A1_2");
  });
});

describe("writePulledTable", () => {
  it("lands text as text (formula-looking, leading zeros), numbers, booleans, empty nulls and dates with a format", async () => {
    const workbook = install();
    const landed = await writePulledTable(
      table([
        [1, "=1+1", "007", "2024-01-15T10:30:00Z", true],
        [2, "  =SUM(A1)", "+44 20", "2024-02-01T00:00:00", false],
        [3, "\t-5+2", "@home", null, null],
        [4, "TRUE", "2024-01-15", "1900-01-01T00:00:00", true],
      ]),
      "Clients",
      { kind: "newSheet" },
    );
    expect(landed).toMatchObject({
      sheetName: "Clients",
      tableName: "Halo_Clients",
      address: "Clients!A1:E5",
    });
    const sheetId = workbook.getSheet("Clients")!.id;
    expect(landed.sheetId).toBe(sheetId);
    expect(workbook.getActiveSheet().name).toBe("Clients");
    expect(all(workbook, "Clients")).toEqual([
      ["id", "name", "code", "created", "active"],
      [1, "=1+1", "007", excelDateSerial("2024-01-15T10:30:00Z"), true],
      [2, "  =SUM(A1)", "+44 20", excelDateSerial("2024-02-01T00:00:00"), false],
      [3, "\t-5+2", "@home", "", ""],
      [4, "TRUE", "2024-01-15", 1, true],
    ]);
    expect(workbook.getCell(sheetId, 1, 1).formula).toBeFalsy();
    expect(workbook.getNumberFormats(sheetId, { row: 1, col: 3, rowCount: 1, colCount: 1 })).toEqual([
      ["yyyy-mm-dd hh:mm"],
    ]);
    expect(workbook.tables.list(sheetId).map((t) => t.name)).toEqual(["Halo_Clients"]);
    expect(excelDateSerial("2024-01-15T12:00:00")).toBe(45306.5);
  });

  it("writes at the selected cell when the area is empty, and refuses when it is not, changing nothing", async () => {
    const workbook = install();
    const sheet = workbook.getActiveSheet().id;
    workbook.setSelection(sheet, { row: 2, col: 1, rowCount: 1, colCount: 1 });
    const landed = await writePulledTable(table([[1, "a", "b", null, true]]), "Clients", {
      kind: "selection",
    });
    expect(landed.address).toBe("Sheet1!B3:F4");
    workbook.setCellInput(sheet, 10, 3, "typed by the user");
    workbook.setSelection(sheet, { row: 9, col: 1, rowCount: 1, colCount: 1 });
    await expect(
      writePulledTable(table([[1, "a", "b", null, true]]), "Clients", { kind: "selection" }),
    ).rejects.toBeInstanceOf(TargetNotEmpty);
    expect(workbook.getValue(sheet, 9, 1)).toBeNull();
    expect(workbook.getValue(sheet, 10, 3)).toBe("typed by the user");
    // Overlapping the first table (B3:F4) from A2 is refused too.
    workbook.setSelection(sheet, { row: 1, col: 0, rowCount: 1, colCount: 1 });
    await expect(
      writePulledTable(table([[1, "a", "b", null, true]]), "Clients", { kind: "selection" }),
    ).rejects.toBeInstanceOf(TargetNotEmpty);
  });

  it("cancelled while writing: the new sheet is removed, the workbook is as it was", async () => {
    const workbook = install();
    const rows = Array.from({ length: 3000 }, (_, i) => [i, "x".repeat(200), "c", null, true]);
    let chunks = 0;
    await expect(
      writePulledTable(
        table(rows),
        "Clients",
        { kind: "newSheet" },
        {
          budgetBytes: 100_000,
          cancelled: () => chunks++ > 2,
        },
      ),
    ).rejects.toBeInstanceOf(PullCancelled);
    expect(workbook.listSheets().map((s) => s.name)).toEqual(["Sheet1"]);
    expect(workbook.tables.list()).toEqual([]);
  });

  it("lands 50,000 x 20 complete with every sync under 5 MB", async () => {
    const workbook = install();
    const headers = Array.from({ length: 20 }, (_, c) => (c === 0 ? "id" : `field_${c}`));
    const rows = Array.from({ length: 50_000 }, (_, r) =>
      headers.map((_, c) => (c === 0 ? r + 1 : `row ${r + 1} value ${c} ${"x".repeat(c)}`)),
    );
    clearSyncSizes(workbook);
    const landed = await writePulledTable(
      { headers, types: headers.map((_, c) => (c === 0 ? "number" : "text")), rows, warnings: [], pages: 1 },
      "Big",
      { kind: "newSheet" },
    );
    expect(landed.address).toBe("Big!A1:T50001");
    const sizes = syncSizes(workbook);
    expect(sizes.length).toBeGreaterThan(2);
    expect(Math.max(...sizes)).toBeLessThan(FIVE_MB);
    const values = all(workbook, "Big");
    expect(values).toHaveLength(50_001);
    expect(values[50_000]).toEqual(rows[49_999]);
  }, 120_000);
});

describe("refreshPulledTable", () => {
  async function pulledWithFormula(workbook: Workbook): Promise<string> {
    await writePulledTable(
      table([
        [1, "a", "c1", null, true],
        [2, "b", "c2", null, false],
      ]),
      "Clients",
      { kind: "newSheet" },
    );
    const sheet = workbook.getSheet("Clients")!.id;
    // The user adds a column to the table and fills it with a formula.
    await Excel.run(async (context) => {
      const t = context.workbook.tables.getItem("Halo_Clients");
      t.columns.add(undefined, [["label"], ['=B2&"-"&C2'], ['=B3&"-"&C3']]);
      await context.sync();
    });
    return sheet;
  }

  it("more rows: data columns rewritten in Halo's order, the user's formula column fills every row", async () => {
    const workbook = install();
    const sheet = await pulledWithFormula(workbook);
    const landed = await refreshPulledTable(
      "Halo_Clients",
      ["id", "name", "code", "created", "active"],
      table([
        [3, "z", "c3", null, true],
        [1, "a", "c1-new", null, true],
        [2, "b", "c2", "2024-01-01", false],
        [4, "y", "=1+1", null, false],
      ]),
    );
    expect(landed.address).toBe("Clients!A1:F5");
    expect(all(workbook, "Clients")).toEqual([
      ["id", "name", "code", "created", "active", "label"],
      [3, "z", "c3", "", true, "z-c3"],
      [1, "a", "c1-new", "", true, "a-c1-new"],
      [2, "b", "c2", excelDateSerial("2024-01-01"), false, "b-c2"],
      [4, "y", "=1+1", "", false, "y-=1+1"],
    ]);
    expect(workbook.getCell(sheet, 4, 5).formula).toBe('=B5&"-"&C5');
  });

  it("fewer rows: the extra rows go; a new field becomes a column; a field Halo dropped is emptied", async () => {
    const workbook = install();
    await pulledWithFormula(workbook);
    await refreshPulledTable("Halo_Clients", ["id", "name", "code", "created", "active"], {
      headers: ["id", "name", "created", "active", "phone"],
      types: ["number", "text", "datetime", "boolean", "text"],
      rows: [[2, "b", null, true, "0123"]],
      warnings: [],
      pages: 1,
    });
    expect(all(workbook, "Clients")).toEqual([
      ["id", "name", "code", "created", "active", "label", "phone"],
      [2, "b", "", "", true, "b-", "0123"],
    ]);
  });
});
