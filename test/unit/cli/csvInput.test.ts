/** Issue 11, defects 3, 4, 7 and 8: what the command line reads from a CSV and what it writes. */
import { buildPlan } from "../../../src/bulk";
import { decodeCsv } from "../../../src/cli/csvEncoding";
import { parseCsv } from "../../../src/cli/csvFiles";
import { neutraliseFormula, restoreFormula } from "../../../src/cli/formulaText";
import { CliError } from "../../../src/cli/cliErrors";

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof CliError) return error.message;
    throw error;
  }
  throw new Error("expected a CliError");
}

describe("CSV encodings", () => {
  it("reads UTF-8, with or without a BOM", () => {
    expect(decodeCsv(Buffer.from("id,name\n1,Café\n"), "in.csv")).toBe("id,name\n1,Café\n");
    expect(decodeCsv(Buffer.from("\uFEFFid,name\n1,Café\n"), "in.csv")).toBe("\uFEFFid,name\n1,Café\n");
  });

  it("refuses Latin-1 / Windows-1252 text, naming the line and the fix; never replacement characters", () => {
    const latin1 = Buffer.from("id,name\n1,Acme\n2,Caf\xe9\n", "latin1");
    const message = refusal(() => decodeCsv(latin1, "rows.csv"));
    expect(message).toContain("rows.csv is not UTF-8");
    expect(message).toContain("line 3");
    expect(message).toMatch(/Windows-1252/);
    expect(message).toContain("--encoding windows-1252");
    expect(message).toContain("CSV UTF-8");
  });

  it("refuses UTF-16 (Excel's Unicode Text), with or without a BOM", () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("id,name\n1,x\n", "utf16le")]);
    expect(refusal(() => decodeCsv(le, "u.csv"))).toMatch(/u\.csv is UTF-16.*--encoding utf-16le/s);
    const noBom = Buffer.from("id,name\n1,x\n", "utf16le");
    expect(refusal(() => decodeCsv(noBom, "u.csv"))).toMatch(/UTF-16/);
  });

  it("--encoding reads the file as the user says", () => {
    const latin1 = Buffer.from("id,name\n2,Caf\xe9\n", "latin1");
    expect(decodeCsv(latin1, "rows.csv", "windows-1252")).toBe("id,name\n2,Café\n");
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("id\n1\n", "utf16le")]);
    expect(decodeCsv(le, "u.csv", "utf-16le")).toBe("id\n1\n");
    expect(refusal(() => decodeCsv(latin1, "rows.csv", "klingon"))).toContain('unknown encoding "klingon"');
  });
});

describe("rows the CSV holds", () => {
  it("ignores blank rows (trailing or not), keeping the numbers a spreadsheet shows", () => {
    const table = parseCsv("id,name\n1,a\n\n3,c\n,\n  ,  \n\n", "in.csv");
    expect(table.rows.map((r) => r.rowNumber)).toEqual([2, 4]);
  });

  it("a ragged row's extra cell and a value under an empty header are row errors naming the cell", () => {
    const table = parseCsv("id,name,,\n1,a,,\n2,b,stray,\n3,c,,,extra\n4,d\n", "in.csv");
    const plan = buildPlan({
      entity: "Client",
      source: table,
      options: { payload: { valuesWithoutHeader: "error" } },
    });
    const byRow = new Map(plan.rows.map((r) => [r.rowNumber, r]));
    expect(byRow.get(2)?.action).toBe("update");
    expect(byRow.get(3)?.action).toBe("skip");
    expect(byRow.get(3)?.reason).toContain("C3 has a value but its column has no header");
    expect(byRow.get(4)?.action).toBe("skip");
    expect(byRow.get(4)?.reason).toContain("E4 has a value but its column has no header");
    expect(byRow.get(5)?.action).toBe("update");
  });
});

describe("formula-looking text (CSV injection)", () => {
  const dangerous = [
    "=1+1",
    '=HYPERLINK("http://x","y")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
  ];

  it.each(dangerous)("%j is written with a leading ' and read back exactly", (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`);
    expect(restoreFormula(neutraliseFormula(value))).toBe(value);
  });

  it.each(["Acme", "'quoted", "''=x", "'=x", "", "a=b"])("%j survives the round trip", (value) => {
    expect(restoreFormula(neutraliseFormula(value))).toBe(value);
  });

  it("leaves numbers and ordinary text alone", () => {
    expect(neutraliseFormula(-5)).toBe(-5);
    expect(neutraliseFormula("Acme Ltd")).toBe("Acme Ltd");
  });
});
