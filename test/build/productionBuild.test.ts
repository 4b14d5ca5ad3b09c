import { existsSync, mkdtempSync, readdirSync, readFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import packageInfo from "../../package.json";
import { HALO_CLOUD_ORIGINS } from "../../scripts/build/buildSettings";
import { checkManifest } from "../../scripts/build/checkManifest";
import { OFFICE_CDN } from "../../scripts/build/csp";
import { productionBuild, runProductionBuild, TEST_ORIGIN } from "./productionBuild";

const OFFICE_JS = `${OFFICE_CDN}/lib/1/hosted/office.js`;

describe("npm run build (production)", () => {
  let dist: string;
  const read = (file: string) => readFileSync(path.join(dist, file), "utf8");
  const pages = () => readdirSync(dist).filter((file) => file.endsWith(".html"));
  beforeAll(() => {
    dist = productionBuild();
  }, 240000);

  it("writes a manifest that passes every check on HALOSHEET_ORIGIN, with package.json's version", () => {
    const manifest = read("manifest.xml");
    const readFile = (file: string) =>
      existsSync(path.join(dist, file)) ? readFileSync(path.join(dist, file)) : undefined;
    expect(
      checkManifest(manifest, { origin: TEST_ORIGIN, readFile, functionsMetadata: read("functions.json") }),
    ).toEqual([]);
    expect(manifest).toContain(`<Version>${packageInfo.version}.0</Version>`);
    expect(manifest).not.toMatch(/localhost/);
    const domains = [...manifest.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1]);
    expect(domains).toEqual(["https://addins.example.com", ...HALO_CLOUD_ORIGINS]);
  });

  it("emits a file for every URL of the manifest", () => {
    const urls = [...read("manifest.xml").matchAll(/DefaultValue="(https:\/\/[^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      const file = path.join(dist, url.slice(TEST_ORIGIN.length));
      expect([url, url.startsWith(`${TEST_ORIGIN}/`) && existsSync(file)]).toEqual([url, true]);
    }
  });

  it("emits functions.json with the HALO functions, VERSION among them", () => {
    const metadata = JSON.parse(read("functions.json")) as {
      allowErrorForDataTypeAny?: boolean;
      functions: { id: string }[];
    };
    expect(metadata.functions.map((f) => f.id).sort()).toEqual([
      "ARRAY",
      "ID",
      "JSON",
      "PAYLOAD",
      "VALIDATE",
      "VERSION",
    ]);
    // HALO.* handle error values in their arguments themselves (see webpack.config.js).
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
  });

  it("loads office.js from Office's CDN and every other script and style from the add-in itself", () => {
    expect(read("taskpane.html")).toContain(OFFICE_JS);
    for (const page of pages()) {
      const references = [...read(page).matchAll(/\b(?:src|href)=["']?([^"'\s>]+)/g)].map((m) => m[1]!);
      const outside = references.filter((url) => /^(https?:)?\/\//.test(url) && url !== OFFICE_JS);
      expect([page, outside]).toEqual([page, []]);
      expect([page, /<script(?![^>]*\bsrc=)[^>]*>/.test(read(page))]).toEqual([page, false]);
    }
  });

  it("puts a Content-Security-Policy on every page: no eval, scripts from the add-in and Office, calls to the add-in and Halo", () => {
    expect(pages().sort()).toEqual(["commands.html", "dialog.html", "help.html", "taskpane.html"]);
    for (const page of pages()) {
      const policy = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/i.exec(read(page))?.[1];
      expect([page, policy !== undefined]).toEqual([page, true]);
      const directives = new Map(
        policy!
          .split(";")
          .map((d) => d.trim().split(/\s+/))
          .map(([name, ...sources]) => [name!, sources]),
      );
      expect(directives.get("script-src")).toEqual([`${TEST_ORIGIN}/`, OFFICE_CDN]);
      expect(directives.get("connect-src")).toEqual([`${TEST_ORIGIN}/`, ...HALO_CLOUD_ORIGINS]);
      expect(directives.get("default-src")).toEqual(["'self'"]);
      expect(directives.get("object-src")).toEqual(["'none'"]);
      expect(policy).not.toMatch(/unsafe-eval|localhost|127\.0\.0\.1/);
    }
  });

  it("publishes no source maps", () => {
    expect(readdirSync(dist, { recursive: true }).filter((file) => String(file).endsWith(".map"))).toEqual(
      [],
    );
    for (const script of readdirSync(dist).filter((file) => file.endsWith(".js")))
      expect([script, read(script).includes("sourceMappingURL")]).toEqual([script, false]);
  });
});

describe("npm run build without a usable HALOSHEET_ORIGIN", () => {
  const output = mkdtempSync(path.join(tmpdir(), "halosheet-refused-"));
  const refusal = (env: Record<string, string>): string => {
    try {
      runProductionBuild(env, output);
    } catch (error) {
      const failed = error as { status: number; stderr: string };
      return `exit ${failed.status}: ${failed.stderr}`;
    }
    return "built";
  };

  it("stops with a message saying how to set it, and writes nothing", () => {
    expect(refusal({})).toMatch(
      /^exit 2: [\s\S]*HALOSHEET_ORIGIN=https:\/\/addins\.example\.com\/halosheet npm run build/,
    );
    expect(readdirSync(output)).toEqual([]);
  }, 60000);

  it("stops on plain HTTP", () => {
    expect(refusal({ HALOSHEET_ORIGIN: "http://addins.example.com" })).toMatch(
      /^exit 2: [\s\S]*must start with https:\/\//,
    );
  }, 60000);
});
