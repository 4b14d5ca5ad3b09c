/** The active worksheet: its id, and a subscription to the user switching sheets. */
import { sharedExcelEvent } from "./excelEvent";

export async function activeSheet(): Promise<{ id: string; name: string }> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load("id,name");
    await context.sync();
    return { id: sheet.id, name: sheet.name };
  });
}

/** Calls `listener` whenever another sheet becomes active; returns a function that stops it. */
export const onActiveSheetChanged = sharedExcelEvent((context, notify) => {
  context.workbook.worksheets.onActivated.add(notify);
});
