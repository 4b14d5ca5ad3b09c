/**
 * @jest-environment jsdom
 */
/* Refresh on a filtered table: a filter hides rows by number, and the rewritten rows hold other records,
   so Refresh applies the table's filters again; the rows hidden afterwards are the ones the filter hides. */
import { Workbook } from "../../../workbench/model/workbook";
import { installOfficeGlobals } from "../../../workbench/excel/install";
import type { PulledTable } from "../../../src/halo";
import { writePulledTable } from "../../../src/office/pullWriter";
import { refreshPulledTable } from "../../../src/office/refreshTable";

const HEADERS = ["id", "status"];

function pulled(rows: PulledTable["rows"]): PulledTable {
  return { headers: HEADERS, types: ["number", "text"], rows, warnings: [], pages: 1 };
}

async function pulledSheet(): Promise<{ workbook: Workbook; sheet: string }> {
  const workbook = new Workbook();
  installOfficeGlobals(window, workbook, { memoryStorage: true });
  await writePulledTable(
    pulled([
      [1, "Open"],
      [2, "Closed"],
      [3, "Open"],
      [4, "Closed"],
    ]),
    "Tickets",
    { kind: "newSheet" },
  );
  return { workbook, sheet: workbook.getSheet("Tickets")!.id };
}

/** The ids on the rows the sheet shows and hides. */
function idsBy(workbook: Workbook, sheet: string): { shown: unknown[]; hidden: unknown[] } {
  const rows = workbook.getApiValues(sheet, workbook.usedRange(sheet)!).slice(1);
  const hidden = new Set(workbook.rowVisibility.hiddenRows(sheet));
  return {
    shown: rows.filter((_, i) => !hidden.has(i + 1)).map((row) => row[0]),
    hidden: rows.filter((_, i) => hidden.has(i + 1)).map((row) => row[0]),
  };
}

describe("Refresh on a filtered table", () => {
  it("hides afterwards the rows the filter hides, though Halo's order changed and the table shrank", async () => {
    const { workbook, sheet } = await pulledSheet();
    await Excel.run(async (context) => {
      context.workbook.tables
        .getItem("Halo_Tickets")
        .columns.getItem("status")
        .filter.applyValuesFilter(["Open"]);
      await context.sync();
    });
    expect(idsBy(workbook, sheet)).toEqual({ shown: [1, 3], hidden: [2, 4] });
    await refreshPulledTable(
      "Halo_Tickets",
      HEADERS,
      pulled([
        [2, "Closed"],
        [1, "Open"],
        [4, "Open"],
      ]),
    );
    // Without reapplying, the sheet row that hid ticket 2 would now hide ticket 1, which is Open.
    expect(idsBy(workbook, sheet)).toEqual({ shown: [1, 4], hidden: [2] });
  });

  it("a table without a filter shows every row, and a row hidden by hand stays hidden", async () => {
    const { workbook, sheet } = await pulledSheet();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Tickets").getRange("A3").rowHidden = true;
      await context.sync();
    });
    await refreshPulledTable(
      "Halo_Tickets",
      HEADERS,
      pulled([
        [4, "Closed"],
        [3, "Open"],
        [2, "Closed"],
      ]),
    );
    expect(idsBy(workbook, sheet)).toEqual({ shown: [4, 2], hidden: [3] });
  });
});
