import { openDatabase, type Database } from "../../../sandbox/database";
import { registerReportFunctions, REPORT_ROW_CAP, runReport } from "../../../sandbox/reportEngine";

let db: Database;

beforeAll(async () => {
  ({ db } = await openDatabase());
  registerReportFunctions(db, () => Date.UTC(2026, 2, 1, 9, 30));
  db.run("CREATE TABLE t (id INTEGER, name TEXT, price REAL, seen TEXT)");
  db.run("INSERT INTO t VALUES (1, 'a', 9.5, '2026-01-01T10:00:00Z'), (2, 'b', 10, '2026-01-02T10:00:00Z')");
});

afterAll(() => db.close());

describe("report engine", () => {
  it("types columns like SQL Server and sends decimals as strings", () => {
    const outcome = runReport(db, "SELECT id, name, price, seen FROM t ORDER BY id", ["name"]);
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.columns.map((c) => [c.name, c.data_type, c.hidden, c.sequence])).toEqual([
      ["id", "int", false, 1],
      ["name", "nvarchar", true, 2],
      ["price", "decimal", false, 3],
      ["seen", "datetime", false, 4],
    ]);
    expect(outcome.rows).toEqual([
      { id: 1, name: "a", price: "9.5", seen: "2026-01-01T10:00:00Z" },
      { id: 2, name: "b", price: "10", seen: "2026-01-02T10:00:00Z" },
    ]);
  });

  it("runs T-SQL spellings", () => {
    const outcome = runReport(
      db,
      "SELECT TOP 1 ISNULL(NULL, name) AS n, GETDATE() AS now FROM t ORDER BY id DESC",
    );
    expect(outcome).toMatchObject({ ok: true, rows: [{ n: "b", now: "2026-03-01T09:30:00Z" }] });
  });

  it("refuses writes and reports SQL errors as load errors", () => {
    expect(runReport(db, "DELETE FROM t")).toEqual({ ok: false, error: "Only SELECT queries are allowed." });
    expect(runReport(db, "SELECT nope FROM t")).toMatchObject({
      ok: false,
      error: expect.stringContaining("nope"),
    });
    expect(runReport(db, "  ")).toMatchObject({ ok: false });
    expect(runReport(db, "SELECT COUNT(*) AS n FROM t")).toMatchObject({ ok: true, rows: [{ n: 2 }] });
  });

  it("stops silently at Halo's 50,000-row cap", () => {
    const outcome = runReport(
      db,
      "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 50010) SELECT x FROM n",
    );
    expect(outcome.ok && outcome.rows.length).toBe(REPORT_ROW_CAP);
  });
});
