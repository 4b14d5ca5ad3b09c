/**
 * Errors the command line reports with exit code 2 (usage, files) and the exit codes themselves.
 * Halo's own sign-in and connection failures arrive as HaloError and map to 2 as well.
 */
import { isHaloError, type HaloErrorKind } from "../halo";

export const EXIT_OK = 0;
export const EXIT_ROWS_FAILED = 1;
export const EXIT_USAGE_OR_CONNECTION = 2;

export type CliErrorKind = "Usage" | "File";

export class CliError extends Error {
  readonly kind: CliErrorKind;
  constructor(kind: CliErrorKind, message: string) {
    super(message);
    this.name = "CliError";
    this.kind = kind;
  }
}

/** What each kind of failure means to the person reading stderr: never a bare "NotFound:" or "Server:". */
const HALO_FAILURE: Record<HaloErrorKind | "Unknown", string> = {
  Auth: "sign-in failed",
  Permission: "permission denied",
  Network: "cannot reach Halo",
  Timeout: "cannot reach Halo",
  Cors: "cannot reach Halo",
  Config: "check the arguments",
  NotFound: "not found in Halo",
  Server: "Halo could not answer",
  Validation: "Halo refused the request",
  RateLimited: "Halo's rate limit",
  Unknown: "unexpected error",
};

/** "halosheet: sign-in failed: <Halo's message>" */
export function haloFailureLine(kind: HaloErrorKind | "Unknown", message: string): string {
  return `halosheet: ${HALO_FAILURE[kind]}: ${message}`;
}

/** One line for stderr; never includes secrets (HaloError messages are redacted by the client). */
export function errorLine(error: unknown): string {
  if (error instanceof CliError) return `halosheet: ${error.message}`;
  if (isHaloError(error)) return haloFailureLine(error.kind, error.message);
  return `halosheet: unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}
