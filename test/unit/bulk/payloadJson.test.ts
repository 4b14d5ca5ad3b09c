import { jsonCellsToPayloads } from "../../../src/bulk/payload";
import { parseJsonText } from "../../../src/bulk/payload/jsonText";

describe("jsonCellsToPayloads", () => {
  it("takes objects and arrays of objects exactly as written, skipping blanks", () => {
    const result = jsonCellsToPayloads("Payload", [
      { rowNumber: 2, value: '{"id":12,"item_tax_code":1}' },
      { rowNumber: 3, value: "" },
      { rowNumber: 4, value: '[{"id":13,"name":"x"},{"id":14,"anything":[1]}]' },
      { rowNumber: 5, value: null },
    ]);
    expect(result).toEqual({
      payloads: [
        { rowNumber: 2, object: { id: 12, item_tax_code: 1 } },
        { rowNumber: 4, object: { id: 13, name: "x" } },
        { rowNumber: 4, object: { id: 14, anything: [1] } },
      ],
      problems: [],
    });
  });

  it("names the row, cell and position of a parse error", () => {
    const result = jsonCellsToPayloads(
      "Payload",
      [
        { rowNumber: 7, value: '{"id":12,, "x":1}' },
        { rowNumber: 8, value: '{"id":12,\n"name":"a}' },
        { rowNumber: 9, value: '{"id":1} {"id":2}' },
      ],
      { firstColumn: 3 },
    );
    expect(result.payloads).toEqual([]);
    expect(result.problems.map((p) => p.message)).toEqual([
      'D7 (Payload): not valid JSON at position 9 (column 10): expected a "quoted" property name',
      "D8 (Payload): not valid JSON at position 17 (line 2, column 8): text not closed with '\"'",
      "D9 (Payload): not valid JSON at position 9 (column 10): unexpected text after the end",
    ]);
    expect(result.problems.every((p) => p.kind === "Json" && p.column === "Payload")).toBe(true);
  });

  it("rejects cells that are not objects, error values and numbers", () => {
    const result = jsonCellsToPayloads("P", [
      { rowNumber: 2, value: "[1,2]" },
      { rowNumber: 3, value: '"text"' },
      { rowNumber: 4, value: "#VALUE!" },
      { rowNumber: 5, value: 12 },
    ]);
    expect(result.problems.map((p) => [p.cell, p.kind, p.message])).toEqual([
      ["A2", "Json", "A2 (P): item 1 of the array is not an object"],
      ["A3", "Json", "A3 (P): expected a JSON object {...} or an array of objects [{...}]"],
      ["A4", "ExcelError", "A4 (P): the cell holds the error #VALUE!"],
      ["A5", "Json", "A5 (P): expected JSON text, got 12"],
    ]);
  });

  it("checks objects against the entity's schema without changing them", () => {
    const result = jsonCellsToPayloads(
      "P",
      [
        { rowNumber: 2, value: '{"id":"12","inactive":"yes"}' },
        { rowNumber: 3, value: '[{"id":1},{"id":2,"nmae":"x"}]' },
        {
          rowNumber: 4,
          value: '{"id":3,"customfields":[{"name":"CF","value":1}],"datecreated":"2024-03-01"}',
        },
        { rowNumber: 5, value: '{"name":"new"}' },
      ],
      { entity: "Client" },
    );
    expect(result.payloads).toEqual([
      {
        rowNumber: 4,
        object: { id: 3, customfields: [{ name: "CF", value: 1 }], datecreated: "2024-03-01" },
      },
      { rowNumber: 5, object: { name: "new" } },
    ]);
    expect(result.problems.map((p) => p.message)).toEqual([
      'A2 (P): id: expected a whole number, got string "12"',
      'A2 (P): inactive: expected true or false, got string "yes"',
      'A3 (P): object 2, nmae: not a Client field. Did you mean "name"?',
    ]);
  });

  it("requires ids when asked", () => {
    const result = jsonCellsToPayloads("P", [{ rowNumber: 2, value: '{"name":"new"}' }], { requireId: true });
    expect(result.problems.map((p) => p.kind)).toEqual(["MissingId"]);
  });
});

describe("parseJsonText", () => {
  it("parses valid JSON with JSON.parse's result", () => {
    expect(parseJsonText('{"a":[1,{"b":null}]}')).toEqual({ ok: true, value: { a: [1, { b: null }] } });
  });

  it("rejects what JSON.parse rejects, comments and trailing commas included", () => {
    for (const text of ['{"a":1,}', '{"a":1 /* c */}', "", "{'a':1}", "[1,]"])
      expect([text, parseJsonText(text).ok]).toEqual([text, false]);
  });
});
