/** Issue 11, defect 9 and 1: what a user reads when the server is not Halo, redirects, or quotes numbers. */
import { createHaloClient } from "../../../src/halo/client";
import { HaloError } from "../../../src/halo/errors";
import { Redactor, redactPatterns } from "../../../src/halo/redact";
import { errorFromResponse, isRedirect, redirectError } from "../../../src/halo/responseErrors";
import { FakeFetch, jsonResponse } from "../../fakes/fakeFetch";

const PAGE = `<!DOCTYPE html>\n<html><head><title>501 Not Implemented</title></head><body>${"<p>lorem ipsum</p>".repeat(200)}</body></html>`;

function htmlResponse(status: number): Response {
  return new Response(PAGE, { status, headers: { "content-type": "text/html" } });
}

async function failureOf(promise: Promise<unknown>): Promise<HaloError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof HaloError)) throw new Error(`expected a HaloError, got ${String(error)}`);
  return error;
}

function client(fake: FakeFetch) {
  fake.on("POST", "/auth/token", () => jsonResponse(200, { access_token: "token-abcdef", expires_in: 3600 }));
  return createHaloClient({
    instanceUrl: "https://not-halo.example",
    auth: { kind: "clientCredentials", clientId: "id", clientSecret: "secret-123456" },
    fetch: fake.fetch,
    authServer: { authUrl: "https://not-halo.example/auth" },
    rateLimit: false,
    retry: { maxAttempts: 1 },
  });
}

describe("a server that answers HTML", () => {
  it("an error page: 'this does not look like a Halo instance (it answered HTML)', no page dump", async () => {
    const fake = new FakeFetch().on("GET", "/api/Client", () => htmlResponse(501));
    const error = await failureOf(client(fake).request("GET", "/Client"));
    expect(error.message).toContain("this does not look like a Halo instance (it answered HTML)");
    expect(error.message).not.toMatch(/<|lorem|DOCTYPE/i);
  });

  it("a 200 web page instead of JSON: the same message", async () => {
    const fake = new FakeFetch().on("GET", "/api/Client", () => htmlResponse(200));
    const error = await failureOf(client(fake).request("GET", "/Client"));
    expect(error.message).toContain("this does not look like a Halo instance (it answered HTML)");
    expect(error.message).not.toMatch(/<|lorem/i);
  });

  it("the token endpoint answering a login page: the same message, as a sign-in failure", async () => {
    const fake = new FakeFetch();
    const c = client(fake);
    fake.on("POST", "/auth/token", () => htmlResponse(200));
    const error = await failureOf(c.signIn());
    expect(error.kind).toBe("Auth");
    expect(error.message).toContain("this does not look like a Halo instance (it answered HTML)");
  });

  it("a gateway's 503 page says Halo may be down, not that it is not Halo", () => {
    const error = errorFromResponse(
      { status: 503, body: PAGE, retryAfter: null },
      "GET /api/Client",
      0,
      new Redactor(),
    );
    expect(error.message).toMatch(/Halo may be down/);
    expect(error.message).not.toMatch(/lorem/);
  });
});

describe("redirect answers", () => {
  it("a browser's opaque redirect (status 0, no Location) is a redirect too, and still says what to do", () => {
    const opaque = { type: "opaqueredirect", status: 0, headers: new Headers() } as const;
    expect(isRedirect(opaque)).toBe(true);
    expect(isRedirect({ type: "basic", status: 200 })).toBe(false);
    const error = redirectError(
      { url: "https://acme.example/auth/token", label: "POST /auth/token" },
      opaque,
    );
    expect(error.kind).toBe("Config");
    expect(error.message).toContain("your instance URL redirects to another address: use that URL");
    expect(error.message).toContain("https://acme.example/auth/token");
  });

  it("names the instance the new location implies", () => {
    const moved = redirectError(
      { url: "https://old.example/api/Client?x=1", label: "GET /api/Client" },
      { status: 301, headers: new Headers({ location: "https://new.example/halo/api/Client?x=1" }) },
    );
    expect(moved.message).toContain("redirects to https://new.example/halo: use that URL");
    expect(moved.message).toContain("https://new.example/halo/api/Client");
  });
});

describe("redaction keeps ordinary numbers", () => {
  it.each([
    "Error code: 40123",
    "Error code 500: the record is locked",
    'Halo said {"code": 17, "message": "Duplicate"}',
    "postcode AB1 2CD, area code: 0161",
  ])("%s", (text) => {
    expect(redactPatterns(text)).toBe(text);
  });

  it("still masks authorization codes in URLs and JSON", () => {
    expect(redactPatterns("https://x/dialog.html?code=Zx81kLmQ2pW&state=s")).not.toContain("Zx81kLmQ2pW");
    expect(redactPatterns('{"code":"Zx81kLmQ2pW"}')).not.toContain("Zx81kLmQ2pW");
    expect(redactPatterns("password: hunter22")).not.toContain("hunter22");
  });
});
