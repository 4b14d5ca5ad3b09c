/**
 * Mutation testing, the shared base of every run: `npm run test:mutation` (bench/mutation.ts) starts
 * one Stryker run per mutated file, passing the file (`--mutate`), its time-out and sandbox folder on
 * the command line and its tests and report in the environment below; bench/mutationTargets.ts lists
 * the files and their tests. Not part of `npm test` (hours on a shared 2-core machine).
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const jestConfig = require("./jest.config.js");

// The tests folders to run, optionally which test files there (globs, e.g.
// "**/payload*.test.ts,**/coerce*.test.ts"), and where the JSON report goes. Fewer tests can only let
// more mutants survive, never hide one.
const testRoots = (process.env.STRYKER_TESTS ?? "test/unit/bulk,test/unit/halo").split(",");
const testMatch = process.env.STRYKER_TEST_MATCH?.split(",") ?? jestConfig.testMatch;
const jsonReport = process.env.STRYKER_REPORT ?? "reports/mutation/mutation.json";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "jest",
  jest: {
    projectType: "custom",
    config: {
      ...jestConfig,
      // Unit tests only: the contract tests run a real sandbox over sockets, too slow per mutant.
      roots: testRoots.map((root) => `<rootDir>/${root}`),
      testMatch,
      setupFiles: ["<rootDir>/test/setup.ts"],
      // These read or bundle the source text, which Stryker has instrumented: they test the build, not rules.
      testPathIgnorePatterns: [
        ...jestConfig.testPathIgnorePatterns,
        "<rootDir>/test/unit/halo/portability.test.ts",
        "<rootDir>/test/unit/halo/browserBundle.test.ts",
      ],
    },
    enableFindRelatedTests: false,
  },
  coverageAnalysis: "perTest",
  // Nothing unless a run names its file (`--mutate src/halo/retry.ts`): see bench/mutationTargets.ts.
  mutate: [],
  // No TypeScript checker: its start-up alone took minutes on the shared machine. A mutant that would
  // not compile runs as plain JavaScript under ts-jest and counts as killed or survived like any other.
  checkers: [],
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: jsonReport.replace(/\.json$/, ".html") },
  jsonReporter: { fileName: jsonReport },
  tempDirName: ".stryker-tmp",
  // Other runs' sandboxes and reports are not copied into this run's sandbox.
  ignorePatterns: [".stryker-tmp*", "reports", "dist", "test-results", "playwright-report"],
  // One jest worker: the machine is shared (`--concurrency N` for more).
  concurrency: 1,
  timeoutMS: 10000,
  // The first run of every test with coverage takes minutes on a busy 2-core machine.
  dryRunTimeoutMinutes: 30,
  cleanTempDir: true,
};
