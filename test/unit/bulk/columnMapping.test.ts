import { autoMapColumns, columnsNotSent, mappedHeaders } from "../../../src/bulk";

describe("column mapping", () => {
  it("keeps API field names, maps a report's aliases and custom fields, and leaves display names out", () => {
    const matches = autoMapColumns(
      ["id", "Client Name", "Item Tax Code", "item_tax_code_name", "CFContractRef", "Notes about it", ""],
      "Client",
    );
    expect(matches.map((m) => [m.header, m.target, m.how])).toEqual([
      ["id", "id", "exact"],
      ["Client Name", "name", "label"],
      ["Item Tax Code", "item_tax_code", "label"],
      ["item_tax_code_name", "", "displayName"],
      ["CFContractRef", "customfields.CFContractRef", "customField"],
      ["Notes about it", "", "none"],
      ["", "", "none"],
    ]);
    expect(columnsNotSent(matches).map((m) => m.header)).toEqual(["item_tax_code_name", "Notes about it"]);
    expect(mappedHeaders(matches)).toEqual([
      "id",
      "name",
      "item_tax_code",
      "",
      "customfields.CFContractRef",
      "",
      "",
    ]);
  });

  it("Tax Code is Item's taxcode (closest name); on Client, with many *_tax_code fields, it is not guessed by name", () => {
    expect(autoMapColumns(["Tax Code"], "Item")[0]?.target).toBe(
      autoMapColumns(["taxcode"], "Item")[0]?.target,
    );
    expect(autoMapColumns(["Tax Code"], "Client")[0]?.how).not.toBe("label");
  });

  it("\"Client ID\" on Client is the record's id; on Tickets it is the ticket's client_id", () => {
    expect(autoMapColumns(["Client ID"], "Client")[0]?.target).toBe("id");
    expect(autoMapColumns(["Client ID"], "Tickets")[0]?.target).toBe("client_id");
  });

  it("the closest name only for a field no other column writes", () => {
    const matches = autoMapColumns(["item_tax_code", "item_tax_cod"], "Client");
    expect(matches[1]).toEqual({ header: "item_tax_cod", target: "", how: "none" });
    expect(autoMapColumns(["item_tax_cod"], "Client")[0]).toEqual({
      header: "item_tax_cod",
      target: "item_tax_code",
      how: "closest",
    });
  });

  it("the user's saved choice wins, and columns marked not sent stay out", () => {
    const matches = autoMapColumns(
      ["Item Tax Code", "name"],
      "Client",
      { "Item Tax Code": "" },
      new Set(["name"]),
    );
    expect(matches.map((m) => [m.target, m.how])).toEqual([
      ["", "user"],
      ["", "none"],
    ]);
  });
});
