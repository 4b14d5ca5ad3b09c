/* Takes docs/images/workbench.png: the workbench connected to a sandbox, with the Postman case typed
   and its payloads filled down. Run: npx tsx test/browser/screenshot.ts */
import path from "path";
import { typePostmanCase } from "./harness/postmanCase";
import { runScript, withWorkbench } from "./harness/scriptBrowser";

const OUTPUT = path.resolve(__dirname, "../../docs/images/workbench.png");

runScript(() =>
  withWorkbench(async ({ page, workbench }) => {
    await typePostmanCase(workbench, 1001);
    await workbench.widenColumn("C", 300);
    await workbench.goTo("C7");
    await page.getByText("connected").waitFor();
    await page.screenshot({ path: OUTPUT });
    console.log(`wrote ${OUTPUT}`);
  }),
);
