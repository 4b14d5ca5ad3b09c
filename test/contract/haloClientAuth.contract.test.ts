/**
 * The client's auth paths against the sandbox's authorisation server: client credentials (form and
 * Basic), a refused secret, PKCE sign-in then refresh, renewal after the server expires a token, and
 * a missing scope reported as Permission naming it.
 */
import { createHaloClient, type HaloClient } from "../../src/halo/client";
import { beginAuthorization, completeAuthorization } from "../../src/halo/authorize";
import { discoverAuthServer } from "../../src/halo/authServer";
import { systemClock } from "../../src/halo/clock";
import type { AuthMethod, ClientCredentialsAuth } from "../../src/halo/auth";
import type { HttpContext } from "../../src/halo/http";
import type { TokenSet } from "../../src/halo/tokenStore";
import { startSandbox, type RunningSandbox } from "../../sandbox/server";
import type { StatsSnapshot } from "../../sandbox/stats";
import { haloRejection } from "../fakes/haloRejection";

const REDIRECT = "https://localhost:3000/dialog.html";
let now = Date.UTC(2026, 0, 1);
let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 0, rateLimit: 0, tokenTtl: 600, now: () => now });
});
afterAll(() => sandbox.close());

function credentials(overrides: Partial<ClientCredentialsAuth> = {}): ClientCredentialsAuth {
  return {
    kind: "clientCredentials",
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    ...overrides,
  };
}

function clientWith(auth: AuthMethod, initialTokens?: TokenSet): HaloClient {
  return createHaloClient({ instanceUrl: sandbox.url, auth, initialTokens, rateLimit: false });
}

async function tokenGrants(): Promise<Record<string, number>> {
  const stats = (await (await fetch(`${sandbox.url}/__sandbox/stats`)).json()) as StatsSnapshot;
  return stats.requests["POST /auth/token"] ?? {};
}

describe("the client signs in to the sandbox", () => {
  it.each(["form", "basic"] as const)("with client credentials sent as %s", async (secretIn) => {
    const client = clientWith(credentials({ secretIn }));
    await client.signIn();
    await expect(client.request("GET", "/Status")).resolves.toMatchObject({
      record_count: expect.any(Number),
    });
  });

  it("reports a wrong secret as Auth, without the secret", async () => {
    const client = clientWith(credentials({ clientSecret: "not-the-secret" }));
    const error = await haloRejection(client.signIn());
    expect(error.kind).toBe("Auth");
    expect(error.message).toContain("Invalid client secret");
    expect(error.message).not.toContain("not-the-secret");
  });

  it("with authorization code + PKCE, then refreshes when the sandbox expires the token", async () => {
    const http: HttpContext = {
      fetch: (input, init) => fetch(input, init),
      clock: systemClock,
      timeoutMs: 10_000,
    };
    const server = await discoverAuthServer(http, sandbox.url);
    const pending = await beginAuthorization(server, { clientId: sandbox.clientId, redirectUri: REDIRECT });
    // What pressing Allow on the consent page does: the page's form posts its parameters back.
    const form = new URLSearchParams(new URL(pending.url).searchParams);
    form.set("decision", "allow");
    const consent = await fetch(`${sandbox.url}/auth/authorize`, {
      method: "POST",
      body: form,
      redirect: "manual",
    });
    const callback = consent.headers.get("location") ?? "";
    expect(callback.startsWith(`${REDIRECT}?`)).toBe(true);
    const tokens = await completeAuthorization(http, pending, callback);
    expect(tokens.refreshToken).toEqual(expect.any(String));

    const pkce: AuthMethod = { kind: "authorizationCode", clientId: sandbox.clientId };
    await expect(clientWith(pkce).request("GET", "/Status")).rejects.toMatchObject({ kind: "Auth" });
    const signedIn = clientWith(pkce, tokens);
    await expect(signedIn.request("GET", "/Status")).resolves.toMatchObject({
      record_count: expect.any(Number),
    });

    const before = (await tokenGrants())["200"] ?? 0;
    now += 601_000; // the sandbox now rejects the access token: the client refreshes once and repeats
    await expect(signedIn.request("GET", "/Status")).resolves.toMatchObject({
      record_count: expect.any(Number),
    });
    expect((await tokenGrants())["200"]).toBe(before + 1);
  });

  it("turns a missing scope into a Permission error naming it", async () => {
    const reader = clientWith(credentials({ scope: "read:customers" }));
    await expect(reader.request("GET", "/Client")).resolves.toMatchObject({
      record_count: expect.any(Number),
    });
    const error = await haloRejection(reader.request("POST", "/Client", { body: [{ name: "New" }] }));
    expect(error.kind).toBe("Permission");
    expect(error.message).toContain('"edit:customers"');
  });
});
