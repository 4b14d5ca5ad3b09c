/**
 * Error values in HALO.* arguments, passed as Excel passes them when functions.json allows errors for
 * `any` parameters (the build sets allowErrorForDataTypeAny): CustomFunctions.Error objects. Called
 * through the workbench's formula engine, which follows Excel's argument rules.
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata/lib/generate";
import { Workbook } from "../../../workbench/model/workbook";
import { CellError } from "../../../workbench/model/types";
import type { CustomFunctionsMetadataFile } from "../../../workbench/formula/customFunctions";
import { customFunctions } from "../../../src/functions/register";

let metadata: CustomFunctionsMetadataFile;

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata("src/functions/functions.ts");
  metadata = {
    ...(JSON.parse(generated.metadataJson) as CustomFunctionsMetadataFile),
    allowErrorForDataTypeAny: true,
  };
});

function sheetWithHalo() {
  const wb = new Workbook();
  wb.customFunctions.loadMetadata(metadata, "HALO");
  wb.customFunctions.associate(customFunctions);
  return { wb, sheet: wb.getActiveSheet().id };
}

describe("error values in HALO.* arguments", () => {
  it("a spilled HALO.PAYLOAD gives the row with an error value its own message; the other rows spill", () => {
    const { wb, sheet } = sheetWithHalo();
    wb.setInputs(sheet, 0, 0, [
      ["id", "item_tax_code"],
      ["12", "1"],
      ["13", "=NA()"],
      ["14", "2"],
    ]);
    wb.setCellInput(sheet, 1, 2, "=HALO.PAYLOAD(A1:B1, A2:B4)");
    expect(wb.getValue(sheet, 1, 2)).toBe('{"id":12,"item_tax_code":1}');
    expect(wb.getValue(sheet, 2, 2)).toEqual(
      new CellError("#VALUE!", "item_tax_code: the cell holds the error #N/A"),
    );
    expect(wb.getValue(sheet, 3, 2)).toBe('{"id":14,"item_tax_code":2}');
  });

  it("names an error value given as the entity or the name", () => {
    const { wb, sheet } = sheetWithHalo();
    wb.setInputs(sheet, 0, 0, [
      ["id", "=NA()"],
      ["1", ""],
    ]);
    wb.setCellInput(sheet, 2, 0, "=HALO.PAYLOAD(A1, A2, B1)");
    expect(wb.getValue(sheet, 2, 0)).toEqual(new CellError("#VALUE!", "entity is the error #N/A"));
    wb.setCellInput(sheet, 3, 0, '=HALO.VALIDATE(B1, "Client")');
    expect(wb.getValue(sheet, 3, 0)).toBe("the payload is the error #N/A");
  });
});
