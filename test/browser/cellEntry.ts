/* Entering text: a formula that does not parse is refused with a message (as Excel refuses it), the
   cell keeps its value, and the entry can be fixed in the formula bar. */
import assert from "node:assert/strict";
import type { BrowserTest } from "./harness/browserTest";
import { WorkbenchPage } from "./harness/workbenchPage";

export const cellEntryTests: BrowserTest[] = [
  {
    name: "fill handle: dragging a formula's handle down fills it with shifted references",
    timeoutMs: 60_000,
    async run({ page, baseUrl }) {
      const workbench = new WorkbenchPage(page, baseUrl);
      await workbench.open();
      for (const [row, value] of [
        [1, "10"],
        [2, "20"],
        [3, "30"],
        [4, "40"],
      ] as const) {
        await workbench.typeAt(`A${row}`, value);
      }
      await workbench.typeAt("B1", "=A1*2");
      await workbench.clickCell("B1");
      await workbench.dragFillHandle("B1", "B4");
      assert.deepEqual(await workbench.readTexts("B1:B4"), [["20"], ["40"], ["60"], ["80"]]);
      await workbench.goTo("B4");
      await workbench.expectFormulaBar(/^=A4\*2$/);
    },
  },
  {
    name: "entry: a formula that does not parse is refused with a message and fixed in the formula bar, whose typing survives other changes",
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
      await workbench.expectFormulaBar(/^5$/);
      const bar = page.getByTestId("formula-bar");
      await bar.fill("=2*3");
      // A change elsewhere in the workbook (the add-in writing, a function result) leaves the typing alone.
      await workbench.taskpane().evaluate(() =>
        Excel.run(async (context) => {
          context.workbook.worksheets.getActiveWorksheet().getRange("Z99").values = [["elsewhere"]];
          await context.sync();
        }),
      );
      await page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
      );
      assert.equal(await bar.inputValue(), "=2*3");
      await bar.press("Enter");
      await problem.waitFor({ state: "detached" });
      await workbench.expectShown("A1", "6");
      assert.deepEqual(await workbench.readTexts("A1:A2"), [["6"], [""]]);
    },
  },
];
