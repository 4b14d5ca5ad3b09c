/**
 * The instance URL the user types ("acme.halopsa.com", "https://acme.halopsa.com/api/") becomes one
 * canonical base ("https://acme.halopsa.com"), so token storage, rate limiting and requests agree on it.
 */
import { HaloError } from "./errors";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Whether plain HTTP is allowed for this host name (local development only). */
export function isLocalHost(hostname: string): boolean {
  return LOCAL_HOSTS.has(hostname.toLowerCase());
}

/**
 * Normalises an instance URL: adds https:// when no scheme is given (http:// for localhost), drops a trailing "/", "/api"
 * or "/auth", query and fragment. Throws HaloError("Config") for an unusable URL or plain HTTP to a
 * host other than localhost / 127.0.0.1.
 */
export function normaliseInstanceUrl(input: string): string {
  const text = input.trim();
  if (text === "") throw new HaloError("Config", "Enter your Halo instance URL, e.g. acme.halopsa.com.");
  const typedScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  let url: URL;
  try {
    url = new URL(typedScheme ? text : `https://${text}`);
  } catch {
    throw new HaloError("Config", `"${text}" is not a valid instance URL (e.g. acme.halopsa.com).`);
  }
  // "localhost:4010" typed without a scheme is the local sandbox, which serves plain HTTP.
  if (!typedScheme && isLocalHost(url.hostname)) url = new URL(`http://${text}`);
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new HaloError("Config", `"${text}" is not a web address; Halo instances use https://.`);
  }
  if (url.protocol === "http:" && !isLocalHost(url.hostname)) {
    throw new HaloError(
      "Config",
      `Halo must be reached over HTTPS: use https://${url.host} (plain HTTP is allowed only for localhost).`,
    );
  }
  if (url.username !== "" || url.password !== "") {
    throw new HaloError("Config", "Put the instance URL without a user name or password in it.");
  }
  const path = url.pathname.replace(/\/+$/, "").replace(/\/(api|auth)$/i, "");
  return `${url.protocol}//${url.host}${path}`;
}

/** The resource server base: "<instance>/api". */
export function apiBase(instanceUrl: string): string {
  return `${instanceUrl}/api`;
}
