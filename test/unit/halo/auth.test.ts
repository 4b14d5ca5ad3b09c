import { createHash } from "node:crypto";
import { beginAuthorization, completeAuthorization } from "../../../src/halo/authorize";
import { discoverAuthServer } from "../../../src/halo/authServer";
import type { HttpContext } from "../../../src/halo/http";
import { MemoryTokenStore, tokenKey } from "../../../src/halo/tokenStore";
import { haloRejection } from "../../fakes/haloRejection";
import { FakeClock } from "../../fakes/fakeClock";
import { FakeFetch, jsonResponse, nodeNetworkFailure, textResponse } from "../../fakes/fakeFetch";
import { FAKE_CLIENT_ID, FAKE_INSTANCE, FAKE_SECRET, fakeHalo } from "../../fakes/fakeHalo";

function httpContext(fake: FakeFetch, clock = new FakeClock()): HttpContext {
  return { fetch: fake.fetch, clock, timeoutMs: 10_000 };
}

describe("auth server discovery (/api/authinfo)", () => {
  it("uses auth_url and tenant from authinfo", async () => {
    const fake = new FakeFetch().on("GET", "/api/authinfo", () =>
      jsonResponse(200, { auth_url: "https://auth.halopsa.test/", tenant_id: "acme" }),
    );
    await expect(discoverAuthServer(httpContext(fake), FAKE_INSTANCE)).resolves.toEqual({
      authUrl: "https://auth.halopsa.test",
      tenant: "acme",
    });
  });

  it.each([
    ["a 404", () => textResponse(404, "nope")],
    ["a body without auth_url or tenant", () => jsonResponse(200, { something: 1 })],
    ["a plain-HTTP auth_url", () => jsonResponse(200, { auth_url: "http://evil.test/auth" })],
    ["no answer", () => nodeNetworkFailure("ECONNREFUSED")],
  ])("falls back to <instance>/auth on %s", async (_name, responder) => {
    const fake = new FakeFetch().on("GET", "/api/authinfo", responder);
    await expect(discoverAuthServer(httpContext(fake), FAKE_INSTANCE)).resolves.toEqual({
      authUrl: `${FAKE_INSTANCE}/auth`,
    });
  });

  it("sends the tenant on token requests", async () => {
    const halo = fakeHalo();
    halo.fetch.on("GET", "/api/authinfo", () => jsonResponse(200, { tenant_id: "acme" }));
    halo.fetch.on("GET", "/api/Client", () => jsonResponse(200, []));
    await halo.client.request("GET", "/Client");
    expect(halo.tokenRequests()[0].url).toBe(`${FAKE_INSTANCE}/auth/token?tenant=acme`);
  });
});

describe("client credentials", () => {
  it("sends id and secret as form fields by default", async () => {
    const halo = fakeHalo();
    await halo.client.signIn();
    const [token] = halo.tokenRequests();
    expect(token.url).toBe(`${FAKE_INSTANCE}/auth/token`);
    expect(token.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(token.headers.authorization).toBeUndefined();
    expect(Object.fromEntries(token.form())).toEqual({
      grant_type: "client_credentials",
      scope: "all",
      client_id: FAKE_CLIENT_ID,
      client_secret: FAKE_SECRET,
    });
  });

  it("sends them as an HTTP Basic header when asked, and not in the body", async () => {
    const halo = fakeHalo({
      auth: {
        kind: "clientCredentials",
        clientId: "id with space",
        clientSecret: "p@ss:word",
        secretIn: "basic",
        scope: "read:customers edit:customers",
      },
    });
    await halo.client.signIn();
    const [token] = halo.tokenRequests();
    const basic = token.headers.authorization.replace(/^Basic /, "");
    expect(atob(basic)).toBe("id+with+space:p%40ss%3Aword");
    expect(Object.fromEntries(token.form())).toEqual({
      grant_type: "client_credentials",
      scope: "read:customers edit:customers",
    });
  });

  it("reports a refused sign-in as Auth with Halo's reason and without the secret", async () => {
    const halo = fakeHalo();
    halo.fetch.on("POST", "/auth/token", () =>
      jsonResponse(400, { error: "invalid_client", error_description: `bad secret ${FAKE_SECRET}` }),
    );
    const error = await haloRejection(halo.client.signIn());
    expect(error.kind).toBe("Auth");
    expect(error.message).toContain("bad secret");
    expect(error.message).not.toContain(FAKE_SECRET);
  });

  it("reports an answer without an access token as Auth", async () => {
    const halo = fakeHalo();
    halo.fetch.on("POST", "/auth/token", () => jsonResponse(200, { token_type: "Bearer" }));
    expect((await haloRejection(halo.client.signIn())).kind).toBe("Auth");
  });
});

describe("authorization code + PKCE", () => {
  const server = { authUrl: `${FAKE_INSTANCE}/auth`, tenant: "acme" };
  const redirectUri = "https://localhost:3000/dialog.html";

  it("builds the authorize URL with an S256 challenge of the verifier and a state", async () => {
    const pending = await beginAuthorization(server, { clientId: "native-app", redirectUri });
    const url = new URL(pending.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${FAKE_INSTANCE}/auth/authorize`);
    const params = Object.fromEntries(url.searchParams);
    expect(params).toMatchObject({
      tenant: "acme",
      response_type: "code",
      client_id: "native-app",
      redirect_uri: redirectUri,
      scope: "all offline_access",
      code_challenge_method: "S256",
      state: pending.state,
    });
    expect(params.code_challenge).toBe(createHash("sha256").update(pending.codeVerifier).digest("base64url"));
    expect(pending.state.length).toBeGreaterThanOrEqual(20);
    const other = await beginAuthorization(server, { clientId: "native-app", redirectUri });
    expect(other.state).not.toBe(pending.state);
  });

  it("exchanges the code with the verifier when the state matches", async () => {
    const fake = new FakeFetch().on("POST", "/auth/token", () =>
      jsonResponse(200, { access_token: "pk-access", refresh_token: "pk-refresh", expires_in: 600 }),
    );
    const clock = new FakeClock(5_000);
    const pending = await beginAuthorization(server, { clientId: "native-app", redirectUri });
    const tokens = await completeAuthorization(
      httpContext(fake, clock),
      pending,
      `${redirectUri}?code=the-code-123&state=${pending.state}`,
    );
    expect(tokens).toEqual({
      accessToken: "pk-access",
      refreshToken: "pk-refresh",
      tokenType: "Bearer",
      expiresAt: 5_000 + 600_000,
      issuedAt: 5_000,
    });
    const [request] = fake.calls("POST", "/auth/token");
    expect(request.url).toBe(`${FAKE_INSTANCE}/auth/token?tenant=acme`);
    expect(Object.fromEntries(request.form())).toEqual({
      grant_type: "authorization_code",
      code: "the-code-123",
      redirect_uri: redirectUri,
      client_id: "native-app",
      code_verifier: pending.codeVerifier,
    });
  });

  it("refuses a redirect whose state does not match, without calling the token endpoint", async () => {
    const fake = new FakeFetch();
    const pending = await beginAuthorization(server, { clientId: "native-app", redirectUri });
    const error = await haloRejection(
      completeAuthorization(httpContext(fake), pending, `${redirectUri}?code=x&state=forged`),
    );
    expect(error.kind).toBe("Auth");
    expect(error.message).toMatch(/state/);
    expect(fake.requests).toHaveLength(0);
  });

  it("reports a denied consent as Auth", async () => {
    const pending = await beginAuthorization(server, { clientId: "native-app", redirectUri });
    const error = await haloRejection(
      completeAuthorization(
        httpContext(new FakeFetch()),
        pending,
        `${redirectUri}?error=access_denied&error_description=User+said+no&state=${pending.state}`,
      ),
    );
    expect(error.kind).toBe("Auth");
    expect(error.message).toContain("User said no");
  });

  it("lets a client use PKCE tokens and refresh them with the refresh token (no secret)", async () => {
    const store = new MemoryTokenStore();
    const halo = fakeHalo({
      auth: { kind: "authorizationCode", clientId: "native-app" },
      tokenStore: store,
      initialTokens: {
        accessToken: "pk-1",
        tokenType: "Bearer",
        expiresAt: Date.UTC(2026, 0, 1) + 120_000,
        refreshToken: "rt-1",
      },
    });
    halo.fetch.on("GET", "/api/Client", () => jsonResponse(200, []));
    await halo.client.request("GET", "/Client");
    expect(halo.fetch.calls("GET", "/api/Client")[0].headers.authorization).toBe("Bearer pk-1");
    expect(halo.tokenRequests()).toHaveLength(0);

    await halo.clock.advance(61_000); // within a minute of expiry: refresh ahead
    await halo.client.request("GET", "/Client");
    const [refresh] = halo.tokenRequests();
    expect(Object.fromEntries(refresh.form())).toEqual({
      grant_type: "refresh_token",
      refresh_token: "rt-1",
      client_id: "native-app",
    });
    expect(halo.fetch.calls("GET", "/api/Client")[1].headers.authorization).toBe("Bearer token-1");
    // The refresh answer had no refresh token: the old one is kept for next time.
    expect((await store.load(tokenKey(FAKE_INSTANCE, "native-app")))?.refreshToken).toBe("rt-1");
  });

  it("asks for a new sign-in when the refresh token is refused", async () => {
    const store = new MemoryTokenStore();
    const halo = fakeHalo({
      auth: { kind: "authorizationCode", clientId: "native-app" },
      tokenStore: store,
      initialTokens: { accessToken: "pk-1", tokenType: "Bearer", expiresAt: 0, refreshToken: "rt-old" },
    });
    halo.fetch.on("POST", "/auth/token", () => jsonResponse(400, { error: "invalid_grant" }));
    const error = await haloRejection(halo.client.request("GET", "/Client"));
    expect(error.kind).toBe("Auth");
    expect(error.message).toMatch(/sign in again/);
    expect(await store.load(tokenKey(FAKE_INSTANCE, "native-app"))).toBeUndefined();
  });

  it("says 'not signed in' for a PKCE client without tokens", async () => {
    const halo = fakeHalo({ auth: { kind: "authorizationCode", clientId: "native-app" } });
    const error = await haloRejection(halo.client.request("GET", "/Client"));
    expect(error.kind).toBe("Auth");
    expect(error.message).toMatch(/Not signed in/);
    expect(halo.tokenRequests()).toHaveLength(0);
  });
});

describe("token lifetime", () => {
  it("reuses a token, then renews it ahead of expiry", async () => {
    const halo = fakeHalo({}, 3600);
    halo.fetch.on("GET", "/api/Client", () => jsonResponse(200, []));
    await halo.client.request("GET", "/Client");
    await halo.clock.advance(3_500_000);
    await halo.client.request("GET", "/Client");
    expect(halo.tokenRequests()).toHaveLength(1);
    await halo.clock.advance(50_000); // now 50 s before expiry: inside the 60 s margin
    await halo.client.request("GET", "/Client");
    expect(halo.tokenRequests()).toHaveLength(2);
    const auths = halo.fetch.calls("GET", "/api/Client").map((r) => r.headers.authorization);
    expect(auths).toEqual(["Bearer token-1", "Bearer token-1", "Bearer token-2"]);
  });

  it("renews a token shorter-lived than the margin halfway through its life, not before every request", async () => {
    const halo = fakeHalo({}, 30);
    halo.fetch.on("GET", "/api/Client", () => jsonResponse(200, []));
    await halo.client.request("GET", "/Client");
    await halo.clock.advance(14_000);
    await halo.client.request("GET", "/Client");
    expect(halo.tokenRequests()).toHaveLength(1);
    await halo.clock.advance(2_000); // 16 s of 30: past half its life
    await halo.client.request("GET", "/Client");
    expect(halo.tokenRequests()).toHaveLength(2);
  });

  it("refreshes with the refresh token when client credentials issued one, and re-signs in if it is refused", async () => {
    const halo = fakeHalo();
    let issued = 0;
    halo.fetch.on("POST", "/auth/token", (request) => {
      if (request.form().get("grant_type") === "refresh_token")
        return jsonResponse(401, { error: "invalid_grant" });
      return jsonResponse(200, {
        access_token: `cc-${++issued}`,
        refresh_token: `rt-${issued}`,
        expires_in: 100,
      });
    });
    halo.fetch.on("GET", "/api/Client", () => jsonResponse(200, []));
    await halo.client.request("GET", "/Client");
    await halo.clock.advance(100_000);
    await halo.client.request("GET", "/Client");
    const grants = halo.tokenRequests().map((r) => r.form().get("grant_type"));
    expect(grants).toEqual(["client_credentials", "refresh_token", "client_credentials"]);
    expect(halo.fetch.calls("GET", "/api/Client")[1].headers.authorization).toBe("Bearer cc-2");
  });

  it("shares one sign-in between concurrent requests", async () => {
    const halo = fakeHalo();
    halo.fetch.on("GET", "/api/Client", () => jsonResponse(200, []));
    await Promise.all(Array.from({ length: 5 }, () => halo.client.request("GET", "/Client")));
    expect(halo.tokenRequests()).toHaveLength(1);
  });

  it("keeps a shared sign-in going when the request that started it is cancelled", async () => {
    const halo = fakeHalo();
    halo.fetch.on("GET", "/api/Client", () => jsonResponse(200, ["ok"]));
    let answerToken: (() => void) | undefined;
    halo.fetch.on(
      "POST",
      "/auth/token",
      () =>
        new Promise<Response>((resolve) => {
          answerToken = () => resolve(jsonResponse(200, { access_token: "shared", expires_in: 3600 }));
        }),
    );
    const controller = new AbortController();
    const cancelled = halo.client.request("GET", "/Client", { signal: controller.signal });
    const other = halo.client.request("GET", "/Client");
    await halo.clock.advance(0);
    controller.abort(new Error("cancelled"));
    await expect(cancelled).rejects.toThrow("cancelled");
    answerToken?.();
    await expect(other).resolves.toEqual(["ok"]);
    expect(halo.tokenRequests()).toHaveLength(1);
    expect(halo.fetch.calls("GET", "/api/Client")).toHaveLength(1);
  });

  it("forgets tokens on signOut", async () => {
    const store = new MemoryTokenStore();
    const halo = fakeHalo({ tokenStore: store });
    await halo.client.signIn();
    expect(await store.load(tokenKey(FAKE_INSTANCE, FAKE_CLIENT_ID))).toBeDefined();
    await halo.client.signOut();
    expect(await store.load(tokenKey(FAKE_INSTANCE, FAKE_CLIENT_ID))).toBeUndefined();
  });
});

describe("401 handling", () => {
  it("renews the token once on a 401 and repeats the request", async () => {
    const halo = fakeHalo();
    halo.fetch.on("GET", "/api/Client", () => jsonResponse(200, [{ id: 1 }]));
    halo.fetch.once("GET", "/api/Client", () => textResponse(401, "token expired"));
    await expect(halo.client.request("GET", "/Client")).resolves.toEqual([{ id: 1 }]);
    expect(halo.tokenRequests()).toHaveLength(2);
    const auths = halo.fetch.calls("GET", "/api/Client").map((r) => r.headers.authorization);
    expect(auths).toEqual(["Bearer token-1", "Bearer token-2"]);
  });

  it("turns a second 401 into a Permission error naming the module and scope", async () => {
    const halo = fakeHalo();
    halo.fetch.on("POST", "/api/Client", () => textResponse(401, "Needs edit:customers."));
    const error = await haloRejection(halo.client.request("POST", "/Client", { body: [{ id: 1 }] }));
    expect(error.kind).toBe("Permission");
    expect(error.status).toBe(401);
    expect(error.message).toContain("Client");
    expect(error.message).toContain('"edit:customers"');
    expect(error.message).toContain("Configuration > Integrations > API");
    expect(error.message).toContain("Halo said: Needs edit:customers.");
    expect(halo.fetch.calls("POST", "/api/Client")).toHaveLength(2);
    expect(halo.tokenRequests()).toHaveLength(2);
  });

  it("reports 403 as Permission with the read scope for a GET", async () => {
    const halo = fakeHalo();
    halo.fetch.on("GET", "/api/Report/4", () => textResponse(403, ""));
    const error = await haloRejection(halo.client.request("GET", "/Report/4"));
    expect(error.kind).toBe("Permission");
    expect(error.message).toContain('"read:reporting"');
  });
});
