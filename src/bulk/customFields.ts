/**
 * Halo's custom fields travel as `customfields: [{id | name, value}]`. Some entities replace the
 * whole list when it is sent, wiping every field not in it; mergeCustomFields builds the full list
 * from the record as read, with the row's changes applied, so nothing is wiped.
 */
export interface CustomFieldEntry {
  id?: number;
  name?: string;
  value: unknown;
}

function isEntry(v: unknown): v is CustomFieldEntry {
  return (
    typeof v === "object" && v !== null && !Array.isArray(v) && "value" in v && ("id" in v || "name" in v)
  );
}

export function isCustomFieldList(v: unknown): v is CustomFieldEntry[] {
  return Array.isArray(v) && v.length > 0 && v.every(isEntry);
}

/** "id:145" and/or "name:cfcontractref": how two entries are known to be the same field. */
export function customFieldKeys(entry: unknown): string[] {
  if (typeof entry !== "object" || entry === null) return [];
  const { id, name } = entry as { id?: unknown; name?: unknown };
  const keys: string[] = [];
  if (typeof id === "number" && id > 0) keys.push(`id:${id}`);
  if (typeof name === "string" && name !== "") keys.push(`name:${name.toLowerCase()}`);
  return keys;
}

export function sameCustomField(a: unknown, b: unknown): boolean {
  const keys = customFieldKeys(b);
  return customFieldKeys(a).some((k) => keys.includes(k));
}

/** Only what Halo needs to keep a field as it is: its id (or name) and value. */
function slim(entry: unknown): CustomFieldEntry {
  const { id, name, value } = entry as { id?: unknown; name?: unknown; value?: unknown };
  const slimmed: CustomFieldEntry = { value: value ?? null };
  if (typeof id === "number" && id > 0) slimmed.id = id;
  if (typeof name === "string") slimmed.name = name;
  return slimmed;
}

/**
 * The full list to send: every field the record has (as read), with the changed ones replaced,
 * then changed fields the record did not list.
 */
export function mergeCustomFields(current: unknown, changes: CustomFieldEntry[]): CustomFieldEntry[] {
  const existing = Array.isArray(current) ? current : [];
  const merged = existing.filter((e) => customFieldKeys(e).length > 0).map(slim);
  for (const change of changes) {
    const index = merged.findIndex((e) => sameCustomField(change, e));
    if (index >= 0) merged[index] = { ...merged[index], value: change.value };
    else merged.push(change);
  }
  return merged;
}
