/* The browser tests' fixtures: every spec imports `test` and `expect` from here.
   - servers (worker): the URLs of the sandbox with demo data and of the workbench dev server connected
     to it, as npm start runs them; started once for the run (globalSetup.ts). `baseURL` points at the
     dev server. Tests share the sandbox: a test that changes records makes its own.
   - workbench: a fresh page on the workbench, the task pane loaded (Office and Excel defined).
   - pane: the task pane's frame, signed out.
   - signedInPane: the task pane signed in to the sandbox ("Connected to ..." shown), by client id +
     secret, or by PKCE after `test.use({ signInMethod: "pkce" })`.
   Each test runs in a new browser context: no permissions granted (`test.use({ permissions })` grants
   some), nothing in the origin's storage (OfficeRuntime.storage and document settings live there).
   A test fails on any uncaught error in the page or its frames. */
import { test as base, expect, type Frame } from "@playwright/test";
import { BASE_URL_VARIABLE, SANDBOX_URL_VARIABLE } from "./globalSetup";
import type { Servers } from "./servers";
import { signIn, type SignInMethod } from "./signIn";
import { WorkbenchPage } from "./workbenchPage";

interface WorkerFixtures {
  servers: Omit<Servers, "close">;
}

interface TestFixtures {
  signInMethod: SignInMethod;
  workbench: WorkbenchPage;
  pane: Frame;
  signedInPane: Frame;
  pageErrors: string[];
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  servers: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern
    async ({}, use) => {
      const baseUrl = process.env[BASE_URL_VARIABLE];
      const sandboxUrl = process.env[SANDBOX_URL_VARIABLE];
      if (!baseUrl || !sandboxUrl)
        throw new Error("Run the browser tests with `playwright test` (globalSetup).");
      await use({ baseUrl, sandboxUrl });
    },
    { scope: "worker" },
  ],
  baseURL: async ({ servers }, use) => use(servers.baseUrl),
  signInMethod: ["clientCredentials", { option: true }],
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await use(errors);
      expect(errors, "uncaught page errors").toEqual([]);
    },
    { auto: true },
  ],
  workbench: async ({ page, servers }, use) => {
    const workbench = new WorkbenchPage(page, servers.baseUrl);
    await workbench.open();
    await use(workbench);
  },
  pane: async ({ workbench }, use) => use(workbench.taskpane()),
  signedInPane: async ({ page, pane, servers, signInMethod }, use) => {
    await signIn(signInMethod, page, pane, servers.sandboxUrl);
    await expect(pane.getByText(`Connected to ${servers.sandboxUrl}`)).toBeVisible({ timeout: 15_000 });
    await use(pane);
  },
});

export { expect };
