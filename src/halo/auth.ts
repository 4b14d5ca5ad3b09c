/**
 * The token endpoint: client credentials (secret as form fields or HTTP Basic), authorization code
 * exchange and refresh. Every answer becomes a TokenSet or a HaloError with secrets redacted.
 */
import { authEndpoint, type AuthServer } from "./authServer";
import { HaloError } from "./errors";
import { send, type HttpContext } from "./http";
import { parseJsonObject } from "./json";
import type { Redactor } from "./redact";
import { errorFromResponse, haloMessage, htmlAnswerMessage, looksLikeHtml } from "./responseErrors";
import type { TokenSet } from "./tokenStore";

export type SecretPlacement = "form" | "basic";

export interface ClientCredentialsAuth {
  kind: "clientCredentials";
  clientId: string;
  clientSecret: string;
  /** Space-separated scopes; default "all". */
  scope?: string;
  /** Send id/secret as form fields (default) or as an HTTP Basic header. */
  secretIn?: SecretPlacement;
}

/** A public "Authorization Code (Native)" application: tokens come from PKCE sign-in, then refresh. */
export interface AuthorizationCodeAuth {
  kind: "authorizationCode";
  clientId: string;
}

export type AuthMethod = ClientCredentialsAuth | AuthorizationCodeAuth;

const DEFAULT_EXPIRES_IN_S = 3600;

/** RFC 6749 2.3.1: id and secret are form-encoded before Base64. */
export function basicAuthorization(clientId: string, clientSecret: string): string {
  const encode = (value: string): string => encodeURIComponent(value).replace(/%20/g, "+");
  return `Basic ${btoa(`${encode(clientId)}:${encode(clientSecret)}`)}`;
}

export function parseTokenAnswer(body: string, nowMs: number): TokenSet | undefined {
  const record = parseJsonObject(body);
  if (record === undefined) return undefined;
  if (typeof record.access_token !== "string" || record.access_token === "") return undefined;
  const expiresIn = Number(record.expires_in ?? DEFAULT_EXPIRES_IN_S);
  const tokens: TokenSet = {
    accessToken: record.access_token,
    tokenType: typeof record.token_type === "string" ? record.token_type : "Bearer",
    expiresAt: nowMs + (Number.isFinite(expiresIn) ? expiresIn : DEFAULT_EXPIRES_IN_S) * 1000,
    issuedAt: nowMs,
  };
  if (typeof record.refresh_token === "string" && record.refresh_token !== "") {
    tokens.refreshToken = record.refresh_token;
  }
  if (typeof record.scope === "string") tokens.scope = record.scope;
  return tokens;
}

export interface TokenRequest {
  form: Record<string, string>;
  /** Client id and secret for an HTTP Basic header instead of form fields. */
  basic?: { clientId: string; clientSecret: string };
  signal?: AbortSignal;
}

/** POSTs a grant to <auth>/token. 400/401 become Auth errors carrying Halo's reason. */
export async function requestTokens(
  http: HttpContext,
  server: AuthServer,
  request: TokenRequest,
  redactor: Redactor,
): Promise<TokenSet> {
  const label = `POST /auth/token (${request.form.grant_type})`;
  const headers: Record<string, string> = {
    "content-type": "application/x-www-form-urlencoded",
    accept: "application/json",
  };
  if (request.basic !== undefined) {
    headers.authorization = basicAuthorization(request.basic.clientId, request.basic.clientSecret);
  }
  const answer = await send(http, {
    method: "POST",
    url: authEndpoint(server, "token").href,
    headers,
    body: new URLSearchParams(request.form).toString(),
    signal: request.signal,
    label,
  });
  if (answer.status === 400 || answer.status === 401) {
    const reason = haloMessage(answer.body) || `status ${answer.status}`;
    throw new HaloError("Auth", redactor.redact(`Sign-in refused by ${server.authUrl}: ${reason}`), {
      status: answer.status,
      request: label,
    });
  }
  if (answer.status >= 300) {
    throw errorFromResponse(
      { status: answer.status, body: answer.body, retryAfter: answer.headers.get("retry-after") },
      label,
      http.clock.now(),
      redactor,
    );
  }
  const tokens = parseTokenAnswer(answer.body, http.clock.now());
  if (tokens === undefined) {
    const message = looksLikeHtml(answer.body)
      ? htmlAnswerMessage(answer.status, label)
      : `${server.authUrl} answered the sign-in without an access token.`;
    throw new HaloError("Auth", message, {
      status: answer.status,
      request: label,
    });
  }
  redactor.add(tokens.accessToken);
  redactor.add(tokens.refreshToken);
  return tokens;
}

export function clientCredentialsGrant(
  http: HttpContext,
  server: AuthServer,
  auth: ClientCredentialsAuth,
  redactor: Redactor,
  signal?: AbortSignal,
): Promise<TokenSet> {
  redactor.add(auth.clientSecret);
  const form: Record<string, string> = { grant_type: "client_credentials", scope: auth.scope ?? "all" };
  if (auth.secretIn === "basic") {
    return requestTokens(
      http,
      server,
      { form, basic: { clientId: auth.clientId, clientSecret: auth.clientSecret }, signal },
      redactor,
    );
  }
  form.client_id = auth.clientId;
  form.client_secret = auth.clientSecret;
  return requestTokens(http, server, { form, signal }, redactor);
}

/** Refresh grant; confidential clients authenticate the same way they signed in. */
export function refreshGrant(
  http: HttpContext,
  server: AuthServer,
  auth: AuthMethod,
  refreshToken: string,
  redactor: Redactor,
  signal?: AbortSignal,
): Promise<TokenSet> {
  const form: Record<string, string> = { grant_type: "refresh_token", refresh_token: refreshToken };
  if (auth.kind === "clientCredentials" && auth.secretIn === "basic") {
    const basic = { clientId: auth.clientId, clientSecret: auth.clientSecret };
    return requestTokens(http, server, { form, basic, signal }, redactor);
  }
  form.client_id = auth.clientId;
  if (auth.kind === "clientCredentials") form.client_secret = auth.clientSecret;
  return requestTokens(http, server, { form, signal }, redactor);
}
