/* The shape of a browser test and what each one gets: a fresh page on the workbench. */
import type { Page } from "playwright-core";

export interface BrowserTestContext {
  page: Page;
  /** The dev server's base URL, e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  /** The sandbox the workbench is connected to, as npm start connects one. */
  sandboxUrl: string;
}

export interface BrowserTest {
  name: string;
  timeoutMs: number;
  run(context: BrowserTestContext): Promise<void>;
}
