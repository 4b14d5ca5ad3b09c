/**
 * The same client code runs in the task pane: src/halo is bundled by webpack for the browser (target
 * web, so an import of a Node module fails the build), then run in a bare JavaScript context that has
 * only the Web platform globals a task pane has (no process, Buffer, require, global), against a real
 * sandbox: sign in, page clients, run an SQL report, post, read back, and build a PKCE sign-in URL.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createContext, runInContext } from "node:vm";
import webpack from "webpack";
import type * as HaloModule from "../../../src/halo";
import { startSandbox, type RunningSandbox } from "../../../sandbox/server";

const ROOT = path.join(__dirname, "../../..");

function bundle(entry: string, outDir: string): Promise<string> {
  const compiler = webpack({
    mode: "none",
    target: "web",
    devtool: false,
    entry,
    output: { path: outDir, filename: "halo.js", library: { name: "Halo", type: "var" } },
    resolve: { extensions: [".ts", ".js", ".json"] },
    module: {
      rules: [{ test: /\.ts$/, use: { loader: "ts-loader", options: { transpileOnly: true } } }],
    },
  });
  return new Promise((resolve, reject) => {
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) reject(error);
      else if (stats?.hasErrors()) reject(new Error(stats.toString("errors-only")));
      else resolve(readFileSync(path.join(outDir, "halo.js"), "utf8"));
    });
  });
}

/** What a task pane page offers (all of it also in Node, so the bundle can run here). */
function browserGlobals(): Record<string, unknown> {
  return {
    fetch,
    Headers,
    Request,
    Response,
    URL,
    URLSearchParams,
    AbortController,
    AbortSignal,
    DOMException,
    TextEncoder,
    TextDecoder,
    crypto,
    btoa,
    atob,
    setTimeout,
    clearTimeout,
    console,
  };
}

let outDir: string;
let sandbox: RunningSandbox;
let halo: typeof HaloModule;

beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), "halo-web-"));
  const code = await bundle(path.join(ROOT, "src/halo/index.ts"), outDir);
  const context = createContext(browserGlobals());
  halo = runInContext(`${code}\n;Halo`, context) as typeof HaloModule;
  sandbox = await startSandbox({ port: 0 });
}, 60_000);

afterAll(async () => {
  await sandbox?.close();
  rmSync(outDir, { recursive: true, force: true });
});

describe("src/halo bundled for the browser", () => {
  it("has no Node globals in its context (so a use of one would fail here)", () => {
    const context = createContext(browserGlobals());
    expect(runInContext("[typeof process, typeof Buffer, typeof require, typeof global]", context)).toEqual([
      "undefined",
      "undefined",
      "undefined",
      "undefined",
    ]);
  });

  it("fails to bundle code that imports a Node module", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "halo-web-bad-"));
    try {
      await expect(bundle(path.join(ROOT, "test/fixtures/nodeOnlyModule.ts"), dir)).rejects.toThrow(
        /node:fs/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("signs in, pages clients, runs SQL, posts and reads back against the sandbox", async () => {
    const client = halo.createHaloClient({
      instanceUrl: sandbox.url,
      auth: { kind: "clientCredentials", clientId: sandbox.clientId, clientSecret: sandbox.clientSecret },
      rateLimit: { limit: 300, windowMs: 300_000 },
    });
    await client.signIn();
    const clients = await halo.listEntities(client, "Client");
    expect(clients.mismatch).toBeUndefined();
    expect(clients.rows).toHaveLength(clients.recordCount);

    const sql = await halo.runSql(client, "SELECT TOP 3 id, baseprice FROM Item ORDER BY id");
    expect(sql.rows).toHaveLength(3);
    expect(typeof sql.rows[0].baseprice).toBe("number");

    const [first, second] = clients.rows;
    const results = await halo.postEntities(client, "Client", [
      { id: first.id, website: "https://first.example" },
      { id: second.id, website: "https://second.example" },
    ]);
    expect(results.map((r) => r.id)).toEqual([first.id, second.id]);
    const reread = await halo.getEntity(client, "Client", Number(second.id));
    expect(reread.website).toBe("https://second.example");
    expect(client.rateLimitState()?.inWindow).toBeGreaterThan(clients.pages);

    const failure = await client.request("GET", "/Client/999999").catch((error: unknown) => error);
    expect(halo.isHaloError(failure) && failure.kind).toBe("NotFound");
  });

  it("builds a PKCE authorize URL with WebCrypto", async () => {
    const server = await halo.discoverAuthServer(
      { fetch: (input, init) => fetch(input, init), clock: halo.systemClock, timeoutMs: 10_000 },
      sandbox.url,
    );
    const pending = await halo.beginAuthorization(server, {
      clientId: sandbox.clientId,
      redirectUri: "https://localhost:3000/dialog.html",
    });
    const url = new URL(pending.url);
    expect(url.origin + url.pathname).toBe(`${sandbox.url}/auth/authorize`);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
