/**
 * The pane's two ways to sign in, over the halo sign-in entry: the Office dialog shows Halo's sign-in
 * page, and PKCE tokens are kept in OfficeRuntime.storage.
 */
import {
  resumePkceSignIn as resumeHaloPkce,
  signInWithPkce as haloSignInWithPkce,
  signInWithSecret as haloSignInWithSecret,
  type HaloClient,
  type SignInTransport,
} from "../../halo";
import { RuntimeTokenStore } from "../../office/runtimeTokenStore";
import type { SavedConnection } from "../../office/savedConnection";
import type { DialogResult } from "../../office/signInDialog";
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

function transport(services: ConnectServices): SignInTransport {
  return services.fetch === undefined
    ? { origin: services.origin }
    : { fetch: services.fetch, origin: services.origin };
}

/** Client ID + secret: the secret and its tokens stay in this client's memory, never in storage. */
export function signInWithSecret(services: ConnectServices, form: SecretSignIn): Promise<HaloClient> {
  return haloSignInWithSecret({ ...form, ...transport(services) });
}

/** The redirect's answer as the URL Halo redirected to, which the halo sign-in checks. */
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
export function signInWithPkce(services: ConnectServices, form: PkceSignIn): Promise<HaloClient> {
  const redirectUri = `${services.addinUrl ?? services.origin}/dialog.html`;
  return haloSignInWithPkce({
    instanceUrl: form.instanceUrl,
    clientId: form.clientId,
    redirectUri,
    tokenStore: new RuntimeTokenStore(services.storage),
    authorize: async (authorizeUrl) =>
      callbackUrl(redirectUri, await services.openSignInDialog(authorizeUrl)),
    ...transport(services),
  });
}

/**
 * Picks up the last PKCE sign-in from the tokens kept in OfficeRuntime.storage, so reopening the pane
 * needs no new sign-in. Undefined when there is nothing to resume; a HaloError when it no longer works.
 */
export async function resumePkceSignIn(
  services: ConnectServices,
  saved: SavedConnection,
): Promise<HaloClient | undefined> {
  if (saved.method !== "authorizationCode") return undefined;
  return resumeHaloPkce({
    instanceUrl: saved.instanceUrl,
    clientId: saved.clientId,
    tokenStore: new RuntimeTokenStore(services.storage),
    ...transport(services),
  });
}
