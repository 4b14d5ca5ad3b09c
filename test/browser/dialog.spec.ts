/* The sign-in dialog: displayDialogAsync from the task pane opens the add-in's real dialog page in a
   popup, which gets the workbench's Office globals too; its messageParent reaches the task pane. */
import { expect, test } from "./harness/fixtures";

test("dialog: the real sign-in page opens as a popup and its messageParent reaches the task pane", async ({
  pane,
}) => {
  const message = await pane.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const url = `${location.origin}/dialog.html?code=abc123&state=s-42`;
        Office.context.ui.displayDialogAsync(url, { height: 40, width: 30 }, (result) => {
          if (result.status !== Office.AsyncResultStatus.Succeeded) {
            reject(new Error(result.error.message));
            return;
          }
          const dialog = result.value;
          dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
            dialog.close();
            resolve("message" in arg ? arg.message : `error ${arg.error}`);
          });
        });
      }),
  );
  expect(JSON.parse(message)).toEqual({ type: "code", code: "abc123", state: "s-42" });
});
