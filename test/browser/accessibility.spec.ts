/* The task pane has no serious or critical accessibility violations (axe), signed out with either
   sign-in method chosen, and signed in. */
import { seriousPaneViolations } from "./harness/accessibility";
import { expect, test } from "./harness/fixtures";

test("accessibility: the Connect form, signed out, for both sign-in methods", async ({ pane }) => {
  await expect(pane.getByRole("button", { name: "Sign in" })).toBeVisible();
  expect(await seriousPaneViolations(pane), "with Sign in with Halo (PKCE) chosen").toEqual([]);
  await pane.getByLabel("Client ID + secret").check();
  await expect(pane.getByLabel("Client secret")).toBeVisible();
  expect(await seriousPaneViolations(pane), "with Client ID + secret chosen").toEqual([]);
});

test("accessibility: the task pane signed in", async ({ signedInPane }) => {
  await expect(signedInPane.getByRole("button", { name: "Sign out" })).toBeVisible();
  expect(await seriousPaneViolations(signedInPane)).toEqual([]);
});
