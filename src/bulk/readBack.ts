/**
 * Reading records back: before-images for the journal, and comparing what Halo holds with what we
 * sent (verify-after-write, and the check that settles an update whose answer was lost).
 */
import type { HaloObject } from "./payload";
import type { FieldMismatch } from "./rowResult";
import { matches } from "./sameValue";
import { isCustomFieldList, sameCustomField } from "./customFields";

/** Fields that steer a write rather than hold data; never compared or journalled. */
function isDataField(field: string, flagFields: HaloObject): boolean {
  return field !== "id" && !(field in flagFields);
}

/** Whether `record` has every data field of these objects (a list row can leave fields out). */
export function holdsDataFields(record: HaloObject, objects: HaloObject[], flagFields: HaloObject): boolean {
  return objects.every((object) =>
    Object.keys(object).every((field) => !isDataField(field, flagFields) || field in record),
  );
}

/** The fields of `sent` that `record` does not hold. */
export function fieldsNotTaken(
  sent: HaloObject,
  record: HaloObject,
  flagFields: HaloObject,
): FieldMismatch[] {
  return Object.entries(sent)
    .filter(([field, value]) => isDataField(field, flagFields) && !matches(value, record[field]))
    .map(([field, value]) => ({ field, sent: value, found: record[field] ?? null }));
}

/**
 * The record's values for the fields of `sent` (null where it has none); for custom fields, the
 * record's entries for the fields sent, so undo restores exactly those.
 */
export function beforeImageFrom(record: HaloObject, sent: HaloObject, flagFields: HaloObject): HaloObject {
  const before: HaloObject = { id: sent.id };
  for (const [field, value] of Object.entries(sent)) {
    if (!isDataField(field, flagFields)) continue;
    if (field === "customfields" && isCustomFieldList(value)) {
      const current = Array.isArray(record.customfields) ? record.customfields : [];
      before.customfields = value.map((entry) => {
        const found = current.find((e) => sameCustomField(entry, e)) as { value?: unknown } | undefined;
        return { ...entry, value: found?.value ?? null };
      });
    } else before[field] = record[field] ?? null;
  }
  return before;
}

export function describeMismatches(mismatches: FieldMismatch[]): string {
  return mismatches
    .map((m) => `${m.field} (sent ${JSON.stringify(m.sent)}, Halo has ${JSON.stringify(m.found)})`)
    .join("; ");
}
