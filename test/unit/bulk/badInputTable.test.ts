/**
 * The README's bad-input table, engine side: each bad input in row 2 of a push makes that row a
 * skip whose reason names the row and cell (so nothing of it is sent), while the good row 3 is still
 * planned. The case names are the table's; keep them in step with README.md "Bad input".
 */
import { buildPlan, type CellValue, type PlanOptions } from "../../../src/bulk";

interface Case {
  name: string;
  headers: string[];
  bad: CellValue[];
  /** What the user reads for row 2. */
  says: RegExp;
  options?: PlanOptions;
  /** What becomes of the good row 3 (default: still updated). */
  rest?: "update" | "skip" | "unchanged";
}

const GOOD: Record<string, CellValue> = { id: 7, name: "Good row", toplevel_id: 1 };

const CASES: Case[] = [
  { name: "non-numeric id", headers: ["id", "name"], bad: ["abc", "x"], says: /A2.*id/i },
  {
    name: "negative id",
    headers: ["id", "name"],
    bad: [-5, "x"],
    says: /Row 2: id -5 \(cell A2\) is not a record number/,
  },
  { name: "decimal id", headers: ["id", "name"], bad: [12.5, "x"], says: /A2.*12\.5/ },
  {
    name: "missing id (creating not allowed)",
    headers: ["id", "name"],
    bad: ["", "x"],
    says: /Row 2.*(no id|create)/i,
  },
  {
    name: "duplicate id",
    headers: ["id", "name"],
    bad: [7, "again"],
    says: /id 7 appears in rows 2 and 3; none of them was sent/,
    rest: "skip",
  },
  { name: "Excel error value", headers: ["id", "name"], bad: [3, "#N/A"], says: /B2.*#N\/A/ },
  { name: "wrong type", headers: ["id", "toplevel_id"], bad: [3, "not a number"], says: /B2.*toplevel_id/ },
  {
    name: "unknown field, with the closest name",
    headers: ["id", "nmae"],
    bad: [3, "x"],
    says: /B2.*no field "nmae".*name/,
    rest: "unchanged",
  },
  {
    name: "duplicate headers",
    headers: ["id", "name", "name"],
    bad: [3, "a", "b"],
    says: /C2.*repeats the column/,
    rest: "skip",
  },
  {
    name: "value under an empty header",
    headers: ["id", "name", ""],
    bad: [3, "a", "stray"],
    says: /C2 has a value but its column has no header/,
    options: { payload: { valuesWithoutHeader: "error" } },
  },
  {
    name: "ragged row (a cell past the last header)",
    headers: ["id", "name", ""],
    bad: [3, "a", "", "extra"],
    says: /D2 has a value but its column has no header/,
    options: { payload: { valuesWithoutHeader: "error" } },
  },
];

const JSON_CASES = [
  {
    name: "malformed JSON in a payload cell",
    value: '{"id": 3, "name": }',
    says: /C2.*JSON|C2.*Unexpected|C2.*expected/i,
  },
  {
    name: "an array of non-objects where objects are expected",
    value: "[1, 2]",
    says: /C2.*item 1 of the array is not an object/,
  },
  { name: "JSON that is not an object", value: '"just text"', says: /C2.*expected a JSON object/ },
];

function rowOf(headers: string[], values: Record<string, CellValue>): CellValue[] {
  return headers.map((h) => values[h] ?? "");
}

describe("bad input: the row is not sent and the message names its cell", () => {
  it.each(CASES)("$name", ({ headers, bad, says, options, rest }) => {
    const plan = buildPlan({
      entity: "Client",
      source: {
        headers,
        rows: [
          { rowNumber: 2, values: bad },
          { rowNumber: 3, values: rowOf(headers, GOOD) },
        ],
      },
      options: options ?? {},
    });
    const [row2, row3] = [plan.rows.find((r) => r.rowNumber === 2), plan.rows.find((r) => r.rowNumber === 3)];
    expect(row2?.action).toBe("skip");
    expect(row3?.action).toBe(rest ?? "update");
    const reason = [row2, row3].map((r) => r?.reason ?? "").join(" ");
    expect(reason).toMatch(says);
  });

  it.each(JSON_CASES)("$name", ({ value, says }) => {
    const plan = buildPlan({
      entity: "Client",
      source: {
        column: "payload",
        cells: [
          { rowNumber: 2, value },
          { rowNumber: 3, value: '{"id": 7, "name": "Good row"}' },
        ],
      },
      options: { payload: { firstColumn: 2 } },
    });
    expect(plan.rows.find((r) => r.rowNumber === 2)?.action).toBe("skip");
    expect(plan.rows.find((r) => r.rowNumber === 2)?.reason).toMatch(says);
    expect(plan.rows.find((r) => r.rowNumber === 3)?.action).toBe("update");
  });

  it.each([
    ["right-to-left and emoji text", "مرحبا שלום 👋🏽 Ωmega"],
    ["a 32,767-character cell (Excel's limit)", "x".repeat(32_767)],
  ])("%s is not an error: sent exactly as typed", (_case, name) => {
    const plan = buildPlan({
      entity: "Client",
      source: { headers: ["id", "name"], rows: [{ rowNumber: 2, values: [3, name] }] },
    });
    expect(plan.rows[0]).toMatchObject({ action: "update" });
    expect(JSON.stringify(plan.rows[0])).toContain(JSON.stringify(name).slice(1, -1));
  });
});
