/* Signing in from the task pane's Connect panel as a person does, with the sandbox's demo API
   application: its client id and secret, or Halo's sign-in (PKCE) through the dialog. */
import type { Frame, Page } from "@playwright/test";

export const DEMO_CLIENT_ID = "halosheet-demo";
export const DEMO_CLIENT_SECRET = "halosheet-demo-secret";

export type SignInMethod = "clientCredentials" | "pkce";

/** Fills the Connect form for the client id + secret sign-in and presses Sign in. */
export async function signInWithSecret(
  pane: Frame,
  sandboxUrl: string,
  secret = DEMO_CLIENT_SECRET,
): Promise<void> {
  await pane.getByLabel("Instance URL").fill(sandboxUrl);
  await pane.getByLabel("Client ID + secret").check();
  await pane.getByRole("textbox", { name: /^Client ID/ }).fill(DEMO_CLIENT_ID);
  await pane.getByLabel("Client secret").fill(secret);
  await pane.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in with Halo (PKCE): the dialog opens Halo's consent page, whose Allow redirects back to the
 *  add-in's dialog page, which answers the pane. */
export async function signInWithPkce(page: Page, pane: Frame, sandboxUrl: string): Promise<void> {
  await pane.getByLabel("Instance URL").fill(sandboxUrl);
  await pane.getByLabel("Sign in with Halo (PKCE)").check();
  await pane.getByRole("textbox", { name: /^Client ID/ }).fill(DEMO_CLIENT_ID);
  const popupOpened = page.context().waitForEvent("page");
  await pane.getByRole("button", { name: "Sign in" }).click();
  await (await popupOpened).locator("#allow").click({ timeout: 15_000 });
}

export function signIn(method: SignInMethod, page: Page, pane: Frame, sandboxUrl: string): Promise<void> {
  return method === "pkce" ? signInWithPkce(page, pane, sandboxUrl) : signInWithSecret(pane, sandboxUrl);
}

/** An access token for the demo client, as any API user would get one: for tests that read or change the
 *  sandbox's records directly, beside what the pane does. */
export async function demoClientToken(sandboxUrl: string): Promise<string> {
  const answer = await fetch(`${sandboxUrl}/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: DEMO_CLIENT_ID,
      client_secret: DEMO_CLIENT_SECRET,
      scope: "all",
    }),
  });
  const { access_token: token } = (await answer.json()) as { access_token: string };
  return token;
}
