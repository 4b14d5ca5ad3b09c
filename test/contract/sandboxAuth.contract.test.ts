/** The sandbox's authorisation server: every grant, PKCE checks, expiry and scopes. */
import { createHash, randomBytes } from "node:crypto";
import { startSandbox, type RunningSandbox } from "../../sandbox/server";
import { api, call, clientCredentials } from "./sandboxHttp";

let now = Date.UTC(2026, 0, 1);
let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, rateLimit: 0, tokenTtl: 60, seed: 0, now: () => now });
});
afterAll(() => sandbox.close());

const REDIRECT = "https://localhost:3000/dialog.html";

function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

function authorizeParams(challenge: string, extra: Record<string, string> = {}): URLSearchParams {
  return new URLSearchParams({
    response_type: "code",
    client_id: sandbox.clientId,
    redirect_uri: REDIRECT,
    scope: "all offline_access",
    state: "st-123",
    code_challenge: challenge,
    code_challenge_method: "S256",
    ...extra,
  });
}

/** What pressing Allow (or Deny) on the consent page does: POST the form, read the redirect. */
async function consent(params: URLSearchParams, decision: "allow" | "deny"): Promise<URL> {
  const form = new URLSearchParams(params);
  form.set("decision", decision);
  const response = await fetch(`${sandbox.url}/auth/authorize`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: form.toString(),
    redirect: "manual",
  });
  expect(response.status).toBe(302);
  return new URL(response.headers.get("location") ?? "");
}

function token(form: Record<string, string>) {
  return call(`${sandbox.url}/auth/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
  });
}

describe("sandbox auth", () => {
  it("discovers the auth server with /api/authinfo (no token needed)", async () => {
    const answer = await call(`${sandbox.url}/api/authinfo`);
    expect(answer.status).toBe(200);
    expect(answer.json()).toMatchObject({ auth_url: `${sandbox.url}/auth` });
  });

  it("client credentials with form fields or Basic; a wrong secret is invalid_client", async () => {
    for (const basic of [false, true]) {
      const answer = await clientCredentials(sandbox, { basic });
      expect(answer.status).toBe(200);
      expect(answer.json()).toMatchObject({ token_type: "Bearer", expires_in: 60, scope: "all" });
    }
    const wrong = await clientCredentials(sandbox, { basic: true, secret: "nope" });
    expect(wrong.status).toBe(400);
    expect(wrong.json()).toMatchObject({ error: "invalid_client" });
    expect(wrong.text).not.toContain("nope");
    const unreadable = await clientCredentials(sandbox, { basic: true, secret: "50%off" });
    expect(unreadable.status).toBe(400);
    expect(unreadable.json()).toMatchObject({ error: "invalid_client" });
    expect((await token({ grant_type: "password", client_id: sandbox.clientId })).json()).toMatchObject({
      error: "unsupported_grant_type",
    });
  });

  it("authorization code with PKCE: consent page, redirect with code and state, exchange, refresh", async () => {
    const { verifier, challenge } = pkcePair();
    const params = authorizeParams(challenge);
    const page = await call(`${sandbox.url}/auth/authorize?${params.toString()}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.text).toContain('value="allow"');

    const redirect = await consent(params, "allow");
    expect(`${redirect.origin}${redirect.pathname}`).toBe(REDIRECT);
    expect(redirect.searchParams.get("state")).toBe("st-123");
    const code = redirect.searchParams.get("code") ?? "";
    const exchange = {
      grant_type: "authorization_code",
      client_id: sandbox.clientId,
      code,
      redirect_uri: REDIRECT,
    };

    const badVerifier = await token({ ...exchange, code_verifier: pkcePair().verifier });
    expect(badVerifier.json()).toMatchObject({ error: "invalid_grant" });

    // The failed attempt used the code up; a fresh one with the right verifier succeeds.
    const again = await consent(params, "allow");
    const tokens = await token({
      ...exchange,
      code: again.searchParams.get("code") ?? "",
      code_verifier: verifier,
    });
    expect(tokens.status).toBe(200);
    const issued = tokens.json<{ access_token: string; refresh_token: string }>();
    expect(issued.refresh_token).toEqual(expect.any(String));
    expect((await api(sandbox, issued.access_token, "GET", "/Report")).status).toBe(200);

    const refreshed = await token({
      grant_type: "refresh_token",
      client_id: sandbox.clientId,
      refresh_token: issued.refresh_token,
    });
    expect(refreshed.status).toBe(200);
    const reused = await token({
      grant_type: "refresh_token",
      client_id: sandbox.clientId,
      refresh_token: issued.refresh_token,
    });
    expect(reused.json()).toMatchObject({ error: "invalid_grant" });
  });

  it("Deny, a missing S256 challenge, or an unknown client never yields a code", async () => {
    const params = authorizeParams(pkcePair().challenge);
    const denied = await consent(params, "deny");
    expect(denied.searchParams.get("error")).toBe("access_denied");
    expect(denied.searchParams.get("code")).toBeNull();

    const plain = await fetch(
      `${sandbox.url}/auth/authorize?${authorizeParams("x", { code_challenge_method: "plain" })}`,
      {
        redirect: "manual",
      },
    );
    expect(new URL(plain.headers.get("location") ?? "").searchParams.get("error")).toBe("invalid_request");

    const unknown = await call(
      `${sandbox.url}/auth/authorize?${authorizeParams("x", { client_id: "other" })}`,
    );
    expect(unknown.status).toBe(400);
  });

  it("an expired token gets 401 with WWW-Authenticate invalid_token", async () => {
    const access = (await clientCredentials(sandbox)).json<{ access_token: string }>().access_token;
    expect((await api(sandbox, access, "GET", "/Client")).status).toBe(200);
    now += 61_000;
    const expired = await api(sandbox, access, "GET", "/Client");
    expect(expired.status).toBe(401);
    expect(expired.headers.get("www-authenticate")).toContain('error="invalid_token"');
    expect((await call(`${sandbox.url}/api/Client`)).status).toBe(401);
  });

  it("a token without the module's scope gets 401 naming the scope", async () => {
    const reader = (await clientCredentials(sandbox, { scope: "read:customers" })).json<{
      access_token: string;
    }>().access_token;
    expect((await api(sandbox, reader, "GET", "/Client")).status).toBe(200);
    const write = await api(sandbox, reader, "POST", "/Client", [{ name: "New" }]);
    expect(write.status).toBe(401);
    expect(write.headers.get("www-authenticate")).toContain("insufficient_scope");
    expect(write.text).toContain("edit:customers");
    expect((await api(sandbox, reader, "GET", "/Report")).status).toBe(401);
    expect((await clientCredentials(sandbox, { scope: "everything" })).json()).toMatchObject({
      error: "invalid_scope",
    });
  });
});
