/**
 * Issue 11, defect 2: a push killed part-way leaves every settled row's status on disk. The bin as a
 * user runs it, against the sandbox slowed down so the signal lands mid-push.
 */
import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parse } from "csv-parse/sync";
import { startCliSandbox, type BulkSandbox } from "./bulkSandboxSetup";
import { secretEnv, signInArgs } from "./cliHarness";

const BIN = resolve(__dirname, "../../bin/halosheet.cjs");

describe("halosheet push stopped by a signal", () => {
  let halo: BulkSandbox & { dir: string };
  beforeAll(async () => {
    halo = await startCliSandbox();
  });
  afterAll(() => halo.close());
  afterEach(() => halo.setFaults(""));

  /** Starts a push of 100 rows in batches of 10 and sends `signal` once `ready` matches stderr. */
  async function pushUntil(name: string, signal: NodeJS.Signals, ready: RegExp) {
    await halo.setFaults("slow=1,slowms=300,methods=POST");
    const updatedBefore = (await halo.stats()).rowsWritten.updated;
    const input = join(halo.dir, `${name}.csv`);
    await writeFile(
      input,
      ["id,name", ...Array.from({ length: 100 }, (_, i) => `${i + 1},${name} ${i + 1}`)].join("\n"),
    );
    const out = join(halo.dir, `${name}-results.csv`);
    const args = ["push", ...signInArgs(halo)];
    const child = spawn(
      process.execPath,
      [BIN, ...args, "--entity", "Client", "--in", input, "--out", out, "--batch-size", "10"],
      { env: { ...process.env, ...secretEnv(halo) } },
    );
    let stderr = "";
    let sent = false;
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!sent && ready.test(stderr)) {
        sent = true;
        child.kill(signal);
      }
    });
    const code = await new Promise<number | null>((done) => child.on("exit", (c) => done(c)));
    const rows = parse(await readFile(out, "utf8"), { columns: true }) as Record<string, string>[];
    const written = (await halo.stats()).rowsWritten.updated - updatedBefore;
    return { code, stderr, rows, written };
  }

  it("SIGTERM is handled like Ctrl+C: the batch in flight finishes, the rest is NotSent, every row has a status", async () => {
    const { code, stderr, rows, written } = await pushUntil("term", "SIGTERM", / 1 requests/);
    expect(stderr).toContain("push: interrupted");
    expect(code).toBe(1);
    expect(rows).toHaveLength(100);
    const updated = rows.filter((r) => r.Status === "Updated").length;
    expect(updated).toBe(written);
    expect(updated).toBeGreaterThanOrEqual(10);
    expect(rows.slice(updated).every((r) => r.Status === "NotSent")).toBe(true);
  });

  it("SIGKILL mid-push (no chance to clean up): every row Halo answered for is already in the results file", async () => {
    const { code, rows } = await pushUntil("kill", "SIGKILL", /push: 20\/100 rows/);
    expect(code).toBeNull();
    const updated = rows.filter((r) => r.Status === "Updated");
    expect(updated.length).toBeGreaterThanOrEqual(20);
    expect(updated.every((r) => r.name.startsWith("kill "))).toBe(true);
  });
});
