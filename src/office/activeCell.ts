/** The active cell (where a pull "at the selected cell" lands), and a subscription to selection changes. */
import { sharedExcelEvent } from "./excelEvent";

/** The active cell's address with its sheet, as Excel writes it ("Sheet1!D4", "'My sheet'!D4"). */
export async function activeCellAddress(): Promise<string> {
  return Excel.run(async (context) => {
    const cell = context.workbook.getActiveCell();
    cell.load("address");
    await context.sync();
    return cell.address;
  });
}

/** Calls `listener` whenever the user selects other cells (on any sheet); returns a function that stops it. */
export const onSelectionChanged = sharedExcelEvent((context, notify) => {
  context.workbook.onSelectionChanged.add(notify);
});
