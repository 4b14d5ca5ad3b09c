/* Takes docs/images/workbench.png: the workbench connected to a sandbox, with the Postman case typed
   and its payloads filled down. Run: npx tsx test/browser/screenshot.ts */
import path from "path";
import { chromium } from "@playwright/test";
import { VIEWPORT, chromiumLaunchOptions } from "./harness/chromium";
import { typePostmanCase } from "./harness/postmanCase";
import { startServers } from "./harness/servers";
import { WorkbenchPage } from "./harness/workbenchPage";

const OUTPUT = path.resolve(__dirname, "../../docs/images/workbench.png");

async function main(): Promise<void> {
  const servers = await startServers();
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    // tsx (esbuild keepNames) wraps functions passed to evaluate() in __name(...).
    await page.addInitScript("globalThis.__name = (target) => target;");
    const workbench = new WorkbenchPage(page, servers.baseUrl);
    await workbench.open();
    await typePostmanCase(workbench, 1001);
    await workbench.widenColumn("C", 300);
    await workbench.goTo("C7");
    await page.getByText("connected").waitFor();
    await page.screenshot({ path: OUTPUT });
    console.log(`wrote ${OUTPUT}`);
  } finally {
    await browser.close();
    await servers.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
