/**
 * Rules of the plan for ids and empty rows: an id of 0, -1 or a blank cell means "create" (Halo's own
 * convention), and the id is not sent (a null id never gets this far: the schema check refuses it); creating is refused unless allowed; an all-blank
 * row is skipped with a message naming it.
 */
import { buildPlan, type SheetTable } from "../../../src/bulk/plan";
import type { CellValue } from "../../../src/bulk/cells";

function table(headers: string[], ...rows: CellValue[][]): SheetTable {
  return { headers, rows: rows.map((values, i) => ({ rowNumber: i + 2, values })) };
}

function jsonPlan(allowCreate: boolean, ...cells: string[]) {
  return buildPlan({
    entity: "Client",
    source: { column: "payload", cells: cells.map((value, i) => ({ rowNumber: i + 2, value })) },
    options: { allowCreate },
  });
}

describe("plan: ids that mean create", () => {
  it.each<[string, CellValue]>([
    ["0", 0],
    ["-1", -1],
    ["a blank cell", ""],
  ])("an id of %s in the sheet creates the row when creating is allowed", (_what, id) => {
    const plan = buildPlan({
      entity: "Client",
      source: table(["id", "name"], [id, "New client"]),
      options: { allowCreate: true },
    });
    expect(plan.rows).toEqual([
      expect.objectContaining({ rowNumber: 2, action: "create", object: { name: "New client" } }),
    ]);
    expect(plan.rows[0].id).toBeUndefined();
  });

  it.each(['{"id":0,"name":"A"}', '{"id":-1,"name":"A"}', '{"name":"A"}'])(
    "the JSON payload %s creates a record without sending an id",
    (cell) => {
      const plan = jsonPlan(true, cell);
      expect(plan.rows).toEqual([expect.objectContaining({ action: "create", object: { name: "A" } })]);
    },
  );

  it.each(['{"id":0,"name":"A"}', '{"id":-1,"name":"A"}', '{"name":"A"}'])(
    "without permission to create, %s is skipped saying so",
    (cell) => {
      const plan = jsonPlan(false, cell);
      expect(plan.rows).toEqual([
        expect.objectContaining({
          action: "skip",
          reason: "Row 2 has no id and creating records is not allowed.",
        }),
      ]);
    },
  );

  it("an id of -2 is not a record number, so nothing is created for it", () => {
    const plan = jsonPlan(true, '{"id":-2,"name":"A"}');
    expect(plan.rows.map((r) => [r.action, r.reason])).toEqual([
      ["skip", "Row 2: id -2 is not a record number."],
    ]);
  });

  it("a null id is refused by the schema check before the plan reads it (Halo's id always has a value)", () => {
    const plan = jsonPlan(true, '{"id":null,"name":"A"}');
    expect(plan.rows.map((r) => [r.action, r.reason])).toEqual([
      ["skip", "Row 2: A2 (payload): id: cannot be null: Halo's schema says it always has a value"],
    ]);
  });

  // So the plan's own id checks see only integers or no id (bench/mutation-notes.md: numericId).
  it.each([
    ['""', 'string ""'],
    ['"5"', 'string "5"'],
    ["1.5", "number 1.5"],
    ["true", "boolean true"],
  ])("an id of %s is refused by the schema check before the plan reads it", (id, got) => {
    const plan = jsonPlan(true, `{"id":${id},"name":"A"}`);
    expect(plan.rows.map((r) => [r.action, r.reason])).toEqual([
      ["skip", `Row 2: A2 (payload): id: expected a whole number, got ${got}`],
    ]);
  });
});

describe("plan: empty rows", () => {
  it("an all-blank row is skipped as empty, and the rows around it are planned", () => {
    const plan = buildPlan({
      entity: "Client",
      source: table(["id", "name"], [1, "A"], ["", ""], [3, "C"]),
    });
    expect(plan.rows.map((r) => [r.rowNumber, r.action, r.reason])).toEqual([
      [2, "update", undefined],
      [3, "skip", "Row 3 is empty."],
      [4, "update", undefined],
    ]);
    expect(plan.rows[1].object).toBeUndefined();
  });
});
