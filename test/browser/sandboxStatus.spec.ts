/* The workbench says which sandbox it is connected to, and that the sandbox answers; the task pane
   page (on the workbench's origin) can call it. */
import { expect, test } from "./harness/fixtures";

test("status: the workbench shows the sandbox it is connected to, and the task pane can reach it", async ({
  page,
  pane,
  servers: { sandboxUrl },
}) => {
  await expect(page.getByTestId("sandbox-status")).toHaveText(`Sandbox ${sandboxUrl}: connected`);
  const answer = await pane.evaluate(
    (url) => fetch(`${url}/api/authinfo`).then((response) => response.status),
    sandboxUrl,
  );
  expect(answer).toBe(200);
});
