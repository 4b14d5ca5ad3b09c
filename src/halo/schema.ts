/**
 * Field names and types of Halo's writable entities, generated from Halo's OpenAPI file
 * (scripts/generate-schema.ts -> generated/entities.json). The file stores each field as a short code
 * `<type>[<itemType>]:<Ref>?`; this module decodes it into FieldSchema objects on first use.
 */
import generated from "./generated/entities.json";
import { HaloError } from "./errors";

export type FieldType = "integer" | "number" | "string" | "boolean" | "datetime" | "array" | "object";

export interface FieldSchema {
  type: FieldType;
  nullable: boolean;
  itemType?: FieldType;
  /** Model name of an object field, or of an array's items. */
  ref?: string;
}

export interface EntitySchema {
  /** Entity name as the add-in shows it: "Client". */
  entity: string;
  /** Path under /api for GET and POST: "/Client". */
  path: string;
  /** Halo's model name, read from the POST request body: "Area". */
  model: string;
  /** Array key of the list response: "clients". */
  wrapper: string;
  fields: Record<string, FieldSchema>;
  /** Control flags the model has; absent when the schema lacks them (never send an absent flag). */
  flags: { dontFireAutomations?: string; validateOnly?: string };
}

interface GeneratedEntity {
  entity: string;
  path: string;
  model: string;
  wrapper: string;
  flags: { dontFireAutomations?: string; validateOnly?: string };
}

interface GeneratedFile {
  entities: GeneratedEntity[];
  models: Record<string, Record<string, string>>;
}

const FILE = generated as GeneratedFile;
const FIELD_TYPES: readonly FieldType[] = [
  "integer",
  "number",
  "string",
  "boolean",
  "datetime",
  "array",
  "object",
];
const CODE = /^(\w+)(?:\[(\w+)\])?(?::(\w+))?(\?)?$/;

function asFieldType(name: string | undefined, code: string): FieldType {
  const type = FIELD_TYPES.find((t) => t === name);
  if (type === undefined) throw new Error(`Bad field code in generated schema: ${code}`);
  return type;
}

/** Decodes one field code ("array[object]:CustomField?"). */
export function decodeField(code: string): FieldSchema {
  const match = CODE.exec(code);
  if (match === null) throw new Error(`Bad field code in generated schema: ${code}`);
  const [, type, itemType, ref, nullable] = match;
  const field: FieldSchema = { type: asFieldType(type, code), nullable: nullable === "?" };
  if (itemType !== undefined) field.itemType = asFieldType(itemType, code);
  if (ref !== undefined) field.ref = ref;
  return field;
}

const decodedModels = new Map<string, Record<string, FieldSchema>>();

function modelSchema(model: string): Record<string, FieldSchema> {
  let fields = decodedModels.get(model);
  if (fields === undefined) {
    const codes = FILE.models[model];
    if (codes === undefined) throw new Error(`Model ${model} missing from generated schema`);
    fields = Object.fromEntries(Object.entries(codes).map(([name, code]) => [name, decodeField(code)]));
    decodedModels.set(model, fields);
  }
  return fields;
}

/** Entity names in the order the generator lists them. */
export function entityNames(): string[] {
  return FILE.entities.map((e) => e.entity);
}

/**
 * The schema of one entity, by name or path name, case-insensitively ("client", "Projects").
 * The returned object is shared: treat it as read-only.
 */
export function entitySchema(entity: string): EntitySchema {
  const wanted = entity.trim().replace(/^\//, "").toLowerCase();
  const found = FILE.entities.find(
    (e) => e.entity.toLowerCase() === wanted || e.path.slice(1).toLowerCase() === wanted,
  );
  if (found === undefined) {
    throw new HaloError("Config", `Unknown entity "${entity}". Known entities: ${entityNames().join(", ")}.`);
  }
  return { ...found, flags: { ...found.flags }, fields: modelSchema(found.model) };
}

/** The CustomField model: the items of every entity's `customfields` array (id, name, value, ...). */
export function customFieldSchema(): Record<string, FieldSchema> {
  return modelSchema("CustomField");
}
