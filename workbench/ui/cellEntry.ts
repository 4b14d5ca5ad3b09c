/* Entering typed text into a cell, as the grid and the formula bar both do: the workbook refuses text
   Excel refuses (a formula that does not parse), and the user is told why instead of losing the entry. */
import { cellName } from "../model/address";
import { WorkbookError } from "../model/errors";
import type { Workbook } from "../model/workbook";

export interface EntryProblem {
  /** "C2: =1+ is not a valid formula: ..." */
  message: string;
}

/** Enters the text; returns the problem when the workbook refused it. Other failures are bugs and throw. */
export function enterCellText(
  workbook: Workbook,
  sheetId: string,
  row: number,
  col: number,
  text: string,
): EntryProblem | undefined {
  try {
    workbook.setCellInput(sheetId, row, col, text);
    return undefined;
  } catch (error) {
    if (error instanceof WorkbookError) return { message: `${cellName(row, col)}: ${error.message}` };
    throw error;
  }
}
