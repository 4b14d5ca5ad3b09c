/**
 * Checks a ready-made object (from a JSON payload cell or =HALO.VALIDATE) against an entity's schema
 * without changing it: the push sends such objects exactly as written.
 */
import type { FieldSchema, FieldType } from "../../halo";
import { isoDateText } from "./dates";
import type { FieldTable } from "./entityFields";
import { isPlainObject } from "./jsonText";
import { didYouMean } from "./suggest";
import type { HaloObject, ProblemKind } from "./types";

export interface ObjectProblem {
  /** Dotted path of the field at fault ("" for the object as a whole). */
  field: string;
  kind: ProblemKind;
  detail: string;
}

const JSON_TYPE_NAMES: Record<FieldType, string> = {
  integer: "a whole number",
  number: "a number",
  string: "text",
  boolean: "true or false",
  datetime: 'an ISO date text such as "2024-03-01"',
  array: "a list [...]",
  object: "an object {...}",
};

function jsonTypeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return `${typeof value} ${JSON.stringify(value)}`;
}

function fits(value: unknown, type: FieldType): boolean {
  switch (type) {
    case "integer":
      return Number.isSafeInteger(value);
    case "number":
      return typeof value === "number";
    case "string":
      return typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
    case "datetime":
      return typeof value === "string" && isoDateText(value) !== undefined;
    case "array":
      return Array.isArray(value);
    case "object":
      return isPlainObject(value);
  }
}

function checkValue(field: string, value: unknown, schema: FieldSchema): ObjectProblem | undefined {
  if (value === null)
    return schema.nullable
      ? undefined
      : { field, kind: "Type", detail: "cannot be null: Halo's schema says it always has a value" };
  if (!fits(value, schema.type))
    return {
      field,
      kind: "Type",
      detail: `expected ${JSON_TYPE_NAMES[schema.type]}, got ${jsonTypeOf(value)}`,
    };
  if (schema.type === "array" && schema.itemType !== undefined) {
    const items = value as unknown[];
    const bad = items.findIndex((item) => item !== null && !fits(item, schema.itemType!));
    if (bad >= 0)
      return {
        field: `${field}[${bad}]`,
        kind: "Type",
        detail: `expected ${JSON_TYPE_NAMES[schema.itemType]}, got ${jsonTypeOf(items[bad])}`,
      };
  }
  return undefined;
}

function checkCustomFields(field: string, value: unknown): ObjectProblem | undefined {
  if (value === null) return undefined;
  if (!Array.isArray(value))
    return {
      field,
      kind: "Type",
      detail: `expected a list of {"id" or "name", "value"}, got ${jsonTypeOf(value)}`,
    };
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    const hasKey = isPlainObject(item) && (Number.isSafeInteger(item.id) || typeof item.name === "string");
    if (!hasKey)
      return {
        field: `${field}[${i}]`,
        kind: "Type",
        detail: `expected {"id": <number> or "name": <text>, "value": ...}, got ${jsonTypeOf(item)}`,
      };
  }
  return undefined;
}

/** Every problem of the object, in key order; an empty list when it is fine. */
export function validateObject(
  object: HaloObject,
  table: FieldTable | undefined,
  requireId: boolean,
): ObjectProblem[] {
  const problems: ObjectProblem[] = [];
  if (requireId && !Number.isSafeInteger(object.id))
    problems.push({
      field: "id",
      kind: "MissingId",
      detail:
        object.id === undefined
          ? "there is no id (without one, the push creates a new record)"
          : `the id is not a whole number: ${jsonTypeOf(object.id)}`,
    });
  if (table === undefined) return problems;
  for (const [key, value] of Object.entries(object)) {
    if (key === "id" && problems[0]?.kind === "MissingId") continue;
    const known = table.byLowerName.get(key.toLowerCase());
    if (known === undefined) {
      problems.push({
        field: key,
        kind: "UnknownField",
        detail: `not a ${table.entity} field.${didYouMean(key, table.names)}`,
      });
      continue;
    }
    const problem =
      known.name === table.customFields
        ? checkCustomFields(key, value)
        : checkValue(key, value, known.schema);
    if (problem !== undefined) problems.push(problem);
  }
  return problems;
}
