import { splitIntoBatches } from "../../../src/bulk/batch";
import { diffPreview, planCounts } from "../../../src/bulk/diffPreview";
import { buildPlan, type SheetTable } from "../../../src/bulk/plan";
import type { CellValue } from "../../../src/bulk/cells";

/** A plan from a JSON payload column, one cell per sheet row from row 2. */
function jsonPlan(...cells: string[]) {
  return buildPlan({
    entity: "Client",
    source: { column: "payload", cells: cells.map((value, i) => ({ rowNumber: i + 2, value })) },
  });
}

function table(headers: string[], ...rows: CellValue[][]): SheetTable {
  return { headers, rows: rows.map((values, i) => ({ rowNumber: i + 2, values })) };
}

const headers = ["id", "name", "inactive", "toplevel_id", "customfields.CFRegion"];

describe("buildPlan", () => {
  it("sends every given field, with the id, when there is no snapshot", () => {
    const plan = buildPlan({ entity: "client", source: table(headers, [12, "Acme", "yes", "3", ""]) });
    expect(plan.entity).toBe("Client");
    expect(plan.rows).toEqual([
      expect.objectContaining({
        key: 0,
        rowNumber: 2,
        action: "update",
        id: 12,
        object: { id: 12, name: "Acme", inactive: true, toplevel_id: 3 },
      }),
    ]);
    expect(plan.rows[0].before).toBeUndefined();
    expect(diffPreview(plan)[0].lines).toEqual([
      "name: ? -> Acme",
      "inactive: ? -> true",
      "toplevel_id: ? -> 3",
    ]);
  });

  it("with a snapshot sends only changed fields (typed comparison) and leaves unchanged rows unsent", () => {
    const snapshot = table(headers, [12, "Acme", "FALSE", 3, "North"], [13, "Beta", false, "4", "South"]);
    const edited = table(headers, [12, "Acme Ltd", false, "3", "North"], [13, "Beta", "no", 4, "South"]);
    const plan = buildPlan({ entity: "Client", source: edited, snapshot });
    expect(plan.rows.map((r) => r.action)).toEqual(["update", "unchanged"]);
    expect(plan.rows[0].object).toEqual({ id: 12, name: "Acme Ltd" });
    expect(plan.rows[0].before).toEqual({ id: 12, name: "Acme" });
    expect(plan.rows[1].reason).toMatch(/No field differs/);
    expect(diffPreview(plan)).toEqual([
      { rowNumber: 2, id: 12, action: "update", lines: ["name: Acme -> Acme Ltd"] },
    ]);
  });

  it("sends only the changed custom fields, with the snapshot's values as before-image", () => {
    const h = ["id", "customfields.CFRegion", "customfields.CFTier"];
    const plan = buildPlan({
      entity: "Client",
      source: table(h, [5, "East", "Gold"]),
      snapshot: table(h, [5, "North", "Gold"]),
    });
    expect(plan.rows[0].object).toEqual({ id: 5, customfields: [{ name: "CFRegion", value: "East" }] });
    expect(plan.rows[0].before).toEqual({ id: 5, customfields: [{ name: "CFRegion", value: "North" }] });
    expect(plan.rows[0].changes).toEqual([{ field: "customfields.CFRegion", old: "North", new: "East" }]);
  });

  it("a cleared cell (#NULL) is a change to null, and a blank before-image is null", () => {
    const plan = buildPlan({
      entity: "Client",
      source: table(["id", "notes", "website"], [5, "#NULL", "https://x.example"]),
      snapshot: table(["id", "notes", "website"], [5, "old note", ""]),
    });
    expect(plan.rows[0].object).toEqual({ id: 5, notes: null, website: "https://x.example" });
    expect(plan.rows[0].before).toEqual({ id: 5, notes: "old note", website: null });
  });

  it("creates only when allowed", () => {
    const source = table(["id", "name"], ["", "New client"], [7, "Old"]);
    const denied = buildPlan({ entity: "Client", source });
    expect(denied.rows.map((r) => r.action)).toEqual(["skip", "update"]);
    expect(denied.rows[0].reason).toBe("Row 2 has no id (cell A2) and creating records is not allowed.");
    const allowed = buildPlan({ entity: "Client", source, options: { allowCreate: true } });
    expect(allowed.rows[0]).toMatchObject({ action: "create", object: { name: "New client" } });
  });

  it("skips invalid rows with a message naming row and cell, and plans the rest", () => {
    const source = table(
      ["id", "name", "toplevel_id", "colur"],
      [1, "ok", 2, ""],
      ["abc", "bad id", "", ""],
      [3, "#REF!", "", ""],
      [4, "bad type", 2.5, ""],
      [5, "unknown field", "", "red"],
      [6, "fine", "", ""],
    );
    const plan = buildPlan({ entity: "Client", source });
    expect(plan.rows.map((r) => [r.rowNumber, r.action])).toEqual([
      [2, "update"],
      [3, "skip"],
      [4, "skip"],
      [5, "skip"],
      [6, "skip"],
      [7, "update"],
    ]);
    expect(plan.rows[1].reason).toMatch(/^Row 3: A3 \(id\)/);
    expect(plan.rows[2].reason).toMatch(/^Row 4: B4 \(name\).*#REF!/);
    expect(plan.rows[3].reason).toMatch(/^Row 5: C5 \(toplevel_id\)/);
    expect(plan.rows[4].reason).toMatch(/^Row 6: D6 \(colur\).*colour/);
  });

  it("skips every row of a duplicated id, naming them all", () => {
    const plan = buildPlan({ entity: "Client", source: table(["id", "name"], [9, "a"], [8, "b"], [9, "c"]) });
    expect(plan.rows.map((r) => r.action)).toEqual(["skip", "update", "skip"]);
    expect(plan.rows[0].reason).toBe("id 9 appears in rows 2 and 4; none of them was sent.");
    expect(plan.rows[2].reason).toBe(plan.rows[0].reason);
  });

  it("skips an id given twice in one JSON cell", () => {
    const plan = jsonPlan(
      '[{"id": 9, "name": "a"}, {"id": 9, "name": "b"}]',
      '{"id": 9, "name": "c"}',
      '[{"id": 7, "name": "d"}, {"id": 7, "name": "e"}, {"id": 8, "name": "f"}]',
    );
    expect(plan.rows.map((r) => [r.rowNumber, r.action, r.reason])).toEqual([
      [2, "skip", "id 9 appears in rows 2 and 3; none of them was sent."],
      [2, "skip", "id 9 appears in rows 2 and 3; none of them was sent."],
      [3, "skip", "id 9 appears in rows 2 and 3; none of them was sent."],
      [4, "skip", "id 7 appears 2 times in row 4; none of them was sent."],
      [4, "skip", "id 7 appears 2 times in row 4; none of them was sent."],
      [4, "update", undefined],
    ]);
  });

  it("adds a control flag only where the entity's schema has it", () => {
    const source = table(["id", "name"], [1, "a"]);
    const client = buildPlan({ entity: "Client", source, options: { dontFireAutomations: true } });
    expect(client.flags).toMatchObject({ objectFields: { _dont_fire_automations: true }, notes: [] });
    const item = buildPlan({ entity: "Item", source, options: { dontFireAutomations: true } });
    expect(item.flags.objectFields).toEqual({});
    expect(item.flags.notes[0]).toMatch(/Item has no "don't fire automations" flag/);
    expect(
      buildPlan({ entity: "Tickets", source: table(["id", "summary"], [1, "a"]), options: { dryRun: true } })
        .flags,
    ).toMatchObject({
      objectFields: { _validate_only: true },
      serverValidate: true,
    });
    const local = buildPlan({ entity: "Client", source, options: { dryRun: true } });
    expect(local.flags).toMatchObject({ objectFields: {}, dryRun: true, serverValidate: false });
    // Flags count toward a row's bytes.
    expect(client.rows[0].bytes).toBeGreaterThan(buildPlan({ entity: "Client", source }).rows[0].bytes);
  });

  it("reads a JSON payload column, one planned row per object", () => {
    const plan = jsonPlan('[{"id": 1, "name": "a"}, {"id": 2, "name": "b"}]', '{"id": 3, "name": ');
    expect(plan.rows.map((r) => [r.key, r.rowNumber, r.action, r.id])).toEqual([
      [0, 2, "update", 1],
      [1, 2, "update", 2],
      [2, 3, "skip", undefined],
    ]);
    expect(plan.rows[2].reason).toMatch(/^Row 3: A3 \(payload\)/);
  });

  it("counts actions and batches by rows and bytes", () => {
    const rows = Array.from({ length: 250 }, (_, i) => [i + 1, `Client ${i + 1}`] as CellValue[]);
    const plan = buildPlan({
      entity: "Client",
      source: table(["id", "name"], ...rows),
      options: { batchRows: 100 },
    });
    expect(planCounts(plan)).toEqual({ update: 250, create: 0, unchanged: 0, skip: 0 });
    expect(splitIntoBatches(plan.rows, plan.batchRows, plan.batchBytes).map((b) => b.length)).toEqual([
      100, 100, 50,
    ]);
    const byBytes = splitIntoBatches(plan.rows, 100, 300).map((b) => b.length);
    expect(Math.max(...byBytes)).toBeLessThan(100);
    expect(byBytes.reduce((a, b) => a + b, 0)).toBe(250);
  });

  it("with a snapshot, cells still as pulled are not edits: report-only columns and stale errors do not block a row", () => {
    const h = ["id", "item_tax_code", "item_tax_code_name", "CFContractRef", "website"];
    const snapshot = table(h, [3, 5, "Reverse Charge", "C-00003", "#N/A"], [4, 1, "Standard", "C-00004", ""]);
    const edited = table(h, [3, "2", "Reverse Charge", "C-00003", "#N/A"], [4, 1, "Standard", "C-99999", ""]);
    const plan = buildPlan({ entity: "Client", source: edited, snapshot });
    expect(plan.rows[0]).toMatchObject({
      action: "update",
      object: { id: 3, item_tax_code: 2 },
      before: { id: 3, item_tax_code: 5 },
    });
    // An edit to a column that is no Client field is still an error, naming the cell.
    expect(plan.rows[1].action).toBe("skip");
    expect(plan.rows[1].reason).toMatch(/^Row 3: D3 \(CFContractRef\)/);
  });

  it("a row with only its id has nothing to send", () => {
    const plan = buildPlan({ entity: "Client", source: table(["id", "name"], [5, ""]) });
    expect(plan.rows[0]).toMatchObject({
      action: "unchanged",
      reason: "Nothing to send: the row has only its id.",
    });
  });
});
