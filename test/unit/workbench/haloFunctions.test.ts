/* The add-in's real HALO.* functions, with the metadata the build generates from their JSDoc, called
   by the workbench's formula engine as Excel calls them: the Postman guide's case typed into cells. */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata/lib/generate";
import { Workbook } from "../../../workbench/model/workbook";
import { CellError } from "../../../workbench/model/types";
import type { CustomFunctionsMetadataFile } from "../../../workbench/formula/customFunctions";
import { customFunctions } from "../../../src/functions/register";
import { payload } from "../../../src/functions/functions";
import { cpuStopwatch } from "../../fakes/cpuStopwatch";

let metadata: CustomFunctionsMetadataFile;

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata("src/functions/functions.ts");
  metadata = JSON.parse(generated.metadataJson) as CustomFunctionsMetadataFile;
});

function workbookWithHalo() {
  const wb = new Workbook();
  wb.customFunctions.loadMetadata(metadata, "HALO");
  wb.customFunctions.associate(customFunctions);
  return { wb, sheet: wb.getActiveSheet().id };
}

/** What the function itself returns for one row, called directly with Excel's argument shapes. */
function expectedPayload(headers: unknown[][], values: unknown[][]): unknown {
  return payload(headers, values)[0][0];
}

describe("HALO.PAYLOAD in the workbench", () => {
  test("the Postman guide's case: typed rows, a payload filled down 1,000 rows, edits recalculate", () => {
    const { wb, sheet } = workbookWithHalo();
    const rows = 1000;
    wb.setInputs(sheet, 0, 0, [["id", "item_tax_code"]]);
    wb.setInputs(
      sheet,
      1,
      0,
      Array.from({ length: rows }, (_, i) => [String(i + 1), String((i % 4) + 1)]),
    );
    wb.setCellInput(sheet, 1, 2, "=HALO.PAYLOAD($A$1:$B$1, A2:B2)");
    wb.fillDown(sheet, { row: 1, col: 2, rowCount: rows, colCount: 1 });
    expect(wb.getCell(sheet, rows, 2).formula).toBe(`=HALO.PAYLOAD($A$1:$B$1, A${rows + 1}:B${rows + 1})`);
    for (const r of [1, 2, 500, rows]) {
      const shown = wb.getValue(sheet, r, 2);
      expect(shown).toBe(expectedPayload([["id", "item_tax_code"]], [[r, ((r - 1) % 4) + 1]]));
      expect(JSON.parse(shown as string)).toEqual({ id: r, item_tax_code: ((r - 1) % 4) + 1 });
    }
    wb.setCellInput(sheet, 10, 1, "7");
    expect(JSON.parse(wb.getValue(sheet, 10, 2) as string)).toEqual({ id: 10, item_tax_code: 7 });
  });

  test("a value the function rejects shows #VALUE! with the function's message", () => {
    const { wb, sheet } = workbookWithHalo();
    wb.setInputs(sheet, 0, 0, [["id"], ["abc"]]);
    wb.setCellInput(sheet, 1, 1, "=HALO.PAYLOAD(A1, A2)");
    const direct = expectedPayload([["id"]], [["abc"]]) as { code: string; message: string };
    expect(direct.code).toBe("#VALUE!");
    expect(wb.getValue(sheet, 1, 1)).toEqual(new CellError("#VALUE!", direct.message));
  });

  test("10,000 HALO.PAYLOAD cells recalculate well under a second after a header edit", () => {
    const { wb, sheet } = workbookWithHalo();
    const rows = 10_000;
    wb.setValues(sheet, 0, 0, [["id", "name"]]);
    wb.setValues(
      sheet,
      1,
      0,
      Array.from({ length: rows }, (_, i) => [i + 1, `client ${i + 1}`]),
    );
    wb.setFormulas(
      sheet,
      1,
      2,
      Array.from({ length: rows }, (_, i) => [`=HALO.PAYLOAD($A$1:$B$1, A${i + 2}:B${i + 2})`]),
    );
    const cpuMs = cpuStopwatch();
    wb.setCellInput(sheet, 0, 1, "client_name");
    const elapsed = cpuMs();
    expect(JSON.parse(wb.getValue(sheet, rows, 2) as string)).toEqual({
      id: rows,
      client_name: `client ${rows}`,
    });
    expect(elapsed).toBeLessThan(1000);
  });
});
