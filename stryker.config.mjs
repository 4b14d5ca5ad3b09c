/**
 * Mutation testing (`npm run test:mutation`, not part of `npm test`: about half an hour on 2 cores).
 * Mutates the files whose rules a push depends on and runs the unit tests of src/bulk and src/halo
 * against each mutant; a mutant that no test notices is a rule nobody pins down.
 * Results: reports/mutation/ (HTML and JSON), and the score per file is recorded in bench/RESULTS.md.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const jestConfig = require("./jest.config.js");

// One file at a time (`STRYKER_TESTS=test/unit/halo STRYKER_REPORT=reports/mutation/paginate.json
// npx stryker run --mutate src/halo/paginate.ts`): the tests folders to run, optionally which test
// files there (STRYKER_TEST_MATCH), and where the JSON report goes. Fewer tests can only let more
// mutants survive, never hide one. bench/mutationScores.ts merges the per-file reports.
const testRoots = (process.env.STRYKER_TESTS ?? "test/unit/bulk,test/unit/halo").split(",");
// Optionally only some test files there (globs, e.g. "**/payload*.test.ts,**/coerce*.test.ts").
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
  mutate: [
    "src/bulk/plan.ts",
    "src/bulk/run.ts",
    "src/bulk/payload/coerce.ts",
    "src/halo/retry.ts",
    "src/halo/paginate.ts",
  ],
  checkers: ["typescript"],
  // The checker compiles only what the unit tests reach, not the workbench, sandbox and benches.
  tsconfigFile: "tsconfig.mutation.json",
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: jsonReport },
  tempDirName: ".stryker-tmp",
  concurrency: 2,
  timeoutMS: 10000,
  // The first run of every test with coverage takes minutes on a busy 2-core machine.
  dryRunTimeoutMinutes: 30,
  cleanTempDir: true,
};
