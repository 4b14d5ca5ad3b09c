/* npm start as a new user runs it: the sandbox and the workbench come up, the printed URL shows the
   workbench connected to the printed sandbox, and Ctrl-C (SIGINT) stops both. Free ports are chosen so
   the test never meets the suite's own servers or a user's running `npm start`. */
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { once } from "node:events";
import { expect, test } from "./harness/fixtures";
import { WorkbenchPage } from "./harness/workbenchPage";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

async function answers(url: string): Promise<boolean> {
  return fetch(url).then(
    () => true,
    () => false,
  );
}

test("npm start: prints the workbench and sandbox URLs, the workbench is connected, Ctrl-C stops both", async ({
  page,
}) => {
  test.slow(); // npm start builds the workbench again
  const [devPort, sandboxPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    env: {
      ...process.env,
      BROWSER: "none",
      npm_package_config_dev_server_port: String(devPort),
      SANDBOX_PORT: String(sandboxPort),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, "exit");
  try {
    await expect.poll(() => output, { timeout: 60_000 }).toMatch(/Press Ctrl-C to stop/);
    const workbenchUrl = /Workbench:\s+(\S+)/.exec(output)?.[1] ?? "";
    const sandboxUrl = /Halo sandbox:\s+(\S+)/.exec(output)?.[1];
    expect(workbenchUrl).toBe(`http://localhost:${devPort}/workbench.html`);
    expect(sandboxUrl).toBe(`http://127.0.0.1:${sandboxPort}`);

    const workbench = new WorkbenchPage(page, workbenchUrl.replace(/\/workbench\.html$/, ""));
    await workbench.open();
    await expect(page.getByTestId("sandbox-status")).toHaveText(`Sandbox ${sandboxUrl}: connected`);
    await page.goto("about:blank"); // the page lets go of the dev server (its live-reload socket)

    child.kill("SIGINT");
    const [code] = await exited;
    expect(code, output).toBe(0);
    expect(await answers(workbenchUrl), "the dev server still answers after Ctrl-C").toBe(false);
    expect(await answers(`${sandboxUrl}/api/authinfo`), "the sandbox still answers after Ctrl-C").toBe(false);
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
  }
});
