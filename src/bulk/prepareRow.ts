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

/** Why preparing a row reads its record, or undefined when it does not (creates, dry runs, nothing to keep). */
export function readsOf(
  row: PlannedRow,
  object: HaloObject,
  context: Omit<PrepareContext, "read">,
): { needsMerge: boolean; needsBefore: boolean; checksConflict: boolean } | undefined {
  if (row.action !== "update" || context.flags.dryRun || row.id === undefined) return undefined;
  const needsMerge =
    isCustomFieldList(object.customfields) && context.replacesCustomFieldList(context.entity);
  const needsBefore = !row.before && context.readBeforeImages;
  const checksConflict = row.before !== undefined && context.conflicts !== undefined;
  return needsMerge || needsBefore || checksConflict
    ? { needsMerge, needsBefore, checksConflict }
    : undefined;
}

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
  const reads = readsOf(row, object, context);
  if (!reads || row.id === undefined) return unchanged;
  const { needsMerge, checksConflict } = reads;
  const customFieldChanges =
    needsMerge && isCustomFieldList(object.customfields) ? object.customfields : undefined;
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
