import { execFileSync } from "child_process";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import path from "path";

let outputDir: string | undefined;

/** Builds the production bundle once per test file into a temporary folder and returns that folder. */
export function productionBuild(): string {
  if (!outputDir) {
    outputDir = mkdtempSync(path.join(tmpdir(), "halosheet-dist-"));
    execFileSync(
      process.execPath,
      [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", outputDir],
      { stdio: "pipe" },
    );
  }
  return outputDir;
}
