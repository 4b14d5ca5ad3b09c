/** An entity's fields as the Fields tab lists them, from the schema generated from Halo's OpenAPI file. */
import { entitySchema, type FieldSchema } from "../../halo";

export interface FieldRow {
  name: string;
  /** "integer", "text", "list of CustomField", ... */
  type: string;
  description: string;
}

const TYPE_NAMES: Record<FieldSchema["type"], string> = {
  integer: "whole number",
  number: "number",
  string: "text",
  boolean: "TRUE/FALSE",
  datetime: "date and time",
  array: "list",
  object: "object",
};

function typeOf(field: FieldSchema): string {
  if (field.type === "array") return `list of ${field.ref ?? TYPE_NAMES[field.itemType ?? "string"]}`;
  if (field.type === "object") return field.ref ?? "object";
  return TYPE_NAMES[field.type];
}

/**
 * Halo's published spec gives the fields' names and types but no field descriptions, so the description
 * says what the name and type tell: the key, a link to another record, how to fill a list, blanks.
 */
function describe(name: string, field: FieldSchema): string {
  const parts: string[] = [];
  if (name === "id") parts.push("The record's key: an existing id updates that record.");
  else if (name.endsWith("_id") && field.type === "integer")
    parts.push(`The id of the linked ${name.slice(0, -3).replace(/_/g, " ")} (=HALO.ID finds it by name).`);
  else if (name.endsWith("_name")) parts.push("A display name Halo fills from the linked id.");
  if (name === "customfields")
    parts.push("Custom fields: use headers customfields.<name> or customfields.<id>.");
  else if (field.type === "array") parts.push("A list: a header such as tags[] splits the cell on ;");
  else if (field.type === "object") parts.push("Nested: use headers such as field.subfield.");
  if (field.type === "datetime") parts.push("An Excel date or ISO text.");
  if (field.nullable) parts.push("May be empty (#NULL clears it).");
  return parts.join(" ");
}

/** The entity's fields, `id` first, then by name. */
export function fieldRows(entity: string): FieldRow[] {
  const fields = entitySchema(entity).fields;
  return Object.keys(fields)
    .sort((a, b) => (a === "id" ? -1 : b === "id" ? 1 : a.localeCompare(b)))
    .map((name) => ({ name, type: typeOf(fields[name]!), description: describe(name, fields[name]!) }));
}

/** "tax" finds item_tax_code; "tax code" and "taxcode" too (spaces and underscores ignored). */
export function matchesSearch(row: FieldRow, search: string): boolean {
  const squash = (text: string): string => text.toLowerCase().replace(/[\s_]+/g, "");
  const wanted = squash(search);
  return wanted === "" || squash(row.name).includes(wanted);
}

/** The headers to insert: `id` first (added when the entity has one), then the chosen fields in order. */
export function headersToInsert(entity: string, chosen: readonly string[]): string[] {
  const hasId = "id" in entitySchema(entity).fields;
  const rest = chosen.filter((name) => name !== "id");
  return hasId ? ["id", ...rest] : rest;
}
