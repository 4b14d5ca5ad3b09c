/* Some field columns of a pulled report selected (B:C of id, name, item_tax_code, item_tax_code_name,
   CFContractRef): the plan still diffs against the snapshot, so each change has its old value and
   the row its before-image (the conflict check and Undo need it), whatever columns are not sent. */
import { DEFAULT_OPTIONS, preparePush } from "../../../../src/taskpane/push/pushPlan";
import { clientSelection } from "./fakePushServices";

const HEADERS = ["id", "name", "item_tax_code", "item_tax_code_name", "CFContractRef"];
const PULLED = [
  [88, "Acme", 5, "Zero", "C-1"],
  [89, "Bolt", 5, "Zero", "C-2"],
];

describe("preparePush: the snapshot with columns not sent", () => {
  it.each([
    ["name and item_tax_code", [1, 2]],
    ["item_tax_code alone", [2]],
    ["every column", [0, 1, 2, 3, 4]],
  ])("%s selected: the change has its old value and the row its before-image", (_, selected) => {
    const edited = [[88, "Acme", 1, "Zero", "C-1"], PULLED[1]!];
    const { plan } = preparePush({
      selection: clientSelection(edited, selected, HEADERS),
      entity: "Client",
      snapshot: { headers: HEADERS, rows: PULLED },
      options: DEFAULT_OPTIONS,
    });
    expect(plan.rows.map((r) => r.action)).toEqual(["update", "unchanged"]);
    expect(plan.rows[0]!.changes).toEqual([{ field: "item_tax_code", old: 5, new: 1 }]);
    expect(plan.rows[0]!.before).toEqual({ id: 88, item_tax_code: 5 });
  });
});
