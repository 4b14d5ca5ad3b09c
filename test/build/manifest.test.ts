import { existsSync, readFileSync } from "fs";
import path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata/lib/generate";
import packageInfo from "../../package.json";
import { DEV_ORIGIN, HALO_CLOUD_ORIGINS } from "../../scripts/build/buildSettings";
import { checkManifest, type ManifestExpectations } from "../../scripts/build/checkManifest";
import { renderManifest } from "../../scripts/build/manifest";

/** The repository's manifest.xml is the development manifest (npm run start:desktop sideloads it). */
const manifest = readFileSync("manifest.xml", "utf8");
const fromFolder =
  (root: string) =>
  (relativePath: string): Buffer | undefined => {
    const file = path.join(root, relativePath);
    return existsSync(file) ? readFileSync(file) : undefined;
  };

let functionsJson: string;
let development: ManifestExpectations;
beforeAll(async () => {
  functionsJson = (await generateCustomFunctionsMetadata("src/functions/functions.ts")).metadataJson;
  development = { origin: DEV_ORIGIN, readFile: fromFolder("."), functionsMetadata: functionsJson };
}, 60000);

const namespaceOf = (text: string) => /id="Functions\.Namespace" DefaultValue="([^"]+)"/.exec(text)?.[1];

describe("the development manifest (manifest.xml)", () => {
  it("passes every check, on localhost", () => {
    expect(checkManifest(manifest, development)).toEqual([]);
  });

  it("is what the development build writes: version from package.json, Halo's app domains", () => {
    expect(
      renderManifest(manifest, { origin: DEV_ORIGIN, haloOrigins: HALO_CLOUD_ORIGINS }, packageInfo.version),
    ).toBe(manifest);
    expect(manifest).toContain(`<Version>${packageInfo.version}.0</Version>`);
  });

  it("names the HALO namespace, and every HALO.* function the README shows is in functions.json", () => {
    expect(namespaceOf(manifest)).toBe("HALO");
    const ids = (JSON.parse(functionsJson) as { functions: { id: string }[] }).functions.map((f) => f.id);
    const documented = [...readFileSync("README.md", "utf8").matchAll(/=HALO\.([A-Z]+)\(/g)].map((m) => m[1]);
    expect(documented.length).toBeGreaterThan(3);
    expect(documented.filter((name) => !ids.includes(name!))).toEqual([]);
  });
});

describe("the manifest checks find each kind of defect", () => {
  const replaced = (from: string | RegExp, to: string) => {
    const changed = manifest.replace(from, to);
    expect(changed).not.toBe(manifest);
    return changed;
  };
  const cases: [string, () => string, RegExp, Partial<ManifestExpectations>?][] = [
    ["broken XML", () => replaced("</Hosts>", ""), /not well-formed/],
    [
      "the wrong namespace",
      () => replaced('xmlns="http://schemas.microsoft.com/office/appforoffice/1.1"', 'xmlns="urn:x"'),
      /root element/,
    ],
    [
      "bt: elements outside their namespace",
      () => replaced(/officeappbasictypes\/1\.0/, "officeappbasictypes/2.0"),
      /basic types namespace/,
    ],
    [
      "a resid that is not defined",
      () => replaced('resid="Group.Label"', 'resid="Group.Lable"'),
      /"Group\.Lable" is used but not defined/,
    ],
    [
      "a resource nothing uses",
      () => replaced("</bt:ShortStrings>", '<bt:String id="Spare" DefaultValue="x"/></bt:ShortStrings>'),
      /"Spare" is defined but no resid/,
    ],
    [
      "a resource defined twice",
      () =>
        replaced("</bt:ShortStrings>", '<bt:String id="Group.Label" DefaultValue="x"/></bt:ShortStrings>'),
      /"Group\.Label" is defined 2 times/,
    ],
    [
      "a resid over 32 characters",
      () => manifest.split("Group.Label").join("Group.Label.That.Is.Far.Too.Long.X"),
      /longer than 32/,
    ],
    [
      "plain HTTP",
      () => replaced('"https://localhost:3000/help.html"', '"http://localhost:3000/help.html"'),
      /is not HTTPS/,
    ],
    [
      "a URL on another origin",
      () => replaced('"https://localhost:3000/functions.js"', '"https://cdn.example.com/functions.js"'),
      /not under the add-in's origin/,
    ],
    [
      "an icon of the wrong size",
      () => replaced("assets/icon-80.png", "assets/icon-64.png"),
      /is 64x64; the manifest says 80x80/,
    ],
    ["a missing icon", () => replaced("assets/icon-16.png", "assets/icon-17.png"), /not a PNG file/],
    [
      "a second runtime page",
      () =>
        replaced('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="GetStarted.LearnMoreUrl"/>'),
      /FunctionFile .* not the shared runtime/,
    ],
    [
      "no SharedRuntime requirement",
      () => replaced('<Set Name="SharedRuntime" MinVersion="1.1"/>', ""),
      /the SharedRuntime set/,
    ],
    [
      "no ExcelApi requirement",
      () => replaced('<Set Name="ExcelApi" MinVersion="1.13"/>', ""),
      /the ExcelApi set at 1\.13 or later/,
    ],
    [
      "an ExcelApi requirement older than the code needs",
      () => replaced('<Set Name="ExcelApi" MinVersion="1.13"/>', '<Set Name="ExcelApi" MinVersion="1.9"/>'),
      /the ExcelApi set at 1\.13 or later/,
    ],
    ["an Id that is not a GUID", () => replaced(/<Id>[^<]+<\/Id>/, "<Id>halosheet</Id>"), /must be a GUID/],
    [
      "a three-part version",
      () => replaced(/<Version>[^<]+<\/Version>/, "<Version>1.0.0</Version>"),
      /four numbers/,
    ],
    [
      "a DisplayName over 125 characters",
      () => replaced('DisplayName DefaultValue="HaloSheet"', `DisplayName DefaultValue="${"H".repeat(126)}"`),
      /DisplayName is 126 characters; the limit is 125/,
    ],
    [
      "a Description over 250 characters",
      () => replaced(/<Description DefaultValue="[^"]+"/, `<Description DefaultValue="${"d".repeat(251)}"`),
      /Description is 251/,
    ],
    [
      "a short string over 125 characters",
      () => replaced('DefaultValue="HaloSheet is ready"', `DefaultValue="${"s".repeat(126)}"`),
      /Short string "GetStarted.Title" is 126/,
    ],
    [
      "a long string over 250 characters",
      () =>
        replaced(
          /id="OpenPane.Tooltip" DefaultValue="[^"]+"/,
          `id="OpenPane.Tooltip" DefaultValue="${"l".repeat(251)}"`,
        ),
      /Long string "OpenPane.Tooltip" is 251/,
    ],
    [
      "an AppDomain with a path",
      () =>
        replaced(
          "<AppDomain>https://*.halopsa.com</AppDomain>",
          "<AppDomain>https://*.halopsa.com/api</AppDomain>",
        ),
      /without a path/,
    ],
    [
      "functions.json naming the namespace again",
      () => manifest,
      /Excel would show HALO\.HALO\.PAYLOAD/,
      { functionsMetadata: '{"functions":[{"id":"PAYLOAD","name":"HALO.PAYLOAD"}]}' },
    ],
  ];
  const rows = cases.map(([name, broken, problem, overrides]) => ({ name, broken, problem, overrides }));
  it.each(rows)("$name", ({ broken, problem, overrides }) => {
    expect(checkManifest(broken(), { ...development, ...overrides }).join("\n")).toMatch(problem);
  });
});
