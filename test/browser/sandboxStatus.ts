/* The workbench says which sandbox it is connected to, and that the sandbox answers; the task pane
   page (on the workbench's origin) can call it. */
import assert from "node:assert/strict";
import type { BrowserTest } from "./harness/browserTest";
import { eventually } from "./harness/eventually";
import { WorkbenchPage } from "./harness/workbenchPage";

export const sandboxStatusTests: BrowserTest[] = [
  {
    name: "status: the workbench shows the sandbox it is connected to, and the task pane can reach it",
    timeoutMs: 60_000,
    async run({ page, baseUrl, sandboxUrl }) {
      const workbench = new WorkbenchPage(page, baseUrl);
      await workbench.open();
      const status = page.getByTestId("sandbox-status");
      await eventually(async () =>
        assert.equal(await status.innerText(), `Sandbox ${sandboxUrl}: connected`),
      );
      const answer = await workbench
        .taskpane()
        .evaluate((url) => fetch(`${url}/api/authinfo`).then((response) => response.status), sandboxUrl);
      assert.equal(answer, 200);
    },
  },
];
