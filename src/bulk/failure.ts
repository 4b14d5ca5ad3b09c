/**
 * What a failed POST means for the rows in it, which decides what the run does next:
 * - "rejected": Halo refused the request (400) and saved nothing: bisect to find the bad rows.
 * - "ambiguous": the answer was lost after sending (time-out, reset, 502/504): never resend,
 *   mark the rows Unknown and read updates back.
 * - "retry": provably not applied (429, refused connection, 503 before processing): wait, send again.
 * - "fatal": nothing more can succeed (sign-in, permission, CORS, configuration): stop the run.
 */
import { isHaloError } from "../halo";

export type FailureClass = "rejected" | "ambiguous" | "retry" | "fatal";

export function classifyFailure(error: unknown): FailureClass {
  if (!isHaloError(error)) return "ambiguous";
  switch (error.kind) {
    case "Validation":
      return "rejected";
    case "Auth":
    case "Permission":
    case "Cors":
    case "Config":
    case "NotFound":
      return "fatal";
    case "RateLimited":
      return "retry";
    default:
      return error.mayHaveApplied ? "ambiguous" : "retry";
  }
}

export function failureMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Time-outs mean the batch was too big for Halo to answer in time: the run shrinks the batch size.
 * A 504 is the same time-out, seen by a gateway in front of Halo.
 */
export function isTimeout(error: unknown): boolean {
  return isHaloError(error) && (error.kind === "Timeout" || error.status === 504);
}

/** Milliseconds Halo asked for, when it said (Retry-After). */
export function retryAfter(error: unknown): number | undefined {
  return isHaloError(error) ? error.retryAfterMs : undefined;
}
