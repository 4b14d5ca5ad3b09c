/**
 * In a browser a CORS block and an unreachable host (wrong port, host down, typo) are the same bare
 * TypeError, so the halo client reports both as Cors. A no-cors probe of the instance tells them
 * apart: an opaque answer means something is listening (so CORS is what blocked the call); a failure
 * means nothing answers there. The probe sends no secret, token or cookie.
 */
import { HaloError, isHaloError, normaliseInstanceUrl, type FetchFn } from "../../halo";

const PROBE_TIMEOUT_MS = 10_000;

function unreachable(instanceUrl: string, cause: unknown): HaloError {
  const { host } = new URL(instanceUrl);
  return new HaloError(
    "Network",
    `Nothing answers at ${host}: check the instance URL and its port, and that the instance is up. ` +
      "(This is not a CORS problem: the address itself does not answer.)",
    { mayHaveApplied: false, cause },
  );
}

/** The failure to show: a Cors error becomes Network when the instance does not answer at all. */
export async function explainBlockedCall(
  failure: unknown,
  instanceUrlTyped: string,
  fetchFn: FetchFn,
): Promise<unknown> {
  if (!isHaloError(failure) || failure.kind !== "Cors") return failure;
  const instanceUrl = normaliseInstanceUrl(instanceUrlTyped);
  try {
    await fetchFn(`${instanceUrl}/`, {
      method: "GET",
      mode: "no-cors",
      credentials: "omit",
      cache: "no-store",
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    return failure;
  } catch (error) {
    return unreachable(instanceUrl, error);
  }
}
