import type { RateLimitRule } from "../../halo";
import { duration, plural } from "./format";

/** "5 s", "5 minutes", "1 min 34 s": a rate limit's window as an admin would say it. */
function windowText(ms: number): string {
  const minutes = ms / 60_000;
  if (minutes >= 1 && Math.abs(minutes - Math.round(minutes)) < 0.05) {
    return plural(Math.round(minutes), "minute");
  }
  return duration(ms);
}

/** "about 4 requests per 5 s". */
export function rateText(rule: RateLimitRule): string {
  return `about ${plural(rule.limit, "request")} per ${windowText(rule.windowMs)}`;
}

/**
 * Why the time left jumped: Halo's 429s showed a stricter limit than its usual one, and the
 * estimates now count with it.
 */
export function learnedLimitNote(rule: RateLimitRule): string {
  return `Halo is allowing ${rateText(rule)} here, far fewer than its usual 300 per 5 minutes, so the time left counts the waits for that.`;
}
