/**
 * Rule: text in a number field is sent only when the whole text is a number, and JSON text in an
 * array or object field only when it parses to that shape; anything else is refused with a message
 * (so nothing is sent for the row).
 */
import { coerceValue } from "../../../src/bulk/payload/coerce";

describe("coerceValue: text in number fields", () => {
  it.each(["12abc", "abc12", "1e", ".", "-", "1.2.3", "e5", "1e+", "12 34"])(
    "refuses %j in a non-integer number field",
    (text) => {
      expect(coerceValue(text, "number")).toEqual({ ok: false, message: `expected a number, got "${text}"` });
    },
  );

  it.each([
    ["12", 12],
    [" 12.5 ", 12.5],
    ["-0.25", -0.25],
    ["+3", 3],
    [".5", 0.5],
    [".25", 0.25],
    ["5.", 5],
    ["1e3", 1000],
    ["1e10", 1e10],
    ["2.5E-2", 0.025],
  ])("reads %j as the number %p", (text, value) => {
    expect(coerceValue(text, "number")).toEqual({ ok: true, value });
  });

  it.each(["12abc", "abc12", "1.5", "1e3", ""])("refuses %j in a whole-number field", (text) => {
    expect(coerceValue(text, "integer")).toEqual({
      ok: false,
      message: `expected a whole number, got "${text}"`,
    });
  });

  it("reads whole-number text with a zero fraction as an integer", () => {
    expect(coerceValue(" -7.00 ", "integer")).toEqual({ ok: true, value: -7 });
  });
});

describe("coerceValue: JSON text in object and array fields", () => {
  it("reads an object from JSON text in an object field", () => {
    expect(coerceValue('{"id":1,"name":"Acme"}', "object")).toEqual({
      ok: true,
      value: { id: 1, name: "Acme" },
    });
  });

  it.each(["[1,2]", "null", "12", '"text"', "{not json"])("refuses %j in an object field", (text) => {
    const result = coerceValue(text, "object");
    expect(result).toEqual({
      ok: false,
      message: `expected an object: use dotted headers such as "name.field", or JSON text such as {"id":1}, got ${JSON.stringify(text)}`,
    });
  });

  it("refuses a number or a boolean in an object field, naming the value", () => {
    expect(coerceValue(12, "object")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/, got 12$/),
    });
    expect(coerceValue(true, "object")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/, got TRUE$/),
    });
  });

  it("reads a list from JSON text in an array field and refuses an object there", () => {
    expect(coerceValue("[1,2]", "array")).toEqual({ ok: true, value: [1, 2] });
    expect(coerceValue('{"id":1}', "array")).toEqual({
      ok: false,
      message: `expected a list: use a "name[]" header for a delimited list, or JSON text such as [1,2], got "{\\"id\\":1}"`,
    });
  });
});
