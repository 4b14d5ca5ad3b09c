/** `npm run sandbox` (tsx sandbox/main.ts): prints the URL and credentials, then `ready <url>`, and serves. */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startSandbox } from "../../sandbox/server";

const ROOT = path.join(__dirname, "../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");

function runCli(args: string[]): {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(TSX, ["sandbox/main.ts", ...args], { cwd: ROOT });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(predicate: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("sandbox CLI", () => {
  it("prints the URL, client id and secret, then ready <url>, and serves with the flags given", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "sandbox-cli-"));
    const dataFile = path.join(dataDir, "halo.sqlite");
    const cli = runCli([
      "--port",
      "0",
      "--seed",
      "0",
      "--client-id",
      "cli-app",
      "--client-secret",
      "cli-secret",
      "--token-ttl",
      "120",
      "--cors",
      "https://pane.example",
      "--rate-limit",
      "0",
      "--latency",
      "1-3",
      "--faults",
      "poison=#POISON",
      "--data",
      dataFile,
    ]);
    try {
      await waitFor(() => /^ready http:\/\/\S+$/m.test(cli.output()), 20_000);
      const url = /^ready (\S+)$/m.exec(cli.output())?.[1] ?? "";
      expect(cli.output()).toContain(`${url}\n`);
      expect(cli.output()).toContain("cli-app");
      const answer = await fetch(`${url}/auth/token`, {
        method: "POST",
        body: new URLSearchParams({
          grant_type: "client_credentials",
          client_id: "cli-app",
          client_secret: "cli-secret",
        }),
      });
      expect(answer.status).toBe(200);
      const token = (await answer.json()) as { access_token: string; expires_in: number };
      expect(token.expires_in).toBe(120);
      const headers = { authorization: `Bearer ${token.access_token}`, origin: "https://pane.example" };
      const list = await fetch(`${url}/api/Supplier`, { headers });
      expect(list.status).toBe(200);
      expect(list.headers.get("access-control-allow-origin")).toBe("https://pane.example");
      const poisoned = await fetch(`${url}/api/Supplier`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify([{ name: "#POISON" }]),
      });
      expect(poisoned.status).toBe(400);
      // The banner is the only place the secret is printed; no token ever is.
      expect(cli.output().split("cli-secret")).toHaveLength(2);
      expect(cli.output()).not.toContain(token.access_token);
    } finally {
      cli.child.kill("SIGTERM");
    }
    expect(await cli.exited).toBe(0);
    expect(existsSync(dataFile)).toBe(true);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("says plainly when the port is taken", async () => {
    const holder = await startSandbox({ port: 0, seed: 0 });
    try {
      const cli = runCli(["--port", String(holder.port), "--seed", "0"]);
      expect(await cli.exited).toBe(2);
      expect(cli.output()).toContain(`port ${holder.port} is already in use`);
      expect(cli.output()).not.toContain("    at ");
    } finally {
      await holder.close();
    }
  });

  it("exits with status 2 and the usage on an unknown option", async () => {
    const cli = runCli(["--colour", "blue"]);
    expect(await cli.exited).toBe(2);
    expect(cli.output()).toContain("--colour: unknown option");
    expect(cli.output()).toContain("Usage:");
  });
});
