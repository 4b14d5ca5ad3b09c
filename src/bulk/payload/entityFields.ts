/**
 * Per-entity field lookup tables, built once per entity and kept for the session, so typing 100,000
 * rows never rescans the schema: case-insensitive name -> the schema's own spelling and type.
 */
import { entitySchema, isHaloError, type EntitySchema, type FieldSchema } from "../../halo";
import { PayloadError } from "./types";

export interface KnownField {
  name: string;
  schema: FieldSchema;
}

export interface FieldTable {
  entity: string;
  schema: EntitySchema;
  /** Lower-cased field name -> the field. */
  byLowerName: ReadonlyMap<string, KnownField>;
  /** Every field name, for suggestions. */
  names: readonly string[];
  /** The entity's custom-field list field ("customfields"), when it has one. */
  customFields?: string;
}

const tables = new Map<string, FieldTable>();

function buildTable(schema: EntitySchema): FieldTable {
  const byLowerName = new Map<string, KnownField>();
  for (const [name, field] of Object.entries(schema.fields))
    byLowerName.set(name.toLowerCase(), { name, schema: field });
  return {
    entity: schema.entity,
    schema,
    byLowerName,
    names: Object.keys(schema.fields),
    customFields: byLowerName.get("customfields")?.name,
  };
}

/** The lookup table of an entity (by any case of its name); PayloadError("Input") naming the known entities when unknown. */
export function fieldTable(entity: string): FieldTable {
  const key = entity.trim().toLowerCase();
  let table = tables.get(key);
  if (table === undefined) {
    try {
      table = buildTable(entitySchema(entity));
    } catch (error) {
      if (isHaloError(error) && error.kind === "Config") throw new PayloadError("Input", error.message);
      throw error;
    }
    tables.set(key, table);
  }
  return table;
}
