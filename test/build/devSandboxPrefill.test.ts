/**
 * npm start fills the Connect form in for the sandbox; a production build must not (issue 11). The
 * webpack config loads TypeScript through tsx, so it is evaluated in a child node process.
 */
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";

const ROOT = resolve(__dirname, "../..");

function definedSandbox(mode: string, env: Record<string, string> = {}): string | undefined {
  const script = `
    require("./webpack.config.js")({ sandboxUrl: "http://127.0.0.1:4010" }, { mode: ${JSON.stringify(mode)} })
      .then((config) => {
        const plugin = config.plugins.find((p) => p.definitions && "__HALOSHEET_DEV_SANDBOX__" in p.definitions);
        process.stdout.write(JSON.stringify(plugin ? plugin.definitions.__HALOSHEET_DEV_SANDBOX__ : "missing"));
      });`;
  const out = execFileSync(process.execPath, ["-e", script], { cwd: ROOT, env: { ...process.env, ...env } });
  return JSON.parse(out.toString()) as string | undefined;
}

describe("the sandbox prefill in the bundle", () => {
  it("a production build defines none", () => {
    expect(definedSandbox("production", { HALOSHEET_ORIGIN: "https://addins.example.com/halosheet" })).toBe(
      "null",
    );
  });

  it("a development build started with a sandbox defines only its URL and the demo client ID", () => {
    expect(JSON.parse(definedSandbox("development") ?? "null")).toEqual({
      instanceUrl: "http://127.0.0.1:4010",
      clientId: "halosheet-demo",
    });
  });
});
