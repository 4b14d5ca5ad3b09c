/**
 * What a fetch that got no answer means. Browsers hide the cause behind a bare TypeError (a CORS
 * block looks the same as an unreachable host); Node's fetch names the socket error in `cause.code`,
 * which tells us whether anything can have reached Halo.
 */
import { HaloError } from "./errors";
import { redactPatterns } from "./redact";

/** Socket errors that happen before a byte of the request is sent: nothing can have been applied. */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

function causeCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  return typeof cause?.code === "string" ? cause.code : undefined;
}

export interface TransportContext {
  /** The page origin when running in a browser; a bare TypeError there is reported as Cors. */
  origin?: string;
  /** "GET /api/Client" */
  label: string;
  url: string;
  /** Masks known secrets; token-looking text is masked by pattern either way. */
  redact?: (text: string) => string;
}

export function corsMessage(origin: string, url: string): string {
  const host = new URL(url).host;
  return (
    `Could not reach ${host} from this add-in. If the instance is up, its API application does not ` +
    `allow calls from ${origin}: in Halo go to Configuration > Integrations > API > View Applications, ` +
    `open the application and add ${origin} to its allowed CORS origins.`
  );
}

/** Maps a fetch rejection (not an abort) to a Cors or Network HaloError. */
export function transportError(error: unknown, context: TransportContext): HaloError {
  const code = causeCode(error);
  const request = context.label;
  if (code === undefined && context.origin !== undefined && error instanceof TypeError) {
    return new HaloError("Cors", corsMessage(context.origin, context.url), {
      request,
      mayHaveApplied: true,
      cause: error,
    });
  }
  const host = new URL(context.url).host;
  const notSent = code !== undefined && NOT_SENT_CODES.has(code);
  // A fetch implementation's message is not ours: it could quote a URL or header with a secret in it.
  const said = error instanceof Error ? redactPatterns(error.message) : "no answer";
  const reason = code ?? (context.redact === undefined ? said : context.redact(said));
  return new HaloError("Network", `No answer from ${host} for ${request} (${reason}).`, {
    request,
    mayHaveApplied: !notSent,
    cause: error,
  });
}
