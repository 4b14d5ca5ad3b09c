/* The secret search (issue 11) in the task pane: a person signs in (a wrong secret first, then the
   right one; or with Halo's sign-in, PKCE), pulls "Clients with tax code", builds the payload column,
   runs a Dry run and a Push in which one row fails on purpose (an id Halo does not have), and undoes it.
   Then the client secret and every token Halo issued are searched for everywhere the add-in could have
   written (harness/secretSearch.ts): zero hits. The search proves it can fail: a canary planted in each
   channel (a very hidden sheet, a document setting, sessionStorage, OfficeRuntime.storage, the console,
   a request) is found by the same search, in every one of them. */
import type { Frame, Page } from "@playwright/test";
import { test as base, expect } from "./harness/fixtures";
import {
  fillPayloadColumn,
  previewPush,
  pullClientsWithTaxCode,
  readValues,
  sandboxReader,
} from "./harness/pushFlow";
import { findNeedles, storedPlaces, Witness, type Hit, type Place } from "./harness/secretSearch";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, signInWithSecret } from "./harness/signIn";
import type { WorkbenchPage } from "./harness/workbenchPage";

const test = base.extend<{ witness: Witness }>({
  // Auto: watching starts before the workbench opens, so the pages' first console lines are caught.
  witness: [
    async ({ context, servers }, use) => use(new Witness(context, new URL(servers.sandboxUrl).origin)),
    { auto: true },
  ],
});

const WRONG_SECRET = "not-the-demo-secret-4f1c";
/** An id no sandbox client has: Halo refuses the update (400), so that row's push fails. */
const MISSING_ID = 987_654_321;

/** Pull, payload column, one tax code changed and one row's id made unknown, Dry run, Push, Undo. */
async function pullPushFailUndo(workbench: WorkbenchPage, pane: Frame, sandboxUrl: string): Promise<void> {
  const read = await sandboxReader(sandboxUrl);
  await pullClientsWithTaxCode(pane);
  const ids = (await readValues(pane, "A2:A400"))
    .map((r) => r[0])
    .filter((v): v is number => typeof v === "number");
  const lastRow = ids.length + 1;
  const first = await read(ids[0]!);
  const newCode = ((first.item_tax_code ?? 0) % 5) + 1;
  await fillPayloadColumn(workbench, lastRow);
  await workbench.typeAt("C2", String(newCode));
  await workbench.typeAt("A3", String(MISSING_ID));
  await expect
    .poll(async () => String((await readValues(pane, "F3"))[0]![0]))
    .toContain(`"id":${MISSING_ID}`);
  // The payload column with its header (beside the pulled table, so its first selected row is the header).
  await workbench.goTo(`F1:F${lastRow}`);

  await previewPush(pane, "Client");
  await pane.getByRole("button", { name: "Dry run" }).click();
  await expect(pane.getByText(/would update/)).toBeVisible({ timeout: 60_000 });
  await pane.getByRole("button", { name: "New push" }).click();
  await pane.getByRole("button", { name: /Preview/ }).click();
  await pane.getByRole("button", { name: "Push", exact: true }).click();
  await expect(pane.getByText(/\d+ failed/).first()).toBeVisible({ timeout: 60_000 });
  const statuses = (await readValues(pane, "G2:H3")).map((r) => String(r[0]));
  expect(statuses[1]).toBe("Failed");
  expect((await read(ids[0]!)).item_tax_code).toBe(newCode);

  await pane.getByRole("button", { name: "Undo this run" }).click();
  await expect(pane.getByText(/1 restored/)).toBeVisible({ timeout: 60_000 });
  expect((await read(ids[0]!)).item_tax_code).toBe(first.item_tax_code);
}

/** Everything searched: what was watched while the test ran, and what is stored now. */
async function everyPlace(page: Page, pane: Frame, witness: Witness): Promise<Place[]> {
  await witness.settled();
  const { places, contents } = await storedPlaces(page, pane);
  // The search is not vacuous: the pull record and journal (very hidden) and the log sheet were searched.
  const sheet = (name: string) => contents.sheets.find((s) => s.name === name);
  expect(sheet("HaloSheet.store")?.visibility).toBe("VeryHidden");
  expect(sheet("HaloSheet.store")?.cells.length).toBeGreaterThan(2);
  expect(sheet("HaloSheet Log")?.cells.length).toBeGreaterThan(6);
  // The workbench has no defined names or custom XML parts: an add-in calling them here would fail, so
  // there is nothing of that kind to search. When the workbench gains them, this fails: search them then.
  const unmodelled = await pane.evaluate(() =>
    Excel.run(async (context) =>
      ["names", "customXmlParts"].filter((api) => api in (context.workbook as unknown as object)),
    ),
  );
  expect(unmodelled).toEqual([]);
  return [...witness.places(), ...places];
}

/** Plants a canary in every channel the search covers. */
async function plantCanary(pane: Frame, canary: string, sandboxUrl: string): Promise<void> {
  await pane.evaluate(
    async ({ value, url }) => {
      await Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.add("Canary");
        sheet.getRange("D4").values = [[`planted ${value}`]];
        sheet.visibility = Excel.SheetVisibility.veryHidden;
        await context.sync();
      });
      Office.context.document.settings.set("canary", { value });
      sessionStorage.setItem("canary", value);
      await OfficeRuntime.storage.setItem("canary", value);
      console.info({ planted: value });
      await fetch(`${url}/api/authinfo?canary=${value}`).catch(() => undefined);
    },
    { value: canary, url: sandboxUrl },
  );
}

const CANARY_KINDS: Hit["kind"][] = [
  "cell",
  "setting",
  "sessionStorage",
  "localStorage",
  "OfficeRuntime.storage",
  "console",
  "request",
];

/** The secret's HTTP Basic form too (client_id:secret), in case it is ever sent or kept that way. */
const secretNeedles = (secret: string): string[] => [
  secret,
  Buffer.from(`${DEMO_CLIENT_ID}:${secret}`).toString("base64"),
];

test("secret search: client ID + secret - wrong secret, pull, Dry run, a push with a failing row, Undo: the secret and tokens are nowhere", async ({
  page,
  workbench,
  pane,
  witness,
  servers: { sandboxUrl },
}) => {
  test.setTimeout(300_000);
  await signInWithSecret(pane, sandboxUrl, WRONG_SECRET);
  await expect(
    pane.getByRole("alert").filter({ hasText: /Client authentication failed|refused/i }),
  ).toBeVisible({
    timeout: 15_000,
  });
  await pane.getByLabel("Client secret").fill(DEMO_CLIENT_SECRET);
  await pane.getByRole("button", { name: "Sign in" }).click();
  await expect(pane.getByText(`Connected to ${sandboxUrl}`)).toBeVisible({ timeout: 15_000 });
  await pullPushFailUndo(workbench, pane, sandboxUrl);

  const canary = `canary-${Date.now().toString(36)}-secret-search`;
  await plantCanary(pane, canary, sandboxUrl);
  await witness.settled();
  expect(witness.issued.length, "access tokens seen at /auth/token").toBeGreaterThan(0);
  const needles = [...secretNeedles(DEMO_CLIENT_SECRET), ...secretNeedles(WRONG_SECRET), ...witness.issued];
  const hits = findNeedles(await everyPlace(page, pane, witness), [...needles, canary]);
  expect(hits.filter((hit) => hit.needle !== canary)).toEqual([]);
  // The negative control: the same search finds the canary in every channel it was planted in.
  expect(new Set(hits.map((hit) => hit.kind))).toEqual(new Set(CANARY_KINDS));
});

test.describe("with Halo's sign-in (PKCE)", () => {
  test.use({ signInMethod: "pkce" });

  test("secret search: PKCE - pull, Dry run, a push with a failing row, Undo: tokens only in the add-in's token store, gone after Sign out", async ({
    page,
    workbench,
    signedInPane: pane,
    witness,
    servers: { sandboxUrl },
  }) => {
    test.setTimeout(300_000);
    await pullPushFailUndo(workbench, pane, sandboxUrl);
    await witness.settled();
    expect(witness.issued.length, "tokens and the verifier seen at /auth/token").toBeGreaterThan(1);
    const needles = [...secretNeedles(DEMO_CLIENT_SECRET), ...witness.issued];
    // Signed in, a PKCE sign-in's tokens are kept on purpose in the add-in's own storage on this device
    // (SECURITY.md), under one key: that key is the only place they may be.
    const tokenStoreKey =
      /^(OfficeRuntime\.storage\[|localStorage\[OfficeRuntime\.storage:)halosheet\.tokens\./;
    const signedIn = findNeedles(await everyPlace(page, pane, witness), needles);
    expect(signedIn.filter((hit) => !tokenStoreKey.test(hit.where))).toEqual([]);
    expect(signedIn.length).toBeGreaterThan(0);

    await pane.getByRole("button", { name: "Sign out" }).click();
    await expect(pane.getByLabel("Instance URL")).toBeVisible();
    expect(findNeedles(await everyPlace(page, pane, witness), needles)).toEqual([]);
  });
});
