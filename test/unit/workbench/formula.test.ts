import { Workbook } from "../../../workbench/model/workbook";
import { CellError } from "../../../workbench/model/types";
import { adjustFormula } from "../../../workbench/formula/references";
import { CustomFunctionError } from "../../../workbench/formula/customFunctions";
import { fakeTimeouts, runScheduledTimeouts } from "../../fakes/fakeTimeouts";
import { cpuStopwatch } from "../../fakes/cpuStopwatch";

afterEach(() => jest.useRealTimers());

function setup() {
  const wb = new Workbook();
  const sheet = wb.getActiveSheet().id;
  const put = (address: [number, number], text: string) =>
    wb.setCellInput(sheet, address[0], address[1], text);
  const val = (r: number, c: number) => {
    const v = wb.getValue(sheet, r, c);
    return v instanceof CellError ? v.code : v;
  };
  return { wb, sheet, put, val };
}

describe("formula evaluation", () => {
  test.each([
    ["=1+2*3", 7],
    ["=(1+2)*3", 9],
    ["=-2^2", 4],
    ["=2^3^2", 64],
    ['="a"&"b"&1', "ab1"],
    ["=1/0", "#DIV/0!"],
    ['="abc"="ABC"', true],
    ["=2<10", true],
    ['="2"<10', false],
    ["=50%", 0.5],
    ['=IF(1>2,"yes","no")', "no"],
    ['=TEXT(3.14159,"0.00")', "3.14"],
    ['=CONCAT("a",1,TRUE)', "a1TRUE"],
    ['=LEN("hello")', 5],
    ["=ROW()", 1],
    ["=ROW(C7)", 7],
    ["=SUM(1,2,3)", 6],
    ['=IFERROR(1/0,"x")', "x"],
    ['=1/3&""', "0.333333333333333"],
    ["=NOSUCH(1)", "#NAME?"],
    ['=MATCH("b",{"a","b","c"},0)', 2],
    ["=MATCH(25,{10,20,30})", 2],
    ['=INDEX({"a","b";"c","d"},2,1)', "c"],
    ['=INDEX({"a","b","c"},3)', "c"],
    ['=VLOOKUP("B*",{"alpha",1;"beta",2},2,FALSE)', 2],
    ['=VLOOKUP(15,{10,"x";20,"y"},2)', "x"],
    ['=VLOOKUP("z",{"a",1},2,FALSE)', "#N/A"],
    ['=XLOOKUP("c",{"a";"b";"c"},{1;2;3})', 3],
    ['=XLOOKUP("q",{"a";"b"},{1;2},"none")', "none"],
    ['=COUNTIF({1,5,10,"x"},">4")', 2],
    ['=COUNTIF({"ab","Ac","b"},"a*")', 2],
    ['=SUMIF({1,5,10},"<>5")', 11],
    ['=SUBSTITUTE("a-b-c","-","+")', "a+b+c"],
    ['=SUBSTITUTE("a-b-c","-","+",2)', "a-b+c"],
    ['=FIND("b","abcb")', 2],
    ['=SEARCH("B?","xaby")', 3],
    ["=MOD(-7,3)", 2],
    ["=INT(-2.5)", -3],
    ['=REPT("ab",3)', "ababab"],
    ['=EXACT("a","A")', false],
  ])("%s -> %p", (formula, expected) => {
    const { put, val } = setup();
    put([0, 0], formula);
    expect(val(0, 0)).toEqual(expected);
  });

  test("relative, absolute and other-sheet references", () => {
    const { wb, sheet, put, val } = setup();
    const other = wb.addSheet("Sheet 2").id;
    wb.setCellInput(other, 0, 0, "7");
    put([0, 0], "3");
    put([0, 1], "=$A$1+'Sheet 2'!A1");
    expect(val(0, 1)).toBe(10);
    wb.setCellInput(other, 0, 0, "8");
    expect(val(0, 1)).toBe(11);
    wb.renameSheet(other, "Data");
    expect(wb.getCell(sheet, 0, 1).formula).toBe("=$A$1+Data!A1");
    expect(val(0, 1)).toBe(11);
    put([0, 2], "=Missing!A1");
    expect(val(0, 2)).toBe("#REF!");
    wb.addSheet("Missing");
    expect(val(0, 2)).toBe(0);
  });

  test("recalculation is incremental: only dependents are evaluated", () => {
    const { wb, sheet, put, val } = setup();
    let calls = 0;
    wb.customFunctions.loadMetadata(
      { functions: [{ id: "COUNTED", name: "COUNTED", parameters: [{ name: "x", type: "any" }] }] },
      "T",
    );
    wb.customFunctions.associate("COUNTED", ((x: unknown) => {
      calls++;
      return x;
    }) as never);
    for (let r = 0; r < 100; r++) {
      put([r, 0], String(r));
      put([r, 1], `=T.COUNTED(A${r + 1})`);
    }
    calls = 0;
    put([41, 0], "x");
    expect(calls).toBe(1);
    expect(val(41, 1)).toBe("x");
    expect(wb.getValue(sheet, 40, 1)).toBe(40);
  });

  test("chains recalculate in order and a circular reference shows 0", () => {
    const { wb, sheet, put, val } = setup();
    put([0, 0], "1");
    const chain = Array.from({ length: 5000 }, (_, i) => [`=A${i + 1}+1`]);
    wb.setFormulas(sheet, 1, 0, chain);
    expect(val(5000, 0)).toBe(5001);
    put([0, 0], "10");
    expect(val(5000, 0)).toBe(5010);
    put([0, 3], "=D2");
    put([1, 3], "=D1+1");
    expect(typeof val(0, 3)).toBe("number");
  });

  test("array results spill, #SPILL! when blocked, and spill again when unblocked", () => {
    const { put, val, wb, sheet } = setup();
    put([0, 0], "=SEQUENCE(3,2)");
    expect([val(0, 0), val(0, 1), val(2, 1)]).toEqual([1, 2, 6]);
    expect(wb.getCell(sheet, 2, 1)).toMatchObject({ spilled: true, formula: null });
    put([4, 0], "=SUM(A1#)");
    expect(val(4, 0)).toBe(21);
    put([1, 1], "block");
    expect(val(0, 0)).toBe("#SPILL!");
    expect(val(2, 1)).toBeNull();
    wb.setCellInput(sheet, 1, 1, "");
    expect(val(0, 0)).toBe(1);
    expect(val(2, 1)).toBe(6);
    put([0, 0], "5");
    expect(val(2, 1)).toBeNull();
  });

  test("lookups over ranges recalculate when the table changes; XLOOKUP of a block spills the row", () => {
    const { wb, sheet, put, val } = setup();
    wb.setInputs(sheet, 0, 0, [
      ["a", "1"],
      ["b", "2"],
      ["c", "3"],
    ]);
    put([0, 3], '=XLOOKUP("b",A1:A3,A1:B3)');
    put([1, 3], '=VLOOKUP("c",A1:B3,2,FALSE)');
    expect([val(0, 3), val(0, 4), val(1, 3)]).toEqual(["b", 2, 3]);
    put([2, 1], "30");
    expect(val(1, 3)).toBe(30);
  });

  test("TODAY and NOW are today's serial date, recalculated on every recalculation", () => {
    const { put, val } = setup();
    put([0, 0], "=TODAY()");
    put([0, 1], "=NOW()-TODAY()");
    const today = val(0, 0) as number;
    const expected = Math.floor((Date.now() - new Date().getTimezoneOffset() * 60_000) / 86_400_000) + 25569;
    expect(Math.abs(today - expected)).toBeLessThanOrEqual(1);
    const fraction = val(0, 1) as number;
    expect(fraction).toBeGreaterThanOrEqual(0);
    expect(fraction).toBeLessThan(1);
  });

  test("ranges in scalar positions lift element-wise", () => {
    const { put, val } = setup();
    put([0, 0], "a");
    put([1, 0], "bb");
    put([0, 2], "=LEN(A1:A2)");
    expect([val(0, 2), val(1, 2)]).toEqual([1, 2]);
  });

  test("fill down adjusts relative references only", () => {
    expect(adjustFormula("=HALO.PAYLOAD($A$1:$B$1, A2:B2)", 3, 0)).toBe("=HALO.PAYLOAD($A$1:$B$1, A5:B5)");
    expect(adjustFormula("='Sheet 2'!A$1+B1", 1, 1)).toBe("='Sheet 2'!B$1+C2");
    expect(adjustFormula("=A1", -1, 0)).toBe("=#REF!");
    const { wb, sheet, val } = setup();
    wb.setInputs(sheet, 0, 0, [["1", "=A1*2"], ["2"], ["3"]]);
    wb.fillDown(sheet, { row: 0, col: 1, rowCount: 3, colCount: 1 });
    expect([val(0, 1), val(1, 1), val(2, 1)]).toEqual([2, 4, 6]);
    expect(wb.getCell(sheet, 2, 1).formula).toBe("=A3*2");
  });
});

describe("custom functions are called as Excel calls them", () => {
  const metadata = {
    functions: [
      {
        id: "SHAPES",
        name: "SHAPES",
        parameters: [
          { name: "headers", type: "any", dimensionality: "matrix" as const },
          { name: "value", type: "any" },
          { name: "n", type: "number", optional: true },
        ],
      },
      { id: "ARRAY", name: "ARRAY", parameters: [] },
      { id: "SLOW", name: "SLOW", parameters: [{ name: "x", type: "number" }] },
      { id: "FAIL", name: "FAIL", parameters: [] },
    ],
  };

  test('2-D arrays for matrix params, floats, serial dates, blanks as "", omitted optional as null', () => {
    const { wb, put, val } = setup();
    wb.customFunctions.loadMetadata(metadata, "HALO");
    const seen: unknown[][] = [];
    wb.customFunctions.associate("SHAPES", ((...args: unknown[]) => {
      seen.push(args);
      return "ok";
    }) as never);
    put([0, 0], "1.5");
    put([0, 2], "2024-01-15");
    put([0, 3], "=HALO.SHAPES(A1:C1, A1)");
    expect(val(0, 3)).toBe("ok");
    expect(seen[seen.length - 1]).toEqual([[[1.5, "", 45306]], 1.5, null]);
    put([0, 4], "=HALO.SHAPES(A1:A1, B1, 2)");
    expect(seen[seen.length - 1]).toEqual([[[1.5]], "", 2]);
  });

  test("a returned 2-D array spills; thrown CustomFunctions.Error shows its code and message", () => {
    const { wb, put, val, sheet } = setup();
    wb.customFunctions.loadMetadata(metadata, "HALO");
    wb.customFunctions.associate({
      ARRAY: (() => [[1], [2], [3]]) as never,
      FAIL: (() => {
        throw new CustomFunctionError("#N/A", "nothing here");
      }) as never,
    });
    put([0, 0], "=HALO.ARRAY()");
    expect([val(0, 0), val(1, 0), val(2, 0)]).toEqual([1, 2, 3]);
    put([0, 1], "=HALO.FAIL()");
    const error = wb.getValue(sheet, 0, 1) as CellError;
    expect(error.code).toBe("#N/A");
    expect(error.message).toBe("nothing here");
  });

  test("promises show #BUSY! until resolved, then dependents update", async () => {
    const { wb, put, val } = setup();
    wb.customFunctions.loadMetadata(metadata, "HALO");
    wb.customFunctions.associate("SLOW", ((x: number) => Promise.resolve(x * 2)) as never);
    put([0, 0], "21");
    put([0, 1], "=HALO.SLOW(A1)");
    put([0, 2], "=B1+1");
    expect(val(0, 1)).toBe("#BUSY!");
    await wb.whenCalculated();
    expect(val(0, 1)).toBe(42);
    expect(val(0, 2)).toBe(43);
  });

  test("a pending call is not repeated, and a result for arguments that changed meanwhile is dropped", async () => {
    fakeTimeouts();
    const { wb, put, val } = setup();
    wb.customFunctions.loadMetadata(metadata, "HALO");
    const resolvers: ((v: number) => void)[] = [];
    const calls: number[] = [];
    wb.customFunctions.associate("SLOW", ((x: number) => {
      calls.push(x);
      return new Promise<number>((resolve) => resolvers.push(resolve));
    }) as never);
    put([0, 0], "1");
    put([0, 1], "=HALO.SLOW(A1)");
    put([0, 2], "=B1&A1");
    put([5, 5], "unrelated edit");
    expect(calls).toEqual([1]);
    put([0, 0], "2");
    expect(calls).toEqual([1, 2]);
    resolvers[0](100);
    await runScheduledTimeouts();
    expect(val(0, 1)).toBe("#BUSY!");
    resolvers[1](200);
    const calculated = wb.whenCalculated();
    await runScheduledTimeouts();
    await calculated;
    expect(val(0, 1)).toBe(200);
    expect(val(0, 2)).toBe("2002");
  });

  test("an error argument is returned without calling the function", () => {
    const { wb, put, val } = setup();
    wb.customFunctions.loadMetadata(metadata, "HALO");
    let called = false;
    wb.customFunctions.associate("SLOW", (() => {
      called = true;
      return 1;
    }) as never);
    put([0, 0], "=1/0");
    put([0, 1], "=HALO.SLOW(A1)");
    expect(val(0, 1)).toBe("#DIV/0!");
    expect(called).toBe(false);
  });

  test("streaming functions get an invocation whose setResult updates the cell", async () => {
    const { wb, put, val } = setup();
    wb.customFunctions.loadMetadata(
      {
        functions: [
          { id: "TICK", name: "TICK", parameters: [], options: { stream: true, cancelable: true } },
        ],
      },
      "HALO",
    );
    let push: ((v: unknown) => void) | undefined;
    let canceled = false;
    wb.customFunctions.associate("TICK", ((invocation: {
      setResult: (v: unknown) => void;
      onCanceled?: () => void;
    }) => {
      push = invocation.setResult;
      invocation.onCanceled = () => {
        canceled = true;
      };
    }) as never);
    put([0, 0], "=HALO.TICK()");
    put([0, 1], '=A1&"!"');
    expect(val(0, 0)).toBe("#BUSY!");
    push!("one");
    await wb.whenCalculated();
    expect(val(0, 1)).toBe("one!");
    push!("two");
    await wb.whenCalculated();
    expect(val(0, 1)).toBe("two!");
    put([0, 0], "");
    expect(canceled).toBe(true);
  });

  test("with allowErrorForDataTypeAny, any-typed parameters receive errors as CustomFunctions.Error", () => {
    const { wb, put, val } = setup();
    wb.customFunctions.loadMetadata(
      {
        allowErrorForDataTypeAny: true,
        functions: [{ id: "KIND", name: "KIND", parameters: [{ name: "x", type: "any" }] }],
      },
      "HALO",
    );
    wb.customFunctions.associate("KIND", ((x: unknown) =>
      x instanceof CustomFunctionError ? `error ${x.code}` : typeof x) as never);
    put([0, 0], "=NA()");
    put([0, 1], "=HALO.KIND(A1)");
    expect(val(0, 1)).toBe("error #N/A");
  });

  test("volatile functions recalculate on every recalculation", () => {
    const { wb, put, val } = setup();
    let n = 0;
    wb.customFunctions.loadMetadata(
      { functions: [{ id: "COUNTER", name: "COUNTER", parameters: [], options: { volatile: true } }] },
      "HALO",
    );
    wb.customFunctions.associate("COUNTER", (() => ++n) as never);
    put([0, 0], "=HALO.COUNTER()");
    const first = val(0, 0) as number;
    put([5, 5], "unrelated");
    expect(val(0, 0)).toBe(first + 1);
  });

  test("10,000 payload-style formulas recalculate well under a second", () => {
    const { wb, sheet, val } = setup();
    wb.customFunctions.loadMetadata(
      {
        functions: [
          {
            id: "PAYLOAD",
            name: "PAYLOAD",
            parameters: [
              { name: "headers", type: "any", dimensionality: "matrix" },
              { name: "values", type: "any", dimensionality: "matrix" },
            ],
          },
        ],
      },
      "HALO",
    );
    wb.customFunctions.associate("PAYLOAD", ((h: unknown[][], v: unknown[][]) =>
      JSON.stringify(Object.fromEntries(h[0].map((k, i) => [k, v[0][i]])))) as never);
    const rows = 10_000;
    wb.setValues(sheet, 0, 0, [["id", "item_tax_code"]]);
    wb.setValues(
      sheet,
      1,
      0,
      Array.from({ length: rows }, (_, i) => [i + 1, i % 3]),
    );
    const firstCalcCpuMs = cpuStopwatch();
    wb.setFormulas(
      sheet,
      1,
      2,
      Array.from({ length: rows }, (_, i) => [`=HALO.PAYLOAD($A$1:$B$1, A${i + 2}:B${i + 2})`]),
    );
    const firstCalc = firstCalcCpuMs();
    expect(val(rows, 2)).toBe(`{"id":${rows},"item_tax_code":${(rows - 1) % 3}}`);
    const recalcCpuMs = cpuStopwatch();
    wb.setCellInput(sheet, 0, 1, "tax");
    expect(recalcCpuMs()).toBeLessThan(1000);
    expect(firstCalc).toBeLessThan(3000);
    expect(val(5, 2)).toBe('{"id":5,"tax":1}');
  });
});
