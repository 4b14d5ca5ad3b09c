/* npm run test:browser: serves the workbench (the same dev server `npm start` runs), drives Debian's
   Chromium headless through each test on a fresh page, and prints "N passed, N failed". */
import { startSandbox } from "../../sandbox/server";
import { startWorkbenchServer } from "../../workbench/ui/server/devServer";
import { launchChromium } from "./harness/chromium";
import type { BrowserTest } from "./harness/browserTest";
import { postmanCaseTests } from "./postmanCase";
import { excelRulesTests } from "./excelRules";
import { pasteSelectionTests } from "./pasteSelection";
import { sheetsSelectionTests } from "./sheetsSelection";
import { largeSheetTests } from "./largeSheet";
import { cellEntryTests } from "./cellEntry";
import { sandboxStatusTests } from "./sandboxStatus";

const TESTS: BrowserTest[] = [
  ...postmanCaseTests,
  ...excelRulesTests,
  ...pasteSelectionTests,
  ...sheetsSelectionTests,
  ...largeSheetTests,
  ...cellEntryTests,
  ...sandboxStatusTests,
];

function withTimeout<T>(promise: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name}: timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function main(): Promise<number> {
  const filter = process.argv[2];
  const selected = filter ? TESTS.filter((t) => t.name.includes(filter)) : TESTS;
  const started = Date.now();
  // As npm start does: a sandbox with demo data, and the workbench connected to it. Any origin may call
  // the sandbox here because the dev server's port is chosen by the system.
  const sandbox = await startSandbox({ port: 0, cors: "*" });
  const server = await startWorkbenchServer({
    port: 0,
    host: "127.0.0.1",
    sandboxUrl: sandbox.url,
    watch: false,
  });
  const browser = await launchChromium();
  let passed = 0;
  let failed = 0;
  try {
    for (const test of selected) {
      const page = await browser.context.newPage();
      const pageErrors: string[] = [];
      page.on("pageerror", (error) => pageErrors.push(error.message));
      const t0 = Date.now();
      try {
        await withTimeout(
          test.run({ page, baseUrl: server.url, sandboxUrl: sandbox.url }),
          test.timeoutMs,
          test.name,
        );
        if (pageErrors.length > 0) throw new Error(`uncaught page errors: ${pageErrors.join("; ")}`);
        passed += 1;
        console.log(`ok   ${test.name} (${Date.now() - t0} ms)`);
      } catch (error) {
        failed += 1;
        console.log(`FAIL ${test.name} (${Date.now() - t0} ms)`);
        console.log(`     ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
    await sandbox.close();
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
