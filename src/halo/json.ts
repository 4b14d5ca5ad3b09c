/** Small readers for Halo's loosely shaped JSON answers. */
export type JsonObject = Record<string, unknown>;

/** The value as a plain object, or undefined for arrays, null and scalars. */
export function asObject(value: unknown): JsonObject | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;
}

/** Parses text expected to hold a JSON object; undefined when it does not. */
export function parseJsonObject(text: string): JsonObject | undefined {
  try {
    return asObject(JSON.parse(text));
  } catch {
    return undefined;
  }
}
