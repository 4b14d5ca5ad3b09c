/**
 * The workbench keeps its own list of Excel's error values (it is an independent Excel host and
 * imports nothing from src/), so this checks the two lists agree: a value Excel can show that the
 * add-in does not recognise would reach Halo as text.
 */
import { EXCEL_ERROR_CODES } from "../../../src/bulk";
import { ERROR_CODES } from "../../../workbench/model/types";

test("the workbench and the add-in know the same Excel error values", () => {
  expect([...ERROR_CODES].sort()).toEqual([...EXCEL_ERROR_CODES].sort());
});
