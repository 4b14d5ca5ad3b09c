/** Numbers and durations as the pane shows them. */
export function count(n: number): string {
  return n.toLocaleString("en-US");
}

export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${s % 60} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** A cell value for the preview: blank shows as (blank), text as it is, the rest as JSON. */
export function shown(value: unknown): string {
  if (value === undefined) return "?";
  if (value === null || value === "") return "(blank)";
  return typeof value === "string" ? value : JSON.stringify(value);
}
