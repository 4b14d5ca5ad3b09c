/** The `halosheet` bin as a user runs it: a child process, after npm install, with no build step. */
import { execFile, spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { startCliSandbox, type BulkSandbox } from "./bulkSandboxSetup";
import { secretEnv, signInArgs } from "./cliHarness";

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
  const pushArgs = (input: string, out: string, ...more: string[]): string[] => [
    "push",
    ...signInArgs(halo),
    ...["--entity", "Client", "--in", input, "--out", out, ...more],
  ];
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
    const ran = await runBin(pushArgs(input, out), secretEnv(halo));
    expect(ran.stderr).toMatch(/push: 2\/2 rows, 1 requests/);
    expect(ran.code).toBe(0);
    expect(await readFile(out, "utf8")).toBe(
      "id,name,Status,Message\n1,Bin one,Updated,Updated.\n2,Bin two,Updated,Updated.\n",
    );
  });

  it("Ctrl+C (SIGINT) lets the batch in flight finish and writes results.csv with the rest NotSent", async () => {
    await halo.setFaults("slow=1,slowms=300,methods=POST");
    const updatedBefore = (await halo.stats()).rowsWritten.updated;
    const input = join(dir, "many.csv");
    await writeFile(
      input,
      ["id,name", ...Array.from({ length: 100 }, (_, i) => `${i + 1},Sig ${i + 1}`)].join("\n"),
    );
    const out = join(dir, "many-out.csv");
    const child = spawn(process.execPath, [BIN, ...pushArgs(input, out, "--batch-size", "10")], {
      env: { ...process.env, ...secretEnv(halo) },
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (/ 1 requests/.test(stderr) && !child.killed) child.kill("SIGINT");
    });
    const code = await new Promise<number | null>((done) => child.on("exit", done));
    await halo.setFaults("");
    expect(stderr).toContain("push: interrupted");
    expect(code).toBe(1);
    const statuses = (await readFile(out, "utf8"))
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(",")[2]);
    // Every batch sent before the signal, and the one in flight, finished; none was sent after it.
    const firstNotSent = statuses.indexOf("NotSent");
    expect(firstNotSent % 10).toBe(0);
    expect(firstNotSent).toBeGreaterThanOrEqual(10);
    expect(statuses).toEqual([
      ...Array(firstNotSent).fill("Updated"),
      ...Array(100 - firstNotSent).fill("NotSent"),
    ]);
    expect((await halo.stats()).rowsWritten.updated - updatedBefore).toBe(firstNotSent);
  });
});
