/* Debian's Chromium, headless, as every browser test and the screenshot script launch it: never a
   downloaded browser (CHROMIUM_PATH overrides where it is). */
import { existsSync } from "fs";
import type { LaunchOptions } from "@playwright/test";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

function chromiumPath(): string {
  const found = [process.env.CHROMIUM_PATH, ...CANDIDATES].find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error("No Chromium found: install Debian's chromium (apt-get install chromium).");
  return found;
}

export function chromiumLaunchOptions(): LaunchOptions {
  return { executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS };
}

/** The window the workbench is drawn in (the grid's click geometry assumes nothing scrolled it). */
export const VIEWPORT = { width: 1400, height: 860 };
