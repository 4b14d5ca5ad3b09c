// Lints snippets as if they were files at given paths, with the project's ESLint config, and prints
// each one's restricted-import / restricted-global messages as JSON. Run by layering.test.ts in a child
// process: ESLint loads its config through dynamic import, which jest's VM lacks.
import { ESLint } from "eslint";

const RULES = new Set(["no-restricted-imports", "no-restricted-globals", "no-restricted-syntax"]);
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const cases = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const eslint = new ESLint();
const out = [];
for (const { code, filePath } of cases) {
  const [result] = await eslint.lintText(code, { filePath });
  out.push(
    (result?.messages ?? [])
      .filter((m) => m.fatal || RULES.has(m.ruleId))
      .map((m) => (m.fatal ? `FATAL ${m.message}` : m.message)),
  );
}
process.stdout.write(JSON.stringify(out));
