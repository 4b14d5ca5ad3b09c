import { rowsToPayloads, type PayloadOptions } from "../../../src/bulk/payload";
import type { CellValue } from "../../../src/bulk/cells";
import { headerPlan } from "../../../src/bulk/payload/columns";

const one = (headers: string[], values: CellValue[], options?: PayloadOptions) =>
  rowsToPayloads(headers, [{ rowNumber: 2, values }], options);

const objectOf = (headers: string[], values: CellValue[], options?: PayloadOptions) => {
  const result = one(headers, values, options);
  expect(result.problems).toEqual([]);
  return result.payloads[0]?.object;
};

describe("rowsToPayloads without an entity (Excel types)", () => {
  it("builds the Postman guide's example", () => {
    expect(objectOf(["id", "item_tax_code"], [12, 1])).toEqual({ id: 12, item_tax_code: 1 });
  });

  it("keeps Excel's types and the id as the integer key", () => {
    expect(objectOf(["ID", "name", "vip", "rate"], ["12", "Acme", true, 12.5])).toEqual({
      id: 12,
      name: "Acme",
      vip: true,
      rate: 12.5,
    });
  });

  it("nests dotted headers, builds custom fields by name or id, and splits [] columns", () => {
    expect(
      objectOf(
        ["id", "site.name", "site.address.town", "customfields.CFContractRef", "customfields.145", "tags[]"],
        [7, "HQ", "Leeds", "C-1", 3, " a ; b;;c "],
      ),
    ).toEqual({
      id: 7,
      site: { name: "HQ", address: { town: "Leeds" } },
      customfields: [
        { name: "CFContractRef", value: "C-1" },
        { id: 145, value: 3 },
      ],
      tags: ["a", "b", "c"],
    });
  });

  it("leaves blank cells out, sends null for the clear marker, and skips all-blank rows", () => {
    expect(objectOf(["id", "name", "notes"], [12, "", "#NULL"])).toEqual({ id: 12, notes: null });
    expect(objectOf(["id", "notes"], [12, "#clear"], { clearMarker: "#CLEAR" })).toEqual({
      id: 12,
      notes: null,
    });
    expect(objectOf(["id", "notes"], [12, "#NULL"], { clearMarker: "#CLEAR" })).toEqual({
      id: 12,
      notes: "#NULL",
    });
    expect(one(["id", "name"], ["", null])).toEqual({ payloads: [], problems: [] });
  });

  it("splits on a chosen delimiter", () => {
    expect(objectOf(["ids[]"], ["1|2"], { arrayDelimiter: "|" })).toEqual({ ids: ["1", "2"] });
  });

  it("treats 0 as a value, not a blank", () => {
    expect(objectOf(["id", "count"], [3, 0])).toEqual({ id: 3, count: 0 });
  });

  it("ignores columns with a blank header", () => {
    expect(objectOf(["id", "", "name"], [3, "stray", "x"])).toEqual({ id: 3, name: "x" });
  });

  it("rejects a fractional id", () => {
    const result = one(["id", "name"], [12.5, "x"]);
    expect(result.payloads).toEqual([]);
    expect(result.problems).toEqual([
      {
        rowNumber: 2,
        cell: "A2",
        column: "id",
        kind: "Type",
        message: "A2 (id): expected a whole number, got 12.5",
      },
    ]);
  });
});

describe("rowsToPayloads typed by Halo's schema", () => {
  const client = { entity: "Client" };

  it("types integers, numbers, booleans, dates and strings", () => {
    expect(
      objectOf(
        [
          "id",
          "toplevel_id",
          "chargehours",
          "inactive",
          "is_vip",
          "datecreated",
          "calldate",
          "name",
          "colour",
        ],
        ["12", 3.0, "1.5", "yes", 0, 45352.5, "2024-03-01 09:00", 12345, "TRUE"],
        client,
      ),
    ).toEqual({
      id: 12,
      toplevel_id: 3,
      chargehours: 1.5,
      inactive: true,
      is_vip: false,
      datecreated: "2024-03-01T12:00:00",
      calldate: "2024-03-01T09:00",
      name: "12345",
      colour: "TRUE",
    });
  });

  it("accepts TRUE/FALSE/yes/no/1/0 for booleans in any case", () => {
    const values: CellValue[] = [true, false, "TRUE", "false", "Yes", "NO", 1, 0, "1", "0"];
    expect(values.map((v) => objectOf(["inactive"], [v], client)?.inactive)).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
    ]);
  });

  it("uses the schema's spelling of field names", () => {
    expect(objectOf(["ID", "Name", "Item_Tax_Code"], [1, "x", 2], client)).toEqual({
      id: 1,
      name: "x",
      item_tax_code: 2,
    });
  });

  it("names every bad cell with row, cell, column and kind", () => {
    const result = rowsToPayloads(
      ["id", "toplevel_id", "inactive", "datecreated", "nmae"],
      [
        { rowNumber: 5, values: [1, 2.5, "maybe", "31/12/2024", "x"] },
        { rowNumber: 6, values: [2, "#REF!", true, "", ""] },
        { rowNumber: 7, values: [3, 4, false, 45000, ""] },
      ],
      { entity: "Client", firstColumn: 2 },
    );
    expect(result.payloads).toEqual([
      {
        rowNumber: 7,
        object: { id: 3, toplevel_id: 4, inactive: false, datecreated: "2023-03-15T00:00:00" },
      },
    ]);
    expect(result.problems.map((p) => [p.rowNumber, p.cell, p.column, p.kind])).toEqual([
      [5, "D5", "toplevel_id", "Type"],
      [5, "E5", "inactive", "Type"],
      [5, "F5", "datecreated", "Type"],
      [5, "G5", "nmae", "UnknownField"],
      [6, "D6", "toplevel_id", "ExcelError"],
    ]);
    expect(result.problems[3]!.message).toBe('G5 (nmae): Client has no field "nmae". Did you mean "name"?');
    expect(result.problems[4]!.message).toBe("D6 (toplevel_id): the cell holds the error #REF!");
  });

  it("suggests the id field for a linked record's name (Halo links by id)", () => {
    expect(one(["id", "site.name"], [1, "HQ"], { entity: "Tickets" }).problems[0]!.message).toBe(
      'B2 (site.name): Tickets has no field "site". Did you mean "site_id"?',
    );
  });

  it("suggests nothing when no field name is close", () => {
    expect(one(["zzzzqqqq"], ["x"], client).problems[0]!.message).toBe(
      'A2 (zzzzqqqq): Client has no field "zzzzqqqq".',
    );
  });

  it("sends custom fields in the entity's list and splits typed lists", () => {
    expect(
      objectOf(["id", "customfields.CFRef", "child_ticket_ids[]"], [9, "R1", "4; 5"], { entity: "Tickets" }),
    ).toEqual({ id: 9, customfields: [{ name: "CFRef", value: "R1" }], child_ticket_ids: [4, 5] });
    expect(one(["child_ticket_ids[]"], ["4; x"], { entity: "Tickets" }).problems[0]!.message).toBe(
      'A2 (child_ticket_ids[]): list item "x": expected a whole number, got "x"',
    );
  });

  it("rejects custom fields on an entity without them, and [] or dots on fields that cannot take them", () => {
    expect(one(["customfields.X"], ["1"], { entity: "Status" }).problems[0]!.kind).toBe("UnknownField");
    expect(one(["name[]"], ["a;b"], client).problems[0]!.message).toMatch(
      /"\[\]" splits a cell into a list, but name is a string field/,
    );
    expect(one(["name.first"], ["a"], client).problems[0]!.message).toMatch(
      /name is a string field, it has no sub-fields/,
    );
  });

  it("accepts JSON text for object and list fields", () => {
    expect(objectOf(["new_categories"], ['["a","b"]'], client)).toEqual({ new_categories: ["a", "b"] });
    expect(one(["new_categories"], ["a"], client).problems[0]!.message).toMatch(/use a "name\[\]" header/);
  });

  it("refuses to clear a field Halo never leaves empty", () => {
    expect(objectOf(["id", "name"], [1, "#NULL"], client)).toEqual({ id: 1, name: null });
    expect(one(["id", "isnhserveremaildefault"], [1, "#NULL"], client).problems[0]!.message).toMatch(
      /cannot be cleared/,
    );
  });

  it("flags duplicate and overlapping columns", () => {
    expect(one(["id", "name", "NAME"], [1, "a", "b"], client).problems.map((p) => [p.cell, p.kind])).toEqual([
      ["C2", "Header"],
    ]);
    expect(one(["site", "site.name"], ["a", "b"]).problems[0]!.message).toMatch(/inside "site"/);
    expect(one(["customfields", "customfields.CF"], ["[]", "b"]).problems[0]!.message).toMatch(
      /"customfields.CF" is inside "customfields"/,
    );
  });

  it("reports a row without an id when ids are required", () => {
    expect(one(["id", "name"], ["", "x"], { requireId: true }).problems[0]).toMatchObject({
      cell: "A2",
      kind: "MissingId",
    });
    expect(one(["name"], ["x"], { requireId: true }).problems[0]).toMatchObject({ kind: "MissingId" });
    expect(one(["id", "name"], ["", "x"]).payloads).toEqual([{ rowNumber: 2, object: { name: "x" } }]);
  });

  it("rejects an unknown entity, naming the known ones", () => {
    expect(() => one(["id"], [1], { entity: "Clients2" })).toThrow(/Unknown entity "Clients2".*Client/);
  });

  it("compiles a header row once per entity", () => {
    const headers = ["id", "name", "inactive"];
    expect(headerPlan([...headers], "Client")).toBe(headerPlan([...headers], "client"));
    expect(headerPlan(headers, "Client")).not.toBe(headerPlan(headers, undefined));
  });
});

describe("numbers as Excel shows them", () => {
  it("drops the binary noise of formula results (Excel keeps 15 digits)", () => {
    expect(
      objectOf(["id", "chargehours", "toplevel_id", "name"], [12, 0.1 + 0.2, 1234.0000000000002, 0.1 + 0.2], {
        entity: "Client",
      }),
    ).toEqual({ id: 12, chargehours: 0.3, toplevel_id: 1234, name: "0.3" });
    expect(objectOf(["rate"], [0.1 + 0.2])).toEqual({ rate: 0.3 });
    expect(one(["toplevel_id"], [1234.0001], { entity: "Client" }).problems[0]!.message).toBe(
      "A2 (toplevel_id): expected a whole number, got 1234.0001",
    );
  });
});
