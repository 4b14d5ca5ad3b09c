/**
 * Keeps secrets out of every message and log line. Known secrets (client secret, tokens, PKCE
 * verifier) are replaced wherever they appear; token-looking fields and Authorization values are
 * masked by pattern too, for secrets the client never saw (e.g. echoed by a proxy).
 */
const MASK = "[redacted]";

const SECRET_FIELDS =
  /(\b(?:access_token|refresh_token|id_token|client_secret|code_verifier|password|authorization)"?\s*[:=]\s*"?)([^"&\s,}]+)/gi;
/**
 * An authorization code only as a redirect's query parameter or a JSON string: "Error code: 40123"
 * is an ordinary number and stays readable.
 */
const AUTH_CODES = /([?&#]code=|"code"\s*:\s*")([^"&#\s]+)/gi;
const AUTH_SCHEMES = /\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*/g;

export class Redactor {
  private readonly secrets = new Set<string>();

  /** Remembers a value to mask from now on; short values are ignored (they would mask ordinary text). */
  add(secret: string | undefined): void {
    if (secret !== undefined && secret.length >= 6) this.secrets.add(secret);
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join(MASK);
    return out
      .replace(AUTH_SCHEMES, `$1 ${MASK}`)
      .replace(SECRET_FIELDS, `$1${MASK}`)
      .replace(AUTH_CODES, `$1${MASK}`);
  }
}

/** Pattern-only redaction, for text produced where no Redactor is at hand. */
export function redactPatterns(text: string): string {
  return new Redactor().redact(text);
}
