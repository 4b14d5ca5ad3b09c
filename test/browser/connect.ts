/* Connect: a person signs in to the sandbox in the task pane with the demo client id and secret, sees
   "Connected", and =HALO.ID in a cell then finds a real client's id through the signed-in client. */
import assert from "node:assert/strict";
import type { Frame } from "playwright-core";
import { createHaloClient } from "../../src/halo/client";
import type { BrowserTest, BrowserTestContext } from "./harness/browserTest";
import { eventually } from "./harness/eventually";
import { WorkbenchPage } from "./harness/workbenchPage";

const DEMO_CLIENT_ID = "halosheet-demo";
const DEMO_CLIENT_SECRET = "halosheet-demo-secret";

interface SeededClient {
  id: number;
  name: string;
}

/** A seeded client whose name no other client shares, read from the sandbox as any API user would. */
async function uniqueSeededClient(sandboxUrl: string): Promise<SeededClient> {
  const tokenAnswer = await fetch(`${sandboxUrl}/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: DEMO_CLIENT_ID,
      client_secret: DEMO_CLIENT_SECRET,
      scope: "all",
    }),
  });
  const { access_token: token } = (await tokenAnswer.json()) as { access_token: string };
  const read = async (query: string): Promise<SeededClient[]> => {
    const answer = await fetch(`${sandboxUrl}/api/Client?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return ((await answer.json()) as { clients: SeededClient[] }).clients;
  };
  for (const candidate of await read("page_size=20&page_no=1&pageinate=true")) {
    const sameName = (await read(`search=${encodeURIComponent(candidate.name)}`)).filter(
      (c) => c.name.toLowerCase() === candidate.name.toLowerCase(),
    );
    if (sameName.length === 1 && !candidate.name.includes('"')) return candidate;
  }
  throw new Error("The sandbox has no client with a name of its own.");
}

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

/** Everything the pane's origin keeps (OfficeRuntime.storage and document settings live there). */
function storedText(pane: Frame): Promise<string> {
  return pane.evaluate(() =>
    [localStorage, sessionStorage]
      .flatMap((store) => Object.keys(store).map((key) => `${key}=${store.getItem(key) ?? ""}`))
      .join("\n"),
  );
}

/** What the Halo client itself says when the sandbox refuses this secret (the pane must show exactly that). */
async function refusalOf(sandboxUrl: string, clientSecret: string): Promise<string> {
  const client = createHaloClient({
    instanceUrl: sandboxUrl,
    auth: { kind: "clientCredentials", clientId: DEMO_CLIENT_ID, clientSecret },
    rateLimit: false,
  });
  return client.signIn().then(
    () => {
      throw new Error("the sandbox accepted a wrong secret");
    },
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
}

/** =HALO.ID in a cell says #N/A until the pane signs in (by `signIn`), then finds a real client's id. */
async function haloIdAfterSignIn(
  { page, baseUrl, sandboxUrl }: BrowserTestContext,
  signIn: (pane: Frame) => Promise<void>,
): Promise<void> {
  const client = await uniqueSeededClient(sandboxUrl);
  const workbench = new WorkbenchPage(page, baseUrl);
  await workbench.open();
  const pane = workbench.taskpane();

  await workbench.typeAt("A1", `=HALO.ID("Client", "${client.name}")`);
  await workbench.expectShown("A1", "#N/A");

  await signIn(pane);
  await pane.getByText(`Connected to ${sandboxUrl}`).waitFor({ timeout: 15_000 });
  assert.ok(!(await storedText(pane)).includes(DEMO_CLIENT_SECRET), "the secret is not stored");

  await workbench.typeAt("A2", `=HALO.ID("Client", "${client.name}")`);
  await workbench.expectShown("A2", String(client.id), 15_000);
}

export const connectTests: BrowserTest[] = [
  {
    name: "connect: sign in to the sandbox with the demo client id and secret, then =HALO.ID finds a client",
    timeoutMs: 90_000,
    run: (context) => haloIdAfterSignIn(context, (pane) => signInWithSecret(pane, context.sandboxUrl)),
  },
  {
    name: "connect: a wrong secret shows Halo's refusal, sign out signs HALO.ID out, and the next open is prefilled",
    timeoutMs: 90_000,
    async run({ page, baseUrl, sandboxUrl }) {
      const workbench = new WorkbenchPage(page, baseUrl);
      await workbench.open();
      const pane = workbench.taskpane();
      await signInWithSecret(pane, sandboxUrl, "not-the-secret");
      await pane.getByText(await refusalOf(sandboxUrl, "not-the-secret")).waitFor({ timeout: 15_000 });
      assert.equal(await pane.getByText("Connected to").count(), 0);

      await pane.getByLabel("Client secret").fill(DEMO_CLIENT_SECRET);
      await pane.getByRole("button", { name: "Sign in" }).click();
      await pane.getByText(`Connected to ${sandboxUrl}`).waitFor({ timeout: 15_000 });
      await pane.getByRole("button", { name: "Sign out" }).click();
      await pane.getByLabel("Instance URL").waitFor();
      // A name that resolves while signed in: #N/A now means HALO.ID has no client any more.
      const client = await uniqueSeededClient(sandboxUrl);
      await workbench.typeAt("A1", `=HALO.ID("Client", "${client.name}")`);
      await workbench.expectShown("A1", "#N/A");

      await workbench.open();
      const reopened = workbench.taskpane();
      await eventually(async () =>
        assert.equal(await reopened.getByLabel("Instance URL").inputValue(), sandboxUrl),
      );
      assert.equal(await reopened.getByRole("textbox", { name: /^Client ID/ }).inputValue(), DEMO_CLIENT_ID);
      assert.equal(await reopened.getByLabel("Client secret").inputValue(), "");
    },
  },
  {
    name: "connect: sign in with Halo (PKCE) through the sign-in dialog, then =HALO.ID finds a client",
    timeoutMs: 90_000,
    run: (context) =>
      haloIdAfterSignIn(context, async (pane) => {
        await pane.getByLabel("Instance URL").fill(context.sandboxUrl);
        await pane.getByLabel("Sign in with Halo (PKCE)").check();
        await pane.getByRole("textbox", { name: /^Client ID/ }).fill(DEMO_CLIENT_ID);
        const popupOpened = context.page.context().waitForEvent("page");
        await pane.getByRole("button", { name: "Sign in" }).click();
        // Halo's consent page, then the redirect back to the add-in's dialog page, which answers the pane.
        await (await popupOpened).locator("#allow").click({ timeout: 15_000 });
      }),
  },
];
