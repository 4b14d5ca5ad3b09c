/* Takes docs/images/workbench.png: the workbench connected to a sandbox, with the Postman case typed
   and its payloads filled down. Run: npx tsx test/browser/screenshot.ts */
import path from "path";
import { startBrowserEnvironment } from "./harness/environment";
import { WorkbenchPage } from "./harness/workbenchPage";
import { typePostmanCase } from "./postmanCase";

const OUTPUT = path.resolve(__dirname, "../../docs/images/workbench.png");

async function main(): Promise<void> {
  const environment = await startBrowserEnvironment();
  try {
    const page = await environment.browser.context.newPage();
    const workbench = new WorkbenchPage(page, environment.baseUrl);
    await workbench.open();
    await typePostmanCase(workbench, 1001);
    await workbench.widenColumn("C", 300);
    await workbench.goTo("C7");
    await page.getByText("connected").waitFor();
    await page.screenshot({ path: OUTPUT });
    console.log(`wrote ${OUTPUT}`);
  } finally {
    await environment.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
