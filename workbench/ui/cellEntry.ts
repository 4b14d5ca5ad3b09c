/* Changes made from the grid and the formula bar (typing, pasting, filling): the workbook refuses
   what Excel refuses (a formula that does not parse, a block past the sheet's edge), and the user is
   told why instead of the page failing. */
import { cellName } from "../model/address";
import { WorkbookError } from "../model/errors";
import type { Workbook } from "../model/workbook";

export interface EntryProblem {
  /** "C2: =1+ is not a valid formula: ..." */
  message: string;
}

/** Runs a change; returns the problem when the workbook refused it. Other failures are bugs and throw. */
export function attemptChange(where: string, change: () => void): EntryProblem | undefined {
  try {
    change();
    return undefined;
  } catch (error) {
    if (error instanceof WorkbookError) return { message: `${where}: ${error.message}` };
    throw error;
  }
}

export function enterCellText(
  workbook: Workbook,
  sheetId: string,
  row: number,
  col: number,
  text: string,
): EntryProblem | undefined {
  return attemptChange(cellName(row, col), () => workbook.setCellInput(sheetId, row, col, text));
}
