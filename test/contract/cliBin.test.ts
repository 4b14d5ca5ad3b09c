/** The `halosheet` bin as a user runs it: a child process, after npm install, with no build step. */
import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { startCliSandbox, type BulkSandbox } from "./bulkSandboxSetup";

const BIN = resolve(__dirname, "../../bin/halosheet.cjs");

function runBin(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: unknown }).code ?? 1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

describe("halosheet bin", () => {
  let halo: BulkSandbox & { dir: string };
  let dir: string;
  beforeAll(async () => {
    halo = await startCliSandbox();
    dir = halo.dir;
  });
  afterAll(() => halo.close());

  it("prints usage", async () => {
    const ran = await runBin(["--help"], {});
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain("halosheet push --url <instance>");
  });

  it("pushes a CSV, with progress on stderr and the secret from HALO_CLIENT_SECRET", async () => {
    const input = join(dir, "in.csv");
    await writeFile(input, "id,name\n1,Bin one\n2,Bin two\n");
    const out = join(dir, "out.csv");
    const ran = await runBin(
      [
        "push",
        "--url",
        halo.sandbox.url,
        "--client-id",
        halo.sandbox.clientId,
        "--entity",
        "Client",
        "--in",
        input,
        "--out",
        out,
      ],
      { HALO_CLIENT_SECRET: halo.sandbox.clientSecret },
    );
    expect(ran.stderr).toMatch(/push: 2\/2 rows, 1 requests/);
    expect(ran.code).toBe(0);
    expect(await readFile(out, "utf8")).toBe(
      "id,name,Status,Message\n1,Bin one,Updated,Updated.\n2,Bin two,Updated,Updated.\n",
    );
  });
});
