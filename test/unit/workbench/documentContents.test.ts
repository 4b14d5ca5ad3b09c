/**
 * @jest-environment jsdom
 */
/* documentContents: everything an add-in wrote into the workbook through the Office globals (cells of
   every sheet, very hidden ones included, formulas, number formats, tables, document settings saved or
   not) is listed, and listing it changes nothing. */
import { documentContents } from "../../../workbench/excel/documentContents";
import { installOfficeGlobals } from "../../../workbench/excel/install";
import { Workbook } from "../../../workbench/model/workbook";

type Globals = { Office: typeof Office; Excel: typeof Excel };

async function writeLikeAnAddIn(): Promise<Workbook> {
  const model = new Workbook();
  installOfficeGlobals(window, model, { memoryStorage: true });
  const g = window as unknown as Globals;
  await g.Office.onReady();
  await g.Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.getRange("A1:B2").values = [
      ["id", "name"],
      [1, "Acme"],
    ];
    sheet.getRange("C2").formulas = [['=B2&"!"']];
    sheet.getRange("D5").numberFormat = [["@"]];
    context.workbook.tables.add("Sheet1!A1:B2", true).name = "Clients";
    const store = context.workbook.worksheets.add("Store");
    store.getRange("B3").values = [["kept out of sight"]];
    store.visibility = g.Excel.SheetVisibility.veryHidden;
    await context.sync();
  });
  const settings = g.Office.context.document.settings;
  settings.set("saved", { a: 1 });
  await new Promise<void>((resolve) => settings.saveAsync(() => resolve()));
  settings.set("unsaved", "only in memory");
  return model;
}

describe("documentContents", () => {
  it("lists every sheet's cells (very hidden too), formulas, formats, tables and settings saved or not", async () => {
    const contents = documentContents(await writeLikeAnAddIn());
    expect(contents.sheets).toEqual([
      {
        name: "Sheet1",
        visibility: "Visible",
        cells: [
          { address: "A1", value: "id" },
          { address: "B1", value: "name" },
          { address: "A2", value: 1 },
          { address: "B2", value: "Acme" },
          { address: "C2", value: "Acme!", formula: '=B2&"!"' },
          { address: "D5", value: "", numberFormat: "@" },
        ],
      },
      { name: "Store", visibility: "VeryHidden", cells: [{ address: "B3", value: "kept out of sight" }] },
    ]);
    expect(contents.tables).toEqual([{ name: "Clients", sheet: "Sheet1", address: "A1:B2" }]);
    expect(contents.settings).toEqual({
      saved: { saved: '{"a":1}' },
      current: { saved: '{"a":1}', unsaved: '"only in memory"' },
    });
  });

  it("changes nothing: no event, and the same answer when asked twice", async () => {
    const model = await writeLikeAnAddIn();
    const events: unknown[] = [];
    model.subscribe((event) => events.push(event));
    const first = documentContents(model);
    expect(documentContents(model)).toEqual(first);
    expect(events).toEqual([]);
    expect(model.listSheets().map((s) => s.name)).toEqual(["Sheet1", "Store"]);
  });
});
