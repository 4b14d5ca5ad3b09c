/* Excel.run on a workbench model, typed with @types/office-js so the tests also check the emulation
   against Excel's own API shape. */
import type { Workbook } from "../../../workbench/model/workbook";
import { createExcelNamespace } from "../../../workbench/excel/workbookProxy";

export type Ctx = Excel.RequestContext;

export function excelRun(model: Workbook): <T>(batch: (ctx: Ctx) => Promise<T>) => Promise<T> {
  const excel = createExcelNamespace(model);
  return <T>(batch: (ctx: Ctx) => Promise<T>) =>
    (excel.run as unknown as (b: (ctx: Ctx) => Promise<T>) => Promise<T>)(batch);
}
