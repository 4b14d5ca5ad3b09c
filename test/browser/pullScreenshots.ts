/* Takes docs/images/pull-idle.png, pull-running.png and pull-done.png: the Pull panel in the workbench,
   signed in to a sandbox, before, during and after a pull. Run: npx tsx test/browser/pullScreenshots.ts */
import path from "path";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "./harness/chromium";
import { startServers } from "./harness/servers";
import { signInWithSecret } from "./harness/signIn";
import { WorkbenchPage } from "./harness/workbenchPage";

const IMAGES = path.resolve(__dirname, "../../docs/images");

async function main(): Promise<void> {
  const environment = await startServers();
  const browser = await chromium.launch(chromiumLaunchOptions());
  const control = (route: string, body: unknown): Promise<Response> =>
    fetch(`${environment.sandboxUrl}/__sandbox/${route}`, { method: "POST", body: JSON.stringify(body) });
  try {
    // 10,000 clients: a report of all of them meets Halo's silent-cap check.
    await control("reset", { seed: 40 });
    const page = await browser.newPage();
    // tsx (esbuild keepNames) wraps functions passed to evaluate() in __name(...).
    await page.addInitScript("globalThis.__name = (target) => target;");
    await page.setViewportSize({ width: 1400, height: 900 });
    const workbench = new WorkbenchPage(page, environment.baseUrl);
    await workbench.open();
    const pane = workbench.taskpane();
    await signInWithSecret(pane, environment.sandboxUrl);
    const box = pane.getByRole("combobox", { name: /Saved report/ });
    await pane.getByText(/saved reports; type to search/).waitFor();
    await box.click();
    await box.fill("Clients with");
    await pane.getByRole("option", { name: /^Clients with tax code/ }).click();
    await page.screenshot({ path: path.join(IMAGES, "pull-idle.png") });

    // Running: all 10,000 clients (past the large-pull question), Halo answering slowly, after page 1.
    await pane.getByRole("tab", { name: "Entity" }).click();
    await pane.getByRole("button", { name: "Pull", exact: true }).click();
    await pane.getByRole("button", { name: "Pull anyway" }).waitFor({ timeout: 60_000 });
    await control("faults", "slow=1,slowms=8000,methods=GET");
    await pane.getByRole("button", { name: "Pull anyway" }).click();
    await pane.getByText(/Reading from Halo: [1-9][\d,]* of/).waitFor({ timeout: 120_000 });
    await page.screenshot({ path: path.join(IMAGES, "pull-running.png") });
    await pane.getByRole("button", { name: "Cancel" }).click();
    await pane.getByText(/Pull cancelled/).waitFor({ timeout: 60_000 });
    await control("faults", "");

    // Done with a warning: 10,000 rows by SQL, a round count Halo's cap may have cut.
    await pane.getByRole("tab", { name: "SQL" }).click();
    await pane
      .getByRole("textbox", { name: /SQL query/ })
      .fill("SELECT id, name, item_tax_code FROM Area ORDER BY id");
    await pane.getByRole("button", { name: "Pull", exact: true }).click();
    await pane.getByText(/rows from SQL query at/).waitFor({ timeout: 120_000 });
    await workbench.goTo("A1");
    await page.screenshot({ path: path.join(IMAGES, "pull-done.png") });
    console.log(`wrote pull-idle.png, pull-running.png, pull-done.png in ${IMAGES}`);
  } finally {
    await browser.close();
    await environment.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
