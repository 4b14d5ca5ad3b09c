/* npm run test:browser: serves the workbench (the same dev server `npm start` runs), drives Debian's
   Chromium headless through each test on a fresh page, and prints "N passed, N failed". */
import type { BrowserContext } from "playwright-core";
import { startBrowserEnvironment } from "./harness/environment";
import type { BrowserTest } from "./harness/browserTest";
import { postmanCaseTests } from "./postmanCase";
import { excelRulesTests } from "./excelRules";
import { pasteSelectionTests } from "./pasteSelection";
import { sheetsSelectionTests } from "./sheetsSelection";
import { largeSheetTests } from "./largeSheet";
import { cellEntryTests } from "./cellEntry";
import { sandboxStatusTests } from "./sandboxStatus";
import { connectTests } from "./connect";
import { dialogTests } from "./dialog";
import { npmStartTests } from "./npmStart";
import { contentSecurityPolicyTests } from "./contentSecurityPolicy";
import { pullTests } from "./pull";

const TESTS: BrowserTest[] = [
  ...postmanCaseTests,
  ...excelRulesTests,
  ...pasteSelectionTests,
  ...sheetsSelectionTests,
  ...largeSheetTests,
  ...cellEntryTests,
  ...sandboxStatusTests,
  ...connectTests,
  ...dialogTests,
  ...contentSecurityPolicyTests,
  ...pullTests,
  ...npmStartTests,
];

function withTimeout<T>(promise: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name}: timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Each test starts from a clean slate: no permissions granted, nothing in the origin's storage
 *  (OfficeRuntime.storage and document settings live there). */
async function forgetBetweenTests(context: BrowserContext, baseUrl: string): Promise<void> {
  await context.clearPermissions();
  const page = await context.newPage();
  await page.goto(`${baseUrl}/workbench-config.json`);
  await page.evaluate(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
  await page.close();
}

async function main(): Promise<number> {
  const filter = process.argv[2];
  const selected = filter ? TESTS.filter((t) => t.name.includes(filter)) : TESTS;
  const started = Date.now();
  const environment = await startBrowserEnvironment();
  const { browser, baseUrl, sandboxUrl } = environment;
  let passed = 0;
  let failed = 0;
  try {
    for (const test of selected) {
      const page = await browser.context.newPage();
      const pageErrors: string[] = [];
      page.on("pageerror", (error) => pageErrors.push(error.message));
      const t0 = Date.now();
      try {
        await withTimeout(test.run({ page, baseUrl, sandboxUrl }), test.timeoutMs, test.name);
        if (pageErrors.length > 0) throw new Error(`uncaught page errors: ${pageErrors.join("; ")}`);
        passed += 1;
        console.log(`ok   ${test.name} (${Date.now() - t0} ms)`);
      } catch (error) {
        failed += 1;
        console.log(`FAIL ${test.name} (${Date.now() - t0} ms)`);
        console.log(`     ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      } finally {
        await page.close();
        await forgetBetweenTests(browser.context, baseUrl);
      }
    }
  } finally {
    await environment.close();
  }
  console.log(`browser tests finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 || passed === 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    console.log("0 passed, 1 failed");
    process.exit(1);
  },
);
