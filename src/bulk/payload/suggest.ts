/** "Did you mean ...?" for unknown field names. */
import { distance } from "fastest-levenshtein";

/**
 * The known name closest to `name` (case-insensitively), or undefined when nothing is near enough
 * to be a plausible typo: suggesting `colour` for `xyz` would mislead more than help.
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const wanted = name.toLowerCase();
  // Halo links records by id: "site" or "client" (as in a site.name header) means site_id or client_id.
  const idField = known.find((candidate) => candidate.toLowerCase() === `${wanted}_id`);
  if (idField !== undefined) return idField;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = distance(wanted, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const tolerance = Math.max(2, Math.floor(wanted.length / 3));
  return bestDistance <= tolerance ? best : undefined;
}

/** ` Did you mean "site_id"?` or "" when there is no near name. */
export function didYouMean(name: string, known: readonly string[]): string {
  const suggestion = closestName(name, known);
  return suggestion === undefined ? "" : ` Did you mean "${suggestion}"?`;
}
