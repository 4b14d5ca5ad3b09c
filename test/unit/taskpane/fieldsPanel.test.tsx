/** @jest-environment jsdom */
/* The Fields tab: an entity's fields from the generated schema, searchable, inserted as headers with id first. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen } from "@testing-library/react";
import { FieldsPanel } from "../../../src/taskpane/fields/FieldsPanel";
import { fieldRows, headersToInsert, matchesSearch } from "../../../src/taskpane/fields/fieldList";

function show(insertHeaders: (names: readonly string[]) => Promise<string>): void {
  render(
    <FluentProvider theme={webLightTheme}>
      <FieldsPanel services={{ insertHeaders }} />
    </FluentProvider>,
  );
}

describe("field list", () => {
  it("lists the Client fields from Halo's spec with id first, typed", () => {
    const rows = fieldRows("Client");
    expect(rows[0]).toMatchObject({ name: "id", type: "whole number" });
    expect(rows.find((r) => r.name === "item_tax_code")?.type).toBe("whole number");
    expect(rows.find((r) => r.name === "customfields")?.type).toBe("list of CustomField");
  });

  it('"tax" finds item_tax_code, and so do "tax code" and "taxcode"', () => {
    const row = fieldRows("Client").find((r) => r.name === "item_tax_code")!;
    for (const search of ["tax", "TAX", "tax code", "taxcode", "item_tax"])
      expect(matchesSearch(row, search)).toBe(true);
    expect(matchesSearch(row, "site")).toBe(false);
  });

  it("puts id first when inserting, once", () => {
    expect(headersToInsert("Client", ["name", "id", "item_tax_code"])).toEqual([
      "id",
      "name",
      "item_tax_code",
    ]);
  });
});

describe("Fields panel", () => {
  it("searches, and inserts the ticked fields as headers with id first", async () => {
    const inserted: (readonly string[])[] = [];
    show(async (names) => {
      inserted.push(names);
      return "Sheet1!B2:D2";
    });
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "tax" } });
    expect(screen.getByText("item_tax_code")).toBeTruthy();
    expect(screen.queryByText("name")).toBeNull();
    fireEvent.click(screen.getByRole("checkbox", { name: "Choose item_tax_code" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Choose service_tax_code" }));
    fireEvent.click(screen.getByRole("button", { name: "Insert as headers" }));
    expect(
      await screen.findByText("Inserted id, item_tax_code, service_tax_code at Sheet1!B2:D2."),
    ).toBeTruthy();
    expect(inserted).toEqual([["id", "item_tax_code", "service_tax_code"]]);
  });

  it("says why nothing was inserted when the cells are taken", async () => {
    show(() => Promise.reject(new Error("The Sheet1!A1:B1 area the rows need is not empty.")));
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "name" } });
    fireEvent.click(screen.getByRole("checkbox", { name: "Choose name" }));
    fireEvent.click(screen.getByRole("button", { name: "Insert as headers" }));
    expect(await screen.findByText(/Sheet1!A1:B1 area the rows need is not empty/)).toBeTruthy();
  });
});
