import { DOMParser, type Element as XmlElement } from "@xmldom/xmldom";
import { existsSync, readFileSync } from "fs";
import path from "path";
import { productionBuild } from "./productionBuild";

const DEV_ORIGIN = "https://localhost:3000";
const manifestText = readFileSync("manifest.xml", "utf8");

function parse(text: string) {
  const errors: string[] = [];
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") errors.push(message);
    },
  });
  try {
    return { doc: parser.parseFromString(text, "text/xml"), errors };
  } catch (fatal) {
    return { doc: parser.parseFromString("<invalid/>", "text/xml"), errors: [...errors, String(fatal)] };
  }
}
const { doc, errors: parseErrors } = parse(manifestText);
const all = (tag: string): XmlElement[] => Array.from(doc.getElementsByTagName(tag));
const resourceUrl = (id: string): string | undefined =>
  [...all("bt:Url"), ...all("bt:Image")]
    .find((e) => e.getAttribute("id") === id)
    ?.getAttribute("DefaultValue") ?? undefined;

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(parseErrors).toEqual([]);
    expect(parse("<OfficeApp><Id></OfficeApp>").errors.length).toBeGreaterThan(0);
  });

  it("has a unique GUID id and a four-part version", () => {
    expect(all("Id")[0]?.textContent).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    );
    expect(all("Id")[0]?.textContent).not.toBe("00000000-0000-0000-0000-000000000000");
    expect(all("Version")[0]?.textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it("declares the SharedRuntime requirement and one long-lived runtime", () => {
    const sets = all("Set").map((s) => s.getAttribute("Name"));
    expect(sets).toEqual(expect.arrayContaining(["SharedRuntime", "CustomFunctionsRuntime"]));
    const runtimes = all("Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0]?.getAttribute("lifetime")).toBe("long");
  });

  it("uses the same runtime for the task pane, the custom functions and the ribbon commands", () => {
    const runtimeId = all("Runtime")[0]?.getAttribute("resid");
    expect(runtimeId).toBeTruthy();
    const functionsPage = all("Page")[0]?.getElementsByTagName("SourceLocation")[0]?.getAttribute("resid");
    const functionFile = all("FunctionFile")[0]?.getAttribute("resid");
    const paneActions = all("Action")
      .filter((a) => a.getAttribute("xsi:type") === "ShowTaskpane")
      .map((a) => a.getElementsByTagName("SourceLocation")[0]?.getAttribute("resid"));
    expect(functionsPage).toBe(runtimeId);
    expect(functionFile).toBe(runtimeId);
    expect(paneActions).toEqual([runtimeId]);
    expect(resourceUrl(runtimeId!)).toBe(all("SourceLocation")[0]?.getAttribute("DefaultValue"));
  });

  it("names the HALO custom functions namespace", () => {
    const namespaceId = all("Namespace")[0]?.getAttribute("resid");
    const value = all("bt:String")
      .find((s) => s.getAttribute("id") === namespaceId)
      ?.getAttribute("DefaultValue");
    expect(value).toBe("HALO");
  });

  it("has a resource for every resid it references", () => {
    const defined = new Set(
      [...all("bt:Url"), ...all("bt:Image"), ...all("bt:String")].map((e) => e.getAttribute("id")),
    );
    const referenced = manifestText.match(/resid="([^"]+)"/g)?.map((m) => m.slice(7, -1)) ?? [];
    expect(referenced.length).toBeGreaterThan(5);
    expect(referenced.filter((id) => !defined.has(id))).toEqual([]);
  });

  it("lists app domains over HTTPS only, including the Halo sign-in hosts", () => {
    const domains = all("AppDomain").map((d) => d.textContent ?? "");
    expect(domains.every((d) => d.startsWith("https://"))).toBe(true);
    expect(domains).toEqual(expect.arrayContaining(["https://*.halopsa.com"]));
  });

  describe("against the production build", () => {
    let dist: string;
    beforeAll(() => {
      dist = productionBuild();
    }, 120000);

    it("points every URL and icon at a file the build emits", () => {
      const urls = new Set<string>();
      for (const match of manifestText.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)) urls.add(match[1]!);
      expect(urls.size).toBeGreaterThan(5);
      for (const url of urls) {
        expect(url.startsWith(`${DEV_ORIGIN}/`)).toBe(true);
        const file = path.join(dist, new URL(url).pathname);
        expect([url, existsSync(file)]).toEqual([url, true]);
      }
    });

    it("emits icons at 16, 32, 64, 80 and 128 px", () => {
      for (const size of [16, 32, 64, 80, 128]) {
        const png = readFileSync(path.join(dist, "assets", `icon-${size}.png`));
        expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
      }
    });

    it("emits functions.json with the HALO functions and loads office.js from Office's CDN", () => {
      const metadata = JSON.parse(readFileSync(path.join(dist, "functions.json"), "utf8")) as {
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
      const taskpane = readFileSync(path.join(dist, "taskpane.html"), "utf8");
      expect(taskpane).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
      expect(taskpane).toMatch(/functions\.js/);
      expect(taskpane).toMatch(/taskpane\.js/);
    });
  });
});
