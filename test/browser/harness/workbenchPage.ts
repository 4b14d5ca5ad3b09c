/* Drives the workbench as a person would: the name box to move, the keyboard to type, the grid's
   accessible cells (what Glide draws on its canvas, mirrored in the DOM) to read. */
import assert from "node:assert/strict";
import type { Frame, Page } from "playwright-core";
import { columnIndex } from "../../../workbench/model/address";

export class WorkbenchPage {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  /** Opens the workbench and waits for the task pane (the add-in's real page) to be running. */
  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/workbench.html`);
    await this.page.waitForSelector('[data-testid="workbench"][data-taskpane="loaded"]');
    await this.taskpane().waitForFunction(
      () => typeof Office !== "undefined" && typeof Excel !== "undefined",
    );
  }

  /** The task pane iframe: code evaluated here sees the same Office globals as the add-in. */
  taskpane(): Frame {
    const frame = this.page.frame({ name: "taskpane" });
    if (!frame) throw new Error("The task pane iframe is missing.");
    return frame;
  }

  /** Goes to a cell or range through the name box; the keyboard then belongs to the grid. */
  async goTo(address: string): Promise<void> {
    const box = this.page.getByTestId("name-box");
    await box.click();
    await box.fill(address);
    await box.press("Enter");
  }

  /** Types into the active cell and presses Enter (or Tab), as a person would: the first key opens
   *  the cell editor, the rest go into it once it is there. */
  async type(text: string, then: "Enter" | "Tab" = "Enter"): Promise<void> {
    const editor = this.page.getByTestId("cell-editor");
    await this.page.keyboard.type(text.slice(0, 1));
    await editor.waitFor();
    await this.page.keyboard.type(text.slice(1));
    await this.page.keyboard.press(then);
    await editor.waitFor({ state: "detached" });
  }

  async typeAt(address: string, text: string): Promise<void> {
    await this.goTo(address);
    await this.type(text);
  }

  /** What the grid shows in a cell that is on screen. */
  async shownText(address: string): Promise<string> {
    const match = /^([A-Z]+)([0-9]+)$/.exec(address);
    if (!match) throw new Error(`Not a cell address: ${address}`);
    // The accessible table counts the row-number column as column 0.
    const id = `glide-cell-${columnIndex(match[1]) + 1}-${Number(match[2]) - 1}`;
    const cell = this.page.locator(`[id="${id}"]`);
    if ((await cell.count()) === 0) return `(${address} is not on screen)`;
    return (await cell.textContent()) ?? "";
  }

  /** Waits (the grid redraws on the next frame) until a cell on screen shows `expected`. */
  async expectShown(address: string, expected: string, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let shown = await this.shownText(address);
    while (shown !== expected && Date.now() < deadline) {
      await this.page.waitForTimeout(50);
      shown = await this.shownText(address);
    }
    assert.equal(shown, expected, `${address} shows`);
  }

  /** Range.text of a range on the active sheet, read through the Excel API in the task pane. */
  async readTexts(address: string): Promise<string[][]> {
    return this.taskpane().evaluate(
      (rangeAddress) =>
        Excel.run(async (context) => {
          const range = context.workbook.worksheets.getActiveWorksheet().getRange(rangeAddress);
          range.load("text");
          await context.sync();
          return range.text;
        }),
      address,
    );
  }

  /** The system clipboard, as another application would fill or read it (needs the clipboard permissions). */
  async writeClipboard(text: string): Promise<void> {
    await this.page.evaluate((value) => navigator.clipboard.writeText(value), text);
  }

  async readClipboard(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** Waits until the formula bar (which follows the active cell on the next frame) matches. */
  async expectFormulaBar(pattern: RegExp, timeoutMs = 5000): Promise<void> {
    const bar = this.page.getByTestId("formula-bar");
    const deadline = Date.now() + timeoutMs;
    let text = await bar.inputValue();
    while (!pattern.test(text) && Date.now() < deadline) {
      await this.page.waitForTimeout(50);
      text = await bar.inputValue();
    }
    assert.match(text, pattern, "the formula bar");
  }
}
