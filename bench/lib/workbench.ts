/**
 * The workbench's Excel API in Node (no browser needed: the model and the proxy objects are plain
 * TypeScript), installed as the global `Excel` the add-in's src/office code calls. The workbench logs
 * every sync's request size, as it checks it against Excel's 5 MB limit (refused syncs included).
 */
import { Workbook } from "../../workbench/model/workbook";
import { createExcelNamespace } from "../../workbench/excel/workbookProxy";
import { syncSizes } from "../../workbench/excel/syncLog";

export function installWorkbench(): { model: Workbook; syncs(): number[]; uninstall(): void } {
  const model = new Workbook();
  const globals = globalThis as { Excel?: unknown };
  const previous = globals.Excel;
  globals.Excel = createExcelNamespace(model);
  return { model, syncs: () => syncSizes(model), uninstall: () => (globals.Excel = previous) };
}
