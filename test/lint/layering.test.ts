import { spawnSync } from "child_process";
import path from "path";

// The layering arrows of design.md are ESLint rules; these cases prove they bite.
// ESLint runs in a child process because it loads its config through dynamic import, which jest's VM lacks.
type LintResult = { messages: { ruleId: string | null; message: string }[] };

async function restrictedMessages(filePath: string, code: string): Promise<string[]> {
  const eslint = path.join(process.cwd(), "node_modules", "eslint", "bin", "eslint.js");
  const run = spawnSync(
    process.execPath,
    [eslint, "--format", "json", "--stdin", "--stdin-filename", filePath],
    {
      input: code,
      encoding: "utf8",
    },
  );
  const [result] = JSON.parse(run.stdout) as LintResult[];
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-globals")
    .map((m) => m.message);
}

describe("layering rules", () => {
  it("rejects React in src/bulk", async () => {
    const messages = await restrictedMessages(
      "src/bulk/layeringFixture.ts",
      'import React from "react";\nexport const x = React;\n',
    );
    expect(messages.join("\n")).toMatch(/no React/);
  });

  it("rejects Fluent UI and the office layer in src/halo", async () => {
    const code =
      'import { Button } from "@fluentui/react-components";\nimport { a } from "../office/sheet";\nexport const x = [Button, a];\n';
    const messages = await restrictedMessages("src/halo/layeringFixture.ts", code);
    expect(messages).toHaveLength(2);
  });

  it("rejects src/halo importing src/bulk", async () => {
    const messages = await restrictedMessages(
      "src/halo/layeringFixture.ts",
      'import { p } from "../bulk/payload";\nexport const x = p;\n',
    );
    expect(messages).toHaveLength(1);
  });

  it("rejects the Excel global outside src/office", async () => {
    const code = "export const run = () => Excel.run(async () => undefined);\n";
    expect(await restrictedMessages("src/bulk/layeringFixture.ts", code)).toHaveLength(1);
    expect(await restrictedMessages("src/taskpane/layeringFixture.ts", code)).toHaveLength(1);
    expect(await restrictedMessages("src/office/layeringFixture.ts", code)).toHaveLength(0);
  });

  it("allows src/bulk to import src/halo", async () => {
    const messages = await restrictedMessages(
      "src/bulk/layeringFixture.ts",
      'import { h } from "../halo/client";\nexport const x = h;\n',
    );
    expect(messages).toEqual([]);
  });
});
