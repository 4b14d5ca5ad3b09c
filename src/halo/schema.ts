/**
 * Field names and types of Halo's writable entities, from the schema generated from Halo's OpenAPI
 * file (generated/schemaFile.ts reads it), with the lookups and errors the client needs.
 */
import { HaloError } from "./errors";
import { generatedEntities, modelFields, type EntitySchema, type FieldSchema } from "./generated/schemaFile";

export type { EntitySchema, FieldSchema, FieldType } from "./generated/schemaFile";

/** Entity names in the order the generator lists them. */
export function entityNames(): string[] {
  return generatedEntities().map((e) => e.entity);
}

/**
 * The schema of one entity, by name or path name, case-insensitively ("client", "Projects").
 * The returned object is shared: treat it as read-only.
 */
export function entitySchema(entity: string): EntitySchema {
  const wanted = entity.trim().replace(/^\//, "").toLowerCase();
  const found = generatedEntities().find(
    (e) => e.entity.toLowerCase() === wanted || e.path.slice(1).toLowerCase() === wanted,
  );
  if (found === undefined) {
    throw new HaloError("Config", `Unknown entity "${entity}". Known entities: ${entityNames().join(", ")}.`);
  }
  return { ...found, flags: { ...found.flags } };
}

/** The CustomField model: the items of every entity's `customfields` array (id, name, value, ...). */
export function customFieldSchema(): Record<string, FieldSchema> {
  return modelFields("CustomField");
}
