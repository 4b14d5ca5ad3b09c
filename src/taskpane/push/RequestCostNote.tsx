import { Caption1 } from "@fluentui/react-components";
import { requestCost, type CostOptions, type HaloPort, type Plan } from "../../bulk";
import { count, duration, plural } from "./format";
import { rateText } from "./rateLimitNote";

/**
 * Before sending: how many requests the push makes, the reads of the current records among them
 * (Undo, the conflict check), and the rate-limit waiting they mean, so the cost is seen, not found
 * out from the ETA.
 */
export function RequestCostNote({
  plan,
  reads,
  port,
}: {
  plan: Plan;
  reads: CostOptions;
  port: HaloPort | undefined;
}): JSX.Element | null {
  const cost = requestCost(plan, reads);
  const total = cost.writes + cost.reads;
  if (total === 0) return null;
  const forecast = port?.rateLimitForecast?.(total, 0);
  const waitMs = forecast?.waitMs;
  // A stricter limit learned from Halo's 429s (an earlier run here): say so, or the wait looks wrong.
  const atLimit = forecast?.learned
    ? `At the rate Halo allowed here (${rateText(forecast.learned)}, fewer than its usual 300 per 5 minutes)`
    : "At Halo's rate limit";
  const what =
    cost.reads > 0
      ? `${plural(cost.writes, "write")} and ${plural(cost.reads, "read")} of the current records first (for Undo and the conflict check)`
      : plural(cost.writes, "write");
  const wait =
    waitMs === undefined
      ? ""
      : waitMs > 0
        ? ` ${atLimit} that is ~${duration(waitMs)} of waiting.`
        : " No wait for Halo's rate limit expected.";
  return (
    <Caption1 aria-label="Requests">
      Sends about {count(total)} {total === 1 ? "request" : "requests"}: {what}.{wait}
    </Caption1>
  );
}
