/** HALO.PAYLOAD, HALO.JSON, HALO.ARRAY and HALO.VALIDATE with the values Excel passes them. */
import { array, json, payload, validate, version } from "../../../src/functions/functions";
import { customFunctionError } from "../../../src/office/customFunctionError";
import { installCustomFunctionsStub, StubExcelError, thrownExcelError } from "./customFunctionsStub";

let uninstall: () => void;
beforeAll(() => {
  uninstall = installCustomFunctionsStub();
});
afterAll(() => uninstall());

describe("HALO.PAYLOAD", () => {
  it("gives the Postman guide's example", () => {
    expect(payload([["id", "item_tax_code"]], [[12, 1]])).toEqual([['{"id":12,"item_tax_code":1}']]);
  });

  it("takes Excel's floats, serial dates and booleans, typed by the entity", () => {
    expect(
      payload([["id", "datecreated", "inactive", "name"]], [[12.0, 45352.25, true, 2024]], "Client"),
    ).toEqual([['{"id":12,"datecreated":"2024-03-01T06:00:00","inactive":true,"name":"2024"}']]);
  });

  it("treats an omitted, blank or 0 entity and options as none", () => {
    const expected = [['{"id":12,"datecreated":45352}']];
    expect(payload([["id", "datecreated"]], [[12, 45352]])).toEqual(expected);
    expect(payload([["id", "datecreated"]], [[12, 45352]], "", "")).toEqual(expected);
    expect(payload([["id", "datecreated"]], [[12, 45352]], 0, 0)).toEqual(expected);
    expect(payload([["id", "datecreated"]], [[12, 45352]], null, null)).toEqual(expected);
  });

  it("leaves blank cells out ('' or null) but sends 0", () => {
    expect(payload([["id", "name", "toplevel_id"]], [[12, "", 0]], "Client")).toEqual([
      ['{"id":12,"toplevel_id":0}'],
    ]);
    expect(payload([["id", "name", "toplevel_id"]], [[12, null, null]], "Client")).toEqual([['{"id":12}']]);
  });

  it("spills one payload per row, with errors in place and '' for blank rows", () => {
    const result = payload(
      [["id", "item_tax_code"]],
      [
        [12, 1],
        [13.5, 1],
        ["", ""],
        [14, "#N/A"],
      ],
    );
    expect(result).toHaveLength(4);
    expect(result[0]).toEqual(['{"id":12,"item_tax_code":1}']);
    expect(result[1]![0]).toEqual(new StubExcelError("#VALUE!", "id: expected a whole number, got 13.5"));
    expect(result[2]).toEqual([""]);
    expect(result[3]![0]).toEqual(
      new StubExcelError("#VALUE!", "item_tax_code: the cell holds the error #N/A"),
    );
  });

  it("applies the options text", () => {
    expect(
      payload([["id", "notes", "tags[]"]], [[1, "#CLEAR", "a|b"]], "", "clear=#CLEAR delimiter=|"),
    ).toEqual([['{"id":1,"notes":null,"tags":["a","b"]}']]);
  });

  it("throws #VALUE! for bad options, an unknown entity or unknown field", () => {
    expect(thrownExcelError(() => payload([["id"]], [[1]], "", "colour=red"))).toMatchObject({
      code: "#VALUE!",
    });
    expect(thrownExcelError(() => payload([["id"]], [[1]], "Clients2"))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringMatching(/Unknown entity "Clients2"/),
    });
    expect(payload([["id", "nmae"]], [[1, "x"]], "Client")[0]![0]).toEqual(
      new StubExcelError("#VALUE!", 'nmae: Client has no field "nmae". Did you mean "name"?'),
    );
  });

  it("says when a payload would not fit in a cell", () => {
    const [[result]] = payload([["notes"]], [["x".repeat(40_000)]]) as [[StubExcelError]];
    expect(result.code).toBe("#VALUE!");
    expect(result.message).toMatch(/an Excel cell holds at most 32,767/);
  });
});

describe("HALO.JSON", () => {
  it("builds an object from pairs", () => {
    expect(json("id", 12, "item_tax_code", 1)).toBe('{"id":12,"item_tax_code":1}');
    expect(json("id", 12, "site.name", "HQ", "customfields.145", "", "customfields.CF", true)).toBe(
      '{"id":12,"site":{"name":"HQ"},"customfields":[{"name":"CF","value":true}]}',
    );
  });

  it("takes its repeating arguments as Excel passes them: one array", () => {
    expect(json(["id", 12, "item_tax_code", 1])).toBe('{"id":12,"item_tax_code":1}');
    expect(json(["id", 12.000000000000002, "datecreated", 45352, "inactive", "yes"])).toBe(
      '{"id":12,"datecreated":45352,"inactive":"yes"}',
    );
  });

  it("throws #VALUE! for an odd number of arguments", () => {
    expect(thrownExcelError(() => json("id", 12, "name"))).toMatchObject({ code: "#VALUE!" });
  });
});

describe("HALO.ARRAY", () => {
  it("joins payload cells, skipping blanks", () => {
    expect(
      array([
        ['{"id":12,"item_tax_code":1}'],
        [""],
        ['{"id":13,"item_tax_code":1}'],
        [0 as unknown as string],
      ]),
    ).toBe('[{"id":12,"item_tax_code":1},{"id":13,"item_tax_code":1}]');
  });

  it("throws #VALUE! naming a bad cell", () => {
    expect(thrownExcelError(() => array([['{"id":1}'], ["nope"]])).message).toMatch(
      /^payload in row 2, column 1 of the range/,
    );
  });
});

describe("HALO.VALIDATE", () => {
  it("answers OK or the first problem", () => {
    expect(validate('{"id":12,"item_tax_code":1}', "Client")).toBe("OK");
    expect(validate('{"id":12,"item_tax_cde":1}', "Client")).toBe(
      'item_tax_cde: not a Client field. Did you mean "item_tax_code"?',
    );
  });

  it("throws #VALUE! without an entity", () => {
    expect(thrownExcelError(() => validate('{"id":12}', ""))).toMatchObject({ code: "#VALUE!" });
  });
});

describe("Excel errors outside Excel", () => {
  it("uses a stand-in with the same code and message when CustomFunctions is absent", () => {
    uninstall();
    try {
      expect(customFunctionError("#N/A", "not found")).toEqual({ code: "#N/A", message: "not found" });
    } finally {
      uninstall = installCustomFunctionsStub();
    }
  });

  it("HALO.VERSION is the package version", () => {
    expect(version()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
