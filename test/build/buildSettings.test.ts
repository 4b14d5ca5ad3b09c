import {
  BuildSettingsError,
  DEV_ORIGIN,
  HALO_CLOUD_ORIGINS,
  readBuildSettings,
} from "../../scripts/build/buildSettings";
import { contentSecurityPolicy } from "../../scripts/build/csp";
import { manifestVersion } from "../../scripts/build/manifest";

const production = (env: NodeJS.ProcessEnv) => readBuildSettings(env, false);

describe("build settings", () => {
  it("takes the add-in's origin from HALOSHEET_ORIGIN, without a trailing slash", () => {
    expect(production({ HALOSHEET_ORIGIN: "https://addins.example.com/halosheet/" })).toEqual({
      origin: "https://addins.example.com/halosheet",
      haloOrigins: HALO_CLOUD_ORIGINS,
      development: false,
    });
    expect(production({ HALOSHEET_ORIGIN: "https://addins.example.com" }).origin).toBe(
      "https://addins.example.com",
    );
  });

  it.each([
    [undefined, /needs the HTTPS address dist\/ will be served from/],
    ["  ", /needs the HTTPS address/],
    ["http://addins.example.com", /must start with https:\/\//],
    ["addins.example.com", /is not a URL/],
    ["https://addins.example.com/?v=1", /without \?query/],
    ["https://user:pw@addins.example.com", /without \?query, #fragment or user:password/],
  ])("refuses a production build with HALOSHEET_ORIGIN=%p", (origin, message) => {
    expect(() => production({ HALOSHEET_ORIGIN: origin })).toThrow(BuildSettingsError);
    expect(() => production({ HALOSHEET_ORIGIN: origin })).toThrow(message);
  });

  it("keeps localhost in development, whatever HALOSHEET_ORIGIN says", () => {
    expect(readBuildSettings({ HALOSHEET_ORIGIN: "https://addins.example.com" }, true).origin).toBe(
      DEV_ORIGIN,
    );
    expect(readBuildSettings({}, true).origin).toBe(DEV_ORIGIN);
  });

  it("replaces Halo's hosted domains with HALOSHEET_HALO_ORIGINS, and refuses paths and HTTP", () => {
    const settings = production({
      HALOSHEET_ORIGIN: "https://addins.example.com",
      HALOSHEET_HALO_ORIGINS: "https://halo.acme.com, https://*.halopsa.com/",
    });
    expect(settings.haloOrigins).toEqual(["https://halo.acme.com", "https://*.halopsa.com"]);
    for (const bad of ["http://halo.acme.com", "https://halo.acme.com/api", "halo.acme.com"])
      expect(() =>
        production({ HALOSHEET_ORIGIN: "https://a.example.com", HALOSHEET_HALO_ORIGINS: bad }),
      ).toThrow(/HALOSHEET_HALO_ORIGINS/);
  });

  it("gives the manifest package.json's version in four parts, and refuses a pre-release", () => {
    expect(manifestVersion("1.2.3")).toBe("1.2.3.0");
    expect(() => manifestVersion("1.2.3-beta.1")).toThrow(/x\.y\.z/);
  });
});

describe("the pages' Content-Security-Policy", () => {
  const directives = (policy: string) =>
    Object.fromEntries(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

  it("in production: scripts from the add-in's folder and Office's CDN, calls to the add-in and Halo only", () => {
    const policy = directives(
      contentSecurityPolicy({
        origin: "https://addins.example.com/halosheet",
        haloOrigins: ["https://halo.acme.com"],
        development: false,
      }),
    );
    expect(policy["script-src"]).toEqual([
      "https://addins.example.com/halosheet/",
      "https://appsforoffice.microsoft.com",
    ]);
    expect(policy["connect-src"]).toEqual(["https://addins.example.com/halosheet/", "https://halo.acme.com"]);
    expect(Object.values(policy).flat()).not.toContain("'unsafe-eval'");
  });

  it("in development: the dev server and the sandbox on any local port as well", () => {
    const policy = directives(
      contentSecurityPolicy({ origin: DEV_ORIGIN, haloOrigins: HALO_CLOUD_ORIGINS, development: true }),
    );
    expect(policy["script-src"]).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(policy["connect-src"]).toEqual(
      expect.arrayContaining(["'self'", "http://127.0.0.1:*", "http://localhost:*"]),
    );
    expect(Object.values(policy).flat()).not.toContain("'unsafe-eval'");
  });
});
