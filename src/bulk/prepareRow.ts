/**
 * Getting an update ready to send: when the entity replaces the whole custom-field list, read the
 * record and send the full merged list (so nothing is wiped); when undo needs a before-image the
 * snapshot did not give, take it from the same read. One read per row at most.
 */
import { jsonBytes } from "./batch";
import { isCustomFieldList, mergeCustomFields } from "./customFields";
import type { HaloObject } from "./payload";
import type { PlannedRow, RunFlags } from "./planTypes";
import { beforeImageFrom } from "./readBack";

export interface PrepareContext {
  entity: string;
  flags: RunFlags;
  readBeforeImages: boolean;
  replacesCustomFieldList: (entity: string) => boolean;
  read(id: number): Promise<HaloObject>;
}

export type Prepared =
  | { ok: true; object: HaloObject; bytes: number; before?: HaloObject }
  | { ok: false; error: unknown; why: string };

export async function prepareRow(
  row: PlannedRow,
  object: HaloObject,
  context: PrepareContext,
): Promise<Prepared> {
  const unchanged = {
    ok: true as const,
    object,
    bytes: row.bytes,
    ...(row.before ? { before: row.before } : {}),
  };
  if (row.action !== "update" || context.flags.dryRun || row.id === undefined) return unchanged;
  const { customfields } = object;
  const customFieldChanges =
    isCustomFieldList(customfields) && context.replacesCustomFieldList(context.entity)
      ? customfields
      : undefined;
  const needsMerge = customFieldChanges !== undefined;
  const needsBefore = !row.before && context.readBeforeImages;
  if (!needsMerge && !needsBefore) return unchanged;
  let record: HaloObject;
  try {
    record = await context.read(row.id);
  } catch (error) {
    return {
      ok: false,
      error,
      why: needsMerge ? "to keep its other custom fields" : "to keep a before-image for undo",
    };
  }
  const merged = customFieldChanges
    ? { ...object, customfields: mergeCustomFields(record.customfields, customFieldChanges) }
    : object;
  return {
    ok: true,
    object: merged,
    bytes: needsMerge ? jsonBytes({ ...merged, ...context.flags.objectFields }) : row.bytes,
    before: row.before ?? beforeImageFrom(record, merged, context.flags.objectFields),
  };
}
