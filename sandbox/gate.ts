/**
 * What stands between a caller and an /api route: the bearer token (401 when missing, unknown or
 * expired), the token's scopes (401 naming the scope), and the rolling-window rate limit (429).
 */
import { text, type Reply } from "./http";
import { neededScope, scopeAllows } from "./permissions";
import { retryAfterHeaders } from "./rateLimit";
import type { SandboxState } from "./state";

export type GateResult = { admitted: true; clientId: string } | { admitted: false; reply: Reply };

export function passGate(
  state: SandboxState,
  authorization: string | undefined,
  resource: string,
  write: boolean,
): GateResult {
  const check = state.tokens.check(authorization);
  if (!check.ok) {
    const description =
      check.reason === "expired"
        ? ', error_description="The access token expired"'
        : check.reason === "invalid"
          ? ', error_description="The access token is invalid"'
          : "";
    const error = check.reason === "missing" ? "" : ` error="invalid_token"${description}`;
    return {
      admitted: false,
      reply: { status: 401, body: "Unauthorized", headers: { "WWW-Authenticate": `Bearer${error}` } },
    };
  }
  if (!scopeAllows(check.token.scopes, resource, write)) {
    const scope = neededScope(resource, write);
    return {
      admitted: false,
      reply: {
        ...text(
          401,
          `The API application or agent does not have permission for this module (needs ${scope}).`,
        ),
        headers: { "WWW-Authenticate": `Bearer error="insufficient_scope", scope="${scope}"` },
      },
    };
  }
  const now = state.config.now();
  const admission = state.limiter.admit(check.token.clientId, now);
  if (!admission.admitted) {
    return {
      admitted: false,
      reply: {
        ...text(429, "Too Many Requests"),
        headers: retryAfterHeaders(state.config.retryAfter, admission.retryAfterMs, now),
      },
    };
  }
  return { admitted: true, clientId: check.token.clientId };
}
