/* The pages' Content-Security-Policy under npm start: the task pane carries it, eval is refused, a call
   to a host outside the policy is refused, and signing in to the sandbox breaks no rule of it. */
import { expect, test as base } from "./harness/fixtures";

declare global {
  interface Window {
    cspViolations?: string[];
    evalRan?: boolean;
  }
}

/** Every frame records the violations the browser reports, from its first script on. */
const test = base.extend({
  page: async ({ page }, use) => {
    await page.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener("securitypolicyviolation", (event) =>
        window.cspViolations?.push(`${event.effectiveDirective} ${event.blockedURI}`),
      );
    });
    await use(page);
  },
});

test("csp: the task pane refuses eval and foreign hosts, and signing in to the sandbox breaks no rule", async ({
  pane,
  signedInPane,
}) => {
  const policy = await pane.evaluate(
    () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? "",
  );
  expect(policy).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
  expect(policy).not.toMatch(/unsafe-eval/);

  // signedInPane has signed in by now.
  expect(await signedInPane.evaluate(() => window.cspViolations), "no violation while signing in").toEqual(
    [],
  );

  // Code the page itself runs later (a string timer is eval) and a call to a host outside the policy.
  const fetchRefused = await pane.evaluate(async () => {
    (setTimeout as (code: string, ms: number) => number)("window.evalRan = true", 0);
    return fetch("https://example.org/api").then(
      () => false,
      () => true,
    );
  });
  expect(fetchRefused).toBe(true);
  await expect
    .poll(async () => (await pane.evaluate(() => window.cspViolations))?.sort())
    .toEqual(["connect-src https://example.org/api", "script-src eval"]);
  expect(await pane.evaluate(() => window.evalRan), "the string timer did not run").toBeUndefined();
});
