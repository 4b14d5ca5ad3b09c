/** @jest-environment ./test/unit/taskpane/jsdomWithFetchEnvironment.js */
/**
 * Issue 11, the Connect panel: an unreachable host is not called a CORS problem, the latest error
 * replaces the one before at the top of the form as an alert, and npm start fills in the sandbox.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { setSignedInClient } from "../../../src/runtime";
import { saveConnection } from "../../../src/office/savedConnection";
import { ConnectPanel } from "../../../src/taskpane/connect/ConnectPanel";
import type { ConnectServices } from "../../../src/taskpane/connect/connectServices";
import { FakeFetch, browserNetworkFailure, jsonResponse, textResponse } from "../../fakes/fakeFetch";
import { MemoryStorage } from "./memoryStorage";

const ORIGIN = "https://localhost:3000";

function setUp(extra: Partial<ConnectServices> = {}) {
  const fake = new FakeFetch();
  const modes: (string | undefined)[] = [];
  const services: ConnectServices = {
    storage: new MemoryStorage(),
    origin: ORIGIN,
    fetch: (input, init) => {
      modes.push(init.mode);
      return fake.fetch(input, init);
    },
    openSignInDialog: () => Promise.reject(new Error("no dialog expected")),
    ...extra,
  };
  render(
    <FluentProvider theme={webLightTheme}>
      <ConnectPanel services={services} />
    </FluentProvider>,
  );
  return { fake, modes, services };
}

const isProbe = (url: string): boolean => new URL(url).pathname === "/";

function signInWithSecret(instanceUrl: string): void {
  fireEvent.change(screen.getByRole("textbox", { name: /^Instance URL/ }), {
    target: { value: instanceUrl },
  });
  fireEvent.click(screen.getByRole("radio", { name: "Client ID + secret" }));
  fireEvent.change(screen.getByRole("textbox", { name: /^Client ID/ }), { target: { value: "api-app" } });
  fireEvent.change(screen.getByLabelText(/^Client secret/), { target: { value: "secret-value" } });
  fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
}

afterEach(() => setSignedInClient(undefined));

describe("Connect panel: why a call was blocked", () => {
  it("a host that does not answer (wrong port, down) is reported as unreachable, not as CORS", async () => {
    const { fake, modes } = setUp();
    fake.on("GET", /./, () => browserNetworkFailure());
    fake.on("POST", /./, () => browserNetworkFailure());
    signInWithSecret("https://acme.halopsa.com:8443");

    const alert = await screen.findByRole("alert");
    await waitFor(() => expect(alert.textContent).toContain("Nothing answers at acme.halopsa.com:8443"));
    expect(alert.textContent).not.toMatch(/CORS origins|allow calls from/);
    expect(modes).toContain("no-cors");
    const probe = fake.requests.find((r) => isProbe(r.url));
    expect(probe?.headers.authorization).toBeUndefined();
    expect(probe?.body).toBeUndefined();
  });

  it("a host that answers the probe but blocks the call is the CORS problem, naming the origin to allow", async () => {
    const { fake } = setUp();
    fake.on("GET", /./, () => browserNetworkFailure());
    fake.on("POST", /./, () => browserNetworkFailure());
    fake.on("GET", isProbe, () => textResponse(200, ""));
    signInWithSecret("acme.halopsa.com");

    const alert = await screen.findByRole("alert");
    await waitFor(() => expect(alert.textContent).toContain(`add ${ORIGIN} to its allowed CORS origins`));
  });
});

describe("Connect panel: the error shown", () => {
  it("the latest error replaces the previous one, at the top of the form, as an alert", async () => {
    const { fake } = setUp();
    fake.on("GET", "/api/authinfo", () => jsonResponse(200, {}));
    fake.on("POST", "/auth/token", () => jsonResponse(401, { error_description: "first refusal" }));
    signInWithSecret("acme.halopsa.com");
    await screen.findByText(/first refusal/);

    fake.on("POST", "/auth/token", () => jsonResponse(401, { error_description: "second refusal" }));
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
    await screen.findByText(/second refusal/);

    const alerts = screen.getAllByRole("alert");
    expect(alerts).toHaveLength(1);
    expect(alerts[0].textContent).toContain("second refusal");
    expect(screen.queryByText(/first refusal/)).toBeNull();
    // Above the fields, so it is in view without scrolling down the pane.
    const field = screen.getByRole("textbox", { name: /^Instance URL/ });
    expect(alerts[0].compareDocumentPosition(field) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});

describe("Connect panel: npm start fills in the sandbox", () => {
  const sandbox = { instanceUrl: "http://127.0.0.1:4010", clientId: "halosheet-demo" };

  it("opens with the sandbox URL and demo client ID, and no secret", async () => {
    setUp({ prefill: sandbox });
    await waitFor(() =>
      expect(screen.getByRole<HTMLInputElement>("textbox", { name: /^Instance URL/ }).value).toBe(
        sandbox.instanceUrl,
      ),
    );
    expect(screen.getByRole<HTMLInputElement>("textbox", { name: /^Client ID/ }).value).toBe(
      "halosheet-demo",
    );
    fireEvent.click(screen.getByRole("radio", { name: "Client ID + secret" }));
    expect(screen.getByLabelText<HTMLInputElement>(/^Client secret/).value).toBe("");
  });

  it("the last connection the user made wins over the sandbox", async () => {
    const storage = new MemoryStorage();
    await saveConnection(storage, {
      instanceUrl: "https://acme.halopsa.com",
      clientId: "mine",
      method: "clientCredentials",
    });
    setUp({ prefill: sandbox, storage });
    await waitFor(() =>
      expect(screen.getByRole<HTMLInputElement>("textbox", { name: /^Instance URL/ }).value).toBe(
        "https://acme.halopsa.com",
      ),
    );
  });
});
