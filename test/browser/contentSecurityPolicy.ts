/* The pages' Content-Security-Policy under npm start: the task pane carries it, eval is refused, a call
   to a host outside the policy is refused, and signing in to the sandbox breaks no rule of it. */
import assert from "node:assert/strict";
import type { BrowserTest } from "./harness/browserTest";
import { signInWithSecret } from "./connect";
import { eventually } from "./harness/eventually";
import { WorkbenchPage } from "./harness/workbenchPage";

declare global {
  interface Window {
    cspViolations?: string[];
    evalRan?: boolean;
  }
}

export const contentSecurityPolicyTests: BrowserTest[] = [
  {
    name: "csp: the task pane refuses eval and foreign hosts, and signing in to the sandbox breaks no rule",
    timeoutMs: 90_000,
    async run({ page, baseUrl, sandboxUrl }) {
      // Every frame records the violations the browser reports, from its first script on.
      await page.addInitScript(() => {
        window.cspViolations = [];
        document.addEventListener("securitypolicyviolation", (event) =>
          window.cspViolations?.push(`${event.effectiveDirective} ${event.blockedURI}`),
        );
      });
      const workbench = new WorkbenchPage(page, baseUrl);
      await workbench.open();
      const pane = workbench.taskpane();

      const policy = await pane.evaluate(
        () =>
          document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? "",
      );
      assert.match(policy, /script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
      assert.doesNotMatch(policy, /unsafe-eval/);

      await signInWithSecret(pane, sandboxUrl);
      await pane.getByText(`Connected to ${sandboxUrl}`).waitFor({ timeout: 15_000 });
      assert.deepEqual(await pane.evaluate(() => window.cspViolations), [], "no violation while signing in");

      // Code the page itself runs later (a string timer is eval) and a call to a host outside the policy.
      const fetchRefused = await pane.evaluate(async () => {
        (setTimeout as (code: string, ms: number) => number)("window.evalRan = true", 0);
        return fetch("https://example.org/api").then(
          () => false,
          () => true,
        );
      });
      assert.equal(fetchRefused, true);
      await eventually(async () =>
        assert.deepEqual((await pane.evaluate(() => window.cspViolations))?.sort(), [
          "connect-src https://example.org/api",
          "script-src eval",
        ]),
      );
      assert.equal(await pane.evaluate(() => window.evalRan), undefined, "the string timer did not run");
    },
  },
];
