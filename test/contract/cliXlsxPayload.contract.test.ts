/**
 * Issue 13: a payload column built in Excel with =HALO.PAYLOAD, saved as .xlsx, pushes headless. Excel
 * saves each formula cell with the value it last calculated (here the JSON text), the filled-down cells
 * as shared formulas of the first one; `halosheet push --in file.xlsx --sheet NAME` must send exactly
 * those objects, with or without `--payload-column`, and none for a cell whose cached value is an error.
 */
import { join } from "node:path";
import ExcelJS from "exceljs";
import { startCliSandbox, type BulkSandbox } from "./bulkSandboxSetup";
import { runSignedIn } from "./cliHarness";

/** The formula as Excel saves a custom function's call (add-in functions get the _xldudf_ prefix). */
const PAYLOAD_FORMULA = '_xldudf_HALO_PAYLOAD($A$1:$C$1,A2:C2,"Client")';

interface Payload {
  id: number;
  name: string;
  item_tax_code: number;
}

/**
 * A workbook as Excel saves it: a first sheet the push must not read, then "Payloads" with field columns
 * and a payload column whose cached JSON differs from the fields beside it (so a test can tell which was
 * sent), one cell holding the error Excel cached (#VALUE!).
 */
async function writePayloadWorkbook(path: string, payloads: Payload[], errorRow: number): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Notes").addRow(["id", "name"]).commit();
  const sheet = workbook.addWorksheet("Payloads");
  sheet.addRow(["id", "name", "item_tax_code", "Payload"]);
  payloads.forEach((payload, index) => {
    const row = index + 2;
    const cached = row === errorRow ? { error: "#VALUE!" as const } : JSON.stringify(payload);
    sheet.addRow([payload.id, "the field column, not sent", 0, null]);
    // exceljs writes a shared formula from shareType/ref, which its typings leave out.
    const formula =
      row === 2
        ? { formula: PAYLOAD_FORMULA, result: cached, shareType: "shared", ref: `D2:D${payloads.length + 1}` }
        : { sharedFormula: "D2", result: cached };
    sheet.getCell(`D${row}`).value = formula as unknown as ExcelJS.CellValue;
  });
  await workbook.xlsx.writeFile(path);
}

describe("halosheet push --in file.xlsx with a HALO.PAYLOAD column", () => {
  let halo: BulkSandbox & { dir: string };
  beforeAll(async () => {
    halo = await startCliSandbox({ seed: 1 });
  });
  afterAll(() => halo.close());

  /** Pushes Clients, noting every object that reaches Halo. */
  async function pushAndWatch(argv: string[]): Promise<{ code: number; sent: unknown[]; stderr: string }> {
    const sent: unknown[] = [];
    const watching = async (input: string, init: RequestInit): Promise<Response> => {
      if (init.method === "POST" && new URL(input).pathname === "/api/Client")
        sent.push(...(JSON.parse(String(init.body)) as unknown[]));
      return fetch(input, init);
    };
    const { code, stderr } = await runSignedIn(halo, "push", ["--entity", "Client", ...argv], {
      fetch: watching,
    });
    return { code, sent, stderr };
  }

  const cases: [string, string[]][] = [
    ["found by its JSON objects", []],
    ["named with --payload-column", ["--payload-column", "Payload"]],
  ];

  it.each(cases)("sends exactly the cached objects, the column %s", async (label, extra) => {
    const ids = [...(await halo.records("Client")).keys()].slice(0, 4);
    const tag = label.split(" ").pop()!;
    const payloads = ids.map((id, i) => ({ id, name: `Payload ${tag} ${i}`, item_tax_code: (i % 5) + 1 }));
    const file = join(halo.dir, `payloads-${tag}.xlsx`);
    await writePayloadWorkbook(file, payloads, 4);

    const { code, sent, stderr } = await pushAndWatch([
      "--in",
      file,
      "--sheet",
      "Payloads",
      "--out",
      join(halo.dir, `results-${tag}.csv`),
      ...extra,
    ]);

    expect(stderr).toContain('sending the JSON objects of column "Payload" as they are');
    // Row 4's cell cached #VALUE!: it is that row's error, and nothing of it is sent.
    expect(stderr).toMatch(/row 4: Skipped: .*D4.*#VALUE!/);
    expect(code).toBe(1);
    const expected = payloads.filter((_, i) => i + 2 !== 4);
    expect(sent).toEqual(expected);
    const records = await halo.records("Client");
    for (const payload of expected) expect(records.get(payload.id)).toMatchObject(payload);
    expect(records.get(payloads[2]!.id)?.name).not.toBe(payloads[2]!.name);
  });
});
