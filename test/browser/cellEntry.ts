/* Entering text: a formula that does not parse is refused with a message (as Excel refuses it), the
   cell keeps its value, and the entry can be fixed in the formula bar. */
import assert from "node:assert/strict";
import type { BrowserTest } from "./harness/browserTest";
import { WorkbenchPage } from "./harness/workbenchPage";

export const cellEntryTests: BrowserTest[] = [
  {
    name: "entry: a formula that does not parse is refused with a message and fixed in the formula bar",
    timeoutMs: 60_000,
    async run({ page, baseUrl }) {
      const workbench = new WorkbenchPage(page, baseUrl);
      await workbench.open();
      await workbench.typeAt("A1", "5");
      await workbench.typeAt("A1", "=A2+");
      const problem = page.getByTestId("entry-problem");
      await problem.waitFor();
      assert.match(await problem.innerText(), /A1: =A2\+ is not a valid formula/);
      await workbench.expectShown("A1", "5");

      await workbench.goTo("A1");
      const bar = page.getByTestId("formula-bar");
      await bar.fill("=2*3");
      await bar.press("Enter");
      await problem.waitFor({ state: "detached" });
      await workbench.expectShown("A1", "6");
      assert.deepEqual(await workbench.readTexts("A1:A2"), [["6"], [""]]);
    },
  },
];
