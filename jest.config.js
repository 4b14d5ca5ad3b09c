/** Unit, contract and component tests. Browser tests run separately (test/browser). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/browser/"],
  // Stryker's sandbox copies (npm run test:mutation) hold a second copy of every module and test.
  modulePathIgnorePatterns: ["<rootDir>/.stryker-tmp/", "<rootDir>/reports/"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json", diagnostics: false }],
  },
  moduleNameMapper: {
    "\\.(css|png|svg)$": "<rootDir>/test/fixtures/fileStub.js",
  },
  setupFiles: ["<rootDir>/test/setup.ts"],
  testTimeout: 30000,
};
