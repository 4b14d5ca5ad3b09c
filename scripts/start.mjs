// npm start: the sandbox (a local Halo with demo data), the dev server and the workbench, in one
// process. Prints the workbench URL and opens it when a browser is available (BROWSER=none skips).
// Ctrl-C stops everything.
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tsImport } from "tsx/esm/api";

const require = createRequire(import.meta.url);
const { startWorkbenchServer } = require("../workbench/ui/server/devServer.js");

const DEV_SERVER_PORT = Number(process.env.npm_package_config_dev_server_port ?? 3000);
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 4010);

/** A browser can be opened unless the user said no or this is a machine without a display. */
function canOpenBrowser() {
  if ((process.env.BROWSER ?? "").toLowerCase() === "none" || process.env.CI) return false;
  if (process.platform === "linux") return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  return true;
}

async function openBrowser(url) {
  try {
    const { default: open } = await import("open");
    const child = await open(url);
    child.on("error", () => console.log(`Open ${url} in your browser.`));
  } catch {
    console.log(`Open ${url} in your browser.`);
  }
}

/** webpack-dev-server reports a busy port by crashing; say it plainly before starting anything. */
function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "localhost", () => probe.close(() => resolve(true)));
  });
}

async function main() {
  if (!(await portIsFree(DEV_SERVER_PORT))) {
    throw new Error(`Port ${DEV_SERVER_PORT} is in use (is npm start already running?). Stop that first.`);
  }
  const { startSandbox } = await tsImport("../sandbox/server.ts", import.meta.url);
  const sandbox = await startSandbox({ port: SANDBOX_PORT });
  // Demo credentials the user signs in with in the task pane; printed on purpose, as `npm run sandbox` does.
  console.log(
    `Halo sandbox: ${sandbox.url}  (client ID ${sandbox.clientId}, client secret ${sandbox.clientSecret})`,
  );

  let workbench;
  try {
    workbench = await startWorkbenchServer({
      port: DEV_SERVER_PORT,
      sandboxUrl: sandbox.url,
      liveReload: true,
    });
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  const url = `${workbench.url}/workbench.html`;
  console.log(`Workbench:    ${url}`);
  console.log("Press Ctrl-C to stop.");

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log("\nstopping");
    await Promise.allSettled([workbench.close(), sandbox.close()]);
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  if (canOpenBrowser()) await openBrowser(url);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
