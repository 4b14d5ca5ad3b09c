/* The Postman guide's case, typed by hand: id and item_tax_code headers, rows of values, one
   =HALO.PAYLOAD per row filled down. Shared by postmanCase.spec.ts and the screenshot script. */
import { expect } from "@playwright/test";
import type { WorkbenchPage } from "./workbenchPage";

const FIRST_ID = 1001;
const FIRST_TAX_CODE = 7;

/** What the payload for sheet row `row` must be: Halo's JSON for the row, keys in header order. */
export function expectedPayload(row: number, overrides: { item_tax_code?: number } = {}): string {
  const offset = row - 2;
  return JSON.stringify({
    id: FIRST_ID + offset,
    item_tax_code: overrides.item_tax_code ?? FIRST_TAX_CODE + 2 * offset,
  });
}

/** Types the case by hand and fills it down to sheet row `lastRow` with Ctrl+D. */
export async function typePostmanCase(workbench: WorkbenchPage, lastRow: number): Promise<void> {
  await workbench.goTo("A1");
  await workbench.type("id", "Tab");
  await workbench.type("item_tax_code");
  await workbench.typeAt("A2", String(FIRST_ID));
  await workbench.typeAt("B2", String(FIRST_TAX_CODE));
  await workbench.typeAt("A3", "=A2+1");
  await workbench.typeAt("B3", "=B2+2");
  await workbench.typeAt("C2", "=HALO.PAYLOAD($A$1:$B$1, A2:B2)");
  await expect(workbench.cell("C2")).toHaveText(expectedPayload(2));

  // Fill the values down with the Fill down command, then the payload formula with Ctrl+D.
  await workbench.goTo(`A3:B${lastRow}`);
  await workbench.page.getByTestId("fill-down").click();
  await workbench.goTo(`C2:C${lastRow}`);
  await workbench.page.keyboard.press("Control+d");
}
