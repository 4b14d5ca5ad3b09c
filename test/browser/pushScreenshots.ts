/* Takes docs/images/push-preview.png, push-done.png and push-running.png: the Push panel in the
   workbench, signed in to a sandbox of its own (1,000 clients, 2,000 tickets), before a push of a
   pulled report with a few edits, after it (a row Halo refused, a conflict), and during a 2,000-row
   push waiting for Halo's rate limit. Run: npx tsx test/browser/pushScreenshots.ts */
import path from "path";
import { expect } from "@playwright/test";
import { startOwnSandbox, signInTo } from "./harness/ownSandbox";
import { pasteRows } from "./harness/pasteRows";
import { otherTaxCode, previewPush, pullClientsWithTaxCode, readValues } from "./harness/pushFlow";
import { runScript, withWorkbench } from "./harness/scriptBrowser";

const IMAGES = path.resolve(__dirname, "../../docs/images");
const POISON = "Acme (refused by Halo)";

runScript(() =>
  withWorkbench(async ({ page, workbench }) => {
    const sandbox = await startOwnSandbox({ seed: 4 });
    try {
      await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
      // Taller than the tests' window: the preview's summary, mapping, changes and cost in one picture.
      await page.setViewportSize({ width: 1400, height: 1100 });
      const pane = workbench.taskpane();
      await signInTo(pane, sandbox);
      await sandbox.setFaults(`poison=${POISON}`);

      // Preview: a pulled report with a few edits, one of them an error value.
      await pullClientsWithTaxCode(pane);
      const ids = (await readValues(pane, "A2:A1001")).map(([id]) => Number(id));
      const taxCode = (await sandbox.api<{ item_tax_code: number }>(`Client/${ids[4]}`)).item_tax_code;
      await workbench.typeAt("B2", POISON);
      await workbench.typeAt("B3", "Bolt Logistics Ltd");
      await workbench.typeAt("C4", "=1/0");
      await workbench.typeAt("C5", String(otherTaxCode(taxCode)));
      await workbench.typeAt("C6", String(otherTaxCode(taxCode)));
      await sandbox.post("Client", [{ id: ids[4], item_tax_code: otherTaxCode(otherTaxCode(taxCode)) }]);
      await workbench.goTo(`B2:C${ids.length + 1}`);
      await previewPush(pane, "Client");
      await pane.getByLabel("Requests").waitFor({ timeout: 60_000 });
      // The preview from its summary down (the pane scrolls as Excel's does).
      await pane.getByRole("region", { name: "Summary" }).evaluate((summary) => summary.scrollIntoView());
      await page.screenshot({ path: path.join(IMAGES, "push-preview.png") });

      // Done with failures: Halo refused one row, one was changed in Halo since the pull.
      await pane.getByRole("button", { name: "Push", exact: true }).click();
      await pane.getByRole("region", { name: "Result" }).waitFor({ timeout: 120_000 });
      await workbench.goTo("A1");
      await workbench.widenColumn("G", 260); // Halo's messages in full
      await page.screenshot({ path: path.join(IMAGES, "push-done.png") });
      await pane.getByRole("button", { name: "New push" }).click();

      // Running: 2,000 tickets on a sheet of their own, Halo's limit lowered so the run waits for it.
      await pane.evaluate(() =>
        Excel.run(async (context) => {
          context.workbook.worksheets.add("Ticket review").activate();
          await context.sync();
        }),
      );
      const tickets = Array.from({ length: 2000 }, (_, i) => 1001 + i);
      await pasteRows(workbench, [
        ["id", "summary"],
        ...tickets.map((id) => [id, `Reviewed in December (${id})`]),
      ]);
      await workbench.goTo("A1:B2001");
      await previewPush(pane, "Tickets");
      await pane.getByLabel("Requests").waitFor({ timeout: 60_000 });
      await sandbox.setRateLimit("4/5");
      await pane.getByRole("button", { name: "Push", exact: true }).click();
      const progress = pane.getByRole("region", { name: "Progress" });
      await expect(progress).toContainText(/[1-9]\d*00 of 2,000 rows done/, { timeout: 120_000 });
      // Once Halo's 429s have shown its limit: the time left counts it, and the pane says why.
      await expect(progress).toContainText(/Halo is allowing about/, { timeout: 120_000 });
      await expect(progress).toContainText(/Waiting \d+ s for Halo's rate limit/, { timeout: 120_000 });
      await page.screenshot({ path: path.join(IMAGES, "push-running.png") });
      await progress.getByRole("button", { name: "Cancel" }).click();
      await pane.getByRole("region", { name: "Result" }).waitFor({ timeout: 120_000 });
      console.log(`wrote push-preview.png, push-done.png, push-running.png in ${IMAGES}`);
    } finally {
      await sandbox.close();
    }
  }),
);
