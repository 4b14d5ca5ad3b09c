/* One sandbox + workbench dev server for the whole run, started before the first worker: the webpack
   build is the slowest step on a 2-core machine, and a worker that restarts after a failed test (as
   Playwright restarts them) reuses it instead of building again. The workers read the URLs from the
   environment (see the `servers` fixture). */
import { startServers } from "./servers";

export const BASE_URL_VARIABLE = "HALOSHEET_BROWSER_TEST_BASE_URL";
export const SANDBOX_URL_VARIABLE = "HALOSHEET_BROWSER_TEST_SANDBOX_URL";

export default async function globalSetup(): Promise<() => Promise<void>> {
  const servers = await startServers();
  process.env[BASE_URL_VARIABLE] = servers.baseUrl;
  process.env[SANDBOX_URL_VARIABLE] = servers.sandboxUrl;
  return () => servers.close();
}
