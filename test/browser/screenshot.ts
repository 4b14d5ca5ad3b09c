/* Takes docs/images/workbench.png: the workbench connected to a sandbox, with the Postman case typed
   and its payloads filled down. Run: npx tsx test/browser/screenshot.ts */
import path from "path";
import { startSandbox } from "../../sandbox/server";
import { startWorkbenchServer } from "../../workbench/ui/server/devServer";
import { launchChromium } from "./harness/chromium";
import { WorkbenchPage } from "./harness/workbenchPage";
import { typePostmanCase } from "./postmanCase";

const OUTPUT = path.resolve(__dirname, "../../docs/images/workbench.png");

async function main(): Promise<void> {
  const sandbox = await startSandbox({ port: 0 });
  const server = await startWorkbenchServer({
    port: 0,
    host: "127.0.0.1",
    sandboxUrl: sandbox.url,
    watch: false,
  });
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    const workbench = new WorkbenchPage(page, server.url);
    await workbench.open();
    await typePostmanCase(workbench, 1001);
    await workbench.widenColumn("C", 300);
    await workbench.goTo("C7");
    await page.getByText("connected").waitFor();
    await page.screenshot({ path: OUTPUT });
    console.log(`wrote ${OUTPUT}`);
  } finally {
    await browser.close();
    await server.close();
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
