/** Plans written out by hand, so run tests do not depend on the payload engine. */
import { jsonBytes } from "../../../src/bulk/batch";
import type { HaloObject } from "../../../src/bulk/payload";
import type { Plan, PlannedRow, RunFlags } from "../../../src/bulk/planTypes";

export const NO_FLAGS: RunFlags = { objectFields: {}, dryRun: false, serverValidate: false, notes: [] };

/** One update per object, sheet rows numbered from 2 (row 1 holds the headers). */
export function updatePlan(objects: HaloObject[], batchRows = 100, flags: RunFlags = NO_FLAGS): Plan {
  const rows: PlannedRow[] = objects.map((object, key) => ({
    key,
    rowNumber: key + 2,
    action: typeof object.id === "number" ? "update" : "create",
    ...(typeof object.id === "number" ? { id: object.id } : {}),
    object,
    changes: [],
    bytes: jsonBytes(object),
  }));
  return { entity: "Client", rows, flags, batchRows, batchBytes: 1024 * 1024 };
}

export function renames(count: number, from = 1): HaloObject[] {
  return Array.from({ length: count }, (_, i) => ({ id: from + i, name: `Renamed ${from + i}` }));
}
