/** Number and duration formatting for the results tables. */
export const int = (n: number): string => Math.round(n).toLocaleString("en-US");

export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 59_950) return `${(ms / 1000).toFixed(1)} s`;
  // Rounded first, so 119.6 s reads "2 min 0 s", not "1 min 60 s".
  const s = Math.round(ms / 1000);
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s - m * 60} s`;
  const h = Math.floor(m / 60);
  return `${h} h ${m - h * 60} min`;
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(2)} MB`;
}

/** A Markdown table (prettier aligns it when RESULTS.md is written). */
export function table(headers: string[], rows: (string | number)[][], align?: ("l" | "r")[]): string {
  const line = (cells: (string | number)[]) => `| ${cells.map(String).join(" | ")} |`;
  const rule = headers.map((_, i) => ((align?.[i] ?? "l") === "r" ? "---:" : "---"));
  return [line(headers), line(rule), ...rows.map(line)].join("\n");
}

/** "met (...)" / "**MISS** (...)": a target shown beside its number, misses spelled out. */
export function target(ok: boolean, text: string): string {
  return ok ? `met (${text})` : `**MISS** (${text})`;
}

/** "12 ≤ 13" when within the limit, "297 > 64" when over it. */
export function atMost(value: number, limit: number): string {
  return `${int(value)} ${value <= limit ? "≤" : ">"} ${int(limit)}`;
}
