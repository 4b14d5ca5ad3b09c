/**
 * Typed comparison of Halo values: the snapshot diff, read-back verification and undo all ask
 * "does this record already hold what we mean to send?". Blank, null and absent are the same;
 * 12 and "12" are the same (Halo and reports return numbers as text); ISO date-times compare as
 * instants; objects compare on the fields we meant to send; custom-field lists by id or name.
 */
import { customFieldKeys, isCustomFieldList, sameCustomField } from "./customFields";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === "";
}

function instant(text: string): number {
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(text) && text.length > 10;
  // Halo writes date-times without a zone and means UTC.
  return Date.parse(hasZone || text.length === 10 ? text : `${text.replace(" ", "T")}Z`);
}

function scalarMatches(expected: unknown, actual: unknown): boolean {
  if (expected === actual) return true;
  if (typeof expected === "number" && typeof actual === "string" && actual.trim() !== "")
    return Number(actual) === expected;
  if (typeof expected === "string" && typeof actual === "number" && expected.trim() !== "")
    return Number(expected) === actual;
  if (typeof expected === "boolean" && typeof actual === "string")
    return String(expected) === actual.toLowerCase();
  if (
    typeof expected === "string" &&
    typeof actual === "string" &&
    ISO_DATE.test(expected) &&
    ISO_DATE.test(actual)
  )
    return instant(expected) === instant(actual);
  return false;
}

function customFieldsMatch(expected: unknown[], actual: unknown): boolean {
  const found = Array.isArray(actual) ? actual : [];
  return expected.every((entry) => {
    const other =
      customFieldKeys(entry).length > 0 ? found.find((e) => sameCustomField(entry, e)) : undefined;
    return matches((entry as { value?: unknown }).value, (other as { value?: unknown } | undefined)?.value);
  });
}

/** Does `actual` already hold `expected`? (Objects: every field of `expected` matches.) */
export function matches(expected: unknown, actual: unknown): boolean {
  if (isEmpty(expected) || isEmpty(actual)) return isEmpty(expected) && isEmpty(actual);
  if (isCustomFieldList(expected)) return customFieldsMatch(expected, actual);
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      expected.length === actual.length &&
      expected.every((item, i) => matches(item, actual[i]))
    );
  }
  if (typeof expected === "object") {
    if (typeof actual !== "object" || Array.isArray(actual)) return false;
    const record = actual as Record<string, unknown>;
    return Object.entries(expected as Record<string, unknown>).every(([k, v]) => matches(v, record[k]));
  }
  return scalarMatches(expected, actual);
}
