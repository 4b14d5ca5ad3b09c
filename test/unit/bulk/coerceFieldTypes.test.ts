/**
 * Rules of coerceValue per field type, beyond text in number fields (coerceNumberText.test.ts):
 * numbers are sent as Excel shows them (15 significant digits, so =0.1+0.2 is 0.3), a whole-number
 * field takes only a safe integer, booleans take TRUE/FALSE and yes/no, 1/0 in any case and spacing,
 * dates take an Excel date or ISO text, text fields send numbers as shown, and a value with no type
 * keeps Excel's own type. Every refusal names the value as the user typed it.
 */
import { coerceValue, describeValue, excelNumber } from "../../../src/bulk/payload/coerce";

describe("excelNumber and describeValue", () => {
  it("drops the binary noise Excel never shows, and keeps integers as they are", () => {
    expect(excelNumber(0.1 + 0.2)).toBe(0.3);
    expect(excelNumber(2 ** 53 + 2)).toBe(2 ** 53 + 2);
    expect(excelNumber(-12)).toBe(-12);
  });

  it("quotes text and writes numbers and booleans bare (booleans as Excel shows them)", () => {
    expect(describeValue("12")).toBe('"12"');
    expect(describeValue(12.5)).toBe("12.5");
    expect(describeValue(false)).toBe("FALSE");
  });
});

describe("coerceValue: whole-number fields", () => {
  it("takes a number that Excel shows as whole, without its noise", () => {
    expect(coerceValue(3.0000000000000004, "integer")).toEqual({ ok: true, value: 3 });
    expect(coerceValue(-42, "integer")).toEqual({ ok: true, value: -42 });
  });

  it("refuses a fraction, naming the number as shown", () => {
    expect(coerceValue(1.5, "integer")).toEqual({ ok: false, message: "expected a whole number, got 1.5" });
  });

  it("refuses a whole number beyond 2^53 - 1 (it would not arrive exactly), as a number and as text", () => {
    expect(coerceValue(2 ** 53, "integer")).toEqual({
      ok: false,
      message: `expected a whole number, got ${2 ** 53}`,
    });
    expect(coerceValue("9007199254740993", "integer")).toEqual({
      ok: false,
      message: 'expected a whole number, got "9007199254740993"',
    });
  });

  it("reads whole-number text with a sign, spaces or a bare point", () => {
    expect(coerceValue(" +5 ", "integer")).toEqual({ ok: true, value: 5 });
    expect(coerceValue("5.", "integer")).toEqual({ ok: true, value: 5 });
  });

  it("refuses a boolean, naming it as Excel shows it", () => {
    expect(coerceValue(true, "integer")).toEqual({ ok: false, message: "expected a whole number, got TRUE" });
  });
});

describe("coerceValue: number fields", () => {
  it("sends a number as Excel shows it", () => {
    expect(coerceValue(0.1 + 0.2, "number")).toEqual({ ok: true, value: 0.3 });
  });

  it("refuses a boolean", () => {
    expect(coerceValue(false, "number")).toEqual({ ok: false, message: "expected a number, got FALSE" });
  });
});

describe("coerceValue: boolean fields", () => {
  it.each([
    [true, true],
    [false, false],
    [" TRUE ", true],
    ["Yes", true],
    ["1", true],
    [1, true],
    ["false", false],
    [" no", false],
    ["0", false],
    [0, false],
  ] as const)("reads %j as %p", (value, expected) => {
    expect(coerceValue(value, "boolean")).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["maybe", '"maybe"'],
    [2, "2"],
    ["", '""'],
  ] as const)("refuses %j, naming it", (value, shown) => {
    expect(coerceValue(value, "boolean")).toEqual({
      ok: false,
      message: `expected TRUE/FALSE (or yes/no, 1/0), got ${shown}`,
    });
  });
});

describe("coerceValue: date fields", () => {
  const refusal = (shown: string) => ({
    ok: false,
    message: `expected a date (an Excel date or ISO text such as 2024-03-01), got ${shown}`,
  });

  it("turns an Excel date into ISO date-time text", () => {
    expect(coerceValue(45352, "datetime")).toEqual({ ok: true, value: "2024-03-01T00:00:00" });
  });

  it("keeps ISO text, with a space between date and time made a T", () => {
    expect(coerceValue("2024-03-01", "datetime")).toEqual({ ok: true, value: "2024-03-01" });
    expect(coerceValue("2024-03-01 09:30", "datetime")).toEqual({ ok: true, value: "2024-03-01T09:30" });
  });

  it("refuses text that is no date, a number before Excel's first day, and a boolean", () => {
    expect(coerceValue("1 March", "datetime")).toEqual(refusal('"1 March"'));
    expect(coerceValue(0, "datetime")).toEqual(refusal("0"));
    expect(coerceValue(true, "datetime")).toEqual(refusal("TRUE"));
  });
});

describe("coerceValue: text fields and untyped fields", () => {
  it("sends text as typed, a number as Excel shows it, a boolean as its word", () => {
    expect(coerceValue(" 007 ", "string")).toEqual({ ok: true, value: " 007 " });
    expect(coerceValue(0.1 + 0.2, "string")).toEqual({ ok: true, value: "0.3" });
    expect(coerceValue(true, "string")).toEqual({ ok: true, value: "true" });
  });

  it("keeps Excel's own type when the field has none, numbers without their noise", () => {
    expect(coerceValue(0.1 + 0.2, undefined)).toEqual({ ok: true, value: 0.3 });
    expect(coerceValue("0.1", undefined)).toEqual({ ok: true, value: "0.1" });
    expect(coerceValue(false, undefined)).toEqual({ ok: true, value: false });
  });
});
