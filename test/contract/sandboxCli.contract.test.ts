/** `npm run sandbox` (tsx sandbox/main.ts): prints the URL and credentials, then `ready <url>`, and serves. */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";

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
  it("prints the URL, client id and secret, then ready <url>, and answers there", async () => {
    const cli = runCli([
      "--port",
      "0",
      "--seed",
      "0",
      "--client-id",
      "cli-app",
      "--client-secret",
      "cli-secret",
    ]);
    try {
      await waitFor(() => /^ready http:\/\/\S+$/m.test(cli.output()), 20_000);
      const url = /^ready (\S+)$/m.exec(cli.output())?.[1] ?? "";
      expect(cli.output()).toContain("cli-app");
      expect(cli.output()).toContain("cli-secret");
      const token = await fetch(`${url}/auth/token`, {
        method: "POST",
        body: new URLSearchParams({
          grant_type: "client_credentials",
          client_id: "cli-app",
          client_secret: "cli-secret",
        }),
      });
      expect(token.status).toBe(200);
    } finally {
      cli.child.kill("SIGTERM");
    }
    expect(await cli.exited).toBe(0);
  });

  it("exits with status 2 and the usage on an unknown option", async () => {
    const cli = runCli(["--colour", "blue"]);
    expect(await cli.exited).toBe(2);
    expect(cli.output()).toContain("--colour: unknown option");
    expect(cli.output()).toContain("Usage:");
  });
});
