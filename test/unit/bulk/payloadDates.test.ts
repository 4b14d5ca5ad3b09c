import { excelSerialToIso, isoDateText } from "../../../src/bulk/payload";

describe("Excel serial dates", () => {
  it("converts serials to wall-clock ISO text", () => {
    expect(excelSerialToIso(45352)).toBe("2024-03-01T00:00:00");
    expect(excelSerialToIso(45352.5)).toBe("2024-03-01T12:00:00");
    expect(excelSerialToIso(25569)).toBe("1970-01-01T00:00:00");
    expect(excelSerialToIso(61)).toBe("1900-03-01T00:00:00");
    // Excel keeps Lotus's phantom 29 Feb 1900: days before it are counted one short.
    expect(excelSerialToIso(1)).toBe("1900-01-01T00:00:00");
    expect(excelSerialToIso(59)).toBe("1900-02-28T00:00:00");
    expect(excelSerialToIso(2958465)).toBe("9999-12-31T00:00:00");
  });

  it("rounds the float noise of times to the second", () => {
    // 10:30 as Excel stores it: 0.4375 of a day, here with binary noise.
    expect(excelSerialToIso(45352 + 10.5 / 24 - 1e-10)).toBe("2024-03-01T10:30:00");
  });

  it("rejects numbers that are not Excel dates", () => {
    for (const n of [0, -1, 60, 2958466, Number.NaN])
      expect([n, excelSerialToIso(n)]).toEqual([n, undefined]);
  });

  it("accepts real ISO dates and date-times, and nothing else", () => {
    expect(isoDateText("2024-03-01")).toBe("2024-03-01");
    expect(isoDateText(" 2024-03-01 10:30 ")).toBe("2024-03-01T10:30");
    expect(isoDateText("2024-03-01T10:30:15.123Z")).toBe("2024-03-01T10:30:15.123Z");
    expect(isoDateText("2024-02-29T00:00:00+01:00")).toBe("2024-02-29T00:00:00+01:00");
    for (const bad of ["2023-02-29", "2024-13-01", "01/03/2024", "2024-03-01T24:00", "tomorrow", ""])
      expect([bad, isoDateText(bad)]).toEqual([bad, undefined]);
  });
});
