/* Every sync's request size, per workbook, so a test can assert that the add-in kept each request under
   Excel's 5 MB limit (a refused sync is recorded too, with its size). */
import type { Workbook } from "../model/workbook";

const logs = new WeakMap<Workbook, number[]>();

/** @internal Called by RequestContext.sync with the request's size in bytes. */
export function recordSync(workbook: Workbook, requestBytes: number): void {
  let log = logs.get(workbook);
  if (log === undefined) logs.set(workbook, (log = []));
  log.push(requestBytes);
}

/** The request sizes of the syncs (with at least one action) since the last clear, in order. */
export function syncSizes(workbook: Workbook): number[] {
  return [...(logs.get(workbook) ?? [])];
}

export function clearSyncSizes(workbook: Workbook): void {
  logs.delete(workbook);
}
