/* For scripts outside the test runner (the screenshots): the sandbox + workbench dev server, Debian's
   Chromium with the tests' launch options, and the workbench opened on a page; all closed afterwards. */
import { chromium, type Page } from "@playwright/test";
import { VIEWPORT, chromiumLaunchOptions } from "./chromium";
import { startServers, type Servers } from "./servers";
import { WorkbenchPage } from "./workbenchPage";

export interface ScriptSession {
  page: Page;
  workbench: WorkbenchPage;
  servers: Omit<Servers, "close">;
}

export async function withWorkbench(run: (session: ScriptSession) => Promise<void>): Promise<void> {
  const servers = await startServers();
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    // tsx (esbuild keepNames) wraps functions passed to evaluate() in __name(...).
    await page.addInitScript("globalThis.__name = (target) => target;");
    const workbench = new WorkbenchPage(page, servers.baseUrl);
    await workbench.open();
    await run({ page, workbench, servers });
  } finally {
    await browser.close();
    await servers.close();
  }
}

/** Runs a script's main and exits 1 with the error when it throws. */
export function runScript(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
