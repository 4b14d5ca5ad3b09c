/* The sign-in dialog page. Opened by the task pane with the authorize URL in `?authorize=`; Halo redirects
   back here with `?code=&state=` (or `?error=`), which is handed to the task pane with messageParent. */
import { readAuthorizationResponse } from "./callback";

Office.onReady(() => {
  const result = readAuthorizationResponse(window.location.search);
  if (result) {
    Office.context.ui.messageParent(JSON.stringify(result));
    return;
  }
  const authorize = new URLSearchParams(window.location.search).get("authorize");
  if (authorize && /^https:\/\/|^http:\/\/(localhost|127\.0\.0\.1)[:/]/.test(authorize)) {
    window.location.assign(authorize);
  } else {
    Office.context.ui.messageParent(
      JSON.stringify({
        type: "error",
        error: "invalid_request",
        description: "No sign-in address was given.",
      }),
    );
  }
});
