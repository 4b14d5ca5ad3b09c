/**
 * Every failure the Halo client reports is a HaloError with a kind, so callers branch on `kind`,
 * never on message text. Messages are for people and never contain secrets or tokens.
 */
export type HaloErrorKind =
  | "Auth" // sign-in failed: bad client id/secret, expired or revoked refresh token
  | "Permission" // 401/403 after a fresh token: the agent or application lacks the module/scope
  | "Cors" // the browser blocked the call: the API application's CORS allow-list lacks our origin
  | "Network" // no answer: DNS, connection refused, reset
  | "RateLimited" // 429: too many requests in Halo's rolling window
  | "Validation" // 400 with Halo's message: the request (or one object in it) was rejected
  | "NotFound" // 404
  | "Server" // 5xx
  | "Timeout" // no answer within the request time-out
  | "Config"; // bad input to the client itself: instance URL not HTTPS, unknown entity

export interface HaloErrorDetails {
  /** HTTP status when Halo answered. */
  status?: number;
  /**
   * Whether the request may have reached Halo and been applied. False only when the failure proves
   * nothing was applied (e.g. connection refused, 429, 503 before processing); writes are retried only then.
   */
  mayHaveApplied?: boolean;
  /** Milliseconds Halo asked us to wait (Retry-After), when it said. */
  retryAfterMs?: number;
  /** The method and path (no query secrets) the error is about. */
  request?: string;
  cause?: unknown;
}

export class HaloError extends Error {
  readonly kind: HaloErrorKind;
  readonly status?: number;
  readonly mayHaveApplied: boolean;
  readonly retryAfterMs?: number;
  readonly request?: string;

  constructor(kind: HaloErrorKind, message: string, details: HaloErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "HaloError";
    this.kind = kind;
    this.status = details.status;
    this.mayHaveApplied = details.mayHaveApplied ?? false;
    this.retryAfterMs = details.retryAfterMs;
    this.request = details.request;
  }
}

export function isHaloError(value: unknown): value is HaloError {
  return value instanceof HaloError;
}
