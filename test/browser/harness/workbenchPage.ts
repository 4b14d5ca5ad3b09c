/* Drives the workbench as a person would: the name box to move, the keyboard to type, the grid's
   accessible cells (what Glide draws on its canvas, mirrored in the DOM) to read. */
import { expect, type Frame, type Locator, type Page } from "@playwright/test";
import { columnIndex, parseAddress } from "../../../workbench/model/address";

/** Glide mirrors the cells on screen in an accessible table; it counts the row numbers as column 0. */
function accessibleCellId(address: string): string {
  const { row, col } = parseCell(address);
  return `glide-cell-${col + 1}-${row}`;
}

/** The grid's default geometry (workbench/ui/grid/Grid.tsx), for clicks on a grid that was not scrolled. */
const ROW_MARKER_WIDTH = 56;
const HEADER_HEIGHT = 26;
const ROW_HEIGHT = 24;
const COLUMN_WIDTH = 100;

function parseCell(address: string): { row: number; col: number } {
  const rect = parseAddress(address)?.rect;
  if (!rect || rect.rowCount !== 1 || rect.colCount !== 1) throw new Error(`Not a cell address: ${address}`);
  return rect;
}

export class WorkbenchPage {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  /** Opens the workbench and waits for the task pane (the add-in's real page) to be running. The
   *  development bundles take a while to load and parse on a busy machine. */
  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/workbench.html`);
    await expect(this.page.getByTestId("workbench")).toHaveAttribute("data-taskpane", "loaded", {
      timeout: 60_000,
    });
    await this.taskpane().waitForFunction(
      () => typeof Office !== "undefined" && typeof Excel !== "undefined",
      undefined,
      { timeout: 60_000 },
    );
  }

  /** The task pane iframe: code evaluated here sees the same Office globals as the add-in. */
  taskpane(): Frame {
    const frame = this.page.frame({ name: "taskpane" });
    if (!frame) throw new Error("The task pane iframe is missing.");
    return frame;
  }

  /** A cell as the grid shows it (Glide mirrors the cells on screen in the DOM): for
   *  `await expect(workbench.cell("A1")).toHaveText("5")`. Scroll it into view first (goTo). */
  cell(address: string): Locator {
    return this.page.locator(`[id="${accessibleCellId(address)}"]`);
  }

  /** The formula bar, which follows the active cell on the next frame: assert with toHaveValue. */
  get formulaBar(): Locator {
    return this.page.getByTestId("formula-bar");
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
    // Glide starts editing on a key only for a cell it has scrolled into view.
    await this.cell(address).waitFor({ state: "attached" });
    await this.type(text);
  }

  private async canvasOrigin(): Promise<{ x: number; y: number }> {
    const box = await this.page.getByTestId("data-grid-canvas").boundingBox();
    if (!box) throw new Error("The grid is not on screen.");
    return box;
  }

  /** Clicks a cell with the mouse (shift-click extends the selection). */
  async clickCell(address: string, options: { shift?: boolean } = {}): Promise<void> {
    const { row, col } = parseCell(address);
    const origin = await this.canvasOrigin();
    const x = origin.x + ROW_MARKER_WIDTH + col * COLUMN_WIDTH + COLUMN_WIDTH / 2;
    const y = origin.y + HEADER_HEIGHT + row * ROW_HEIGHT + ROW_HEIGHT / 2;
    if (options.shift) await this.page.keyboard.down("Shift");
    await this.page.mouse.click(x, y);
    if (options.shift) await this.page.keyboard.up("Shift");
  }

  async clickColumnHeader(letters: string): Promise<void> {
    const origin = await this.canvasOrigin();
    const x = origin.x + ROW_MARKER_WIDTH + columnIndex(letters) * COLUMN_WIDTH + COLUMN_WIDTH / 2;
    await this.page.mouse.click(x, origin.y + HEADER_HEIGHT / 2);
  }

  async clickRowHeader(rowNumber: number): Promise<void> {
    const origin = await this.canvasOrigin();
    const y = origin.y + HEADER_HEIGHT + (rowNumber - 1) * ROW_HEIGHT + ROW_HEIGHT / 2;
    await this.page.mouse.click(origin.x + ROW_MARKER_WIDTH / 2, y);
  }

  /** Drags the fill handle (the selected cell's bottom-right corner) down to another cell. */
  async dragFillHandle(from: string, to: string): Promise<void> {
    const origin = await this.canvasOrigin();
    const start = parseCell(from);
    const end = parseCell(to);
    const x = origin.x + ROW_MARKER_WIDTH + (start.col + 1) * COLUMN_WIDTH - 2;
    await this.page.mouse.move(x, origin.y + HEADER_HEIGHT + (start.row + 1) * ROW_HEIGHT - 2);
    await this.page.mouse.down();
    await this.page.mouse.move(
      x - COLUMN_WIDTH / 2,
      origin.y + HEADER_HEIGHT + end.row * ROW_HEIGHT + ROW_HEIGHT / 2,
      {
        steps: 8,
      },
    );
    await this.page.mouse.up();
  }

  /** Drags a column header's right edge, as a person widens a column. */
  async widenColumn(letters: string, by: number): Promise<void> {
    const origin = await this.canvasOrigin();
    const x = origin.x + ROW_MARKER_WIDTH + (columnIndex(letters) + 1) * COLUMN_WIDTH - 1;
    const y = origin.y + HEADER_HEIGHT / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    // In small steps, each after a frame, as a hand moves: the grid resizes as the header is dragged.
    for (let moved = 10; moved <= by; moved += 10) {
      await this.page.mouse.move(x + moved, y);
      await this.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    }
    await this.page.mouse.up();
  }

  /** The address getSelectedRange reports in the task pane. */
  async selectedAddress(): Promise<string> {
    return this.taskpane().evaluate(() =>
      Excel.run(async (context) => {
        const range = context.workbook.getSelectedRange();
        range.load("address");
        await context.sync();
        return range.address;
      }),
    );
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
}
