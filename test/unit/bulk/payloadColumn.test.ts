import {
  buildPlan,
  findPayloadColumn,
  isPayloadColumn,
  payloadColumnSource,
  type SheetTable,
} from "../../../src/bulk";

const table: SheetTable = {
  headers: ["id", "item_tax_code", "Payload"],
  rows: [
    { rowNumber: 2, values: [1, 2, '{"id":1,"item_tax_code":2}'] },
    { rowNumber: 3, values: [2, 3, "#VALUE!"] },
    { rowNumber: 4, values: [3, 1, ""] },
  ],
};

describe("payload column", () => {
  it("is found by its JSON; an error value or a blank does not hide it, text does", () => {
    expect(isPayloadColumn(table.rows, 2)).toBe(true);
    expect(isPayloadColumn(table.rows, 0)).toBe(false);
    expect(findPayloadColumn(table)).toBe(2);
    expect(findPayloadColumn(table, [0, 1])).toBeUndefined();
    expect(
      isPayloadColumn(
        [
          { rowNumber: 2, values: ["{}"] },
          { rowNumber: 3, values: ["text"] },
        ],
        0,
      ),
    ).toBe(false);
  });

  it("is found by name, case-insensitively; an unknown name finds nothing", () => {
    expect(findPayloadColumn(table, [], "payload")).toBe(2);
    expect(findPayloadColumn(table, [2], "Body")).toBeUndefined();
  });

  it("with a snapshot, a payload column sends only the fields that changed, and names the error cell", () => {
    const plan = buildPlan({
      entity: "Client",
      source: payloadColumnSource(table, 2),
      snapshot: {
        headers: ["id", "name", "item_tax_code"],
        rows: [{ rowNumber: 2, values: [1, "Acme", 1] }],
      },
      options: { payload: { firstColumn: 2 } },
    });
    expect(plan.rows.map((r) => [r.rowNumber, r.action])).toEqual([
      [2, "update"],
      [3, "skip"],
      [4, "skip"],
    ]);
    expect(plan.rows[0]?.object).toEqual({ id: 1, item_tax_code: 2 });
    expect(plan.rows[0]?.changes).toEqual([{ field: "item_tax_code", old: 1, new: 2 }]);
    expect(plan.rows[1]?.reason).toMatch(/C3/);
  });
});
