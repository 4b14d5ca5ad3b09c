/**
 * One cell value -> the JSON value Halo expects for a field type. Blank cells, error values and the
 * clear marker are handled before this (see rows.ts); here the value is a real number, text or boolean.
 */
import type { FieldType } from "../../halo";
import { excelSerialToIso, isoDateText } from "./dates";

export type Coerced = { ok: true; value: unknown } | { ok: false; message: string };

const ok = (value: unknown): Coerced => ({ ok: true, value });
const fail = (message: string): Coerced => ({ ok: false, message });

const WHOLE_NUMBER_TEXT = /^[+-]?\d+(?:\.0*)?$/;
const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const TRUE_WORDS = new Set(["true", "yes", "1"]);
const FALSE_WORDS = new Set(["false", "no", "0"]);

/** How a value reads in a message: text in quotes, numbers and booleans bare. */
export function describeValue(value: string | number | boolean): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value).toUpperCase();
}

/**
 * A number as Excel shows it: Excel keeps 15 significant digits, so formula results such as
 * =0.1+0.2 or =A2*100 carry binary noise (0.30000000000000004) that the sheet never shows.
 */
export function excelNumber(value: number): number {
  return Number.isInteger(value) ? value : Number(value.toPrecision(15));
}

function toInteger(value: string | number | boolean): Coerced {
  if (typeof value === "number") {
    const shown = excelNumber(value);
    return Number.isSafeInteger(shown) ? ok(shown) : fail(`expected a whole number, got ${shown}`);
  }
  if (typeof value === "string" && WHOLE_NUMBER_TEXT.test(value.trim())) {
    const n = Number(value.trim());
    if (Number.isSafeInteger(n)) return ok(n);
  }
  return fail(`expected a whole number, got ${describeValue(value)}`);
}

function toNumber(value: string | number | boolean): Coerced {
  if (typeof value === "number") return ok(excelNumber(value));
  if (typeof value === "string" && NUMBER_TEXT.test(value.trim())) return ok(Number(value.trim()));
  return fail(`expected a number, got ${describeValue(value)}`);
}

function toBoolean(value: string | number | boolean): Coerced {
  if (typeof value === "boolean") return ok(value);
  const word = String(value).trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return ok(true);
  if (FALSE_WORDS.has(word)) return ok(false);
  return fail(`expected TRUE/FALSE (or yes/no, 1/0), got ${describeValue(value)}`);
}

function toDate(value: string | number | boolean): Coerced {
  const iso =
    typeof value === "number"
      ? excelSerialToIso(value)
      : typeof value === "string"
        ? isoDateText(value)
        : undefined;
  return iso === undefined
    ? fail(`expected a date (an Excel date or ISO text such as 2024-03-01), got ${describeValue(value)}`)
    : ok(iso);
}

function toText(value: string | number | boolean): Coerced {
  return ok(
    typeof value === "string" ? value : String(typeof value === "number" ? excelNumber(value) : value),
  );
}

/** JSON text in a cell for an array or object field (lists and sub-objects can also be built with `[]` and dotted headers). */
function toJsonValue(value: string | number | boolean, type: "array" | "object"): Coerced {
  const hint =
    type === "array"
      ? `expected a list: use a "name[]" header for a delimited list, or JSON text such as [1,2]`
      : `expected an object: use dotted headers such as "name.field", or JSON text such as {"id":1}`;
  if (typeof value !== "string") return fail(`${hint}, got ${describeValue(value)}`);
  try {
    const parsed: unknown = JSON.parse(value);
    const fits =
      type === "array"
        ? Array.isArray(parsed)
        : parsed !== null && typeof parsed === "object" && !Array.isArray(parsed);
    if (fits) return ok(parsed);
  } catch {
    // falls through to the hint
  }
  return fail(`${hint}, got ${describeValue(value)}`);
}

/** The value to send for a field of `type`; without a type (no entity, or a field the schema does not type) Excel's own type is kept. */
export function coerceValue(value: string | number | boolean, type: FieldType | undefined): Coerced {
  switch (type) {
    case "integer":
      return toInteger(value);
    case "number":
      return toNumber(value);
    case "boolean":
      return toBoolean(value);
    case "datetime":
      return toDate(value);
    case "string":
      return toText(value);
    case "array":
    case "object":
      return toJsonValue(value, type);
    case undefined:
      return ok(typeof value === "number" ? excelNumber(value) : value);
  }
}
