/* The steps of a push in the pane, shared by the push, secret-search and screenshot scripts: pull
   "Clients with tax code", build each row's payload with =HALO.PAYLOAD filled down, preview the
   selection as an entity, read cells back through the pane's Excel API, and read the sandbox as any
   API user would. */
import { expect, type Frame, type Locator } from "@playwright/test";
import { demoClientToken } from "./signIn";
import type { WorkbenchPage } from "./workbenchPage";

export interface SandboxClient {
  id: number;
  name: string;
  item_tax_code?: number;
}

/** The sandbox as any API user reads it: a token, then GET /api/Client/<id>. */
export async function sandboxReader(sandboxUrl: string): Promise<(id: number) => Promise<SandboxClient>> {
  const token = await demoClientToken(sandboxUrl);
  return async (id) => {
    const record = await fetch(`${sandboxUrl}/api/Client/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return (await record.json()) as SandboxClient;
  };
}

/** Cell values of the active sheet through the pane's Excel API (the grid only draws what is on screen). */
export function readValues(pane: Frame, address: string): Promise<(string | number | boolean)[][]> {
  return pane.evaluate(
    (rangeAddress) =>
      Excel.run(async (context) => {
        const range = context.workbook.worksheets.getActiveWorksheet().getRange(rangeAddress);
        range.load("values");
        await context.sync();
        return range.values as (string | number | boolean)[][];
      }),
    address,
  );
}

export async function pullClientsWithTaxCode(pane: Frame): Promise<void> {
  await pane.getByRole("tab", { name: "Pull" }).click();
  await pane.getByText(/saved reports; type to search/).waitFor();
  const report = pane.getByRole("combobox", { name: /Saved report/ });
  await report.click();
  await report.fill("Clients with tax code");
  await pane.getByRole("option", { name: /^Clients with tax code \(id \d+\)$/ }).click();
  await pane.getByRole("button", { name: "Pull", exact: true }).click();
  await expect(pane.getByText(/rows? from Clients with tax code at/).first()).toBeVisible({
    timeout: 60_000,
  });
}

/** Fills F2 down to the last row with Ctrl+D, as the Postman guide's string formula would be. */
export async function fillPayloadColumn(workbench: WorkbenchPage, lastRow: number): Promise<void> {
  await workbench.typeAt("F1", "Payload");
  await workbench.typeAt("F2", '=HALO.PAYLOAD($A$1:$C$1, A2:C2, "Client")');
  await workbench.goTo(`F2:F${lastRow}`);
  await workbench.page.keyboard.press("Control+d");
}

/** The record ids in column A of the pulled "Clients with tax code" sheet, row 2 down. */
export async function pulledClientIds(pane: Frame): Promise<number[]> {
  return (await readValues(pane, "A2:A400"))
    .map((r) => r[0])
    .filter((v): v is number => typeof v === "number");
}

/** Another tax code than this one (1 to 5, as the sandbox's tax codes go). */
export function otherTaxCode(code: number | undefined): number {
  return ((code ?? 0) % 5) + 1;
}

/**
 * Push tab → Preview selection → the entity (a sheet's rows do not say which records they are, so
 * the user picks it) → the preview's summary. Returns the summary's counts line
 * ("2 rows to update, 0 to create, …") for the caller to check.
 */
export async function previewPush(pane: Frame, entity: string): Promise<Locator> {
  await pane.getByRole("tab", { name: "Push" }).click();
  await pane.getByRole("button", { name: /^Preview (selection|the selection again)$/ }).click();
  await pane.getByRole("combobox", { name: /Entity/ }).click();
  await pane.getByRole("option", { name: entity, exact: true }).click();
  const counts = pane.getByRole("region", { name: "Summary" }).getByRole("status");
  await expect(counts).toContainText(/to update/, { timeout: 60_000 });
  return counts;
}
