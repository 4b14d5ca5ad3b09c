/* The browser tests (test/browser/*.spec.ts) in Debian's Chromium, headless, never a downloaded browser.
   npm run test:browser runs them all; npm run test:browser -- -g paste those whose title matches.
   The fixtures (the sandbox + workbench dev server, a signed-in task pane) are in
   test/browser/harness/fixtures.ts. Timeouts are generous: they catch a hang, not a slow run on a
   shared 2-core machine. */
import { defineConfig } from "@playwright/test";
import { VIEWPORT, chromiumLaunchOptions } from "./test/browser/harness/chromium";

export default defineConfig({
  testDir: "test/browser",
  testMatch: "*.spec.ts",
  outputDir: "test-results/browser",
  globalSetup: "./test/browser/harness/globalSetup.ts",
  forbidOnly: true,
  // The dev server, the sandbox and Chromium share the machine's 2 cores.
  workers: 1,
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    browserName: "chromium",
    launchOptions: chromiumLaunchOptions(),
    viewport: VIEWPORT,
    trace: "retain-on-failure",
  },
});
