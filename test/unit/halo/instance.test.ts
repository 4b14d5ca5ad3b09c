import { apiBase, normaliseInstanceUrl } from "../../../src/halo/instance";
import { HaloError } from "../../../src/halo/errors";

describe("normaliseInstanceUrl", () => {
  it.each([
    ["acme.halopsa.com", "https://acme.halopsa.com"],
    ["  ACME.HaloPSA.com  ", "https://acme.halopsa.com"],
    ["https://acme.halopsa.com/", "https://acme.halopsa.com"],
    ["https://acme.halopsa.com/api", "https://acme.halopsa.com"],
    ["https://acme.halopsa.com/api/", "https://acme.halopsa.com"],
    ["acme.halopsa.com/auth", "https://acme.halopsa.com"],
    ["https://acme.halopsa.com/api?x=1#frag", "https://acme.halopsa.com"],
    ["https://halo.example.org/halo/api", "https://halo.example.org/halo"],
    ["https://acme.halopsa.com:8443", "https://acme.halopsa.com:8443"],
    ["http://localhost:4010", "http://localhost:4010"],
    ["http://127.0.0.1:4010/api/", "http://127.0.0.1:4010"],
    ["localhost:4010", "http://localhost:4010"],
    ["127.0.0.1:4010/api", "http://127.0.0.1:4010"],
    ["https://localhost:4443", "https://localhost:4443"],
  ])("%s -> %s", (input, expected) => {
    expect(normaliseInstanceUrl(input)).toBe(expected);
  });

  it.each([
    "http://acme.halopsa.com",
    "ftp://acme.halopsa.com",
    "",
    "https://",
    "https://user:pw@acme.halopsa.com",
  ])("rejects %j with a Config error", (input) => {
    let caught: unknown;
    try {
      normaliseInstanceUrl(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(HaloError);
    expect((caught as HaloError).kind).toBe("Config");
  });

  it("tells the user to use HTTPS for a plain-HTTP remote host", () => {
    expect(() => normaliseInstanceUrl("http://acme.halopsa.com")).toThrow(/https:\/\/acme\.halopsa\.com/);
  });

  it("builds the API base", () => {
    expect(apiBase("https://acme.halopsa.com")).toBe("https://acme.halopsa.com/api");
  });
});
