/** Saved reports, loaded reports (AnalyzerProfile shape), ad-hoc SQL and published report data. */
import { PUBLISHED_REPORT_ID } from "../../sandbox/seedReports";
import { api, useSandbox } from "./sandboxHttp";

const fixture = useSandbox({});

interface Profile {
  id: number;
  name: string;
  sql: string;
  columns: { name: string; data_type: string; hidden: boolean; sequence: number }[];
  report?: { loaded: boolean; load_error: string | null; rows: Record<string, unknown>[] };
}

async function findReport(name: string): Promise<{ id: number; name: string }> {
  const list = await api(fixture.sandbox, fixture.token, "GET", `/Report?search=${encodeURIComponent(name)}`);
  const reports = list.json<{ reports: { id: number; name: string }[] }>().reports;
  const report = reports.find((r) => r.name === name);
  if (report === undefined) throw new Error(`no report ${name}`);
  return report;
}

describe("reports", () => {
  it("lists and searches saved reports, paged like entities", async () => {
    const all = (await api(fixture.sandbox, fixture.token, "GET", "/Report")).json<{
      record_count: number;
      reports: unknown[];
    }>();
    expect(all.record_count).toBeGreaterThanOrEqual(5);
    const page = (
      await api(fixture.sandbox, fixture.token, "GET", "/Report?pageinate=true&page_size=2&page_no=2")
    ).json<{
      page_no: number;
      reports: unknown[];
    }>();
    expect(page.page_no).toBe(2);
    expect(page.reports).toHaveLength(2);
    const searched = (await api(fixture.sandbox, fixture.token, "GET", "/Report?search=tax")).json<{
      reports: { name: string }[];
    }>();
    expect(searched.reports.map((r) => r.name)).toEqual([
      "Clients with tax code",
      "Items with tax code and price",
    ]);
  });

  it('loads "Clients with tax code": columns with data_type/hidden/sequence and rows from the data', async () => {
    const { id } = await findReport("Clients with tax code");
    const profile = (
      await api(fixture.sandbox, fixture.token, "GET", `/Report/${id}?loadreport=true`)
    ).json<Profile>();
    expect(profile.columns.map((c) => [c.name, c.data_type, c.sequence])).toEqual([
      ["id", "int", 1],
      ["name", "nvarchar", 2],
      ["item_tax_code", "int", 3],
      ["item_tax_code_name", "nvarchar", 4],
      ["CFContractRef", "nvarchar", 5],
    ]);
    expect(profile.report?.loaded).toBe(true);
    const clients = (await api(fixture.sandbox, fixture.token, "GET", "/Client")).json<{
      record_count: number;
    }>();
    expect(profile.report?.rows).toHaveLength(clients.record_count);
    expect(profile.report?.rows[0]).toEqual({
      id: expect.any(Number),
      name: expect.any(String),
      item_tax_code: expect.any(Number),
      item_tax_code_name: expect.any(String),
      CFContractRef: expect.anything(),
    });
    const withoutLoad = (await api(fixture.sandbox, fixture.token, "GET", `/Report/${id}`)).json<Profile>();
    expect(withoutLoad.report).toBeUndefined();
  });

  it("sends decimals as strings and flags hidden columns", async () => {
    const items = await findReport("Items with tax code and price");
    const profile = (
      await api(fixture.sandbox, fixture.token, "GET", `/Report/${items.id}?loadreport=true`)
    ).json<Profile>();
    expect(profile.columns.find((c) => c.name === "baseprice")?.data_type).toBe("decimal");
    expect(profile.report?.rows.every((r) => typeof r.baseprice === "string")).toBe(true);
    const assets = await findReport("Assets by client");
    const assetProfile = (
      await api(fixture.sandbox, fixture.token, "GET", `/Report/${assets.id}?loadreport=true`)
    ).json<Profile>();
    expect(assetProfile.columns.filter((c) => c.hidden).map((c) => c.name)).toEqual(["client_id"]);
    expect(assetProfile.columns.find((c) => c.name === "warranty_end")?.data_type).toBe("datetime");
  });

  it("runs ad-hoc SQL with _loadreportonly, T-SQL spellings included; errors come back as load_error", async () => {
    const answer = await api(fixture.sandbox, fixture.token, "POST", "/Report", [
      {
        sql: "SELECT TOP 3 id, ISNULL(CFContractRef, 'none') AS ref FROM Area ORDER BY id",
        _loadreportonly: true,
      },
    ]);
    expect(answer.status).toBe(200);
    const profile = answer.json<Profile>();
    expect(profile.report?.rows.map((r) => r.id)).toEqual([1, 2, 3]);

    const bad = (
      await api(fixture.sandbox, fixture.token, "POST", "/Report", [
        { sql: "SELECT some_column FROM nowhere", _loadreportonly: true },
      ])
    ).json<Profile>();
    expect(bad.report).toMatchObject({
      loaded: false,
      load_error: expect.stringContaining("nowhere"),
      rows: [],
    });
    const write = (
      await api(fixture.sandbox, fixture.token, "POST", "/Report", [
        { sql: "DELETE FROM Area", _loadreportonly: true },
      ])
    ).json<Profile>();
    expect(write.report?.load_error).toBe("Only SELECT queries are allowed.");
    expect(
      (await api(fixture.sandbox, fixture.token, "GET", "/Client")).json<{ record_count: number }>()
        .record_count,
    ).toBeGreaterThan(0);
  });

  it("saves a new report, and reads a published report's rows from ReportData", async () => {
    const saved = await api(fixture.sandbox, fixture.token, "POST", "/Report", [
      { name: "My agents", sql: "SELECT id, name FROM Uname" },
    ]);
    expect(saved.status).toBe(200);
    const { id } = saved.json<Profile>();
    expect((await findReport("My agents")).id).toBe(id);

    const published = await api(fixture.sandbox, fixture.token, "GET", `/ReportData/${PUBLISHED_REPORT_ID}`);
    expect(published.status).toBe(200);
    const rows = published.json<{ agent: string; open_tickets: number }[]>();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]).toEqual({
      agent: expect.any(String),
      open_tickets: expect.any(Number),
      oldest: expect.any(String),
    });
    expect((await api(fixture.sandbox, fixture.token, "GET", "/ReportData/not-published")).status).toBe(404);
    expect((await api(fixture.sandbox, fixture.token, "GET", "/Report/9999")).status).toBe(404);
  });
});
