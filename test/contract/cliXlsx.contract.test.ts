/**
 * The command line's workbooks against the sandbox: `pull --out x.xlsx` writes the report as an Excel
 * table, and `push --in x.xlsx --sheet NAME` pushes formula cells by the values Excel cached.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { startCliSandbox, type BulkSandbox } from "./bulkSandboxSetup";
import { runSignedIn, type CliRun } from "./cliHarness";

describe("halosheet pull/push with .xlsx against the sandbox", () => {
  let halo: BulkSandbox & { dir: string };

  beforeAll(async () => {
    halo = await startCliSandbox({ seed: 1 });
  });
  afterAll(() => halo.close());

  const cli = (command: string, ...argv: string[]): Promise<CliRun> => runSignedIn(halo, command, argv);

  it("pulls a saved report into a workbook table, and pushes formula cells by the values Excel cached", async () => {
    const file = join(halo.dir, "clients.xlsx");
    const pulled = await cli("pull", "--report", "Clients with tax code", "--out", file);
    expect(pulled).toMatchObject({ code: 0 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet("Clients with tax code")!;
    const table = sheet.getTable("Halo_Clients_with_tax_code");
    expect(table).toBeDefined();
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(["id", "name", "item_tax_code"]));
    const clients = await halo.records("Client");
    expect(sheet.rowCount - 1).toBe(
      [...clients.values()].filter((c) => c.inactive !== true && c.inactive !== 1).length,
    );

    // In Excel: a column of formulas Excel calculated; the file keeps their results, which push sends.
    const firstId = Number(sheet.getCell("A2").value);
    const edits = workbook.addWorksheet("Edits");
    edits.addRow(["id", "name"]);
    edits.addRow([firstId, { formula: 'CONCAT("Renamed"," in Excel")', result: "Renamed in Excel" }]);
    await workbook.xlsx.writeFile(file);
    const out = join(halo.dir, "results.csv");
    const pushed = await cli("push", "--entity", "Client", "--in", file, "--sheet", "Edits", "--out", out);
    expect(pushed.stderr).toContain("1 Updated in 1 requests");
    expect(pushed.code).toBe(0);
    const results = parse(await readFile(out, "utf8"), { columns: true }) as Record<string, string>[];
    expect(results.map((r) => r.Status)).toEqual(["Updated"]);
    expect((await halo.records("Client")).get(firstId)?.name).toBe("Renamed in Excel");
  });
});
