/**
 * Authorization Code + PKCE: build the authorize URL (S256 challenge, random state), then exchange
 * the code from the redirect after checking the state matches. The Office dialog that shows the
 * page lives in src/office / src/dialog; this module only makes and checks URLs.
 */
import { requestTokens } from "./auth";
import { authEndpoint, type AuthServer } from "./authServer";
import { HaloError } from "./errors";
import type { HttpContext } from "./http";
import { createPkcePair, randomUrlSafe } from "./pkce";
import { Redactor } from "./redact";
import type { TokenSet } from "./tokenStore";

export interface AuthorizationRequest {
  clientId: string;
  redirectUri: string;
  /** Default "all offline_access" (offline_access lets the add-in refresh without a new sign-in). */
  scope?: string;
}

/** What to keep (in memory only) between opening the sign-in page and its redirect. */
export interface PendingAuthorization {
  url: string;
  state: string;
  codeVerifier: string;
  clientId: string;
  redirectUri: string;
  server: AuthServer;
}

export async function beginAuthorization(
  server: AuthServer,
  request: AuthorizationRequest,
): Promise<PendingAuthorization> {
  const { verifier, challenge } = await createPkcePair();
  const state = randomUrlSafe(16);
  const url = authEndpoint(server, "authorize");
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", request.clientId);
  url.searchParams.set("redirect_uri", request.redirectUri);
  url.searchParams.set("scope", request.scope ?? "all offline_access");
  url.searchParams.set("code_challenge", challenge);
  url.searchParams.set("code_challenge_method", "S256");
  url.searchParams.set("state", state);
  return {
    url: url.href,
    state,
    codeVerifier: verifier,
    clientId: request.clientId,
    redirectUri: request.redirectUri,
    server,
  };
}

/** Reads code/state/error from the redirect URL (query, or fragment as some servers use). */
function callbackParams(callbackUrl: string): URLSearchParams {
  const url = new URL(callbackUrl);
  return url.search.length > 1 ? url.searchParams : new URLSearchParams(url.hash.replace(/^#/, ""));
}

/** Checks the redirect and exchanges its code for tokens. */
export async function completeAuthorization(
  http: HttpContext,
  pending: PendingAuthorization,
  callbackUrl: string,
  redactor: Redactor = new Redactor(),
  signal?: AbortSignal,
): Promise<TokenSet> {
  const params = callbackParams(callbackUrl);
  const error = params.get("error");
  if (error !== null) {
    const description = params.get("error_description");
    throw new HaloError("Auth", `Sign-in was not completed: ${description ?? error}.`);
  }
  if (params.get("state") !== pending.state) {
    throw new HaloError(
      "Auth",
      "Sign-in answer did not match the request (state mismatch); it was ignored. Sign in again.",
    );
  }
  const code = params.get("code");
  if (code === null || code === "")
    throw new HaloError("Auth", "Sign-in answer carried no authorization code.");
  redactor.add(code);
  redactor.add(pending.codeVerifier);
  return requestTokens(
    http,
    pending.server,
    {
      form: {
        grant_type: "authorization_code",
        code,
        redirect_uri: pending.redirectUri,
        client_id: pending.clientId,
        code_verifier: pending.codeVerifier,
      },
      signal,
    },
    redactor,
  );
}
