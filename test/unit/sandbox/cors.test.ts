import { corsHeaders, preflightHeaders } from "../../../sandbox/cors";

const ALLOWED = ["https://localhost:3000"];

describe("CORS allow-list", () => {
  it("answers an allowed origin's preflight with the requested headers", () => {
    const headers = preflightHeaders("https://localhost:3000", ALLOWED, "authorization, content-type");
    expect(headers).toMatchObject({
      "Access-Control-Allow-Origin": "https://localhost:3000",
      "Access-Control-Allow-Headers": "authorization, content-type",
      Vary: "Origin",
    });
    expect(headers["Access-Control-Allow-Methods"]).toContain("POST");
  });

  it("gives a disallowed or missing origin no CORS headers at all", () => {
    expect(preflightHeaders("https://evil.example", ALLOWED, "authorization")).toEqual({});
    expect(corsHeaders("https://evil.example", ALLOWED)).toEqual({});
    expect(corsHeaders(undefined, ALLOWED)).toEqual({});
  });

  it("allows any origin with *", () => {
    expect(corsHeaders("https://anything.example", ["*"])["Access-Control-Allow-Origin"]).toBe(
      "https://anything.example",
    );
  });
});
