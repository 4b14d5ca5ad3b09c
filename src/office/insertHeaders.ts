/** Writes field names as a header row at the selected cell, as text, never over anything already there. */
import { TargetNotEmpty } from "./pullWriter";

/** Returns the address written ("Sheet1!B2:E2"). */
export async function insertHeadersAtSelection(names: readonly string[]): Promise<string> {
  if (names.length === 0) throw new RangeError("No field names to insert.");
  return Excel.run(async (context) => {
    const cell = context.workbook.getActiveCell();
    cell.load("rowIndex,columnIndex");
    // The active cell is on the active sheet.
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    await context.sync();
    const area = sheet.getRangeByIndexes(cell.rowIndex, cell.columnIndex, 1, names.length);
    const used = area.getUsedRangeOrNullObject(false);
    area.load("address");
    await context.sync();
    if (!used.isNullObject) throw new TargetNotEmpty(area.address);
    // The text prefix keeps a name as text whatever it looks like.
    area.values = [names.map((name) => `'${name}`)];
    await context.sync();
    return area.address;
  });
}
