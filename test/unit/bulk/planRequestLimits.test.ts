/**
 * The plan's request limits: by default a batch holds 100 rows and 1 MB, and one row may be as large
 * as a whole request's body less the two bytes of the JSON array around it (`[row]`); a row over that
 * is skipped saying so and sends nothing, a row exactly at it is sent. Rows skipped for another reason
 * carry nothing to send: no changes, 0 bytes, and their own reason.
 */
import { buildPlan, type SheetTable } from "../../../src/bulk/plan";
import { DEFAULT_BATCH_BYTES, DEFAULT_BATCH_ROWS, jsonBytes } from "../../../src/bulk/batch";
import type { CellValue } from "../../../src/bulk/cells";

function table(headers: string[], ...rows: CellValue[][]): SheetTable {
  return { headers, rows: rows.map((values, i) => ({ rowNumber: i + 2, values })) };
}

describe("plan: request limits", () => {
  it("without batch options a request holds 100 rows and 1 MB", () => {
    const plan = buildPlan({ entity: "Client", source: table(["id", "name"], [1, "A"]) });
    expect([plan.batchRows, plan.batchBytes]).toEqual([DEFAULT_BATCH_ROWS, DEFAULT_BATCH_BYTES]);
    expect([DEFAULT_BATCH_ROWS, DEFAULT_BATCH_BYTES]).toEqual([100, 1024 * 1024]);
  });

  it("a row may take a whole body but the array's two brackets: 38 bytes fit a 40-byte body, 39 do not", () => {
    const fits = "x".repeat(20);
    const over = "x".repeat(21);
    expect([jsonBytes({ id: 1, name: fits }), jsonBytes({ id: 2, name: over })]).toEqual([38, 39]);
    const plan = buildPlan({
      entity: "Client",
      source: table(["id", "name"], [1, fits], [2, over]),
      options: { batchBytes: 40 },
    });
    expect(plan.rows.map((r) => [r.action, r.bytes])).toEqual([
      ["update", 38],
      ["skip", 39],
    ]);
    expect(plan.rows[1].reason).toBe(
      "Row 3 is 39 bytes as JSON, over the 38-byte limit for one request; not sent.",
    );
    expect(plan.rows[1].object).toBeUndefined();
  });

  it("rows skipped or unchanged for another reason have no changes, 0 bytes and keep their reason under any limit", () => {
    const plan = buildPlan({
      entity: "Client",
      source: table(["id", "name"], [-2, "A"], [5, ""], ["", "B"]),
      // A 3-byte body: room for no row at all.
      options: { batchBytes: 3 },
    });
    expect(plan.rows).toEqual([
      {
        key: 0,
        rowNumber: 2,
        action: "skip",
        reason: "Row 2: id -2 (cell A2) is not a record number.",
        changes: [],
        bytes: 0,
      },
      {
        key: 1,
        rowNumber: 3,
        id: 5,
        action: "unchanged",
        reason: "Nothing to send: the row has only its id.",
        changes: [],
        bytes: 0,
      },
      {
        key: 2,
        rowNumber: 4,
        action: "skip",
        reason: "Row 4 has no id (cell A4) and creating records is not allowed.",
        changes: [],
        bytes: 0,
      },
    ]);
  });
});
