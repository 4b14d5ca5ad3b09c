import {
  CELL_TEXT_LIMIT,
  PayloadError,
  entityArgument,
  pairsPayloadText,
  parseFormulaOptions,
  payloadArrayText,
  payloadTexts,
  rowPayloadText,
  validatePayloadText,
} from "../../../src/bulk/payload";
import { thrownBy } from "./payloadCaught";

const errorOf = (run: () => unknown): PayloadError => thrownBy(PayloadError, run);

describe("rowPayloadText", () => {
  it("gives the Postman guide's example", () => {
    expect(rowPayloadText(["id", "item_tax_code"], [12, 1])).toBe('{"id":12,"item_tax_code":1}');
  });

  it("ignores blank headers, including the 0 a reference to an empty cell gives", () => {
    expect(rowPayloadText(["id", "", null, 0, "name"], [1, "a", "b", "c", "x"], { entity: "Client" })).toBe(
      '{"id":1,"name":"x"}',
    );
  });

  it("is '' for a row with nothing to send", () => {
    expect(rowPayloadText(["id", "name"], ["", ""])).toBe("");
  });

  it("names the column of the first problem", () => {
    expect(
      errorOf(() => rowPayloadText(["id", "toplevel_id"], [1, 2.5], { entity: "Client" })),
    ).toMatchObject({
      kind: "Type",
      message: "toplevel_id: expected a whole number, got 2.5",
    });
    expect(errorOf(() => rowPayloadText(["id", "name"], [1, "#N/A"]))).toMatchObject({ kind: "ExcelError" });
    expect(errorOf(() => rowPayloadText(["#REF!"], [1]))).toMatchObject({ kind: "ExcelError" });
  });

  it("refuses ranges of different widths", () => {
    expect(errorOf(() => rowPayloadText(["id", "name"], [1]))).toMatchObject({ kind: "Input" });
  });

  it("says when the payload would not fit in a cell", () => {
    expect(rowPayloadText(["notes"], ["x".repeat(CELL_TEXT_LIMIT - 12)])).toHaveLength(CELL_TEXT_LIMIT);
    const error = errorOf(() => rowPayloadText(["notes"], ["x".repeat(CELL_TEXT_LIMIT)]));
    expect(error.kind).toBe("Size");
    expect(error.message).toMatch(/32,779 characters; an Excel cell holds at most 32,767/);
  });
});

describe("payloadTexts (HALO.PAYLOAD over ranges)", () => {
  it("gives one result per value row, errors in place", () => {
    const results = payloadTexts(
      [["id", "item_tax_code"]],
      [
        [12, 1],
        ["", ""],
        [13.5, 1],
        [14, 2],
      ],
    );
    expect(results.slice(0, 2)).toEqual(['{"id":12,"item_tax_code":1}', ""]);
    expect(results[2]).toBeInstanceOf(PayloadError);
    expect(results[3]).toBe('{"id":14,"item_tax_code":2}');
  });

  it("reads headers down a column with values beside them", () => {
    expect(payloadTexts([["id"], ["name"]], [[5], ["x"]])).toEqual(['{"id":5,"name":"x"}']);
  });

  it("gives a row of the wrong width its own error, and compiles the headers once", () => {
    const results = payloadTexts([["id", "name"]], [[1, "a"], [2], [3, "c"]]);
    expect(results[0]).toBe('{"id":1,"name":"a"}');
    expect(results[1]).toMatchObject({ kind: "Input", message: expect.stringMatching(/same width/) });
    expect(results[2]).toBe('{"id":3,"name":"c"}');
    expect(() => payloadTexts([["id", "nmae"]], [[1, "x"]], { entity: "Nope" })).toThrow(PayloadError);
  });

  it("turns host error objects and undefined cells into values", () => {
    const results = payloadTexts([["id", "name"]], [[1, { code: "#N/A" }]]);
    expect(results[0]).toMatchObject({ kind: "ExcelError", message: "name: the cell holds the error #N/A" });
    expect(payloadTexts([["id", "name"]], [[1, undefined]])).toEqual(['{"id":1}']);
  });
});

describe("parseFormulaOptions", () => {
  it("reads name=value pairs and treats blanks as defaults", () => {
    expect(parseFormulaOptions("clear=#CLEAR delimiter=| requireid=TRUE")).toEqual({
      clearMarker: "#CLEAR",
      arrayDelimiter: "|",
      requireId: true,
    });
    expect(parseFormulaOptions("")).toEqual({});
    expect(parseFormulaOptions(0)).toEqual({});
    expect(parseFormulaOptions(undefined)).toEqual({});
  });

  it("names an error value given as the options or the entity", () => {
    expect(errorOf(() => parseFormulaOptions({ code: "#N/A" }))).toMatchObject({
      kind: "ExcelError",
      message: "options is the error #N/A",
    });
    expect(errorOf(() => entityArgument("#REF!"))).toMatchObject({
      kind: "ExcelError",
      message: "entity is the error #REF!",
    });
    expect(entityArgument(" Client ")).toBe("Client");
  });

  it("rejects what it does not know", () => {
    expect(errorOf(() => parseFormulaOptions("colour=red")).message).toMatch(/not one of clear=/);
    expect(errorOf(() => parseFormulaOptions("requireid=maybe")).message).toMatch(/true or false/);
  });
});

describe("pairsPayloadText (HALO.JSON)", () => {
  it("builds an object from key/value pairs with the header rules", () => {
    expect(pairsPayloadText(["id", 12, "site.name", "HQ", "customfields.CFRef", "R1"])).toBe(
      '{"id":12,"site":{"name":"HQ"},"customfields":[{"name":"CFRef","value":"R1"}]}',
    );
    expect(pairsPayloadText(["id", "", "name", ""])).toBe("{}");
  });

  it("wants pairs with text keys", () => {
    expect(errorOf(() => pairsPayloadText(["id", 1, "name"])).message).toMatch(
      /key, value pairs; got 3 arguments/,
    );
    expect(errorOf(() => pairsPayloadText([1, 2])).message).toMatch(/key 1 must be a field name, got 1/);
  });

  it("flattens range arguments", () => {
    expect(pairsPayloadText([[["id", 3]], [["name", "x"]]])).toBe('{"id":3,"name":"x"}');
  });
});

describe("payloadArrayText (HALO.ARRAY)", () => {
  it("joins payload cells into one array, skipping blanks and flattening arrays", () => {
    expect(payloadArrayText([['{"id":1}'], [""], ['[{"id":2},{"id":3}]'], [null]])).toBe(
      '[{"id":1},{"id":2},{"id":3}]',
    );
    expect(payloadArrayText([[""]])).toBe("[]");
  });

  it("names the bad cell's place in the range", () => {
    expect(errorOf(() => payloadArrayText([['{"id":1}', "{oops}"]])).message).toMatch(
      /^payload in row 1, column 2 of the range: not valid JSON/,
    );
    expect(errorOf(() => payloadArrayText([["#VALUE!"]])).kind).toBe("ExcelError");
  });

  it("refuses an array longer than a cell holds", () => {
    const cell = JSON.stringify({ notes: "x".repeat(10_000) });
    expect(errorOf(() => payloadArrayText([[cell], [cell], [cell], [cell]])).kind).toBe("Size");
  });
});

describe("validatePayloadText (HALO.VALIDATE)", () => {
  it("says OK for a payload that fits the schema", () => {
    expect(validatePayloadText('{"id":12,"item_tax_code":1}', "Client")).toBe("OK");
    expect(validatePayloadText('[{"id":1},{"id":2,"name":"x"}]', "client")).toBe("OK");
  });

  it("gives the first problem: unknown field with suggestion, wrong type, missing id", () => {
    expect(validatePayloadText('{"id":1,"item_tax_cod":1}', "Client")).toBe(
      'item_tax_cod: not a Client field. Did you mean "item_tax_code"?',
    );
    expect(validatePayloadText('{"id":1,"inactive":"no"}', "Client")).toBe(
      'inactive: expected true or false, got string "no"',
    );
    expect(validatePayloadText('{"name":"x"}', "Client")).toBe(
      "id: there is no id (without one, the push creates a new record)",
    );
    expect(validatePayloadText('[{"id":1},{"id":2.5}]', "Client")).toBe(
      "object 2, id: the id is not a whole number: number 2.5",
    );
    expect(validatePayloadText("{", "Client")).toMatch(/^not valid JSON at position 1/);
    expect(validatePayloadText("", "Client")).toBe("nothing to send (blank)");
  });

  it("needs a known entity", () => {
    expect(errorOf(() => validatePayloadText('{"id":1}', "")).kind).toBe("Input");
    expect(errorOf(() => validatePayloadText('{"id":1}', "Nope")).message).toMatch(/Unknown entity "Nope"/);
  });
});
