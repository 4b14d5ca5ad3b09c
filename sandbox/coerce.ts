/**
 * Converts one posted JSON value to its stored form the way Halo's JSON binder (Newtonsoft) does:
 * lenient where it is lenient ("12" for an integer, 1 for a boolean, numbers for strings), and with its
 * error texts where it refuses. Returns the SQLite value or an error message naming the path.
 */
import type { SqlValue } from "./database";
import { parseDateTime } from "./dates";
import type { FieldSchema } from "./schema";

export type Coerced = { value: SqlValue } | { error: string };

const NET_TYPE: Record<FieldSchema["type"], string> = {
  integer: "System.Int32",
  number: "System.Double",
  string: "System.String",
  boolean: "System.Boolean",
  datetime: "System.DateTime",
  array: "System.Collections.Generic.List`1",
  object: "System.Object",
};

function tokenName(value: unknown): string {
  if (Array.isArray(value)) return "StartArray";
  if (value === null) return "Null";
  switch (typeof value) {
    case "number":
      return Number.isInteger(value) ? "Integer" : "Float";
    case "boolean":
      return "Boolean";
    case "string":
      return "String";
    default:
      return "StartObject";
  }
}

function unexpected(what: string, value: unknown, path: string): { error: string } {
  return { error: `Error reading ${what}. Unexpected token: ${tokenName(value)}. Path '${path}'.` };
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

export function coerceField(field: FieldSchema, value: unknown, path: string): Coerced {
  if (value === null) {
    if (field.nullable || field.type === "string" || field.type === "array" || field.type === "object") {
      return { value: null };
    }
    return { error: `Error converting value {null} to type '${NET_TYPE[field.type]}'. Path '${path}'.` };
  }
  switch (field.type) {
    case "integer": {
      if (typeof value === "number") {
        if (!Number.isInteger(value))
          return { error: `Input string '${value}' is not a valid integer. Path '${path}'.` };
        if (value < INT32_MIN || value > INT32_MAX) {
          return { error: `JSON integer ${value} is too large or small for an Int32. Path '${path}'.` };
        }
        return { value };
      }
      if (typeof value === "string") {
        const trimmed = value.trim();
        if (trimmed === "" && field.nullable) return { value: null };
        if (/^-?\d+$/.test(trimmed) && Number(trimmed) >= INT32_MIN && Number(trimmed) <= INT32_MAX) {
          return { value: Number(trimmed) };
        }
        return { error: `Could not convert string to integer: ${value}. Path '${path}'.` };
      }
      return unexpected("integer", value, path);
    }
    case "number": {
      if (typeof value === "number") return { value };
      if (typeof value === "string") {
        const trimmed = value.trim();
        if (trimmed === "" && field.nullable) return { value: null };
        const n = Number(trimmed);
        if (trimmed !== "" && Number.isFinite(n)) return { value: n };
        return { error: `Could not convert string to double: ${value}. Path '${path}'.` };
      }
      return unexpected("double", value, path);
    }
    case "boolean": {
      if (typeof value === "boolean") return { value: value ? 1 : 0 };
      if (typeof value === "number") return { value: value !== 0 ? 1 : 0 };
      if (typeof value === "string" && /^(true|false)$/i.test(value.trim())) {
        return { value: value.trim().toLowerCase() === "true" ? 1 : 0 };
      }
      if (typeof value === "string")
        return { error: `Could not convert string to boolean: ${value}. Path '${path}'.` };
      return unexpected("boolean", value, path);
    }
    case "datetime": {
      if (typeof value === "string") {
        if (value.trim() === "" && field.nullable) return { value: null };
        const parsed = parseDateTime(value);
        if (parsed !== undefined) return { value: parsed };
        return { error: `Could not convert string to DateTime: ${value}. Path '${path}'.` };
      }
      return unexpected("date", value, path);
    }
    case "string": {
      if (typeof value === "string") return { value };
      if (typeof value === "number" || typeof value === "boolean") return { value: String(value) };
      return {
        error: `Unexpected character encountered while parsing value: ${Array.isArray(value) ? "[" : "{"}. Path '${path}'.`,
      };
    }
    case "array": {
      if (Array.isArray(value)) return { value: JSON.stringify(value) };
      return {
        error:
          `Cannot deserialize the current JSON ${typeof value === "object" ? "object" : "primitive value"} into type ` +
          `'${NET_TYPE.array}[HaloModels.${field.ref ?? "Object"}]' because the type requires a JSON array ` +
          `(e.g. [1,2,3]) to deserialize correctly. Path '${path}'.`,
      };
    }
    case "object": {
      if (typeof value === "object" && !Array.isArray(value)) return { value: JSON.stringify(value) };
      return {
        error: `Error converting value ${JSON.stringify(value)} to type 'HaloModels.${field.ref ?? "Object"}'. Path '${path}'.`,
      };
    }
  }
}

/** Turns a stored SQLite value back into the JSON value the API shows. */
export function decodeField(field: FieldSchema, value: SqlValue): unknown {
  if (value === null) return null;
  switch (field.type) {
    case "boolean":
      return value === 1 || value === "1" || value === "true";
    case "array":
    case "object":
      try {
        return JSON.parse(String(value)) as unknown;
      } catch {
        return null;
      }
    default:
      return value;
  }
}
