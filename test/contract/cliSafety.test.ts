/**
 * Issue 11's command-line defects against the sandbox: what is written, what is sent and what the
 * user reads for a failed sign-in, header-only, blank-row, ragged, non-UTF-8 and formula-looking input.
 */
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { countOf, startCliSandbox, type BulkSandbox } from "./bulkSandboxSetup";
import { runCaptured, runSignedIn, signInArgs, type CliRun } from "./cliHarness";

describe("halosheet: bad input, failed sign-in and the files it writes", () => {
  let halo: BulkSandbox & { dir: string };
  let ids: number[];

  beforeAll(async () => {
    halo = await startCliSandbox();
    ids = [...(await halo.records("Client")).keys()].slice(0, 5);
  });
  afterAll(() => halo.close());
  beforeEach(async () => {
    await fetch(`${halo.sandbox.url}/__sandbox/reset`, { method: "POST", body: "{}" });
  });

  const cli = (command: string, ...argv: string[]): Promise<CliRun> => runSignedIn(halo, command, argv);

  async function file(name: string, content: string | Buffer): Promise<string> {
    const path = join(halo.dir, name);
    await writeFile(path, content);
    return path;
  }

  const posts = async (): Promise<number> => countOf(await halo.stats(), "POST /api/Client");
  const nameOf = async (id: number): Promise<unknown> => (await halo.records("Client")).get(id)?.name;

  it("a failed sign-in writes no results file, and an earlier one is moved aside, not left as this run's", async () => {
    const input = await file("signin.csv", `id,name\n${ids[0]},x\n`);
    const fresh = join(halo.dir, "fresh-results.csv");
    const wrongSecret = { env: { HALO_CLIENT_SECRET: "wrong-secret" } };
    const pushTo = (out: string) => [
      "push",
      ...signInArgs(halo),
      "--entity",
      "Client",
      "--in",
      input,
      "--out",
      out,
    ];
    const first = await runCaptured(pushTo(fresh), wrongSecret);
    expect(first.code).toBe(2);
    expect(existsSync(fresh)).toBe(false);

    const old = await file("old-results.csv", `id,name,Status,Message\n${ids[0]},x,Updated,Updated.\n`);
    const second = await runCaptured(pushTo(old), wrongSecret);
    expect(second.code).toBe(2);
    expect(existsSync(old)).toBe(false);
    expect(await readFile(`${old}.previous`, "utf8")).toContain("Updated");
    expect(second.stderr).toContain(`the earlier ${old} is now ${old}.previous`);
    expect(await posts()).toBe(0);
  });

  it("a header-only file says 'nothing to push' and sends nothing", async () => {
    const input = await file("header-only.csv", "id,name\n\n\n");
    const ran = await cli("push", "--entity", "Client", "--in", input, "--out", join(halo.dir, "h.csv"));
    expect(ran.stderr).toContain("nothing to push");
    expect(ran.code).toBe(0);
    expect(await posts()).toBe(0);
  });

  it("trailing blank rows are ignored: a good push still exits 0", async () => {
    const input = await file("trailing.csv", `id,name\n${ids[0]},Trailing ok\n,\n\n,\n`);
    const out = join(halo.dir, "trailing-results.csv");
    const ran = await cli("push", "--entity", "Client", "--in", input, "--out", out);
    expect(ran.stderr).toContain("1 Updated");
    expect(ran.code).toBe(0);
  });

  it("a ragged row and a value under an empty header are row errors naming the cell; nothing of them is sent", async () => {
    const before = [await nameOf(ids[1]), await nameOf(ids[2])];
    const input = await file(
      "ragged.csv",
      `id,name,\n${ids[0]},Fine,\n${ids[1]},Ragged,,extra\n${ids[2]},Stray,under-no-header\n`,
    );
    const out = join(halo.dir, "ragged-results.csv");
    const ran = await cli("push", "--entity", "Client", "--in", input, "--out", out);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain("D3 has a value but its column has no header");
    expect(ran.stderr).toContain("C4 has a value but its column has no header");
    expect([await nameOf(ids[1]), await nameOf(ids[2])]).toEqual(before);
    expect(await nameOf(ids[0])).toBe("Fine");
    const rows = parse(await readFile(out, "utf8"), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.Status)).toEqual(["Updated", "Skipped", "Skipped"]);
  });

  it("a Latin-1 file is refused with the encoding named and nothing sent; --encoding sends it exactly", async () => {
    const input = await file("latin1.csv", Buffer.from(`id,name\n${ids[0]},Caf\xe9 Ltd\n`, "latin1"));
    const out = join(halo.dir, "latin1-results.csv");
    const refused = await cli("push", "--entity", "Client", "--in", input, "--out", out);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("is not UTF-8");
    expect(refused.stderr).toContain("--encoding windows-1252");
    expect(await posts()).toBe(0);
    const taken = await cli(
      "push",
      "--entity",
      "Client",
      "--in",
      input,
      "--out",
      out,
      "--encoding",
      "windows-1252",
    );
    expect(taken.code).toBe(0);
    expect(await nameOf(ids[0])).toBe("Café Ltd");
  });

  it("formula-looking values are neutralised in the pulled CSV and land in Halo exactly when pushed back", async () => {
    const values = ["=1+1", '=HYPERLINK("http://evil.example","click")', "+cmd|' /C calc'!A0", "@SUM(A1)"];
    const seed = await file(
      "formulas.csv",
      `id,name\n${ids.map((id, i) => `${id},"${(values[i] ?? "plain").replace(/"/g, '""')}"`).join("\n")}\n`,
    );
    expect(
      (await cli("push", "--entity", "Client", "--in", seed, "--out", join(halo.dir, "f.csv"))).code,
    ).toBe(0);
    expect(await nameOf(ids[0])).toBe("=1+1");

    const pulled = join(halo.dir, "pulled.csv");
    expect((await cli("pull", "--entity", "Client", "--out", pulled)).code).toBe(0);
    const text = await readFile(pulled, "utf8");
    const cells = (parse(text) as string[][]).flat();
    for (const value of values) {
      expect(cells).toContain(`'${value}`);
      expect(cells).not.toContain(value);
    }

    // The pulled file pushed back as it is: the names reach Halo without the quote.
    const back = await file("back.csv", text);
    const again = await cli("push", "--entity", "Client", "--in", back, "--out", join(halo.dir, "b.csv"));
    expect(again.code).toBe(0);
    expect(await nameOf(ids[0])).toBe("=1+1");
    expect(await nameOf(ids[1])).toBe(values[1]);
    expect(await nameOf(ids[3])).toBe("@SUM(A1)");
  });

  it("--client-secret on the command line works but warns; HALO_CLIENT_SECRET does not", async () => {
    const out = join(halo.dir, "warn.csv");
    const onLine = await runCaptured([
      "pull",
      ...signInArgs(halo),
      "--client-secret",
      halo.sandbox.clientSecret,
      "--entity",
      "Client",
      "--out",
      out,
    ]);
    expect(onLine.code).toBe(0);
    expect(onLine.stderr).toMatch(/warning: --client-secret shows in the process list.*HALO_CLIENT_SECRET/);
    expect(onLine.stderr).not.toContain(halo.sandbox.clientSecret);
    const fromEnv = await cli("pull", "--entity", "Client", "--out", out);
    expect(fromEnv.stderr).not.toContain("warning");
  });

  it("Halo's failures are said in words, never a bare NotFound: or Server: prefix", async () => {
    const ran = await cli("pull", "--report", "987654", "--out", join(halo.dir, "nf.csv"));
    expect(ran.code).toBe(2);
    expect(ran.stderr).not.toMatch(/halosheet: (NotFound|Server|Validation|RateLimited):/);
    expect(ran.stderr).toMatch(/halosheet: not found in Halo: /);
  });
});
