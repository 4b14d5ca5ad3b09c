/** @jest-environment ./test/unit/taskpane/jsdomWithFetchEnvironment.js */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { DialogResult } from "../../../src/office/signInDialog";
import { createHaloClient } from "../../../src/halo/client";
import { HaloError } from "../../../src/halo/errors";
import { tokenKey } from "../../../src/halo/tokenStore";
import { RuntimeTokenStore } from "../../../src/office/runtimeTokenStore";
import { getSignedInClient, setSignedInClient } from "../../../src/runtime";
import { ConnectPanel } from "../../../src/taskpane/connect/ConnectPanel";
import type { ConnectServices } from "../../../src/taskpane/connect/connectServices";
import { FakeFetch, browserNetworkFailure, jsonResponse } from "../../fakes/fakeFetch";
import { MemoryStorage } from "./memoryStorage";

const INSTANCE = "https://acme.halopsa.com";
const ORIGIN = "https://localhost:3000";
const SECRET = "s3cr3t-value-never-stored";

interface Harness {
  fake: FakeFetch;
  storage: MemoryStorage;
  services: ConnectServices;
  dialogAddresses: string[];
}

function harness(answerDialog?: (authorizeUrl: string) => DialogResult): Harness {
  const fake = new FakeFetch();
  fake.on("GET", "/api/authinfo", () => jsonResponse(200, {}));
  fake.on("POST", "/auth/token", () =>
    jsonResponse(200, { access_token: "access-1", refresh_token: "refresh-1", expires_in: 3600 }),
  );
  const storage = new MemoryStorage();
  const dialogAddresses: string[] = [];
  const services: ConnectServices = {
    storage,
    origin: ORIGIN,
    fetch: fake.fetch,
    openSignInDialog: async (url) => {
      dialogAddresses.push(url);
      if (!answerDialog) throw new Error("no dialog expected");
      return answerDialog(url);
    },
  };
  return { fake, storage, services, dialogAddresses };
}

function show(services: ConnectServices): void {
  render(
    <FluentProvider theme={webLightTheme}>
      <ConnectPanel services={services} />
    </FluentProvider>,
  );
}

function type(label: RegExp, value: string): void {
  fireEvent.change(screen.getByRole("textbox", { name: label }), { target: { value } });
}

function fillSecretForm(instanceUrl: string, secret = SECRET): void {
  type(/^Instance URL/, instanceUrl);
  fireEvent.click(screen.getByRole("radio", { name: "Client ID + secret" }));
  type(/^Client ID/, "api-app");
  fireEvent.change(screen.getByLabelText(/^Client secret/), { target: { value: secret } });
}

function signIn(): void {
  fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
}

/** The message the Halo client itself gives for this fake, so the test does not restate its wording. */
async function signInFailure(fake: FakeFetch, instanceUrl: string): Promise<string> {
  const client = createHaloClient({
    instanceUrl,
    auth: { kind: "clientCredentials", clientId: "api-app", clientSecret: SECRET },
    fetch: fake.fetch,
    origin: ORIGIN,
    rateLimit: false,
  });
  const failure = await client.signIn().then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(failure instanceof HaloError)) throw new Error("expected the fake to make sign-in fail");
  return failure.message;
}

afterEach(() => setSignedInClient(undefined));

describe("Connect panel, client ID + secret", () => {
  it("signs in, publishes the client to the shared runtime and shows the instance", async () => {
    const { fake, services } = harness();
    show(services);
    fillSecretForm("acme.halopsa.com/api/");
    signIn();

    expect(await screen.findByText(`Connected to ${INSTANCE}`)).toBeTruthy();
    expect(getSignedInClient()?.instanceUrl).toBe(INSTANCE);
    const tokenRequest = fake.calls("POST", "/auth/token")[0].form();
    expect(tokenRequest.get("grant_type")).toBe("client_credentials");
    expect(tokenRequest.get("client_secret")).toBe(SECRET);
  });

  it("keeps the secret and its tokens out of storage, and remembers the instance and client id", async () => {
    const { storage, services } = harness();
    show(services);
    fillSecretForm(INSTANCE);
    signIn();
    await screen.findByText(`Connected to ${INSTANCE}`);

    await waitFor(() => expect(storage.text()).toContain("api-app"));
    expect(storage.text()).toContain(INSTANCE);
    expect(storage.text()).not.toContain(SECRET);
    expect(storage.text()).not.toContain("access-1");
  });

  it("shows the HTTPS rule for a plain-HTTP instance and sends nothing", async () => {
    const { fake, services } = harness();
    show(services);
    fillSecretForm("http://acme.halopsa.com");
    signIn();

    expect(
      await screen.findByText(/must be reached over HTTPS: use https:\/\/acme\.halopsa\.com/),
    ).toBeTruthy();
    expect(fake.requests).toHaveLength(0);
    expect(getSignedInClient()).toBeUndefined();
  });

  it("shows Halo's refusal of a wrong secret, without the secret", async () => {
    const { fake, services } = harness();
    fake.on("POST", "/auth/token", () =>
      jsonResponse(401, { error: "invalid_client", error_description: "Client authentication failed" }),
    );
    const expected = await signInFailure(fake, INSTANCE);
    show(services);
    fillSecretForm(INSTANCE, "wrong-secret");
    signIn();

    const shown = await screen.findByText(expected);
    expect(shown.textContent).not.toContain("wrong-secret");
    expect(getSignedInClient()).toBeUndefined();
    expect(screen.queryByText(/Connected to/)).toBeNull();
  });

  it("names the page origin to allow when the browser blocks the call (CORS)", async () => {
    const { fake, services } = harness();
    fake.on("POST", "/auth/token", () => browserNetworkFailure());
    const expected = await signInFailure(fake, INSTANCE);
    expect(expected).toContain(ORIGIN);
    show(services);
    fillSecretForm(INSTANCE);
    signIn();

    expect(await screen.findByText(expected)).toBeTruthy();
  });

  it("signs out: the runtime has no client and the form is back", async () => {
    const { services } = harness();
    show(services);
    fillSecretForm(INSTANCE);
    signIn();
    await screen.findByText(`Connected to ${INSTANCE}`);

    fireEvent.click(screen.getByRole("button", { name: "Sign out" }));
    expect(await screen.findByRole("button", { name: "Sign in" })).toBeTruthy();
    expect(getSignedInClient()).toBeUndefined();
    expect((screen.getByLabelText(/^Client secret/) as HTMLInputElement).value).toBe("");
  });

  it("opens prefilled with the last instance URL, method and client id", async () => {
    const { storage, services } = harness();
    await storage.setItem(
      "halosheet.lastConnection",
      JSON.stringify({ instanceUrl: INSTANCE, clientId: "api-app", method: "clientCredentials" }),
    );
    show(services);

    await waitFor(() =>
      expect((screen.getByRole("textbox", { name: /^Instance URL/ }) as HTMLInputElement).value).toBe(
        INSTANCE,
      ),
    );
    expect((screen.getByRole("textbox", { name: /^Client ID/ }) as HTMLInputElement).value).toBe("api-app");
    expect((screen.getByLabelText(/^Client secret/) as HTMLInputElement).value).toBe("");
  });
});

describe("Connect panel, sign in with Halo (PKCE)", () => {
  function answerWithCode(authorizeUrl: string): DialogResult {
    const state = new URL(authorizeUrl).searchParams.get("state") ?? "";
    return { type: "code", code: "code-1", state };
  }

  it("sends the redirect URI under the add-in's folder when it is hosted under a path", async () => {
    const { services, dialogAddresses } = harness(answerWithCode);
    show({ ...services, addinUrl: "https://addins.example.com/halosheet" });
    type(/^Instance URL/, INSTANCE);
    type(/^Client ID/, "native-app");
    signIn();

    expect(await screen.findByText(`Connected to ${INSTANCE}`)).toBeTruthy();
    expect(new URL(dialogAddresses[0]).searchParams.get("redirect_uri")).toBe(
      "https://addins.example.com/halosheet/dialog.html",
    );
  });

  it("opens Halo's authorize page, exchanges the code, keeps tokens in runtime storage, and signs out clean", async () => {
    const { fake, storage, services, dialogAddresses } = harness(answerWithCode);
    show(services);
    type(/^Instance URL/, INSTANCE);
    type(/^Client ID/, "native-app");
    signIn();

    expect(await screen.findByText(`Connected to ${INSTANCE}`)).toBeTruthy();
    const authorize = new URL(dialogAddresses[0]);
    expect(authorize.origin + authorize.pathname).toBe(`${INSTANCE}/auth/authorize`);
    expect(authorize.searchParams.get("redirect_uri")).toBe(`${ORIGIN}/dialog.html`);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    const exchange = fake.calls("POST", "/auth/token")[0].form();
    expect(exchange.get("grant_type")).toBe("authorization_code");
    expect(exchange.get("code")).toBe("code-1");
    expect(exchange.get("code_verifier")).toBeTruthy();
    expect(getSignedInClient()?.instanceUrl).toBe(INSTANCE);
    expect(storage.text()).toContain("refresh-1");

    fireEvent.click(screen.getByRole("button", { name: "Sign out" }));
    await screen.findByRole("button", { name: "Sign in" });
    await waitFor(() => expect(storage.text()).not.toContain("refresh-1"));
    expect(getSignedInClient()).toBeUndefined();
  });

  it("shows Halo's reason when the user denies access, and stays signed out", async () => {
    const { fake, services } = harness(() => ({
      type: "error",
      error: "access_denied",
      description: "The user denied access",
    }));
    show(services);
    type(/^Instance URL/, INSTANCE);
    type(/^Client ID/, "native-app");
    signIn();

    expect(await screen.findByText(/Sign-in was not completed: The user denied access/)).toBeTruthy();
    expect(fake.calls("POST", "/auth/token")).toHaveLength(0);
    expect(getSignedInClient()).toBeUndefined();
  });

  it("refuses an answer whose state does not match the request", async () => {
    const { fake, services } = harness(() => ({ type: "code", code: "code-1", state: "forged" }));
    show(services);
    type(/^Instance URL/, INSTANCE);
    type(/^Client ID/, "native-app");
    signIn();

    expect(await screen.findByText(/state mismatch/)).toBeTruthy();
    expect(fake.calls("POST", "/auth/token")).toHaveLength(0);
  });

  async function keepSignIn(storage: MemoryStorage): Promise<void> {
    await storage.setItem(
      "halosheet.lastConnection",
      JSON.stringify({ instanceUrl: INSTANCE, clientId: "native-app", method: "authorizationCode" }),
    );
    await new RuntimeTokenStore(storage).save(tokenKey(INSTANCE, "native-app"), {
      accessToken: "expired-access",
      tokenType: "Bearer",
      expiresAt: Date.now() - 1000,
      issuedAt: Date.now() - 3_601_000,
      refreshToken: "kept-refresh",
    });
  }

  it("reopening resumes the kept sign-in, renewing the expired token with the refresh token, without a dialog", async () => {
    const { fake, storage, services, dialogAddresses } = harness(answerWithCode);
    await keepSignIn(storage);
    show(services);

    expect(await screen.findByText(`Connected to ${INSTANCE}`)).toBeTruthy();
    expect(dialogAddresses).toHaveLength(0);
    const renewal = fake.calls("POST", "/auth/token")[0].form();
    expect(renewal.get("grant_type")).toBe("refresh_token");
    expect(renewal.get("refresh_token")).toBe("kept-refresh");
    expect(getSignedInClient()?.instanceUrl).toBe(INSTANCE);
  });

  it("a kept sign-in Halo no longer accepts shows why, and the form is ready to sign in again", async () => {
    const { fake, storage, services } = harness(answerWithCode);
    fake.on("POST", "/auth/token", () =>
      jsonResponse(400, { error: "invalid_grant", error_description: "Refresh token revoked" }),
    );
    await keepSignIn(storage);
    show(services);

    expect(
      await screen.findByText(/Your last sign-in could not be resumed: .*Refresh token revoked/),
    ).toBeTruthy();
    expect(getSignedInClient()).toBeUndefined();
    await waitFor(() =>
      expect((screen.getByRole("button", { name: "Sign in" }) as HTMLButtonElement).disabled).toBe(false),
    );
  });
});
