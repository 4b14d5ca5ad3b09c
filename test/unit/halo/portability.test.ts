/**
 * src/halo runs unchanged in the task pane (a browser) and in Node: it may import only its own
 * files, and must not use Node-only globals.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = join(__dirname, "../../../src/halo");
const sources = readdirSync(dir)
  .filter((name) => name.endsWith(".ts"))
  .map((name) => ({ name, text: readFileSync(join(dir, name), "utf8") }));

const NODE_ONLY = /\b(process\.|Buffer\b|require\(|__dirname|__filename|setImmediate\b|global\.)/;

describe("src/halo portability", () => {
  it("has source files to check", () => {
    expect(sources.length).toBeGreaterThan(10);
  });

  it.each(sources.map((s) => [s.name, s.text]))("%s imports only its own modules", (_name, text) => {
    const specifiers = [...text.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);
    expect(specifiers.filter((s) => !s.startsWith("./"))).toEqual([]);
  });

  it.each(sources.map((s) => [s.name, s.text]))("%s uses no Node-only globals", (_name, text) => {
    const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    expect(code).not.toMatch(NODE_ONLY);
  });
});
