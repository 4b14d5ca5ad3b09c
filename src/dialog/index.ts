/* The sign-in dialog page. Opened by the task pane with the authorize URL in `?authorize=`; Halo redirects
   back here with `?code=&state=` (or `?error=`), which is handed to the task pane with messageParent. */
import { runDialogPage } from "./dialogPage";

Office.onReady(() => {
  runDialogPage({
    location: window.location,
    history: window.history,
    messageParent: (message) => Office.context.ui.messageParent(message),
  });
});
