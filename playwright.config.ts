/* The browser tests (test/browser/*.spec.ts) in Debian's Chromium, headless, never a downloaded browser.
   npm run test:browser runs them all; npm run test:browser -- -g paste those whose title matches.
   The fixtures (a sandbox + workbench dev server per worker, a signed-in task pane) are in
   test/browser/harness/fixtures.ts. */
import { defineConfig } from "@playwright/test";
import { VIEWPORT, chromiumLaunchOptions } from "./test/browser/harness/chromium";

export default defineConfig({
  testDir: "test/browser",
  testMatch: "*.spec.ts",
  outputDir: "test-results/browser",
  forbidOnly: true,
  // Each worker builds its own dev server; the machine has 2 cores.
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    browserName: "chromium",
    launchOptions: chromiumLaunchOptions(),
    viewport: VIEWPORT,
    trace: "retain-on-failure",
  },
});
