/**
 * Column mapping, as Salesforce Data Loader has it: real Halo reports name their columns as their SQL
 * aliases say ("Client ID", "Tax Code"), not as API fields. Each column gets a target field, matched
 * automatically (the exact name, then the name as words, then the closest name), or "not sent" (a
 * report's display names such as `item_tax_code_name`). The user can change any target.
 */
import { fieldTable, type FieldTable } from "./payload/entityFields";
import { closestName } from "./payload/suggest";

/** How a column's target was found; "user" once the person chose it. */
export type MatchKind = "exact" | "label" | "customField" | "closest" | "displayName" | "none" | "user";

export interface ColumnMatch {
  header: string;
  /** The field the column writes ("customfields.CFRef", "site.name"...), or "" for not sent. */
  target: string;
  how: MatchKind;
}

function words(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

function exactTarget(header: string, table: FieldTable): string | undefined {
  const name = header.trim();
  const lower = name.toLowerCase();
  if (lower.startsWith("customfields.")) return name;
  const top = name.replace(/\[\]$/, "").split(".")[0]!.trim().toLowerCase();
  const known = table.byLowerName.get(top);
  return known && (top === lower.replace(/\[\]$/, "") || lower.includes(".") || lower.endsWith("[]"))
    ? name
    : undefined;
}

function labelTarget(header: string, table: FieldTable): string | undefined {
  const key = words(header);
  if (key === "") return undefined;
  const direct = table.byLowerName.get(key);
  if (direct) return direct.name;
  // "Client ID" on Client is the record's own id; "Client Name" its name.
  const entity = table.entity.toLowerCase();
  if (key.startsWith(`${entity}_`)) {
    const own = table.byLowerName.get(key.slice(entity.length + 1));
    if (own) return own.name;
  }
  // "Tax Code" is item_tax_code when exactly one field ends so.
  const endings = table.names.filter((n) => n.toLowerCase().endsWith(`_${key}`));
  return endings.length === 1 ? endings[0] : undefined;
}

/** A report's display column for a lookup (`item_tax_code_name` beside `item_tax_code`): never sent. */
function isDisplayName(header: string, table: FieldTable): boolean {
  const key = words(header);
  if (!key.endsWith("_name")) return false;
  const stem = key.slice(0, -"_name".length);
  return table.byLowerName.has(stem) || table.byLowerName.has(`${stem}_id`);
}

/** Automatic targets for a header row; `saved` (the user's earlier choices, by header) win. */
export function autoMapColumns(
  headers: readonly string[],
  entity: string,
  saved: Readonly<Record<string, string>> = {},
  notSent: ReadonlySet<string> = new Set(),
): ColumnMatch[] {
  const table = fieldTable(entity);
  const matches: ColumnMatch[] = headers.map((header) => {
    if (header.trim() === "" || notSent.has(header)) return { header, target: "", how: "none" };
    if (header in saved) return { header, target: saved[header]!, how: "user" };
    // Before the exact name: Halo's schema lists some display names (item_tax_code_name), read-only in effect.
    if (isDisplayName(header, table)) return { header, target: "", how: "displayName" };
    const exact = exactTarget(header, table);
    if (exact) return { header, target: exact, how: "exact" };
    if (table.customFields && /^CF[A-Za-z0-9_]+$/.test(header.trim()))
      return { header, target: `customfields.${header.trim()}`, how: "customField" };
    const label = labelTarget(header, table);
    if (label) return { header, target: label, how: "label" };
    return { header, target: "", how: "none" };
  });
  // The closest name only for fields no other column writes (two columns on one field block every row).
  const taken = new Set(matches.map((m) => m.target.toLowerCase()).filter((t) => t !== ""));
  for (const match of matches) {
    if (match.how !== "none" || match.header.trim() === "" || notSent.has(match.header)) continue;
    const near = closestName(
      words(match.header),
      table.names.filter((n) => !taken.has(n.toLowerCase())),
    );
    if (near) {
      match.target = near;
      match.how = "closest";
      taken.add(near.toLowerCase());
    }
  }
  return matches;
}

/** The headers the payload engine reads: each column's target ("" = not sent, the engine ignores it). */
export function mappedHeaders(matches: readonly ColumnMatch[]): string[] {
  return matches.map((m) => m.target);
}

/** The columns not sent, for the summary ("item_tax_code_name (a display name), Notes (no Halo field)"). */
export function columnsNotSent(matches: readonly ColumnMatch[]): ColumnMatch[] {
  return matches.filter((m) => m.target === "" && m.header.trim() !== "");
}
