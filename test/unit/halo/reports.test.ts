import { listReports, loadReport, runSql } from "../../../src/halo/reports";
import { columnTypeOf, normaliseValue, roundCapWarning } from "../../../src/halo/reportValues";
import { HaloError } from "../../../src/halo/errors";
import { jsonResponse } from "../../fakes/fakeFetch";
import { fakeHalo } from "../../fakes/fakeHalo";

const profile = {
  id: 42,
  name: "Clients with tax code",
  sql: "select ...",
  columns: [
    { name: "Tax Code", data_type: "int", sequence: 3, hidden: false },
    { name: "Client ID", data_type: "int", sequence: 1, hidden: true },
    { name: "Client Name", data_type: "nvarchar", sequence: 2 },
    { name: "Created", data_type: "datetime", sequence: 4 },
    { name: "Active", data_type: "bit", sequence: 5 },
  ],
  report: {
    loaded: true,
    load_error: null,
    rows: [
      {
        "Client ID": "12",
        "Client Name": "Acme",
        "Tax Code": "3",
        Created: "2024-05-01T10:00:00",
        Active: "True",
      },
      { "Client ID": 13, "Client Name": "007", "Tax Code": null, Created: null, Active: false, Extra: 1.5 },
    ],
  },
};

describe("loadReport", () => {
  it("loads columns in order with types, and rows with values normalised by column type", async () => {
    const halo = fakeHalo();
    halo.fetch.on("GET", "/api/Report/42", () => jsonResponse(200, profile));
    const report = await loadReport(halo.client, 42);
    expect(halo.fetch.calls("GET", "/api/Report/42")[0].query("loadreport")).toBe("true");
    expect(report.id).toBe(42);
    expect(report.name).toBe("Clients with tax code");
    expect(report.columns).toEqual([
      { name: "Client ID", type: "number", order: 0, hidden: true, dataType: "int" },
      { name: "Client Name", type: "text", order: 1, hidden: false, dataType: "nvarchar" },
      { name: "Tax Code", type: "number", order: 2, hidden: false, dataType: "int" },
      { name: "Created", type: "datetime", order: 3, hidden: false, dataType: "datetime" },
      { name: "Active", type: "boolean", order: 4, hidden: false, dataType: "bit" },
      { name: "Extra", type: "number", order: 5, hidden: false },
    ]);
    expect(report.rows).toEqual([
      {
        "Client ID": 12,
        "Client Name": "Acme",
        "Tax Code": 3,
        Created: "2024-05-01T10:00:00",
        Active: true,
        Extra: null,
      },
      { "Client ID": 13, "Client Name": "007", "Tax Code": null, Created: null, Active: false, Extra: 1.5 },
    ]);
    expect(report.warnings).toEqual([]);
  });

  it("throws Halo's load_error as Validation", async () => {
    const halo = fakeHalo();
    halo.fetch.on("GET", "/api/Report/9", () =>
      jsonResponse(200, { id: 9, report: { loaded: false, load_error: "Invalid column name 'x'." } }),
    );
    const error = await loadReport(halo.client, 9).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HaloError);
    expect((error as HaloError).kind).toBe("Validation");
    expect((error as HaloError).message).toContain("Invalid column name 'x'.");
  });

  it("warns when the row count hits a round cap", async () => {
    const halo = fakeHalo();
    const rows = Array.from({ length: 50_000 }, (_, i) => ({ id: i }));
    halo.fetch.on("GET", "/api/Report/1", () => jsonResponse(200, { id: 1, report: { loaded: true, rows } }));
    const report = await loadReport(halo.client, 1);
    expect(report.rows).toHaveLength(50_000);
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toMatch(/exactly 50,000 rows/);
  });
});

describe("runSql", () => {
  it("posts [{sql, _loadreportonly: true}] to /api/Report and reads the rows", async () => {
    const halo = fakeHalo();
    halo.fetch.on("POST", "/api/Report", () =>
      jsonResponse(200, { report: { loaded: true, rows: [{ id: 1, name: "A", created: "2024-01-02" }] } }),
    );
    const report = await runSql(halo.client, "select id, name from area");
    expect(halo.fetch.calls("POST", "/api/Report")[0].json()).toEqual([
      { sql: "select id, name from area", _loadreportonly: true },
    ]);
    expect(report.columns.map((c) => [c.name, c.type])).toEqual([
      ["id", "number"],
      ["name", "text"],
      ["created", "datetime"],
    ]);
    expect(report.rows).toEqual([{ id: 1, name: "A", created: "2024-01-02" }]);
  });

  it("accepts an array answer", async () => {
    const halo = fakeHalo();
    halo.fetch.on("POST", "/api/Report", () => jsonResponse(200, [{ report: { rows: [{ n: 1 }] } }]));
    await expect(runSql(halo.client, "select 1 as n")).resolves.toMatchObject({ rows: [{ n: 1 }] });
  });

  it("retries a failed query like a read (running a report saves nothing)", async () => {
    const halo = fakeHalo();
    halo.fetch.on("POST", "/api/Report", () => jsonResponse(200, { report: { rows: [] } }));
    halo.fetch.once("POST", "/api/Report", () => jsonResponse(502, "bad gateway"));
    await expect(halo.clock.runUntil(runSql(halo.client, "select 1"))).resolves.toMatchObject({ rows: [] });
    expect(halo.fetch.calls("POST", "/api/Report")).toHaveLength(2);
  });
});

describe("listReports", () => {
  it("lists saved reports by search, paged", async () => {
    const halo = fakeHalo();
    halo.fetch.on("GET", "/api/Report", () =>
      jsonResponse(200, {
        record_count: 1,
        reports: [{ id: 42, name: "Clients with tax code", group_name: "G" }],
      }),
    );
    const reports = await listReports(halo.client, { search: "tax" });
    expect(reports).toEqual([
      {
        id: 42,
        name: "Clients with tax code",
        record: { id: 42, name: "Clients with tax code", group_name: "G" },
      },
    ]);
    const [request] = halo.fetch.calls("GET", "/api/Report");
    expect(request.query("search")).toBe("tax");
    expect(request.query("pageinate")).toBe("true");
  });
});

describe("report values", () => {
  it.each([
    ["int", "number"],
    ["decimal(18,2)", "number"],
    ["money", "number"],
    ["datetime2", "datetime"],
    ["date", "datetime"],
    ["bit", "boolean"],
    ["nvarchar(max)", "text"],
    [undefined, "text"],
  ])("data_type %s -> %s", (dataType, type) => {
    expect(columnTypeOf(dataType)).toBe(type);
  });

  it("turns numeric text into numbers only in number columns, keeping unsafe integers as text", () => {
    expect(normaliseValue("12.50", "number")).toBe(12.5);
    expect(normaliseValue(" -3 ", "number")).toBe(-3);
    expect(normaliseValue("12.50", "text")).toBe("12.50");
    expect(normaliseValue("n/a", "number")).toBe("n/a");
    expect(normaliseValue("123456789012345678901", "number")).toBe("123456789012345678901");
    expect(normaliseValue("2024-01-01T00:00:00Z", "datetime")).toBe("2024-01-01T00:00:00Z");
    expect(normaliseValue({ a: 1 }, "text")).toBe('{"a":1}');
    expect(normaliseValue(undefined, "text")).toBeNull();
  });

  it("warns only at round counts from 10,000: probably cut at Halo's 50,000, possibly at another round number", () => {
    expect(roundCapWarning(50_000)).toBe(
      "Halo returned exactly 50,000 rows: Halo stops report and SQL results at about 50,000 rows without saying so, so this result is probably cut short and some rows are missing.",
    );
    expect(roundCapWarning(10_000)).toBe(
      "Halo returned exactly 10,000 rows. Halo stops report and SQL results at a round number without saying so (about 50,000 rows, but an instance or a report can set another limit), so this result may be cut short and some rows may be missing.",
    );
    expect(roundCapWarning(100_000)).toMatch(/^Halo returned exactly 100,000 rows\. .* may be cut short/);
    expect(roundCapWarning(49_999)).toBeUndefined();
    expect(roundCapWarning(5_000)).toBeUndefined();
  });
});
