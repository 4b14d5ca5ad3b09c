/**
 * What the sign-in dialog page does, with the page's globals passed in (so it is tested without a
 * browser): hand Halo's answer to the task pane and take it out of the address bar and history at
 * once, or go on to Halo's authorize page.
 */
import { readAuthorizationResponse } from "./callback";

export interface DialogPage {
  location: Pick<Location, "search" | "pathname" | "assign">;
  history: Pick<History, "replaceState">;
  messageParent(message: string): void;
}

export function runDialogPage(page: DialogPage): void {
  const result = readAuthorizationResponse(page.location.search);
  if (result) {
    // The code must not stay in the URL (history, a copied address, a referrer): drop the query first.
    page.history.replaceState(null, "", page.location.pathname);
    page.messageParent(JSON.stringify(result));
    return;
  }
  const authorize = new URLSearchParams(page.location.search).get("authorize");
  if (authorize && /^https:\/\/|^http:\/\/(localhost|127\.0\.0\.1)[:/]/.test(authorize)) {
    page.location.assign(authorize);
  } else {
    page.messageParent(
      JSON.stringify({
        type: "error",
        error: "invalid_request",
        description: "No sign-in address was given.",
      }),
    );
  }
}
