/**
 * Opens the add-in's sign-in dialog page (src/dialog) on Halo's authorize URL and waits for the
 * redirect's answer, which the page sends back with messageParent.
 */

/** What the sign-in dialog page sends back to the task pane after Halo redirects to it. */
export type DialogResult =
  { type: "code"; code: string; state: string } | { type: "error"; error: string; description: string };

export type SignInDialogErrorKind = "CouldNotOpen" | "Closed" | "BadAnswer";

export class SignInDialogError extends Error {
  constructor(
    readonly kind: SignInDialogErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "SignInDialogError";
  }
}

/** 12006: the user closed the dialog window. */
const DIALOG_CLOSED_BY_USER = 12006;

function parseDialogResult(message: string): DialogResult {
  let value: unknown;
  try {
    value = JSON.parse(message);
  } catch {
    throw new SignInDialogError("BadAnswer", "The sign-in window sent an answer that could not be read.");
  }
  const record = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  if (record.type === "code" && typeof record.code === "string")
    return { type: "code", code: record.code, state: typeof record.state === "string" ? record.state : "" };
  if (record.type === "error" && typeof record.error === "string")
    return {
      type: "error",
      error: record.error,
      description: typeof record.description === "string" ? record.description : "",
    };
  throw new SignInDialogError("BadAnswer", "The sign-in window sent an answer that could not be read.");
}

/**
 * The folder the add-in's pages are served from (HALOSHEET_ORIGIN), e.g. https://addins.example.com/halosheet
 * for a pane at .../halosheet/taskpane.html: the dialog page and the PKCE redirect are there, which is not
 * the bare origin when the add-in is hosted under a path.
 */
export function addinFolderUrl(pageHref: string = location.href): string {
  return new URL(".", pageHref).href.replace(/\/$/, "");
}

/** A code answer must carry the state this sign-in sent; the halo exchange checks it again. */
function checkedState(result: DialogResult, authorizeUrl: string): DialogResult {
  const sent = new URL(authorizeUrl).searchParams.get("state");
  if (result.type === "code" && sent !== null && result.state !== sent)
    throw new SignInDialogError(
      "BadAnswer",
      "The sign-in window answered for another sign-in (state mismatch); it was ignored. Sign in again.",
    );
  return result;
}

/** The dialog page's address that sends the user on to `authorizeUrl`. */
export function signInDialogAddress(addinUrl: string, authorizeUrl: string): string {
  return `${addinUrl}/dialog.html?authorize=${encodeURIComponent(authorizeUrl)}`;
}

/** Shows the sign-in dialog; resolves with the redirect's code or error, and closes the dialog. */
export function openSignInDialog(
  authorizeUrl: string,
  ui: Pick<Office.UI, "displayDialogAsync"> = Office.context.ui,
  addinUrl: string = addinFolderUrl(),
): Promise<DialogResult> {
  return new Promise<DialogResult>((resolve, reject) => {
    ui.displayDialogAsync(
      signInDialogAddress(addinUrl, authorizeUrl),
      { height: 60, width: 30 },
      (opened) => {
        if (opened.status !== Office.AsyncResultStatus.Succeeded) {
          reject(
            new SignInDialogError(
              "CouldNotOpen",
              `The sign-in window could not open: ${opened.error.message}`,
            ),
          );
          return;
        }
        const dialog = opened.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
          // Only the add-in's own dialog page may answer; a page of another origin shown in the
          // dialog is ignored (origin is undefined on hosts without DialogOrigin 1.1).
          if ("message" in arg && arg.origin !== undefined && arg.origin !== new URL(addinUrl).origin) return;
          dialog.close();
          if ("message" in arg) {
            try {
              resolve(checkedState(parseDialogResult(arg.message), authorizeUrl));
            } catch (error) {
              reject(error);
            }
          } else {
            reject(new SignInDialogError("BadAnswer", `The sign-in window failed (error ${arg.error}).`));
          }
        });
        dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
          const code = "error" in arg ? arg.error : undefined;
          reject(
            new SignInDialogError(
              "Closed",
              code === DIALOG_CLOSED_BY_USER
                ? "The sign-in window was closed before sign-in finished."
                : `The sign-in window stopped (error ${String(code)}).`,
            ),
          );
        });
      },
    );
  });
}
