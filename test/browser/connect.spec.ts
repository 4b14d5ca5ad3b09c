/* Connect: a person signs in to the sandbox in the task pane with the demo client id and secret, or
   with Halo's sign-in (PKCE), sees "Connected", and =HALO.ID in a cell then finds a real client's id
   through the signed-in client. */
import type { Frame } from "@playwright/test";
import { createHaloClient } from "../../src/halo/client";
import { expect, test } from "./harness/fixtures";
import {
  DEMO_CLIENT_ID,
  DEMO_CLIENT_SECRET,
  demoClientToken,
  signIn,
  signInWithSecret,
  type SignInMethod,
} from "./harness/signIn";

interface SeededClient {
  id: number;
  name: string;
}

/** A seeded client whose name no other client shares, read from the sandbox as any API user would. */
async function uniqueSeededClient(sandboxUrl: string): Promise<SeededClient> {
  const token = await demoClientToken(sandboxUrl);
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

const METHODS: [SignInMethod, string][] = [
  ["clientCredentials", "with the demo client id and secret"],
  ["pkce", "with Halo (PKCE) through the sign-in dialog"],
];

for (const [method, how] of METHODS) {
  test(`connect: sign in to the sandbox ${how}, then =HALO.ID finds a client`, async ({
    page,
    workbench,
    pane,
    servers: { sandboxUrl },
  }) => {
    const client = await uniqueSeededClient(sandboxUrl);
    // Signed out, HALO.ID has no client to ask.
    await workbench.typeAt("A1", `=HALO.ID("Client", "${client.name}")`);
    await expect(workbench.cell("A1")).toHaveText("#N/A");

    await signIn(method, page, pane, sandboxUrl);
    await expect(pane.getByText(`Connected to ${sandboxUrl}`)).toBeVisible({ timeout: 15_000 });
    expect(await storedText(pane), "the secret is not stored").not.toContain(DEMO_CLIENT_SECRET);

    await workbench.typeAt("A2", `=HALO.ID("Client", "${client.name}")`);
    await expect(workbench.cell("A2")).toHaveText(String(client.id), { timeout: 15_000 });
  });
}

test("connect: a wrong secret shows Halo's refusal, sign out signs HALO.ID out, and the next open is prefilled", async ({
  workbench,
  pane,
  servers: { sandboxUrl },
}) => {
  await signInWithSecret(pane, sandboxUrl, "not-the-secret");
  await expect(pane.getByText(await refusalOf(sandboxUrl, "not-the-secret"))).toBeVisible({
    timeout: 15_000,
  });
  await expect(pane.getByText("Connected to")).toHaveCount(0);

  await pane.getByLabel("Client secret").fill(DEMO_CLIENT_SECRET);
  await pane.getByRole("button", { name: "Sign in" }).click();
  await expect(pane.getByText(`Connected to ${sandboxUrl}`)).toBeVisible({ timeout: 15_000 });
  await pane.getByRole("button", { name: "Sign out" }).click();
  await expect(pane.getByLabel("Instance URL")).toBeVisible();
  // A name that resolves while signed in: #N/A now means HALO.ID has no client any more.
  const client = await uniqueSeededClient(sandboxUrl);
  await workbench.typeAt("A1", `=HALO.ID("Client", "${client.name}")`);
  await expect(workbench.cell("A1")).toHaveText("#N/A");

  await workbench.open();
  const reopened = workbench.taskpane();
  await expect(reopened.getByLabel("Instance URL")).toHaveValue(sandboxUrl);
  await expect(reopened.getByRole("textbox", { name: /^Client ID/ })).toHaveValue(DEMO_CLIENT_ID);
  await expect(reopened.getByLabel("Client secret")).toHaveValue("");
});
