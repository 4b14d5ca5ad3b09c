/**
 * A skipped row's reason names the cell to fix: the id's cell wherever the id column is (any column,
 * its header in any case and with spaces around it, as the payload engine reads it) and offset by
 * where the table starts on the sheet; and every bad cell of a row, one after another.
 */
import { buildPlan, type SheetTable } from "../../../src/bulk/plan";
import type { CellValue } from "../../../src/bulk/cells";

function table(headers: string[], ...rows: CellValue[][]): SheetTable {
  return { headers, rows: rows.map((values, i) => ({ rowNumber: i + 2, values })) };
}

/** The reasons for two rows under `headers` (a name, and the id last): id -2, then no id. */
function reasons(headers: string[], firstColumn = 0): (string | undefined)[] {
  return buildPlan({
    entity: "Client",
    source: table(headers, ["A", -2], ["B", ""]),
    options: { payload: { firstColumn } },
  }).rows.map((r) => r.reason);
}

describe("plan: the cell a skip reason names", () => {
  it("the id's cell when the id is not the first column", () => {
    expect(reasons(["name", "id"])).toEqual([
      "Row 2: id -2 (cell B2) is not a record number.",
      "Row 3 has no id (cell B3) and creating records is not allowed.",
    ]);
  });

  it("the id's cell under a header with spaces and capitals, which the engine reads as the id", () => {
    expect(reasons(["name", " ID "])).toEqual([
      "Row 2: id -2 (cell B2) is not a record number.",
      "Row 3 has no id (cell B3) and creating records is not allowed.",
    ]);
  });

  it("the id's cell where the table starts right of column A", () => {
    expect(reasons(["name", "id"], 2)).toEqual([
      "Row 2: id -2 (cell D2) is not a record number.",
      "Row 3 has no id (cell D3) and creating records is not allowed.",
    ]);
  });

  it("every bad cell of a row, in column order, separated by semicolons", () => {
    const plan = buildPlan({
      entity: "Client",
      source: table(["id", "toplevel_id", "inactive"], [1, "abc", "maybe"]),
    });
    const problems = plan.rows[0].reason?.replace(/^Row 2: /, "").split("; ");
    expect(problems).toEqual([
      expect.stringMatching(/^B2 \(toplevel_id\): /),
      expect.stringMatching(/^C2 \(inactive\): /),
    ]);
  });
});
