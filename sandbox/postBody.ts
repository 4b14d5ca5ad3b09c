/**
 * Reads a POST body the way Halo's binder does: the JSON must be an array of objects; fields are checked
 * against the entity schema (wrong types give Newtonsoft's 400 text), unknown fields are ignored, and
 * `customfields` items are matched by id or name (unknown ones ignored).
 */
import { coerceField } from "./coerce";
import { customFieldValue, customFieldsOf } from "./customFields";
import type { Database, SqlValue } from "./database";
import type { PreparedWrite } from "./entityStore";
import { SandboxHttpError } from "./http";
import { columnFields, type EntitySchema } from "./schema";

function badRequest(message: string): SandboxHttpError {
  return new SandboxHttpError(400, message);
}

/** Index of the first `char` outside string literals (V8 names the bad token but not always its position). */
function indexOutsideStrings(text: string, char: string): number {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i += 1;
      else if (c === '"') inString = false;
    } else if (c === char) {
      return i;
    } else if (c === '"') {
      inString = true;
    }
  }
  return -1;
}

function errorPosition(text: string, detail: string): number {
  const position = /position (\d+)/.exec(detail);
  if (position) return Number(position[1]);
  if (/end of JSON input/i.test(detail)) return text.length;
  const token = /Unexpected token '?(.)'?/.exec(detail);
  const index = token ? indexOutsideStrings(text, token[1]) : -1;
  return index < 0 ? 0 : index;
}

/** Parses JSON text; a syntax error becomes Newtonsoft's message with line and position. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === "") throw badRequest("A non-empty request body is required.");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const at = errorPosition(text, error instanceof Error ? error.message : String(error));
    const before = text.slice(0, at);
    const line = before.split("\n").length;
    const column = at - before.lastIndexOf("\n");
    const char = text.charAt(at) || "<end>";
    throw badRequest(
      `Unexpected character encountered while parsing value: ${char}. Path '', line ${line}, position ${column}.`,
    );
  }
}

/** The body must be an array; an object or a primitive gets the binder's "requires a JSON array" 400. */
export function requireArray(body: unknown, model: string): unknown[] {
  if (Array.isArray(body)) return body;
  const what =
    body !== null && typeof body === "object" ? 'object (e.g. {"name":"value"})' : "primitive value";
  throw badRequest(
    `Cannot deserialize the current JSON ${what} into type 'System.Collections.Generic.List\`1[HaloModels.${model}]' ` +
      `because the type requires a JSON array (e.g. [1,2,3]) to deserialize correctly. Path ''.`,
  );
}

export interface PreparedPost {
  writes: PreparedWrite[];
  /** True when an object set the schema's validate-only flag: check and answer, commit nothing. */
  validateOnly: boolean;
}

export function preparePost(db: Database, schema: EntitySchema, items: unknown[]): PreparedPost {
  const fields = new Map(columnFields(schema));
  const definitions = customFieldsOf(db, schema.model);
  const validateFlag = schema.flags.validateOnly;
  let validateOnly = false;
  const writes = items.map((item, index): PreparedWrite => {
    const path = `[${index}]`;
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      throw badRequest(
        `Error converting value ${JSON.stringify(item)} to type 'HaloModels.${schema.model}'. Path '${path}'.`,
      );
    }
    const write: PreparedWrite = { columns: {}, customFields: {}, sentCustomFields: false };
    for (const [name, value] of Object.entries(item as Record<string, unknown>)) {
      if (name === "id") {
        const id = coerceField({ type: "integer", nullable: true }, value, `${path}.id`);
        if ("error" in id) throw badRequest(id.error);
        if (typeof id.value === "number" && id.value > 0) write.id = id.value;
      } else if (name === "customfields" && "customfields" in schema.fields) {
        write.sentCustomFields = true;
        Object.assign(write.customFields, prepareCustomFields(definitions, value, `${path}.customfields`));
      } else if (validateFlag !== undefined && name === validateFlag) {
        if (value === true || value === "true") validateOnly = true;
      } else {
        const field = fields.get(name);
        if (field === undefined) continue; // unknown fields are ignored, as Halo does
        const coerced = coerceField(field, value, `${path}.${name}`);
        if ("error" in coerced) throw badRequest(coerced.error);
        write.columns[name] = coerced.value;
      }
    }
    return write;
  });
  return { writes, validateOnly };
}

function prepareCustomFields(
  definitions: ReturnType<typeof customFieldsOf>,
  value: unknown,
  path: string,
): Record<string, SqlValue> {
  if (value === null) return {};
  if (!Array.isArray(value)) {
    throw badRequest(
      `Cannot deserialize the current JSON object into type 'System.Collections.Generic.List\`1[HaloModels.CustomField]' ` +
        `because the type requires a JSON array (e.g. [1,2,3]) to deserialize correctly. Path '${path}'.`,
    );
  }
  const result: Record<string, SqlValue> = {};
  value.forEach((entry, i) => {
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
      throw badRequest(
        `Error converting value ${JSON.stringify(entry)} to type 'HaloModels.CustomField'. Path '${path}[${i}]'.`,
      );
    }
    const { id, name, value: fieldValue } = entry as { id?: unknown; name?: unknown; value?: unknown };
    const definition = definitions.find(
      (d) =>
        (id !== undefined && id !== null && Number(id) === d.id) ||
        (typeof name === "string" && name.toLowerCase() === d.name.toLowerCase()),
    );
    if (definition === undefined) return; // Halo ignores custom fields it does not know
    const stored = customFieldValue(definition, fieldValue);
    if (stored !== null && typeof stored === "object" && "error" in stored) throw badRequest(stored.error);
    result[definition.name] = stored;
  });
  return result;
}
