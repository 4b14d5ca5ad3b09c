/**
 * The workbench's Excel API in Node (no browser needed: the model and the proxy objects are plain
 * TypeScript), installed as the global `Excel` the add-in's src/office code calls, with every sync
 * counted and its request size measured as the workbench measures it against Excel's 5 MB limit.
 */
import { Workbook } from "../../workbench/model/workbook";
import { createExcelNamespace } from "../../workbench/excel/workbookProxy";

export interface SyncMeter {
  syncs: number;
  largestSyncBytes: number;
}

/** What the workbench queues per action, read at sync time (an internal of the emulation). */
interface QueuedContext {
  actions?: { bytes: number }[];
  sync(value?: unknown): Promise<unknown>;
}

export function installWorkbench(): { model: Workbook; meter: SyncMeter; uninstall(): void } {
  const model = new Workbook();
  const excel = createExcelNamespace(model);
  const meter: SyncMeter = { syncs: 0, largestSyncBytes: 0 };
  const run = excel.run as unknown as (batch: (ctx: QueuedContext) => Promise<unknown>) => Promise<unknown>;
  const metered = (batch: (ctx: QueuedContext) => Promise<unknown>) =>
    run((ctx) => {
      const sync = ctx.sync.bind(ctx);
      ctx.sync = (value?: unknown) => {
        meter.syncs++;
        const bytes = (ctx.actions ?? []).reduce((sum, a) => sum + a.bytes, 0);
        meter.largestSyncBytes = Math.max(meter.largestSyncBytes, bytes);
        return sync(value);
      };
      return batch(ctx);
    });
  const globals = globalThis as { Excel?: unknown };
  const previous = globals.Excel;
  globals.Excel = { ...excel, run: metered };
  return { model, meter, uninstall: () => (globals.Excel = previous) };
}
