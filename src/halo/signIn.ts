/**
 * Signing in, start to finish, for the hosts above (the task pane, the command line): each way ends
 * with a client that already holds a token, so a wrong secret or a CORS block shows at once, not on
 * the first pull. The PKCE exchange uses the client's own HTTP context, so its failures are redacted
 * like every other request's.
 */
import { beginAuthorization, completeAuthorization } from "./authorize";
import { discoverAuthServer } from "./authServer";
import { clientHttpContext, createHaloClient, type HaloClient, type HaloClientOptions } from "./client";
import { HaloError } from "./errors";
import { normaliseInstanceUrl } from "./instance";
import { Redactor } from "./redact";
import { MemoryTokenStore, tokenKey, type TokenStore } from "./tokenStore";

/** How the client reaches Halo; defaults as for createHaloClient. */
export type SignInTransport = Pick<HaloClientOptions, "fetch" | "origin" | "clock" | "timeoutMs" | "onRetry">;

export interface SecretSignIn extends SignInTransport {
  instanceUrl: string;
  clientId: string;
  clientSecret: string;
}

export interface PkceSignIn extends SignInTransport {
  instanceUrl: string;
  clientId: string;
  /** The redirect URI registered for the Halo API application (the add-in's dialog page). */
  redirectUri: string;
  /** Where the tokens, refresh token included, are kept between sessions. */
  tokenStore: TokenStore;
  /** Shows Halo's sign-in page at `authorizeUrl`; resolves with the URL Halo redirected back to. */
  authorize(authorizeUrl: string): Promise<string>;
}

export interface PkceResume extends SignInTransport {
  instanceUrl: string;
  clientId: string;
  tokenStore: TokenStore;
}

function requireClientId(clientId: string): string {
  const id = clientId.trim();
  if (id === "") throw new HaloError("Config", "Enter the client ID of your Halo API application.");
  return id;
}

/** Client ID + secret: the secret and its tokens stay in this client's memory, never in storage. */
export async function signInWithSecret(form: SecretSignIn): Promise<HaloClient> {
  const { instanceUrl, clientId, clientSecret, ...transport } = form;
  const url = normaliseInstanceUrl(instanceUrl);
  const id = requireClientId(clientId);
  if (clientSecret === "")
    throw new HaloError("Config", "Enter the client secret of your Halo API application.");
  const client = createHaloClient({
    ...transport,
    instanceUrl: url,
    auth: { kind: "clientCredentials", clientId: id, clientSecret },
    tokenStore: new MemoryTokenStore(),
  });
  await client.signIn();
  return client;
}

/** Authorization Code + PKCE: Halo's sign-in page through `authorize`, tokens kept in `tokenStore`. */
export async function signInWithPkce(form: PkceSignIn): Promise<HaloClient> {
  const { instanceUrl, clientId, redirectUri, tokenStore, authorize, ...transport } = form;
  const url = normaliseInstanceUrl(instanceUrl);
  const id = requireClientId(clientId);
  const redactor = new Redactor();
  const http = clientHttpContext(transport, redactor);
  const authServer = await discoverAuthServer(http, url);
  const pending = await beginAuthorization(authServer, { clientId: id, redirectUri });
  const tokens = await completeAuthorization(http, pending, await authorize(pending.url), redactor);
  const client = createHaloClient({
    ...transport,
    instanceUrl: url,
    auth: { kind: "authorizationCode", clientId: id },
    tokenStore,
    initialTokens: tokens,
    authServer,
  });
  await client.signIn();
  return client;
}

/**
 * Picks up an earlier PKCE sign-in from the tokens in `tokenStore` (renewing with the refresh token
 * when needed). Undefined when nothing is kept; a HaloError when the kept sign-in no longer works.
 */
export async function resumePkceSignIn(kept: PkceResume): Promise<HaloClient | undefined> {
  const { instanceUrl, clientId, tokenStore, ...transport } = kept;
  if ((await tokenStore.load(tokenKey(instanceUrl, clientId))) === undefined) return undefined;
  const client = createHaloClient({
    ...transport,
    instanceUrl,
    auth: { kind: "authorizationCode", clientId },
    tokenStore,
  });
  await client.signIn();
  return client;
}
