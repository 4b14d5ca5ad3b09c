/**
 * The layering of docs/architecture.md is ESLint rules; these cases prove each rule fires. Each
 * fixture in ./fixtures is one offending (or allowed) snippet whose first line says which file it is
 * linted as: "// Linted as src/runtime.ts: why". The fixtures are ignored by the normal lint run.
 */
import { spawnSync } from "child_process";
import { readFileSync, readdirSync } from "fs";
import path from "path";

const FIXTURES = path.join(__dirname, "fixtures");

interface Case {
  fixture: string;
  filePath: string;
  code: string;
}

function loadCase(fixture: string): Case {
  const code = readFileSync(path.join(FIXTURES, fixture), "utf8");
  const header = /^\/\/ Linted as (\S+?):/.exec(code);
  if (header === null) throw new Error(`${fixture}: first line must be "// Linted as <path>: <why>"`);
  return { fixture, filePath: header[1], code };
}

const cases = readdirSync(FIXTURES).sort().map(loadCase);
let messagesOf: Map<string, string[]>;

beforeAll(() => {
  const run = spawnSync(process.execPath, [path.join(__dirname, "lintAs.mjs")], {
    input: JSON.stringify(cases.map(({ code, filePath }) => ({ code, filePath }))),
    encoding: "utf8",
    cwd: path.join(__dirname, "../.."),
  });
  if (run.status !== 0) throw new Error(`lintAs.mjs failed: ${run.stderr}`);
  const results = JSON.parse(run.stdout) as string[][];
  messagesOf = new Map(cases.map((c, i) => [c.fixture, results[i]]));
}, 120_000);

/** The one message the fixture's offending line draws. */
function onlyMessage(fixture: string): string {
  const messages = messagesOf.get(fixture);
  if (messages === undefined) throw new Error(`no fixture ${fixture}`);
  expect(messages).toHaveLength(1);
  return messages[0];
}

describe("layer arrows: each layer imports only the layers below it", () => {
  it.each([
    ["halo-imports-bulk.ts", /src\/halo must not import src\/bulk: it may import only no other layer/],
    ["runtime-imports-taskpane.ts", /src\/runtime\.ts must not import src\/taskpane/],
    ["taskpane-imports-cli.ts", /src\/taskpane must not import src\/cli/],
    [
      "cli-imports-office.ts",
      /src\/cli must not import src\/office: it may import only src\/halo, src\/bulk/,
    ],
    ["office-imports-taskpane.ts", /src\/office must not import src\/taskpane/],
    ["dialog-imports-runtime.ts", /src\/dialog must not import src\/runtime\.ts/],
    ["commands-imports-functions.ts", /src\/commands must not import src\/functions/],
  ])("%s", (fixture, expected) => {
    expect(onlyMessage(fixture)).toMatch(expected);
  });
});

describe("src/halo and src/bulk are reached only through their index", () => {
  it.each(["bulk-deep-halo.ts", "functions-deep-bulk.ts", "office-deep-halo.ts"])("%s", (fixture) => {
    expect(onlyMessage(fixture)).toMatch(/through its public entry src\/(halo|bulk)\/index\.ts/);
  });
});

describe("no UI below the pane, no browser in the command line", () => {
  it.each([
    ["bulk-imports-react.ts", /src\/bulk has no UI/],
    ["cli-imports-react.ts", /src\/cli has no UI/],
    ["cli-browser-global.ts", /src\/cli runs in Node: no browser globals \(window\)/],
  ])("%s", (fixture, expected) => {
    expect(onlyMessage(fixture)).toMatch(expected);
  });
});

describe("Office globals only in src/office and the pages' entry points", () => {
  it.each([
    ["functions-excel-run.ts", /touch the Excel global/],
    ["taskpane-office-runtime-global.ts", /touch the OfficeRuntime global/],
    ["taskpane-global-through-globalthis.ts", /also through globalThis or window/],
    ["functions-window-office.ts", /also through globalThis or window/],
    ["halo-destructures-globals.ts", /also through globalThis or window/],
  ])("%s", (fixture, expected) => {
    expect(onlyMessage(fixture)).toMatch(expected);
  });
});

describe("the test hosts stay independent of the add-in", () => {
  it.each([
    ["workbench-imports-src.ts", /The workbench imports nothing from src\//],
    ["sandbox-imports-client.ts", /The sandbox is an independent Halo/],
  ])("%s", (fixture, expected) => {
    expect(onlyMessage(fixture)).toMatch(expected);
  });
});

describe("what the arrows allow passes", () => {
  it.each([
    "allowed-imports.ts",
    "allowed-office-globals.ts",
    "allowed-entry-point-globals.ts",
    "allowed-sandbox-generated.ts",
  ])("%s", (fixture) => {
    expect(messagesOf.get(fixture)).toEqual([]);
  });
});

it("every fixture is checked above", () => {
  const source = readFileSync(__filename, "utf8");
  expect(cases.map((c) => c.fixture).filter((fixture) => !source.includes(`"${fixture}"`))).toEqual([]);
});
