/**
 * Builds src/halo/generated/entities.json from Halo's OpenAPI file (sandbox/halo-openapi.json).
 * Run: `npm run generate:schema`. A unit test checks that the committed file equals a fresh build.
 *
 * Each entity's model is read from the request body of `POST /<path>` (Halo names models internally:
 * Client = Area, Tickets = Faults, ...). The spec does not describe list wrappers or entity names,
 * so those come from the table below (see docs: the wrapper is the list response's array key).
 *
 * Fields are written as short codes to keep the file small (it ships in the task pane bundle):
 *   <type>[<itemType>]:<Ref>?   e.g. "integer", "string?", "object:AddressStore", "array[object]:CustomField?"
 * src/halo/schema.ts decodes them.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

export type FieldType = "integer" | "number" | "string" | "boolean" | "datetime" | "array" | "object";

/** The subset of an OpenAPI 3 schema object this generator reads. */
export interface OpenApiSchema {
  type?: string;
  format?: string;
  nullable?: boolean;
  $ref?: string;
  items?: OpenApiSchema;
  properties?: Record<string, OpenApiSchema>;
  additionalProperties?: boolean | OpenApiSchema;
}

interface OpenApiMediaType {
  schema?: OpenApiSchema;
}

export interface OpenApiSpec {
  info?: { title?: string; version?: string };
  paths: Record<string, { post?: { requestBody?: { content?: Record<string, OpenApiMediaType> } } }>;
  components: { schemas: Record<string, OpenApiSchema> };
}

/** Entity name (as the add-in shows it), its path under /api, and the list wrapper key. */
export const ENTITY_TABLE: readonly { entity: string; path: string; wrapper: string }[] = [
  { entity: "Client", path: "/Client", wrapper: "clients" },
  { entity: "Site", path: "/Site", wrapper: "sites" },
  { entity: "Users", path: "/Users", wrapper: "users" },
  { entity: "Tickets", path: "/Tickets", wrapper: "tickets" },
  { entity: "Actions", path: "/Actions", wrapper: "actions" },
  { entity: "Asset", path: "/Asset", wrapper: "assets" },
  { entity: "Item", path: "/Item", wrapper: "items" },
  { entity: "Agent", path: "/Agent", wrapper: "agents" },
  { entity: "Supplier", path: "/Supplier", wrapper: "suppliers" },
  { entity: "ClientContract", path: "/ClientContract", wrapper: "contracts" },
  { entity: "Invoice", path: "/Invoice", wrapper: "invoices" },
  { entity: "Quotation", path: "/Quotation", wrapper: "quotes" },
  { entity: "SalesOrder", path: "/SalesOrder", wrapper: "salesorders" },
  // Projects and opportunities are tickets in Halo: their lists come back under "tickets".
  { entity: "Project", path: "/Projects", wrapper: "tickets" },
  { entity: "Opportunities", path: "/Opportunities", wrapper: "tickets" },
  { entity: "KBArticle", path: "/KBArticle", wrapper: "articles" },
  { entity: "Team", path: "/Team", wrapper: "teams" },
  { entity: "Status", path: "/Status", wrapper: "statuses" },
];

/** Models described in full besides the entities (customfields items). */
const EXTRA_MODELS = ["CustomField"];

/**
 * Control flags in preference order: the first one the model has wins. Tickets carry both
 * dont_do_rules and _dont_fire_automations; Halo's ticket rules are what a bulk run must not trigger.
 */
const DONT_FIRE_AUTOMATIONS_FLAGS = ["dont_do_rules", "_dont_fire_automations"];
const VALIDATE_ONLY_FLAGS = ["_validate_only", "_validateonly"];

export interface GeneratedEntity {
  entity: string;
  path: string;
  model: string;
  wrapper: string;
  flags: { dontFireAutomations?: string; validateOnly?: string };
}

export interface GeneratedSchemaFile {
  source: string;
  entities: GeneratedEntity[];
  /** Field codes per model; entities sharing a model (Tickets, Project, Opportunities) share one entry. */
  models: Record<string, Record<string, string>>;
}

function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf("/") + 1);
}

/** Maps one OpenAPI type to ours. Untyped values (`{nullable: true}`) can hold anything: read as text. */
export function mapType(schema: OpenApiSchema): FieldType {
  if (schema.$ref !== undefined) return "object";
  switch (schema.type) {
    case "integer":
      return "integer";
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "string":
      return schema.format === "date-time" ? "datetime" : "string";
    case "array":
      return "array";
    case "object":
      return "object";
    default:
      return "string";
  }
}

/** The short code of one property: `<type>[<itemType>]:<Ref>?`. */
export function fieldCode(schema: OpenApiSchema): string {
  const type = mapType(schema);
  let code: string = type;
  let ref = schema.$ref;
  if (type === "array" && schema.items !== undefined) {
    code += `[${mapType(schema.items)}]`;
    ref = schema.items.$ref;
  }
  if (ref !== undefined) code += `:${refName(ref)}`;
  return schema.nullable === true ? `${code}?` : code;
}

function modelFields(spec: OpenApiSpec, model: string): Record<string, string> {
  const schema = spec.components.schemas[model];
  if (schema?.properties === undefined) throw new Error(`Model ${model} has no properties in the spec`);
  const fields: Record<string, string> = {};
  for (const [name, property] of Object.entries(schema.properties)) fields[name] = fieldCode(property);
  return fields;
}

/** The model named by the request body of `POST <path>` (an array of that model). */
export function postModel(spec: OpenApiSpec, path: string): string {
  const content = spec.paths[path]?.post?.requestBody?.content ?? {};
  const schema = content["application/json"]?.schema ?? Object.values(content)[0]?.schema;
  const ref = schema?.items?.$ref ?? schema?.$ref;
  if (ref === undefined) throw new Error(`POST ${path} has no request body model in the spec`);
  return refName(ref);
}

function firstPresent(candidates: string[], fields: Record<string, string>): string | undefined {
  return candidates.find((name) => name in fields);
}

export function buildSchemaFile(spec: OpenApiSpec): GeneratedSchemaFile {
  const models: GeneratedSchemaFile["models"] = {};
  const entities = ENTITY_TABLE.map(({ entity, path, wrapper }): GeneratedEntity => {
    const model = postModel(spec, path);
    const fields = (models[model] ??= modelFields(spec, model));
    const flags: GeneratedEntity["flags"] = {};
    const dontFire = firstPresent(DONT_FIRE_AUTOMATIONS_FLAGS, fields);
    const validateOnly = firstPresent(VALIDATE_ONLY_FLAGS, fields);
    if (dontFire !== undefined) flags.dontFireAutomations = dontFire;
    if (validateOnly !== undefined) flags.validateOnly = validateOnly;
    return { entity, path, model, wrapper, flags };
  });
  for (const model of EXTRA_MODELS) models[model] ??= modelFields(spec, model);
  const source = `${spec.info?.title ?? "Halo API"} ${spec.info?.version ?? ""}`.trim();
  return { source: `Generated by scripts/generate-schema.ts from ${source}`, entities, models };
}

/** The file text: stable key order, one field per line, trailing newline. */
export function renderSchemaFile(spec: OpenApiSpec): string {
  return `${JSON.stringify(buildSchemaFile(spec), null, 1)}\n`;
}

export const SPEC_PATH = "sandbox/halo-openapi.json";
export const OUTPUT_PATH = "src/halo/generated/entities.json";

export function readSpec(root: string): OpenApiSpec {
  return JSON.parse(readFileSync(resolve(root, SPEC_PATH), "utf8")) as OpenApiSpec;
}

if (require.main === module) {
  const root = resolve(__dirname, "..");
  const text = renderSchemaFile(readSpec(root));
  writeFileSync(resolve(root, OUTPUT_PATH), text);
  console.log(`wrote ${OUTPUT_PATH} (${text.length} bytes)`);
}
