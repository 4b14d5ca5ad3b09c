/* The Postman guide's case, typed by hand: id and item_tax_code headers, rows of values, one
   =HALO.PAYLOAD per row filled down 1,000 rows; then an edit flows through to the payloads. */
import assert from "node:assert/strict";
import type { BrowserTest } from "./harness/browserTest";
import { WorkbenchPage } from "./harness/workbenchPage";

const ROWS = 1000;
const FIRST_ID = 1001;
const FIRST_TAX_CODE = 7;

/** What the payload for sheet row `row` must be: Halo's JSON for the row, keys in header order. */
function expectedPayload(row: number, overrides: { item_tax_code?: number } = {}): string {
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
  await workbench.expectShown("C2", expectedPayload(2));

  // Fill the values down with the Fill down command, then the payload formula with Ctrl+D.
  await workbench.goTo(`A3:B${lastRow}`);
  await workbench.page.getByTestId("fill-down").click();
  await workbench.goTo(`C2:C${lastRow}`);
  await workbench.page.keyboard.press("Control+d");
}

export const postmanCaseTests: BrowserTest[] = [
  {
    name: "postman case: typed headers and values, HALO.PAYLOAD filled down 1,000 rows, edits recalculate",
    timeoutMs: 120_000,
    async run({ page, baseUrl }) {
      const workbench = new WorkbenchPage(page, baseUrl);
      await workbench.open();

      await typePostmanCase(workbench, ROWS + 1);

      // Every payload, through the Excel API in the task pane.
      const payloads = await workbench.readTexts(`C2:C${ROWS + 1}`);
      assert.equal(payloads.length, ROWS);
      payloads.forEach(([text], i) => assert.equal(text, expectedPayload(i + 2), `C${i + 2}`));

      // What the grid shows, at the top and after scrolling to the bottom.
      await workbench.goTo("C2");
      for (const row of [2, 3, 10]) await workbench.expectShown(`C${row}`, expectedPayload(row));
      await workbench.goTo(`C${ROWS + 1}`);
      await workbench.expectFormulaBar(
        new RegExp(`^=HALO\\.PAYLOAD\\(\\$A\\$1:\\$B\\$1, ?A${ROWS + 1}:B${ROWS + 1}\\)$`),
      );
      for (const row of [ROWS - 1, ROWS, ROWS + 1])
        await workbench.expectShown(`C${row}`, expectedPayload(row));

      // Edit a value: its payload and the payloads of the rows computed from it follow.
      await workbench.typeAt("B500", "99");
      await workbench.goTo("A490"); // scrolls up: rows 490 and below are on screen
      await workbench.expectShown("C500", expectedPayload(500, { item_tax_code: 99 }));
      await workbench.expectShown("C501", expectedPayload(501, { item_tax_code: 101 }));
      await workbench.expectShown("C499", expectedPayload(499));
    },
  },
];
