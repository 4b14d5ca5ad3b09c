/* The pane's push refuses a row with a value under no header (issue 11): the cell is named, nothing of the row is sent. */
import { DEFAULT_OPTIONS, preparePush } from "../../../../src/taskpane/push/pushPlan";
import { clientSelection } from "./fakePushServices";

const OPTIONS = { ...DEFAULT_OPTIONS, changedOnly: false };

describe("preparePush: values without a header", () => {
  it("a value under a blank header in the selection skips its row and names the cell", () => {
    const selection = clientSelection(
      [
        [1, "Acme", 3, ""],
        [2, "Bolt", 3, "stray"],
      ],
      [0, 1, 2, 3],
      ["id", "name", "item_tax_code", ""],
    );
    const { plan } = preparePush({ selection, entity: "Client", options: OPTIONS });
    expect(plan.rows.map((r) => r.action)).toEqual(["update", "skip"]);
    expect(plan.rows[1]!.reason).toMatch(/^Row 3: D3 has a value but its column has no header/);
  });

  it("a value past the last header (a blank header cell at the block's edge) is named too", () => {
    const selection = clientSelection(
      [[1, "Acme", 3, "", 7]],
      [0, 1, 2, 3, 4],
      ["id", "name", "item_tax_code", "", ""],
    );
    const { plan } = preparePush({ selection, entity: "Client", options: OPTIONS });
    expect(plan.rows[0]!.action).toBe("skip");
    expect(plan.rows[0]!.reason).toContain("E2 has a value but its column has no header");
  });

  it("columns not sent (a display name, a column not selected) are not taken for stray values", () => {
    const selection = clientSelection([[1, "Acme", 3, "Standard"]], [0, 2]);
    const { plan } = preparePush({ selection, entity: "Client", options: OPTIONS });
    expect(plan.rows[0]!.action).toBe("update");
    expect(plan.rows[0]!.object).toEqual({ id: 1, item_tax_code: 3 });
  });
});
