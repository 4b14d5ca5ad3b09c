/**
 * Issue 11: sign in, pull, push, fail on purpose (a row Halo refuses, a wrong secret), then search
 * everything the command line leaves behind (every file it wrote, stdout, stderr, console output)
 * for the client secret and every access token Halo issued: zero hits. The pane's side (workbook,
 * settings, storage, console, requests) is searched by test/browser/secretSearch.spec.ts.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { startCliSandbox, type BulkSandbox } from "./bulkSandboxSetup";
import { runCaptured, signInArgs } from "./cliHarness";

describe("the secret and the tokens are nowhere the command line writes", () => {
  let halo: BulkSandbox & { dir: string };
  beforeAll(async () => {
    halo = await startCliSandbox();
  });
  afterAll(() => halo.close());

  it("after a pull, a push with a refused row, and a wrong secret: zero hits", async () => {
    const tokens: string[] = [];
    // The real fetch, noting each access token the sandbox hands out.
    const fetchAndNote = async (input: string, init: RequestInit): Promise<Response> => {
      const response = await fetch(input, init);
      if (input.includes("/auth/token") && response.ok) {
        const body = (await response.clone().json()) as { access_token?: string; refresh_token?: string };
        if (body.access_token) tokens.push(body.access_token);
        if (body.refresh_token) tokens.push(body.refresh_token);
      }
      return response;
    };
    const printed: string[] = [];
    const consoleMethods = ["log", "info", "warn", "error", "debug"] as const;
    const spies = consoleMethods.map((method) =>
      jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        printed.push(args.map(String).join(" "));
      }),
    );
    const run = async (argv: string[], secret = halo.sandbox.clientSecret): Promise<number> => {
      const ran = await runCaptured([...argv, ...signInArgs(halo)], {
        env: { HALO_CLIENT_SECRET: secret },
        fetch: fetchAndNote,
      });
      printed.push(ran.stdout, ran.stderr);
      return ran.code;
    };
    try {
      const pulled = join(halo.dir, "pulled.csv");
      expect(await run(["pull", "--entity", "Client", "--out", pulled])).toBe(0);
      const rows = join(halo.dir, "rows.csv");
      await writeFile(rows, "id,name\n1,Renamed\n999999,No such client\n2,#N/A\n");
      const pushArgs = ["--entity", "Client", "--in", rows, "--out", join(halo.dir, "results.csv")];
      expect(await run(["push", ...pushArgs])).not.toBe(0);
      expect(await run(["push", ...pushArgs], "a-wrong-secret-value")).toBe(2);
      // The secret on the command line as well (it warns), failing on purpose.
      const badEntity = ["--entity", "Clientz", "--in", rows, "--out", join(halo.dir, "results-2.csv")];
      expect(await run(["push", "--client-secret", halo.sandbox.clientSecret, ...badEntity])).toBe(2);
    } finally {
      spies.forEach((spy) => spy.mockRestore());
    }

    expect(tokens.length).toBeGreaterThan(0);
    const files = await readdir(halo.dir);
    // The failed sign-in moved the first push's results aside (they are not that run's).
    expect(files).toEqual(expect.arrayContaining(["pulled.csv", "results.csv.previous"]));
    const texts = [...printed, ...(await Promise.all(files.map((f) => readFile(join(halo.dir, f), "utf8"))))];
    const everything = texts.join("\n");
    expect(everything).toContain("Renamed");
    for (const secret of [halo.sandbox.clientSecret, "a-wrong-secret-value", ...tokens]) {
      expect(everything.includes(secret)).toBe(false);
    }
  });
});
