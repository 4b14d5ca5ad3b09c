/**
 * The halo sign-in entry the task pane uses: PKCE through an injected `authorize`, with failures
 * redacted by the client's own context, and the secret sign-in's checks before anything is sent.
 */
import {
  isHaloError,
  MemoryTokenStore,
  resumePkceSignIn,
  signInWithPkce,
  signInWithSecret,
  tokenKey,
} from "../../../src/halo";
import { FakeClock } from "../../fakes/fakeClock";
import { FakeFetch, jsonResponse, textResponse, type RecordedRequest } from "../../fakes/fakeFetch";
import { FAKE_CLIENT_ID, FAKE_INSTANCE } from "../../fakes/fakeHalo";

const REDIRECT = "https://addin.example/dialog.html";

function fakeFetch(token: (request: RecordedRequest) => Response): FakeFetch {
  const fetch = new FakeFetch();
  fetch.on("GET", "/api/authinfo", () => textResponse(404, "Not found"));
  fetch.on("POST", "/auth/token", token);
  return fetch;
}

/** Plays Halo's sign-in page: answers the authorize URL with a code and its state. */
function approve(authorizeUrl: string): Promise<string> {
  const state = new URL(authorizeUrl).searchParams.get("state") ?? "";
  return Promise.resolve(`${REDIRECT}?code=the-auth-code-42&state=${state}`);
}

describe("signInWithPkce", () => {
  it("exchanges the code with its verifier and returns a signed-in client keeping its tokens", async () => {
    const fetch = fakeFetch(() =>
      jsonResponse(200, { access_token: "pkce-access", refresh_token: "pkce-refresh", expires_in: 3600 }),
    );
    const tokenStore = new MemoryTokenStore();
    const client = await signInWithPkce({
      instanceUrl: "acme.halopsa.test",
      clientId: ` ${FAKE_CLIENT_ID} `,
      redirectUri: REDIRECT,
      tokenStore,
      authorize: approve,
      fetch: fetch.fetch,
      clock: new FakeClock(),
    });
    expect(client.instanceUrl).toBe(FAKE_INSTANCE);
    const [exchange] = fetch.calls("POST", "/auth/token");
    expect(exchange.form().get("code")).toBe("the-auth-code-42");
    expect(exchange.form().get("client_id")).toBe(FAKE_CLIENT_ID);
    expect(exchange.form().get("code_verifier")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await tokenStore.load(tokenKey(FAKE_INSTANCE, FAKE_CLIENT_ID)))?.refreshToken).toBe(
      "pkce-refresh",
    );
  });

  it("masks the code and verifier in a failed exchange's message (the client's redacting context)", async () => {
    let verifier = "";
    const fetch = fakeFetch((request) => {
      verifier = request.form().get("code_verifier") ?? "";
      throw new TypeError(`proxy could not forward ${verifier} for the-auth-code-42`);
    });
    const failure: unknown = await signInWithPkce({
      instanceUrl: FAKE_INSTANCE,
      clientId: FAKE_CLIENT_ID,
      redirectUri: REDIRECT,
      tokenStore: new MemoryTokenStore(),
      authorize: approve,
      fetch: fetch.fetch,
      clock: new FakeClock(),
    }).catch((error: unknown) => error);
    expect(isHaloError(failure)).toBe(true);
    const message = (failure as Error).message;
    expect(verifier).not.toBe("");
    expect(message).toContain("[redacted]");
    expect(message).not.toContain(verifier);
    expect(message).not.toContain("the-auth-code-42");
  });

  it("refuses an answer whose state does not match, without exchanging it", async () => {
    const fetch = fakeFetch(() => jsonResponse(200, { access_token: "never", expires_in: 3600 }));
    const forged = (): Promise<string> => Promise.resolve(`${REDIRECT}?code=stolen-code-1&state=forged`);
    await expect(
      signInWithPkce({
        instanceUrl: FAKE_INSTANCE,
        clientId: FAKE_CLIENT_ID,
        redirectUri: REDIRECT,
        tokenStore: new MemoryTokenStore(),
        authorize: forged,
        fetch: fetch.fetch,
        clock: new FakeClock(),
      }),
    ).rejects.toMatchObject({ kind: "Auth", message: expect.stringMatching(/state mismatch/) });
    expect(fetch.calls("POST", "/auth/token")).toHaveLength(0);
  });
});

describe("signInWithSecret", () => {
  it("asks for the client ID and the secret before sending anything", async () => {
    const fetch = fakeFetch(() => jsonResponse(200, { access_token: "t", expires_in: 3600 }));
    const form = { instanceUrl: FAKE_INSTANCE, fetch: fetch.fetch, clock: new FakeClock() };
    await expect(signInWithSecret({ ...form, clientId: " ", clientSecret: "x" })).rejects.toMatchObject({
      kind: "Config",
      message: expect.stringMatching(/client ID/),
    });
    await expect(signInWithSecret({ ...form, clientId: "id", clientSecret: "" })).rejects.toMatchObject({
      kind: "Config",
      message: expect.stringMatching(/client secret/),
    });
    expect(fetch.calls("POST", "/auth/token")).toHaveLength(0);
  });
});

describe("resumePkceSignIn", () => {
  it("gives undefined, sending nothing, when no tokens are kept", async () => {
    const fetch = fakeFetch(() => jsonResponse(200, { access_token: "t", expires_in: 3600 }));
    const resumed = await resumePkceSignIn({
      instanceUrl: FAKE_INSTANCE,
      clientId: FAKE_CLIENT_ID,
      tokenStore: new MemoryTokenStore(),
      fetch: fetch.fetch,
      clock: new FakeClock(),
    });
    expect(resumed).toBeUndefined();
    expect(fetch.calls("POST", "/auth/token")).toHaveLength(0);
  });
});
