// Lint rules, including the layering of docs/architecture.md: one no-restricted-imports block per
// layer, generated from the ALLOWED table below, and the Office globals kept to src/office and the
// pages' entry points. test/lint/layering.test.ts proves each rule fires.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import officeAddins from "eslint-plugin-office-addins";
import prettier from "eslint-config-prettier";
import globals from "globals";

const SEE = "See docs/architecture.md.";

/** The layers under src/ and the files of each. */
const LAYER_FILES = {
  halo: ["src/halo/**/*.{ts,tsx}"],
  bulk: ["src/bulk/**/*.{ts,tsx}"],
  runtime: ["src/runtime.ts"],
  functions: ["src/functions/**/*.{ts,tsx}"],
  taskpane: ["src/taskpane/**/*.{ts,tsx}"],
  cli: ["src/cli/**/*.{ts,tsx}"],
  office: ["src/office/**/*.{ts,tsx}"],
  dialog: ["src/dialog/**/*.{ts,tsx}"],
  commands: ["src/commands/**/*.{ts,tsx}"],
};

/** The arrows: which other layers each layer may import (src/halo and src/bulk only through their index). */
const ALLOWED = {
  halo: [],
  bulk: ["halo"],
  runtime: ["halo", "bulk"],
  functions: ["halo", "bulk", "runtime", "office"],
  taskpane: ["halo", "bulk", "runtime", "office"],
  cli: ["halo", "bulk", "runtime"],
  office: ["halo", "bulk"],
  dialog: ["office"],
  commands: ["office"],
};

/** Layers reached only through their public entry (src/<layer>/index.ts). */
const WITH_ENTRY = new Set(["halo", "bulk"]);

/** Layers that may use React and Fluent UI. */
const UI_LAYERS = new Set(["taskpane", "dialog", "commands"]);

const srcName = (layer) => (layer === "runtime" ? "src/runtime.ts" : `src/${layer}`);
// Relative import specifiers ("./x", "../../office/y") that land in a layer's folder.
const layerRegex = (layer) => `^(\\.{1,2}/)+(src/)?${layer}(/.*)?$`;
const deepRegex = (layer) => `^(\\.{1,2}/)+(src/)?${layer}/(?!index$).+$`;

function layerPatterns(layer) {
  const allowed = ALLOWED[layer];
  const may = allowed.length === 0 ? "no other layer" : allowed.map(srcName).join(", ");
  const refused = Object.keys(ALLOWED)
    .filter((other) => other !== layer && !allowed.includes(other))
    .map((other) => ({
      regex: layerRegex(other),
      message: `${srcName(layer)} must not import ${srcName(other)}: it may import only ${may}. ${SEE}`,
    }));
  const deep = allowed
    .filter((other) => WITH_ENTRY.has(other))
    .map((other) => ({
      regex: deepRegex(other),
      message: `Import ${srcName(other)} through its public entry ${srcName(other)}/index.ts ("../${other}"), not its files; add an export there if you need one. ${SEE}`,
    }));
  const hosts = {
    regex: "(^|/)(workbench|sandbox)(/|$)",
    message: `${srcName(layer)} must not import the workbench or the sandbox: they are test hosts beside the add-in. ${SEE}`,
  };
  const ui = UI_LAYERS.has(layer)
    ? []
    : [
        {
          regex: "^(react|react-dom|@fluentui/.+)(/.*)?$",
          message: `${srcName(layer)} has no UI: React and Fluent UI belong to src/taskpane. ${SEE}`,
        },
      ];
  const officePackages =
    layer === "office"
      ? []
      : [
          {
            regex: "^(@microsoft/office-js|office-js|office-addin-.+)(/.*)?$",
            message: `Only src/office talks to Office. ${SEE}`,
          },
        ];
  return [...refused, ...deep, hosts, ...ui, ...officePackages];
}

const layerBlocks = Object.entries(LAYER_FILES).map(([layer, files]) => ({
  files,
  rules: { "no-restricted-imports": ["error", { patterns: layerPatterns(layer) }] },
}));

/**
 * The pages' entry points: they start the page when Office is ready (Office.onReady) or register the
 * custom functions (CustomFunctions.associate), so they touch Office globals; nothing else outside
 * src/office does.
 */
const PAGE_ENTRY_POINTS = [
  "src/taskpane/index.tsx",
  "src/dialog/index.ts",
  "src/commands/commands.ts",
  "src/functions/register.ts",
];
const OFFICE_GLOBAL_NAMES = ["Office", "Excel", "OfficeRuntime", "CustomFunctions"];
const OFFICE_GLOBALS = OFFICE_GLOBAL_NAMES.map((name) => ({
  name,
  message: `Only src/office (and the pages' entry points) touch the ${name} global: call a function of src/office instead. ${SEE}`,
}));
// The same globals reached through globalThis, window or self: (globalThis as X).Excel, window["Office"], const { Excel } = globalThis.
const HOLDERS = "/^(globalThis|window|self)$/";
const NAMES = `/^(${OFFICE_GLOBAL_NAMES.join("|")})$/`;
const THROUGH_GLOBAL_OBJECT = [
  `MemberExpression[object.name=${HOLDERS}][property.name=${NAMES}]`,
  `MemberExpression[object.expression.name=${HOLDERS}][property.name=${NAMES}]`,
  `MemberExpression[object.name=${HOLDERS}][property.value=${NAMES}]`,
  `MemberExpression[object.expression.name=${HOLDERS}][property.value=${NAMES}]`,
  `VariableDeclarator[init.name=${HOLDERS}] > ObjectPattern > Property[key.name=${NAMES}]`,
].map((selector) => ({
  selector,
  message: `Only src/office (and the pages' entry points) touch Office globals, also through globalThis or window. ${SEE}`,
}));
const BROWSER_GLOBALS = ["window", "document", "location", "navigator", "localStorage", "sessionStorage"].map(
  (name) => ({ name, message: `src/cli runs in Node: no browser globals (${name}). ${SEE}` }),
);

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      "dist/**",
      "coverage/**",
      "test-results/**",
      "playwright-report/**",
      "src/halo/generated/*.json",
      "sandbox/halo-openapi.json",
      "test/lint/fixtures/**",
      ".stryker-tmp/**",
      "reports/**",
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
  ...layerBlocks,
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/office/**", ...PAGE_ENTRY_POINTS],
    rules: {
      "no-restricted-globals": ["error", ...OFFICE_GLOBALS],
      "no-restricted-syntax": ["error", ...THROUGH_GLOBAL_OBJECT],
    },
  },
  {
    files: LAYER_FILES.cli,
    rules: { "no-restricted-globals": ["error", ...OFFICE_GLOBALS, ...BROWSER_GLOBALS] },
  },
  {
    // The workbench is an Excel host for tests: it implements the Excel API on its own, never from the add-in.
    files: ["workbench/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(\\.{1,2}/)+src(/.*)?$",
              message: `The workbench imports nothing from src/: it is an independent Excel host. ${SEE}`,
            },
          ],
        },
      ],
    },
  },
  {
    // The sandbox is an independent Halo: only the schema generated from Halo's spec is shared.
    files: ["sandbox/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(\\.{1,2}/)+src(?!/halo/generated/)(/.*)?$",
              message: `The sandbox is an independent Halo: it imports nothing from src/ but the schema generated from Halo's spec (src/halo/generated). ${SEE}`,
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  prettier,
);
