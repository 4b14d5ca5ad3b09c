/* Clipboard and selection: 10,000 rows of tab-separated text pasted from the system clipboard (as
   another application puts them there) land in the grid; selected with the keyboard, the Excel API's
   selected range returns exactly those values. Copying a block puts Excel's TSV on the clipboard. */
import { expect, test } from "./harness/fixtures";

const ROWS = 10_000;

/** Row i of the pasted block: text, a whole number, text with a quote, a decimal, a text code. */
function sourceRow(i: number): string[] {
  return [`Client ${i}`, String(1000 + i), `say "hi" ${i}`, (i / 4).toString(), `T-${i % 37}`];
}

/** How Excel reads each pasted entry back: numbers as numbers, text as text. */
function expectedValues(row: string[]): (string | number)[] {
  return row.map((text) => (/^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text));
}

/** Excel's clipboard text: tab between cells, CRLF after rows, quotes around cells holding quotes. */
function toTsv(rows: string[][]): string {
  const quote = (cell: string) => (/["\t\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return rows.map((row) => row.map(quote).join("\t")).join("\r\n") + "\r\n";
}

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("paste: 10,000 rows from the clipboard, selected with the keyboard, read back through getSelectedRange", async ({
  page,
  workbench,
  pane,
}) => {
  test.slow(); // the largest sheets of the suite
  const rows = Array.from({ length: ROWS }, (_, i) => sourceRow(i));
  await workbench.writeClipboard(toTsv(rows));

  await workbench.goTo("B2");
  await page.keyboard.press("Control+v");
  await expect(workbench.cell("B2")).toHaveText("Client 0");
  await expect(workbench.cell("D2")).toHaveText('say "hi" 0');

  // Select the block as a person would: its first cell, then Ctrl+Shift+Down and Ctrl+Shift+Right.
  await workbench.goTo("A1");
  await workbench.goTo("B2");
  await page.keyboard.press("Control+Shift+ArrowDown");
  await page.keyboard.press("Control+Shift+ArrowRight");

  const selected = await pane.evaluate(() =>
    Excel.run(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load("address, values");
      await context.sync();
      return { address: range.address, values: range.values };
    }),
  );
  expect(selected.address).toBe(`Sheet1!B2:F${ROWS + 1}`);
  expect(selected.values).toEqual(rows.map(expectedValues));
});

test("copy: a selected block goes to the clipboard as Excel's tab-separated text", async ({
  page,
  workbench,
}) => {
  await workbench.typeAt("A1", "name");
  await workbench.typeAt("B1", "count");
  await workbench.typeAt("A2", "two words");
  await workbench.typeAt("B2", "=1+1");
  await workbench.goTo("A1:B2");
  await page.keyboard.press("Control+c");
  expect(await workbench.readClipboard()).toBe("name\tcount\r\ntwo words\t2\r\n");
});
