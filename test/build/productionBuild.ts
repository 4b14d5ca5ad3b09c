import { execFileSync } from "child_process";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import path from "path";

/** The public address the test builds for (the example of docs/install.md). */
export const TEST_ORIGIN = "https://addins.example.com/halosheet";

let outputDir: string | undefined;

/** Runs `webpack --mode production` as `npm run build` does, with the environment given; throws on failure. */
export function runProductionBuild(env: Record<string, string>, outputPath: string): string {
  const { HALOSHEET_ORIGIN: _origin, HALOSHEET_HALO_ORIGINS: _halo, ...inherited } = process.env;
  return execFileSync(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", outputPath],
    { stdio: "pipe", env: { ...inherited, ...env }, encoding: "utf8" },
  );
}

/** Builds the production bundle for TEST_ORIGIN once per test file into a temporary folder; returns it. */
export function productionBuild(): string {
  if (!outputDir) {
    outputDir = mkdtempSync(path.join(tmpdir(), "halosheet-dist-"));
    runProductionBuild({ HALOSHEET_ORIGIN: TEST_ORIGIN }, outputDir);
  }
  return outputDir;
}
