/**
 * Where to get tokens. Most instances serve the authorisation server at <instance>/auth; some
 * on-premise installs put it elsewhere, and hosted multi-tenant instances need ?tenant=<tenant>.
 * GET <instance>/api/authinfo (no auth) says which; when it fails we fall back to <instance>/auth.
 */
import { apiBase, isLocalHost } from "./instance";
import { send, type HttpContext } from "./http";
import { parseJsonObject } from "./json";

export interface AuthServer {
  /** Base of the authorisation server, no trailing slash: "https://acme.halopsa.com/auth". */
  authUrl: string;
  /** Hosted tenant, added as ?tenant= to token and authorize requests. */
  tenant?: string;
}

export function defaultAuthServer(instanceUrl: string): AuthServer {
  return { authUrl: `${instanceUrl}/auth` };
}

function firstString(record: Record<string, unknown>, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === "string" && value.trim() !== "") return value.trim();
  }
  return undefined;
}

/** Reads an authinfo body; undefined when it does not name a usable auth server. */
export function parseAuthInfo(body: string, instanceUrl: string): AuthServer | undefined {
  const record = parseJsonObject(body);
  if (record === undefined) return undefined;
  const authText = firstString(record, ["auth_url", "authurl", "authorisation_server", "auth_server"]);
  const tenant = firstString(record, ["tenant_id", "tenant"]);
  let authUrl = `${instanceUrl}/auth`;
  if (authText !== undefined) {
    const url = new URL(authText, `${instanceUrl}/`);
    // Never send credentials over plain HTTP because a server said so.
    if (url.protocol !== "https:" && !(url.protocol === "http:" && isLocalHost(url.hostname)))
      return undefined;
    authUrl = `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  }
  return tenant === undefined ? { authUrl } : { authUrl, tenant };
}

export async function discoverAuthServer(
  http: HttpContext,
  instanceUrl: string,
  signal?: AbortSignal,
): Promise<AuthServer> {
  try {
    const answer = await send(http, {
      method: "GET",
      url: `${apiBase(instanceUrl)}/authinfo`,
      headers: { accept: "application/json" },
      signal,
      label: "GET /api/authinfo",
    });
    if (answer.status === 200)
      return parseAuthInfo(answer.body, instanceUrl) ?? defaultAuthServer(instanceUrl);
  } catch (error) {
    if (signal?.aborted) throw error;
    // Older or locked-down instances: the default location is right for nearly all of them.
  }
  return defaultAuthServer(instanceUrl);
}

/** "<auth>/token" or "<auth>/authorize", with ?tenant= for hosted tenants. */
export function authEndpoint(server: AuthServer, name: "token" | "authorize"): URL {
  const url = new URL(`${server.authUrl}/${name}`);
  if (server.tenant !== undefined) url.searchParams.set("tenant", server.tenant);
  return url;
}
