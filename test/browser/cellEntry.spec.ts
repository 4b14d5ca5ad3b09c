/* Entering text: a formula that does not parse is refused with a message (as Excel refuses it), the
   cell keeps its value, and the entry can be fixed in the formula bar. */
import { expect, test } from "./harness/fixtures";

test("fill handle: dragging a formula's handle down fills it with shifted references", async ({
  workbench,
}) => {
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
  expect(await workbench.readTexts("B1:B4")).toEqual([["20"], ["40"], ["60"], ["80"]]);
  await workbench.goTo("B4");
  await expect(workbench.formulaBar).toHaveValue(/^=A4\*2$/);
});

test("entry: a formula that does not parse is refused with a message and fixed in the formula bar, whose typing survives other changes", async ({
  page,
  workbench,
  pane,
}) => {
  await workbench.typeAt("A1", "5");
  await workbench.typeAt("A1", "=A2+");
  const problem = page.getByTestId("entry-problem");
  await expect(problem).toHaveText(/A1: =A2\+ is not a valid formula/);
  await expect(workbench.cell("A1")).toHaveText("5");

  await workbench.goTo("A1");
  const bar = workbench.formulaBar;
  await expect(bar).toHaveValue(/^5$/);
  await bar.fill("=2*3");
  // A change elsewhere in the workbook (the add-in writing, a function result) leaves the typing alone.
  await pane.evaluate(() =>
    Excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange("Z99").values = [["elsewhere"]];
      await context.sync();
    }),
  );
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  expect(await bar.inputValue()).toBe("=2*3");
  await bar.press("Enter");
  await expect(problem).toHaveCount(0);
  await expect(workbench.cell("A1")).toHaveText("6");
  expect(await workbench.readTexts("A1:A2")).toEqual([["6"], [""]]);
});
