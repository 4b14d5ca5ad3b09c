/**
 * Getting an update ready to send: when the entity replaces the whole custom-field list, read the
 * record and send the full merged list (so nothing is wiped); when undo needs a before-image the
 * snapshot did not give, take it from the same read; when conflicts are checked, compare the record
 * with the snapshot's before-image (a field changed in Halo since the pull is a conflict) and keep
 * the record's values as the before-image, so undo restores what Halo held. One read per row at most.
 */
import { jsonBytes } from "./batch";
import { isCustomFieldList, mergeCustomFields } from "./customFields";
import type { HaloObject } from "./payload";
import type { PlannedRow, RunFlags } from "./planTypes";
import { beforeImageFrom, describeMismatches, fieldsNotTaken } from "./readBack";

export interface PrepareContext {
  entity: string;
  flags: RunFlags;
  readBeforeImages: boolean;
  replacesCustomFieldList: (entity: string) => boolean;
  read(id: number): Promise<HaloObject>;
  /** Compare rows that have a snapshot before-image with Halo's record: "skip" conflicts or "overwrite" them. */
  conflicts?: "skip" | "overwrite";
  /** What the before-image was taken from, for people (default "the pull"). */
  conflictsSince?: string;
}

export type Prepared =
  | { ok: true; object: HaloObject; bytes: number; before?: HaloObject }
  | { ok: false; error: unknown; why: string }
  | { ok: false; conflict: string };

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
  const checksConflict = row.before !== undefined && context.conflicts !== undefined;
  if (!needsMerge && !needsBefore && !checksConflict) return unchanged;
  let record: HaloObject;
  try {
    record = await context.read(row.id);
  } catch (error) {
    return {
      ok: false,
      error,
      why: needsMerge
        ? "to keep its other custom fields"
        : checksConflict
          ? "to check it for changes since the pull"
          : "to keep a before-image for undo",
    };
  }
  if (checksConflict && context.conflicts === "skip") {
    const changed = fieldsNotTaken(row.before as HaloObject, record, context.flags.objectFields);
    if (changed.length > 0)
      return { ok: false, conflict: conflictMessage(changed, context.conflictsSince ?? "the pull") };
  }
  const merged = customFieldChanges
    ? { ...object, customfields: mergeCustomFields(record.customfields, customFieldChanges) }
    : object;
  return {
    ok: true,
    object: merged,
    bytes: needsMerge ? jsonBytes({ ...merged, ...context.flags.objectFields }) : row.bytes,
    before:
      checksConflict || !row.before
        ? beforeImageFrom(record, merged, context.flags.objectFields)
        : row.before,
  };
}

function conflictMessage(changed: ReturnType<typeof fieldsNotTaken>, since: string): string {
  const what = describeMismatches(changed).replace(/\(sent /g, "(was ");
  return `Conflict: changed in Halo since ${since}: ${what}. Not sent.`;
}
