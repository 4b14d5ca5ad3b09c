/**
 * Halo's database is SQL Server, so report SQL is T-SQL. The sandbox runs SQLite; this shim rewrites the
 * common T-SQL spellings report writers use so their queries run unchanged: `SELECT TOP n` (-> LIMIT),
 * ISNULL(a, b) (-> IFNULL), LEN (-> LENGTH), GETDATE() (-> the sandbox clock), N'text' literals.
 * [bracketed] names already work in SQLite. It is a convenience, not a T-SQL parser.
 */
const QUOTED = /('(?:[^']|'')*')/;

function rewriteOutsideStrings(sql: string, rewrite: (code: string) => string): string {
  return sql
    .split(QUOTED)
    .map((part, i) => (i % 2 === 1 ? part : rewrite(part)))
    .join("");
}

export function tsqlToSqlite(sql: string): string {
  let limit: string | undefined;
  let result = sql.trim().replace(/;\s*$/, "");
  result = result.replace(
    /^(\s*SELECT\s+(?:DISTINCT\s+)?)TOP\s*\(?\s*(\d+)\s*\)?\s+/i,
    (_m, head: string, n: string) => {
      limit = n;
      return head;
    },
  );
  result = rewriteOutsideStrings(result, (code) =>
    code
      .replace(/\bISNULL\s*\(/gi, "IFNULL(")
      .replace(/\bLEN\s*\(/gi, "LENGTH(")
      .replace(/\bGETDATE\s*\(\s*\)/gi, "SANDBOX_NOW()"),
  );
  // N'text' (Unicode literal): drop the N prefix before a quoted string.
  result = result.replace(/\bN('(?:[^']|'')*')/g, "$1");
  if (limit !== undefined && !/\bLIMIT\s+\d+\s*$/i.test(result)) result += ` LIMIT ${limit}`;
  return result;
}
