import { coerceField, decodeField } from "../../../sandbox/coerce";
import type { FieldSchema } from "../../../sandbox/schema";

const int: FieldSchema = { type: "integer", nullable: true };
const strictInt: FieldSchema = { type: "integer", nullable: false };
const num: FieldSchema = { type: "number", nullable: true };
const bool: FieldSchema = { type: "boolean", nullable: true };
const str: FieldSchema = { type: "string", nullable: true };
const date: FieldSchema = { type: "datetime", nullable: true };
const list: FieldSchema = { type: "array", nullable: true, itemType: "object", ref: "CustomField" };

describe("coerceField (Halo's JSON binder rules)", () => {
  it("accepts what Newtonsoft converts", () => {
    expect(coerceField(int, 12, "[0].x")).toEqual({ value: 12 });
    expect(coerceField(int, " 12 ", "[0].x")).toEqual({ value: 12 });
    expect(coerceField(num, "12.5", "[0].x")).toEqual({ value: 12.5 });
    expect(coerceField(bool, true, "[0].x")).toEqual({ value: 1 });
    expect(coerceField(bool, "False", "[0].x")).toEqual({ value: 0 });
    expect(coerceField(bool, 0, "[0].x")).toEqual({ value: 0 });
    expect(coerceField(str, 42, "[0].x")).toEqual({ value: "42" });
    expect(coerceField(date, "2026-03-01T10:00:00Z", "[0].x")).toEqual({ value: "2026-03-01T10:00:00Z" });
    expect(coerceField(date, "2026-03-01", "[0].x")).toEqual({ value: "2026-03-01T00:00:00Z" });
    expect(coerceField(list, [{ id: 1 }], "[0].x")).toEqual({ value: '[{"id":1}]' });
    expect(coerceField(int, null, "[0].x")).toEqual({ value: null });
  });

  it("refuses wrong types with Newtonsoft's message and the JSON path", () => {
    expect(coerceField(int, "abc", "[3].item_tax_code")).toEqual({
      error: "Could not convert string to integer: abc. Path '[3].item_tax_code'.",
    });
    expect(coerceField(int, 1.5, "[0].x")).toEqual({
      error: "Input string '1.5' is not a valid integer. Path '[0].x'.",
    });
    expect(coerceField(int, true, "[0].x")).toEqual({
      error: "Error reading integer. Unexpected token: Boolean. Path '[0].x'.",
    });
    expect(coerceField(int, 2 ** 31, "[0].x")).toMatchObject({ error: expect.stringContaining("Int32") });
    expect(coerceField(strictInt, null, "[0].id")).toEqual({
      error: "Error converting value {null} to type 'System.Int32'. Path '[0].id'.",
    });
    expect(coerceField(bool, "yes", "[0].inactive")).toEqual({
      error: "Could not convert string to boolean: yes. Path '[0].inactive'.",
    });
    expect(coerceField(date, "someday", "[0].d")).toEqual({
      error: "Could not convert string to DateTime: someday. Path '[0].d'.",
    });
    expect(coerceField(str, { a: 1 }, "[0].name")).toMatchObject({
      error: expect.stringContaining("Path '[0].name'"),
    });
    expect(coerceField(list, { id: 1 }, "[0].customfields")).toMatchObject({
      error: expect.stringContaining("requires a JSON array"),
    });
  });

  it("decodes stored values back to JSON types", () => {
    expect(decodeField(bool, 1)).toBe(true);
    expect(decodeField(bool, 0)).toBe(false);
    expect(decodeField(list, '[{"id":1}]')).toEqual([{ id: 1 }]);
    expect(decodeField(int, 7)).toBe(7);
    expect(decodeField(int, null)).toBeNull();
  });
});
