/* The sign-in dialog wrapper: what it opens, and how each way the dialog ends becomes a result or a typed error. */
import { SignInDialogError, addinFolderUrl, openSignInDialog } from "../../../src/office/signInDialog";

type Handler = (arg: { message: string; origin: string } | { error: number }) => void;

class FakeDialog {
  readonly handlers = new Map<string, Handler>();
  closed = false;
  addEventHandler(type: string, handler: Handler): void {
    this.handlers.set(type, handler);
  }
  close(): void {
    this.closed = true;
  }
  send(message: string, origin = "https://localhost:3000"): void {
    this.handlers.get("dialogMessageReceived")?.({ message, origin });
  }
  event(error: number): void {
    this.handlers.get("dialogEventReceived")?.({ error });
  }
}

interface FakeUi {
  ui: Pick<Office.UI, "displayDialogAsync">;
  addresses: string[];
  options: unknown[];
  dialog: FakeDialog;
}

function fakeUi(openFails = false): FakeUi {
  const dialog = new FakeDialog();
  const addresses: string[] = [];
  const options: unknown[] = [];
  const displayDialogAsync = (
    address: string,
    given: unknown,
    callback: (result: { status: string; value?: FakeDialog; error?: { message: string } }) => void,
  ): void => {
    addresses.push(address);
    options.push(given);
    callback(
      openFails
        ? { status: "failed", error: { message: "A dialog box is already opened." } }
        : { status: "succeeded", value: dialog },
    );
  };
  return {
    ui: { displayDialogAsync } as unknown as Pick<Office.UI, "displayDialogAsync">,
    addresses,
    options,
    dialog,
  };
}

const AUTHORIZE = "https://acme.halopsa.com/auth/authorize?client_id=app&state=s-1";
const ORIGIN = "https://localhost:3000";

beforeAll(() => {
  Object.assign(globalThis, {
    Office: {
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      EventType: {
        DialogMessageReceived: "dialogMessageReceived",
        DialogEventReceived: "dialogEventReceived",
      },
    },
  });
});

afterAll(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe("addinFolderUrl", () => {
  it("is the folder of the pane's page, so an add-in hosted under a path finds its dialog page", () => {
    expect(addinFolderUrl("https://addins.example.com/halosheet/taskpane.html?_host_Info=Excel")).toBe(
      "https://addins.example.com/halosheet",
    );
    expect(addinFolderUrl("https://localhost:3000/taskpane.html")).toBe("https://localhost:3000");
  });
});

describe("openSignInDialog", () => {
  it("opens the add-in's dialog page on the authorize URL and resolves with the code; the dialog closes", async () => {
    const fake = fakeUi();
    const answer = openSignInDialog(AUTHORIZE, fake.ui, ORIGIN);
    fake.dialog.send(JSON.stringify({ type: "code", code: "c-1", state: "s-1" }));

    await expect(answer).resolves.toEqual({ type: "code", code: "c-1", state: "s-1" });
    const opened = new URL(fake.addresses[0]);
    expect(opened.origin + opened.pathname).toBe(`${ORIGIN}/dialog.html`);
    expect(opened.searchParams.get("authorize")).toBe(AUTHORIZE);
    expect(fake.options[0]).toEqual({ height: 60, width: 30 });
    expect(fake.dialog.closed).toBe(true);
  });

  it("passes Halo's error answer on", async () => {
    const fake = fakeUi();
    const answer = openSignInDialog(AUTHORIZE, fake.ui, ORIGIN);
    fake.dialog.send(JSON.stringify({ type: "error", error: "access_denied", description: "No" }));
    await expect(answer).resolves.toEqual({ type: "error", error: "access_denied", description: "No" });
  });

  it("rejects with Closed when the user closes the window", async () => {
    const fake = fakeUi();
    const answer = openSignInDialog(AUTHORIZE, fake.ui, ORIGIN);
    fake.dialog.event(12006);
    await expect(answer).rejects.toMatchObject({ kind: "Closed", message: expect.stringMatching(/closed/) });
  });

  it("rejects with CouldNotOpen, carrying Office's reason, when the dialog cannot open", async () => {
    const fake = fakeUi(true);
    const failure = await openSignInDialog(AUTHORIZE, fake.ui, ORIGIN).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SignInDialogError);
    expect(failure).toMatchObject({
      kind: "CouldNotOpen",
      message: expect.stringContaining("already opened"),
    });
  });

  it("rejects with BadAnswer for a message that is not a sign-in answer", async () => {
    const fake = fakeUi();
    const answer = openSignInDialog(AUTHORIZE, fake.ui, ORIGIN);
    fake.dialog.send("not json");
    await expect(answer).rejects.toMatchObject({ kind: "BadAnswer" });
    expect(fake.dialog.closed).toBe(true);
  });

  it("ignores a message from any origin but the add-in's own, and waits for the real answer", async () => {
    const fake = fakeUi();
    const answer = openSignInDialog(AUTHORIZE, fake.ui, ORIGIN);
    fake.dialog.send(JSON.stringify({ type: "code", code: "forged", state: "s-1" }), "https://evil.example");
    expect(fake.dialog.closed).toBe(false);
    fake.dialog.send(JSON.stringify({ type: "code", code: "c-1", state: "s-1" }));
    await expect(answer).resolves.toEqual({ type: "code", code: "c-1", state: "s-1" });
  });

  it("refuses a code answered for another sign-in (state mismatch)", async () => {
    const fake = fakeUi();
    const answer = openSignInDialog(AUTHORIZE, fake.ui, ORIGIN);
    fake.dialog.send(JSON.stringify({ type: "code", code: "c-1", state: "other" }));
    await expect(answer).rejects.toMatchObject({
      kind: "BadAnswer",
      message: expect.stringMatching(/state/),
    });
  });
});
