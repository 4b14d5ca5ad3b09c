/**
 * Changed-fields-only: compare a row's typed object with the snapshot's object for the same id and
 * keep only the fields that differ (custom fields entry by entry), with the snapshot's values as the
 * before-image (null for a blank) and the changes for the diff preview.
 */
import type { HaloObject } from "./payload";
import type { FieldChange } from "./planTypes";
import { isCustomFieldList, sameCustomField, type CustomFieldEntry } from "./customFields";
import { matches } from "./sameValue";

export interface SnapshotDiff {
  /** id plus the changed fields. */
  object: HaloObject;
  before: HaloObject;
  changes: FieldChange[];
}

function customFieldLabel(entry: CustomFieldEntry): string {
  return `customfields.${entry.name ?? entry.id}`;
}

function oldCustomValue(entry: CustomFieldEntry, old: unknown): unknown {
  const found = Array.isArray(old) ? old.find((e) => sameCustomField(entry, e)) : undefined;
  return (found as { value?: unknown } | undefined)?.value ?? null;
}

export function diffAgainstSnapshot(next: HaloObject, old: HaloObject): SnapshotDiff {
  const object: HaloObject = { id: next.id };
  const before: HaloObject = { id: next.id };
  const changes: FieldChange[] = [];
  for (const [field, value] of Object.entries(next)) {
    if (field === "id") continue;
    if (field === "customfields" && isCustomFieldList(value)) {
      const changed = value.filter((entry) => !matches(entry.value, oldCustomValue(entry, old.customfields)));
      if (changed.length === 0) continue;
      object.customfields = changed;
      before.customfields = changed.map((entry) => ({
        ...entry,
        value: oldCustomValue(entry, old.customfields),
      }));
      for (const entry of changed)
        changes.push({
          field: customFieldLabel(entry),
          old: oldCustomValue(entry, old.customfields),
          new: entry.value,
        });
    } else if (!matches(value, old[field])) {
      object[field] = value;
      before[field] = old[field] ?? null;
      changes.push({ field, old: old[field] ?? null, new: value });
    }
  }
  return { object, before, changes };
}

/** Without a snapshot every field given is a change from an unknown old value. */
export function changesWithoutSnapshot(next: HaloObject): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, value] of Object.entries(next)) {
    if (field === "id") continue;
    if (field === "customfields" && isCustomFieldList(value))
      for (const entry of value)
        changes.push({ field: customFieldLabel(entry), old: undefined, new: entry.value });
    else changes.push({ field, old: undefined, new: value });
  }
  return changes;
}
