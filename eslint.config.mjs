// Lint rules, including the layering arrows of design.md:
//   taskpane/functions/cli -> runtime -> bulk -> halo; taskpane -> office.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import officeAddins from "eslint-plugin-office-addins";
import prettier from "eslint-config-prettier";
import globals from "globals";

const OFFICE_AND_UI = [
  {
    group: ["react", "react/*", "react-dom", "react-dom/*"],
    message: "src/halo and src/bulk are plain TypeScript: no React.",
  },
  { group: ["@fluentui/*"], message: "src/halo and src/bulk are plain TypeScript: no Fluent UI." },
  {
    group: ["@microsoft/office-js", "office-js", "office-addin-*"],
    message: "src/halo and src/bulk must not touch Office.",
  },
  {
    group: [
      "**/office",
      "**/office/*",
      "**/taskpane",
      "**/taskpane/*",
      "**/functions",
      "**/functions/*",
      "**/runtime",
      "**/cli/*",
      "**/dialog/*",
    ],
    message: "Arrows go one way: taskpane/functions/cli -> runtime -> bulk -> halo.",
  },
];
const NO_BULK = [
  { group: ["**/bulk", "**/bulk/*"], message: "src/halo sits below src/bulk and must not import it." },
];
const EXCEL_GLOBALS = ["Excel", "Office", "OfficeRuntime", "CustomFunctions"].map((name) => ({
  name,
  message:
    "Only src/office (and the workbench) touch Office globals; use the runtime or office layer instead.",
}));

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      "dist/**",
      "coverage/**",
      "src/halo/generated/**",
      "sandbox/halo-openapi.json",
      "test/lint/fixtures/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      eqeqeq: ["error", "smart"],
    },
  },
  {
    files: ["**/*.tsx"],
    ...react.configs.flat.recommended,
    settings: { react: { version: "18" } },
  },
  {
    files: ["**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
    },
  },
  {
    // Office.js usage rules where Excel is touched.
    files: ["src/office/**/*.ts", "workbench/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "warn",
      "office-addins/no-empty-load": "warn",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "warn",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    files: ["src/halo/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [...OFFICE_AND_UI, ...NO_BULK] }],
      "no-restricted-globals": ["error", ...EXCEL_GLOBALS],
    },
  },
  {
    files: ["src/bulk/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: OFFICE_AND_UI }],
      "no-restricted-globals": ["error", ...EXCEL_GLOBALS],
    },
  },
  {
    // Only src/office talks to Excel; the pane, functions and CLI go through it or the runtime.
    files: ["src/taskpane/**/*.{ts,tsx}", "src/cli/**/*.ts", "src/dialog/**/*.{ts,tsx}"],
    rules: { "no-restricted-globals": ["error", ...EXCEL_GLOBALS.filter((g) => g.name === "Excel")] },
  },
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  prettier,
);
