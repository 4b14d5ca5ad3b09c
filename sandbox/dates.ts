/** Datetimes are stored and returned as ISO text in UTC without milliseconds: "2026-03-01T10:00:00Z". */
export function isoDateTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Parses what a client may send for a datetime; undefined when it is not a date. */
export function parseDateTime(value: string): string | undefined {
  const ms = Date.parse(value.trim());
  return Number.isNaN(ms) ? undefined : isoDateTime(ms);
}
