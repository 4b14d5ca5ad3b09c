/* Selecting with the mouse and keyboard (click, shift-click, shift-arrows, column and row headers)
   reaches the Excel API (getSelectedRange, onSelectionChanged); sheet tabs follow hidden sheets. */
import { expect, test } from "./harness/fixtures";

test("selection: clicks, shift-click, shift-arrows, headers and Enter reach getSelectedRange and onSelectionChanged", async ({
  page,
  workbench,
  pane,
}) => {
  await pane.evaluate(() =>
    Excel.run(async (context) => {
      const seen: string[] = [];
      Object.assign(window, { selectionEvents: seen });
      context.workbook.worksheets.getActiveWorksheet().onSelectionChanged.add(async (event) => {
        seen.push(event.address);
      });
      await context.sync();
    }),
  );
  const selected = () => workbench.selectedAddress();

  await workbench.clickCell("B2");
  await expect.poll(selected).toBe("Sheet1!B2");
  await workbench.clickCell("D5", { shift: true });
  await expect.poll(selected).toBe("Sheet1!B2:D5");
  await page.keyboard.press("Shift+ArrowDown");
  await expect.poll(selected).toBe("Sheet1!B2:D6");
  await workbench.clickColumnHeader("C");
  await expect.poll(selected).toBe("Sheet1!C:C");
  await workbench.clickRowHeader(4);
  await expect.poll(selected).toBe("Sheet1!4:4");
  await workbench.clickCell("A1");
  await page.keyboard.press("Enter"); // Excel moves down
  await expect.poll(selected).toBe("Sheet1!A2");

  const events = await pane.evaluate(
    () => (window as unknown as { selectionEvents: string[] }).selectionEvents,
  );
  expect(events).toEqual(["B2", "B2:D5", "B2:D6", "C:C", "4:4", "A1", "A2"]);

  // The name box reaches cells far past the used ones; the grid grows to show them.
  await workbench.typeAt("AB5000", "far");
  expect(await workbench.readTexts("AB5000")).toEqual([["far"]]);
});

test("sheets: tabs switch sheets; sheets hidden by the API or the menu leave the tabs and come back through the menu", async ({
  page,
  pane,
}) => {
  await pane.evaluate(() =>
    Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.add("Data");
      sheets.add("Secret").visibility = Excel.SheetVisibility.hidden;
      await context.sync();
    }),
  );
  const tabs = page.getByTestId("sheet-tabs").getByRole("tab");
  await expect(tabs).toHaveText(["Sheet1", "Data"], { useInnerText: true });

  await tabs.filter({ hasText: "Data" }).click();
  const active = await pane.evaluate(() =>
    Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load("name");
      await context.sync();
      return sheet.name;
    }),
  );
  expect(active).toBe("Data");

  await page.getByRole("button", { name: "Sheet options" }).click();
  await page.getByRole("menuitem", { name: "Unhide Secret" }).click();
  await expect(tabs).toHaveText(["Sheet1", "Data", "Secret"], { useInnerText: true });

  // Hiding the active sheet (Data) from the menu: its tab goes, the API sees it hidden.
  await page.getByRole("button", { name: "Sheet options" }).click();
  await page.getByRole("menuitem", { name: "Hide Data" }).click();
  await expect(tabs).toHaveText(["Sheet1", "Secret"], { useInnerText: true });
  const visibility = await pane.evaluate(() =>
    Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.load("visibility");
      await context.sync();
      return sheet.visibility;
    }),
  );
  expect(visibility).toBe("Hidden");
});
