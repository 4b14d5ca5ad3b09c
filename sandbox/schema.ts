/**
 * The sandbox's view of Halo's entity schemas: field names and types come from the schema generated
 * from Halo's OpenAPI file (src/halo/generated, read by its schemaFile.ts), never from a hand list nor
 * the client's own code; this module only adds what the sandbox needs on top: which fields become
 * table columns.
 */
import {
  generatedEntities,
  type EntitySchema,
  type FieldSchema,
  type FieldType,
} from "../src/halo/generated/schemaFile";

export type { EntitySchema, FieldSchema, FieldType };

export function servedEntities(): readonly EntitySchema[] {
  return generatedEntities();
}

/** The entity for a path segment ("client", "Tickets"), case-insensitively; undefined when unknown. */
export function findEntity(name: string): EntitySchema | undefined {
  const wanted = name.toLowerCase();
  return servedEntities().find(
    (e) => e.entity.toLowerCase() === wanted || e.path.slice(1).toLowerCase() === wanted,
  );
}

const columnFieldsOf = new WeakMap<EntitySchema, [string, FieldSchema][]>();

/**
 * Fields stored as table columns: all but `customfields` (stored as CF columns) and `_` control flags.
 * Worked out once per schema (every record read and written asks; the schemas never change).
 */
export function columnFields(schema: EntitySchema): [string, FieldSchema][] {
  let fields = columnFieldsOf.get(schema);
  if (fields === undefined) {
    fields = Object.entries(schema.fields).filter(
      ([name]) => name !== "customfields" && !name.startsWith("_"),
    );
    columnFieldsOf.set(schema, fields);
  }
  return fields;
}

/** Distinct models with the columns of each (Tickets, Project and Opportunities share Faults). */
export function servedModels(): Map<string, EntitySchema> {
  const models = new Map<string, EntitySchema>();
  for (const schema of servedEntities()) if (!models.has(schema.model)) models.set(schema.model, schema);
  return models;
}

export function sqlType(type: FieldType): string {
  switch (type) {
    case "integer":
    case "boolean":
      return "INTEGER";
    case "number":
      return "REAL";
    default:
      return "TEXT";
  }
}
