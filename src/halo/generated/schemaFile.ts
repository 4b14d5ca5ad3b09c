/**
 * Reads entities.json, which scripts/generate-schema.ts writes from Halo's OpenAPI file. It is the one
 * thing the client (src/halo/schema.ts) and the sandbox share: both take Halo's spec as the authority.
 * The file stores each field as a short code `<type>[<itemType>]:<Ref>?`; decoded on first use.
 */
import generated from "./entities.json";

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

/** The fields of one of Halo's models ("Area", "CustomField"). The returned object is shared: read-only. */
export function modelFields(model: string): Record<string, FieldSchema> {
  let fields = decodedModels.get(model);
  if (fields === undefined) {
    const codes = FILE.models[model];
    if (codes === undefined) throw new Error(`Model ${model} missing from generated schema`);
    fields = Object.fromEntries(Object.entries(codes).map(([name, code]) => [name, decodeField(code)]));
    decodedModels.set(model, fields);
  }
  return fields;
}

let entities: readonly EntitySchema[] | undefined;

/** Every writable entity with its fields, in the order the generator lists them. Shared: read-only. */
export function generatedEntities(): readonly EntitySchema[] {
  entities ??= FILE.entities.map((e) => ({ ...e, flags: { ...e.flags }, fields: modelFields(e.model) }));
  return entities;
}
