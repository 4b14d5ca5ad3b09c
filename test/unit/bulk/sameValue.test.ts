import { mergeCustomFields } from "../../../src/bulk/customFields";
import { matches } from "../../../src/bulk/sameValue";

describe("matches (typed comparison)", () => {
  it.each([
    [12, "12", true],
    ["12", 12, true],
    [12, 12.5, false],
    [true, "true", true],
    [false, true, false],
    ["", null, true],
    [null, undefined, true],
    ["x", null, false],
    ["2026-01-05T10:00:00Z", "2026-01-05T10:00:00", true],
    ["2026-01-05T10:00:00Z", "2026-01-05T10:00:00.000Z", true],
    ["2026-01-05", "2026-01-06", false],
    [{ name: "a" }, { name: "a", id: 3 }, true],
    [{ name: "a" }, { name: "b" }, false],
    [[1, 2], [1, 2], true],
    [[1, 2], [2, 1], false],
    [
      [{ id: 5, value: "x" }],
      [
        { id: 4, value: "y" },
        { id: 5, name: "CF", value: "x" },
      ],
      true,
    ],
    [[{ name: "cf", value: "x" }], [{ id: 5, name: "CF", value: "y" }], false],
  ])("matches(%p, %p) is %p", (expected, actual, result) => {
    expect(matches(expected, actual)).toBe(result);
  });
});

describe("mergeCustomFields", () => {
  it("keeps every field the record has, replaces the changed ones and appends new ones", () => {
    const current = [
      { id: 1, name: "A", value: "a", display: "a" },
      { id: 2, name: "B", value: "b" },
    ];
    expect(
      mergeCustomFields(current, [
        { name: "b", value: "B2" },
        { id: 9, value: "new" },
      ]),
    ).toEqual([
      { id: 1, name: "A", value: "a" },
      { id: 2, name: "B", value: "B2" },
      { id: 9, value: "new" },
    ]);
    expect(mergeCustomFields(undefined, [{ id: 3, value: 1 }])).toEqual([{ id: 3, value: 1 }]);
  });
});
