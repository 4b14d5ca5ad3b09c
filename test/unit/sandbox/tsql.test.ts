import { tsqlToSqlite } from "../../../sandbox/tsql";

describe("T-SQL shim", () => {
  it("turns SELECT TOP n into LIMIT n", () => {
    expect(tsqlToSqlite("SELECT TOP 10 id FROM Area ORDER BY id;")).toBe(
      "SELECT id FROM Area ORDER BY id LIMIT 10",
    );
    expect(tsqlToSqlite("select distinct top (5) name from Area")).toBe(
      "select distinct name from Area LIMIT 5",
    );
  });

  it("maps ISNULL, LEN and GETDATE outside string literals only", () => {
    expect(tsqlToSqlite("SELECT ISNULL(a, 0), LEN(b), GETDATE() FROM t WHERE c = 'ISNULL(x)'")).toBe(
      "SELECT IFNULL(a, 0), LENGTH(b), SANDBOX_NOW() FROM t WHERE c = 'ISNULL(x)'",
    );
  });

  it("drops the N prefix of Unicode literals", () => {
    expect(tsqlToSqlite("SELECT * FROM Area WHERE name = N'Acme'")).toBe(
      "SELECT * FROM Area WHERE name = 'Acme'",
    );
  });
});
