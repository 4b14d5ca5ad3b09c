/* A block of rows pasted at A1 as another application puts them on the clipboard (Excel's
   tab-separated text): the fastest way to fill thousands of rows (needs the clipboard permissions). */
import { expect } from "@playwright/test";
import type { WorkbenchPage } from "./workbenchPage";

/** Pastes rows (the first being the headers) at A1. */
export async function pasteRows(workbench: WorkbenchPage, rows: (string | number)[][]): Promise<void> {
  await workbench.writeClipboard(rows.map((row) => row.join("\t")).join("\r\n") + "\r\n");
  await workbench.goTo("A1");
  await workbench.page.keyboard.press("Control+v");
  await expect(workbench.cell("A1")).toHaveText(String(rows[0]![0]));
}
