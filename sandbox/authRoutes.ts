/**
 * The authorisation server: POST /auth/token (client_credentials with Basic or form fields,
 * authorization_code with PKCE S256, refresh_token) and /auth/authorize (consent page, then a redirect
 * to redirect_uri with code and state). Errors are OAuth JSON ({error, error_description}).
 */
import { consentPage, errorPage } from "./consentPage";
import { json, type Reply } from "./http";
import { SCOPE_PATTERN } from "./permissions";
import { s256, type TokenService } from "./tokens";

export interface AuthConfig {
  clientId: string;
  clientSecret: string;
}

function oauthError(error: string, description: string, status = 400): Reply {
  return json(status, { error, error_description: description });
}

function parseScopes(scope: string | undefined): string[] | Reply {
  const scopes = (scope ?? "").split(/\s+/).filter((s) => s !== "");
  if (scopes.length === 0) return ["all"];
  const bad = scopes.find((s) => !SCOPE_PATTERN.test(s));
  return bad === undefined ? scopes : oauthError("invalid_scope", `Unknown scope "${bad}".`);
}

/** Client id and secret from an HTTP Basic header (form-urlencoded parts, RFC 6749 2.3.1). */
function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)\s*$/i.exec(header ?? "");
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  const part = (s: string): string => decodeURIComponent(s.replace(/\+/g, " "));
  try {
    return { id: part(decoded.slice(0, colon)), secret: part(decoded.slice(colon + 1)) };
  } catch {
    return undefined; // a stray "%": not credentials we can read, so an unknown client
  }
}

export function tokenRoute(
  config: AuthConfig,
  tokens: TokenService,
  bodyText: string,
  authorization: string | undefined,
): Reply {
  const form = new URLSearchParams(bodyText);
  const basic = basicCredentials(authorization);
  const clientId = basic?.id ?? form.get("client_id") ?? undefined;
  const clientSecret = basic?.secret ?? form.get("client_secret") ?? undefined;
  const grantType = form.get("grant_type");
  if (clientId !== config.clientId) return oauthError("invalid_client", "Unknown client.");

  switch (grantType) {
    case "client_credentials": {
      if (clientSecret !== config.clientSecret) return oauthError("invalid_client", "Invalid client secret.");
      const scopes = parseScopes(form.get("scope") ?? undefined);
      if (!Array.isArray(scopes)) return scopes;
      return json(200, tokens.issue({ clientId, scopes }));
    }
    case "authorization_code": {
      const code = tokens.redeemCode(form.get("code") ?? "");
      if (code === undefined || code.clientId !== clientId) {
        return oauthError("invalid_grant", "The authorization code is invalid, expired or already used.");
      }
      if (code.redirectUri !== (form.get("redirect_uri") ?? "")) {
        return oauthError("invalid_grant", "redirect_uri does not match the authorization request.");
      }
      const verifier = form.get("code_verifier") ?? "";
      if (verifier === "" || s256(verifier) !== code.codeChallenge) {
        return oauthError("invalid_grant", "The code_verifier does not match the code_challenge.");
      }
      return json(200, tokens.issue({ clientId, scopes: code.scopes }));
    }
    case "refresh_token": {
      const grant = tokens.redeemRefreshToken(form.get("refresh_token") ?? "");
      if (grant === undefined || grant.clientId !== clientId) {
        return oauthError("invalid_grant", "The refresh token is invalid, expired or already used.");
      }
      return json(200, tokens.issue(grant));
    }
    default:
      return oauthError("unsupported_grant_type", `Grant type "${grantType ?? ""}" is not supported.`);
  }
}

function html(status: number, body: string): Reply {
  return { status, body, contentType: "text/html; charset=utf-8" };
}

function redirect(redirectUri: string, params: Record<string, string>): Reply {
  const target = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) target.searchParams.set(name, value);
  return { status: 302, body: null, headers: { Location: target.toString() } };
}

function validRedirectUri(value: string | undefined): value is string {
  if (value === undefined) return false;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/**
 * GET shows the consent page; POST (the page's form, decision=allow|deny) answers with the redirect.
 * An unknown client or a bad redirect_uri gets an error page, never a redirect (RFC 6749 4.1.2.1).
 */
export function authorizeRoute(
  config: AuthConfig,
  tokens: TokenService,
  method: string,
  params: URLSearchParams,
): Reply {
  const get = (name: string): string => params.get(name) ?? "";
  if (get("client_id") !== config.clientId) return html(400, errorPage("Unknown client_id."));
  const redirectUri = params.get("redirect_uri") ?? undefined;
  if (!validRedirectUri(redirectUri)) return html(400, errorPage("Missing or invalid redirect_uri."));
  const state = params.get("state");
  const withState = (extra: Record<string, string>): Record<string, string> =>
    state === null ? extra : { ...extra, state };

  if (get("response_type") !== "code") {
    return redirect(redirectUri, withState({ error: "unsupported_response_type" }));
  }
  if (get("code_challenge") === "" || get("code_challenge_method") !== "S256") {
    return redirect(
      redirectUri,
      withState({
        error: "invalid_request",
        error_description: "code_challenge with code_challenge_method=S256 is required",
      }),
    );
  }
  const scopes = parseScopes(params.get("scope") ?? undefined);
  if (!Array.isArray(scopes)) return redirect(redirectUri, withState({ error: "invalid_scope" }));

  if (method === "GET") {
    const shown: Record<string, string> = {};
    for (const [name, value] of params) if (name !== "decision") shown[name] = value;
    return html(200, consentPage(shown, config.clientId));
  }
  if (get("decision") !== "allow") return redirect(redirectUri, withState({ error: "access_denied" }));
  const code = tokens.createCode({
    clientId: config.clientId,
    scopes,
    redirectUri,
    codeChallenge: get("code_challenge"),
  });
  return redirect(redirectUri, withState({ code }));
}
