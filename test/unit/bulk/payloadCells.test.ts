import {
  cellAddress,
  columnLetters,
  isBlankCell,
  isExcelErrorValue,
  toCellValue,
} from "../../../src/bulk/cells";

describe("cells", () => {
  it("names cells in A1 style, past Z", () => {
    expect(cellAddress(2, 7)).toBe("C7");
    expect(cellAddress(0, 1)).toBe("A1");
    expect(columnLetters(25)).toBe("Z");
    expect(columnLetters(26)).toBe("AA");
    expect(columnLetters(701)).toBe("ZZ");
    expect(columnLetters(702)).toBe("AAA");
    expect(cellAddress(16383, 1048576)).toBe("XFD1048576");
  });

  it("recognises Excel's error values and nothing else", () => {
    for (const error of [
      "#VALUE!",
      "#REF!",
      "#N/A",
      "#NAME?",
      "#DIV/0!",
      "#NUM!",
      "#NULL!",
      "#SPILL!",
      "#CALC!",
      "#BUSY!",
    ])
      expect([error, isExcelErrorValue(error)]).toEqual([error, true]);
    for (const value of ["#NULL", "#value!", "N/A", "", 0, true, null, "#hashtag"])
      expect([value, isExcelErrorValue(value)]).toEqual([value, false]);
  });

  it("treats '' and null as blank but not 0 or FALSE", () => {
    expect([
      isBlankCell(""),
      isBlankCell(null),
      isBlankCell(0),
      isBlankCell(false),
      isBlankCell(" "),
    ]).toEqual([true, true, false, false, false]);
  });

  it("turns what a host hands over into cell values", () => {
    expect(toCellValue(undefined)).toBeNull();
    expect(toCellValue(12.5)).toBe(12.5);
    expect(toCellValue(Number.NaN)).toBe("#NUM!");
    expect(toCellValue({ code: "#N/A", message: "not found" })).toBe("#N/A");
    expect(toCellValue({ some: "object" })).toBe("#VALUE!");
    // Excel data types, which functions.json lets `any` parameters receive.
    expect(toCellValue({ type: "FormattedNumber", basicValue: 12, numberFormat: "0.00" })).toBe(12);
    expect(toCellValue({ type: "Error", basicValue: "#N/A", errorType: "NotAvailable" })).toBe("#N/A");
    expect(toCellValue({ type: "Entity", text: "Acme", basicValue: "#VALUE!", properties: {} })).toBe("Acme");
    expect(toCellValue({ type: "Double", basicValue: Number.NaN })).toBe("#NUM!");
  });
});
