/**
 * The command line against the sandbox, in-process: the Done-when of issue 7 (2,000 clients in
 * ceil(2000 / batch) requests, 5 bad rows among 2,000, --dry-run sends no write), the results file,
 * and the exit codes.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { countOf, startCliSandbox, type BulkSandbox } from "./bulkSandboxSetup";
import { runCaptured, runSignedIn, signInArgs, type CliRun } from "./cliHarness";

describe("halosheet push and pull against the sandbox", () => {
  let halo: BulkSandbox & { dir: string };
  let dir: string;
  let ids: number[];
  const originalNames = new Map<number, string>();

  beforeAll(async () => {
    // Seed 9 holds a little over 2,000 clients.
    halo = await startCliSandbox({ seed: 9 });
    dir = halo.dir;
    const clients = await halo.records("Client");
    ids = [...clients.keys()].slice(0, 2000);
    for (const id of ids) originalNames.set(id, String(clients.get(id)?.name));
  });
  afterAll(() => halo.close());
  beforeEach(async () => {
    await fetch(`${halo.sandbox.url}/__sandbox/reset`, { method: "POST", body: JSON.stringify({ seed: 9 }) });
    await halo.setFaults("");
  });

  /** Runs a command against the sandbox, the secret in HALO_CLIENT_SECRET. */
  const cli = (command: string, ...argv: string[]): Promise<CliRun> => runSignedIn(halo, command, argv);

  async function writeRows(name: string, rows: (string | number)[][]): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, stringify([["id", "name"], ...rows]));
    return path;
  }

  async function results(path: string): Promise<Record<string, string>[]> {
    return parse(await readFile(path, "utf8"), { columns: true }) as Record<string, string>[];
  }

  it("updates 2,000 clients from a CSV in ceil(2000 / batch) requests", async () => {
    const input = await writeRows(
      "rename.csv",
      ids.map((id) => [id, `${originalNames.get(id)} (renamed)`]),
    );
    const out = join(dir, "rename-results.csv");
    const ran = await cli("push", "--entity", "Client", "--in", input, "--batch-size", "100", "--out", out);
    expect(ran.stderr).toContain("2000 Updated in 20 requests");
    expect(ran.code).toBe(0);
    const stats = await halo.stats();
    expect(countOf(stats, "POST /api/Client")).toBe(Math.ceil(2000 / 100));
    expect(stats.rowsWritten.updated).toBe(2000);
    const written = await results(out);
    expect(written).toHaveLength(2000);
    expect(Object.keys(written[0])).toEqual(["id", "name", "Status", "Message"]);
    expect(new Set(written.map((r) => r.Status))).toEqual(new Set(["Updated"]));
    const after = await halo.records("Client");
    expect(after.get(ids[1999])?.name).toBe(`${originalNames.get(ids[1999])} (renamed)`);
  });

  it("saves the 1,995 good rows of 2,000 and names the 5 bad ones", async () => {
    await halo.setFaults("poison=#POISON");
    const bad = new Set([ids[3], ids[404], ids[405], ids[1200], ids[1999]]);
    const input = await writeRows(
      "poisoned.csv",
      ids.map((id) => [id, bad.has(id) ? "#POISON" : `Good ${id}`]),
    );
    const out = join(dir, "poisoned-results.csv");
    const ran = await cli("push", "--entity", "Client", "--in", input, "--out", out);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain("1995 Updated, 5 Failed");
    const written = await results(out);
    const failed = written
      .map((r, i) => ({ id: r.id, Status: r.Status, Message: r.Message, rowNumber: i + 2 }))
      .filter((r) => r.Status === "Failed");
    expect(failed.map((r) => Number(r.id))).toEqual([...bad]);
    for (const r of failed) {
      expect(r.Message).not.toBe("");
      expect(ran.stderr).toContain(`push: row ${r.rowNumber}: Failed: ${r.Message}`);
    }
    const stats = await halo.stats();
    expect(stats.rowsWritten.updated).toBe(1995);
    // Bisection costs a few requests per bad row, not one per row.
    expect(countOf(stats, "POST /api/Client")).toBeLessThan(20 + 5 * 2 * 7);
    const after = await halo.records("Client");
    for (const id of ids)
      expect(after.get(id)?.name).toBe(bad.has(id) ? originalNames.get(id) : `Good ${id}`);
  });

  it("Ctrl+C finishes the batch in flight, marks the rest NotSent and still writes results.csv", async () => {
    const input = await writeRows(
      "interrupted.csv",
      ids.slice(0, 500).map((id) => [id, `Interrupted ${id}`]),
    );
    const out = join(dir, "interrupted-results.csv");
    let interrupt: (() => void) | undefined;
    let listening = false;
    const { code, stderr } = await runSignedIn(
      halo,
      "push",
      ["--entity", "Client", "--in", input, "--out", out],
      {
        // Ctrl+C as the first batch comes back (run.test covers a cancel during a send).
        onStderr: (text) => {
          if (/ 1 requests/.test(text)) interrupt?.();
        },
        onInterrupt: (handler) => {
          interrupt = handler;
          listening = true;
          return () => (listening = false);
        },
      },
    );
    expect(code).toBe(1);
    expect(listening).toBe(false);
    expect(stderr).toContain("push: interrupted: finishing the batch in flight");
    const written = await results(out);
    expect(written.map((r) => r.Status)).toEqual([
      ...Array(100).fill("Updated"),
      ...Array(400).fill("NotSent"),
    ]);
    expect(written[100].Message).toBe("Not sent: the run was cancelled.");
    const stats = await halo.stats();
    expect(countOf(stats, "POST /api/Client")).toBe(1);
    expect(stats.rowsWritten.updated).toBe(100);
  });

  it("--dry-run sends no write", async () => {
    const input = await writeRows(
      "dry.csv",
      ids.slice(0, 300).map((id) => [id, `Dry ${id}`]),
    );
    const out = join(dir, "dry-results.csv");
    const ran = await cli("push", "--entity", "Client", "--in", input, "--dry-run", "--out", out);
    expect(ran.code).toBe(0);
    const stats = await halo.stats();
    expect(countOf(stats, "POST /api/Client")).toBe(0);
    expect(stats.rowsWritten).toMatchObject({ created: 0, updated: 0 });
    expect(new Set((await results(out)).map((r) => r.Status))).toEqual(new Set(["WouldUpdate"]));
    expect(ran.stderr).toMatch(/Client has no validate-only flag/);
  });

  it("pull writes a CSV that push can use as input and as --snapshot (changed fields only)", async () => {
    const pulled = join(dir, "pulled.csv");
    const pull = await cli(
      "pull",
      "--sql",
      "SELECT id, name, item_tax_code FROM Area ORDER BY id",
      "--out",
      pulled,
    );
    expect(pull.code).toBe(0);
    const rows = parse(await readFile(pulled, "utf8")) as string[][];
    expect(rows[0]).toEqual(["id", "name", "item_tax_code"]);
    expect(rows.length - 1).toBeGreaterThanOrEqual(2000);
    const edited = rows.map((row, i) =>
      i >= 1 && i <= 10 ? [row[0], row[1], row[2] === "1" ? "2" : "1"] : row,
    );
    const input = join(dir, "edited.csv");
    await writeFile(input, stringify(edited));
    const out = join(dir, "edited-results.csv");
    const push = await cli("push", "--entity", "Client", "--in", input, "--snapshot", pulled, "--out", out);
    expect(push.code).toBe(0);
    const written = await results(out);
    expect(written.filter((r) => r.Status === "Updated")).toHaveLength(10);
    expect(written.filter((r) => r.Status === "Unchanged")).toHaveLength(rows.length - 11);
    const stats = await halo.stats();
    expect(countOf(stats, "POST /api/Client")).toBe(1);
    expect(stats.rowsWritten.updated).toBe(10);
  });

  it("pull --entity and --report write every row", async () => {
    const entityOut = join(dir, "clients.csv");
    const byEntity = await cli("pull", "--entity", "Client", "--out", entityOut);
    expect(byEntity.code).toBe(0);
    const clients = parse(await readFile(entityOut, "utf8"), { columns: true }) as Record<string, string>[];
    expect(clients.length).toBe((await halo.records("Client")).size);
    expect(clients[0].id).not.toBe("");
    const reportOut = join(dir, "report.csv");
    const byReport = await cli("pull", "--report", "Clients with tax code", "--out", reportOut);
    expect(byReport.code).toBe(0);
    expect((parse(await readFile(reportOut, "utf8")) as string[][])[0]).toContain("item_tax_code");
    const missing = await cli("pull", "--report", "No such report", "--out", reportOut);
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toContain('no saved report is named "No such report"');
  });

  it("exit code 2 with a clear message for a bad secret, no connection, or bad usage; the secret never shows", async () => {
    const input = await writeRows("small.csv", [[ids[0], "x"]]);
    const pushSmall = ["--entity", "Client", "--in", input, "--out", join(dir, "r.csv")];
    const badSecret = await runCaptured([
      "push",
      ...signInArgs(halo),
      "--client-secret",
      "wrong-secret-123",
      ...pushSmall,
    ]);
    expect(badSecret.code).toBe(2);
    expect(badSecret.stderr).toMatch(/sign-in failed/i);
    expect(badSecret.stderr).not.toContain("wrong-secret-123");

    const closed = await runCaptured(
      ["push", "--url", "http://127.0.0.1:9", "--client-id", "x", ...pushSmall],
      {
        env: { HALO_CLIENT_SECRET: "s" },
      },
    );
    expect(closed.code).toBe(2);
    expect(closed.stderr).toMatch(/127\.0\.0\.1:9/);

    const usage = await cli("push", "--entity", "Client");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("--in is required");
    const unknownEntity = await cli("push", "--entity", "Clientz", "--in", input);
    expect(unknownEntity.code).toBe(2);
    expect(unknownEntity.stderr).toContain('Unknown entity "Clientz"');

    // Plain HTTP is refused for anything but this machine, before any request.
    const plainHttp = await runCaptured(
      ["push", "--url", "http://acme.halo.invalid", "--client-id", "x", ...pushSmall],
      { env: { HALO_CLIENT_SECRET: "s" } },
    );
    expect(plainHttp.code).toBe(2);
    expect(plainHttp.stderr).toContain("HTTPS");

    // A results file that cannot be written stops the push before anything reaches Halo.
    const unwritable = join(dir, "no-such-folder", "results.csv");
    const noResults = await cli("push", "--entity", "Client", "--in", input, "--out", unwritable);
    expect(noResults.code).toBe(2);
    expect(noResults.stderr).toContain(`cannot write ${unwritable}: ENOENT`);
    expect(countOf(await halo.stats(), "POST /api/Client")).toBe(0);
  });
});
