/**
 * The two ways the pane signs in, each ending with a Halo client that already holds a token (so a
 * wrong secret or a CORS block shows at once, not on the first pull).
 */
import type { DialogResult } from "../../dialog/callback";
import { createHaloClient, type HaloClient, type HaloClientOptions } from "../../halo/client";
import { beginAuthorization, completeAuthorization } from "../../halo/authorize";
import { discoverAuthServer } from "../../halo/authServer";
import { systemClock } from "../../halo/clock";
import { HaloError } from "../../halo/errors";
import type { HttpContext } from "../../halo/http";
import { normaliseInstanceUrl } from "../../halo/instance";
import { MemoryTokenStore, tokenKey } from "../../halo/tokenStore";
import { RuntimeTokenStore } from "../../office/runtimeTokenStore";
import type { SavedConnection } from "../../office/savedConnection";
import type { ConnectServices } from "./connectServices";

export interface SecretSignIn {
  instanceUrl: string;
  clientId: string;
  clientSecret: string;
}

export interface PkceSignIn {
  instanceUrl: string;
  clientId: string;
}

const SIGN_IN_TIMEOUT_MS = 60_000;

function requireClientId(clientId: string): string {
  const id = clientId.trim();
  if (id === "") throw new HaloError("Config", "Enter the client ID of your Halo API application.");
  return id;
}

function transport(services: ConnectServices): Pick<HaloClientOptions, "fetch" | "origin"> {
  return services.fetch === undefined
    ? { origin: services.origin }
    : { fetch: services.fetch, origin: services.origin };
}

/** Client ID + secret: the secret and its tokens stay in this client's memory, never in storage. */
export async function signInWithSecret(services: ConnectServices, form: SecretSignIn): Promise<HaloClient> {
  const instanceUrl = normaliseInstanceUrl(form.instanceUrl);
  const clientId = requireClientId(form.clientId);
  if (form.clientSecret === "")
    throw new HaloError("Config", "Enter the client secret of your Halo API application.");
  const client = createHaloClient({
    instanceUrl,
    auth: { kind: "clientCredentials", clientId, clientSecret: form.clientSecret },
    tokenStore: new MemoryTokenStore(),
    ...transport(services),
  });
  await client.signIn();
  return client;
}

/** The redirect's answer as the URL Halo redirected to, which completeAuthorization checks. */
export function callbackUrl(redirectUri: string, answer: DialogResult): string {
  const url = new URL(redirectUri);
  if (answer.type === "code") {
    url.searchParams.set("code", answer.code);
    url.searchParams.set("state", answer.state);
  } else {
    url.searchParams.set("error", answer.error);
    if (answer.description !== "") url.searchParams.set("error_description", answer.description);
  }
  return url.href;
}

/** Authorization Code + PKCE in the Office dialog; tokens (with refresh) are kept in OfficeRuntime.storage. */
export async function signInWithPkce(services: ConnectServices, form: PkceSignIn): Promise<HaloClient> {
  const instanceUrl = normaliseInstanceUrl(form.instanceUrl);
  const clientId = requireClientId(form.clientId);
  const pageFetch = services.fetch ?? ((input, init) => fetch(input, init));
  const http: HttpContext = {
    fetch: pageFetch,
    clock: systemClock,
    timeoutMs: SIGN_IN_TIMEOUT_MS,
    origin: services.origin,
  };
  const authServer = await discoverAuthServer(http, instanceUrl);
  const redirectUri = `${services.origin}/dialog.html`;
  const pending = await beginAuthorization(authServer, { clientId, redirectUri });
  const answer = await services.openSignInDialog(pending.url);
  const tokens = await completeAuthorization(http, pending, callbackUrl(redirectUri, answer));
  const client = createHaloClient({
    instanceUrl,
    auth: { kind: "authorizationCode", clientId },
    tokenStore: new RuntimeTokenStore(services.storage),
    initialTokens: tokens,
    authServer,
    ...transport(services),
  });
  await client.signIn();
  return client;
}

/**
 * Picks up the last PKCE sign-in from the tokens kept in OfficeRuntime.storage (renewing with the
 * refresh token when needed), so reopening the pane needs no new sign-in. Undefined when there is
 * nothing to resume; a HaloError when the kept sign-in no longer works.
 */
export async function resumePkceSignIn(
  services: ConnectServices,
  saved: SavedConnection,
): Promise<HaloClient | undefined> {
  if (saved.method !== "authorizationCode") return undefined;
  const tokenStore = new RuntimeTokenStore(services.storage);
  if ((await tokenStore.load(tokenKey(saved.instanceUrl, saved.clientId))) === undefined) return undefined;
  const client = createHaloClient({
    instanceUrl: saved.instanceUrl,
    auth: { kind: "authorizationCode", clientId: saved.clientId },
    tokenStore,
    ...transport(services),
  });
  await client.signIn();
  return client;
}
