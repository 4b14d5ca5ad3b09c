/* What the browser tests and the screenshot run against, as npm start sets it up: a sandbox with demo
   data, the dev server with the workbench connected to it, and a headless Chromium. */
import { startSandbox } from "../../../sandbox/server";
import { startWorkbenchServer } from "../../../workbench/ui/server/devServer";
import { launchChromium, type LaunchedBrowser } from "./chromium";

export interface BrowserEnvironment {
  /** The dev server's base URL. */
  baseUrl: string;
  sandboxUrl: string;
  browser: LaunchedBrowser;
  close(): Promise<void>;
}

export async function startBrowserEnvironment(): Promise<BrowserEnvironment> {
  // Ports are chosen by the system, so any origin may call this sandbox.
  const sandbox = await startSandbox({ port: 0, cors: "*" });
  const server = await startWorkbenchServer({
    port: 0,
    host: "127.0.0.1",
    sandboxUrl: sandbox.url,
    watch: false,
  });
  const browser = await launchChromium();
  return {
    baseUrl: server.url,
    sandboxUrl: sandbox.url,
    browser,
    async close() {
      await browser.close();
      await server.close();
      await sandbox.close();
    },
  };
}
