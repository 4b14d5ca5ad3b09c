/* pullSource: a report, SQL or entity list read into one table shape, with the warnings a user can act on. */
import { costOf, pullSource, sourceLabel } from "../../../src/halo";

type Answer = (path: string, query: Record<string, unknown>) => unknown;

function fakeClient(answer: Answer) {
  const calls: { method: string; path: string; query: Record<string, unknown> }[] = [];
  return {
    calls,
    request: async <T>(method: string, path: string, options: { query?: Record<string, unknown> } = {}) => {
      calls.push({ method, path, query: options.query ?? {} });
      return answer(path, options.query ?? {}) as T;
    },
  };
}

describe("pullSource", () => {
  it("an entity list: id first, search and include-inactive sent, progress per page", async () => {
    const client = fakeClient((_path, query) => ({
      record_count: 3,
      clients:
        query.page_no === 1
          ? [
              { name: "Acme", id: 1, datecreated: "2024-01-01T00:00:00" },
              { name: "Beta", id: 2 },
            ]
          : [{ name: "Gamma", id: 3, inactive: true }],
    }));
    const progress: unknown[] = [];
    const table = await pullSource(
      client,
      { kind: "entity", entity: "Client", search: " ac ", includeInactive: true },
      { onProgress: (p) => progress.push(p) },
    );
    expect(table.headers).toEqual(["id", "name", "datecreated", "inactive"]);
    expect(table.rows).toEqual([
      [1, "Acme", "2024-01-01T00:00:00", null],
      [2, "Beta", null, null],
      [3, "Gamma", null, true],
    ]);
    expect(table.types[0]).toBe("number");
    expect(table.warnings).toEqual([]);
    expect(client.calls[0]!.query).toMatchObject({ search: "ac", includeinactive: true, pageinate: true });
    expect(progress.length).toBeGreaterThanOrEqual(1);
  });

  it("warns when the total changed while paging, and when there are no rows", async () => {
    const changed = await pullSource(
      fakeClient(() => ({ record_count: 5, clients: [{ id: 1 }] })),
      { kind: "entity", entity: "Client" },
    );
    expect(changed.warnings.map((w) => w.kind)).toEqual(["totalChanged"]);
    expect(changed.warnings[0]!.message).toMatch(/said there were 5 records but 1 were read/);
    const empty = await pullSource(
      fakeClient(() => ({ record_count: 0, clients: [] })),
      {
        kind: "entity",
        entity: "Client",
      },
    );
    expect(empty.headers).toEqual(["id"]);
    expect(empty.warnings.map((w) => w.kind)).toEqual(["empty"]);
  });

  it("a report: id first, numbers typed by the column, a round 50,000-row result flagged as cut", async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => ({ name: `c${i}`, id: String(i + 1) }));
    const table = await pullSource(
      fakeClient(() => ({
        id: 12,
        name: "All",
        columns: [
          { name: "name", data_type: "nvarchar" },
          { name: "id", data_type: "int" },
        ],
        report: { loaded: true, rows },
      })),
      { kind: "report", reportId: 12, reportName: "All" },
    );
    expect(table.headers).toEqual(["id", "name"]);
    expect(table.rows[0]).toEqual([1, "c0"]);
    expect(table.warnings.map((w) => w.kind)).toEqual(["capped"]);
    expect(table.warnings[0]!.message).toMatch(
      /probably cut short and some rows are missing\. Add a filter to the report in Halo/,
    );
  });

  it("a capped SQL result says how to narrow the query, not to filter a report", async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => ({ id: i + 1 }));
    const table = await pullSource(
      fakeClient(() => ({ columns: [], report: { loaded: true, rows } })),
      { kind: "sql", sql: "SELECT id FROM Area" },
    );
    expect(table.warnings.map((w) => w.kind)).toEqual(["capped"]);
    expect(table.warnings[0]!.message).toMatch(/rows are missing\. Narrow the query with a WHERE clause/);
    expect(table.warnings[0]!.message).not.toMatch(/filter to the report/);
  });

  it("bad SQL rejects with Halo's message", async () => {
    const client = fakeClient(() => ({
      report: { loaded: false, load_error: "Invalid column name 'nme'." },
    }));
    await expect(pullSource(client, { kind: "sql", sql: "SELECT nme FROM Area" })).rejects.toThrow(
      "Halo could not run the SQL query: Invalid column name 'nme'.",
    );
  });
});

describe("costOf and sourceLabel", () => {
  it("48,000 clients: 481 requests, one 5-minute window of waiting", () => {
    expect(costOf(48_000)).toEqual({ records: 48_000, requests: 481, waitSeconds: 300 });
    expect(costOf(250)).toEqual({ records: 250, requests: 4, waitSeconds: 0 });
  });

  it("names sources as a person would", () => {
    expect(sourceLabel({ kind: "entity", entity: "Client", search: "acme" })).toBe('Clients "acme"');
    expect(sourceLabel({ kind: "sql", sql: "x" })).toBe("SQL query");
    expect(sourceLabel({ kind: "report", reportId: 3, reportName: "" })).toBe("Report 3");
  });
});
