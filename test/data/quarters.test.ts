import fc from "fast-check";
import {
  excelSerialToIsoDate,
  isoDateToExcelSerial,
  parsePeriod,
  parseQuarter,
  quarterFromOrdinal,
  quarterOfIsoDate,
  quarterOrdinal,
  quartersInRange,
} from "../../src/data/quarters";
import { expectError } from "./helpers";

describe("parseQuarter: every accepted quarter format", () => {
  it.each([
    ["2025Q3", "2025Q3"],
    ["2025-Q3", "2025Q3"],
    ["Q3 2025", "2025Q3"],
    ["3Q25", "2025Q3"],
    ["Q3-25", "2025Q3"],
    ["2025q3", "2025Q3"],
    ["  q3   2025 ", "2025Q3"],
    ["2025 - q4", "2025Q4"],
    ["1q26", "2026Q1"],
    ["Q1-2024", "2024Q1"],
    ["Q2/25", "2025Q2"],
    ["3Q2025", "2025Q3"],
  ])("%j → %s", (input, expected) => {
    expect(parseQuarter(input)).toBe(expected);
  });

  it("reads an ISO date as its quarter", () => {
    expect(parseQuarter("2025-08-14")).toBe("2025Q3");
    expect(parseQuarter("2024-12-31")).toBe("2024Q4");
    expect(parseQuarter("2025-04-01")).toBe("2025Q2");
  });

  it("reads Excel date serials as the quarter of that date", () => {
    // Excel: DATE(2025,8,14) = 45883, DATE(2025,1,1) = 45658, DATE(2024,12,31) = 45657.
    expect(parseQuarter(45883)).toBe("2025Q3");
    expect(parseQuarter(45658)).toBe("2025Q1");
    expect(parseQuarter(45657)).toBe("2024Q4");
    // Serial 60 is Excel's fictitious 1900-02-29: still 1900Q1.
    expect(parseQuarter(60)).toBe("1900Q1");
    expect(parseQuarter(91)).toBe("1900Q1"); // 1900-03-31
    expect(parseQuarter(92)).toBe("1900Q2"); // 1900-04-01
  });

  it("reads LQ and LQ-n relative to the latest quarter given, never the clock", () => {
    expect(parseQuarter("LQ", { latestQuarter: "2026Q2" })).toBe("2026Q2");
    expect(parseQuarter("lq-1", { latestQuarter: "2026Q2" })).toBe("2026Q1");
    expect(parseQuarter("LQ - 6", { latestQuarter: "2026Q2" })).toBe("2024Q4");
  });

  it.each([
    ["2025Q5"],
    ["Q0 2025"],
    ["2025"],
    ["next quarter"],
    [""],
    ["2025-02-30"],
    ["2025-13-01"],
    ["LQ+1"],
  ])("rejects %j with a VALUE error listing the accepted formats", (input) => {
    expectError(() => parseQuarter(input, { latestQuarter: "2026Q2" }), "VALUE", /quarter/);
  });

  it("names the accepted formats in its message", () => {
    expectError(() => parseQuarter("soon"), "VALUE", '"2025Q3", "2025-Q3", "Q3 2025", "3Q25" or "Q3-25"');
    expectError(() => parseQuarter("soon", { argName: "from" }), "VALUE", /^from: /);
  });

  it("explains that a bare year is not one quarter", () => {
    expectError(() => parseQuarter("2025"), "VALUE", '"2025Q1"');
    expectError(() => parseQuarter(2025), "VALUE", "looks like a year");
  });

  it("rejects numbers that are not whole Excel dates, booleans and nothing", () => {
    expectError(() => parseQuarter(45883.5), "VALUE", "whole number");
    expectError(() => parseQuarter(0), "VALUE", "between 1");
    expectError(() => parseQuarter(-3), "VALUE", "between 1");
    expectError(() => parseQuarter(Number.NaN), "VALUE", "whole number");
    expectError(() => parseQuarter(true), "VALUE", "quarter");
    expectError(() => parseQuarter(null), "VALUE", "got nothing");
  });

  it("needs a latest quarter for LQ", () => {
    expectError(() => parseQuarter("LQ"), "VALUE", "LQ");
  });

  it("round-trips every quarter through every text format (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), (year, q, lower) => {
        const yy = String(year % 100).padStart(2, "0");
        const forms = [`${year}Q${q}`, `${year}-Q${q}`, `Q${q} ${year}`, `${q}Q${yy}`, `Q${q}-${yy}`];
        for (const form of forms) {
          expect(parseQuarter(lower ? form.toLowerCase() : ` ${form} `)).toBe(`${year}Q${q}`);
        }
      }),
    );
  });
});

describe("ISO dates and Excel serials (1900 system)", () => {
  it.each([
    ["1900-01-01", 1],
    ["1900-02-28", 59],
    ["1900-03-01", 61],
    ["1999-12-31", 36525],
    ["2023-01-01", 44927],
    ["2025-01-01", 45658],
    ["2025-08-14", 45883],
    ["9999-12-31", 2958465],
  ])("%s ↔ %d", (iso, serial) => {
    expect(isoDateToExcelSerial(iso)).toBe(serial);
    expect(excelSerialToIsoDate(serial)).toBe(iso);
  });

  it("has no ISO date for the fictitious 1900-02-29 (serial 60)", () => {
    expectError(() => excelSerialToIsoDate(60), "VALUE", "1900-02-29");
    expectError(() => isoDateToExcelSerial("1900-02-29"), "VALUE", "real date");
  });

  it("rejects dates outside Excel's range and malformed text", () => {
    expectError(() => isoDateToExcelSerial("1899-12-31"), "VALUE", "1900-01-01");
    expectError(() => isoDateToExcelSerial("2025-8-14"), "VALUE", "YYYY-MM-DD");
    expectError(() => excelSerialToIsoDate(2958466), "VALUE", "9999-12-31");
    expectError(() => excelSerialToIsoDate(1.5), "VALUE", "whole number");
  });

  it("round-trips every serial and consecutive serials are consecutive days (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958464 }), (serial) => {
        const iso = excelSerialToIsoDate(serial);
        expect(isoDateToExcelSerial(iso)).toBe(serial);
        const next = new Date(`${iso}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        expect(excelSerialToIsoDate(serial + 1)).toBe(next.toISOString().slice(0, 10));
      }),
    );
  });

  it("gives the quarter of an ISO date", () => {
    expect(quarterOfIsoDate("2025-03-31")).toBe("2025Q1");
    expect(quarterOfIsoDate("2025-10-01")).toBe("2025Q4");
  });
});

describe("parsePeriod", () => {
  const context = { latestQuarter: "2026Q2" };

  it("takes any single quarter format as a one-quarter period", () => {
    expect(parsePeriod("Q3 2025", context)).toEqual({ from: "2025Q3", to: "2025Q3" });
    expect(parsePeriod(45883, context)).toEqual({ from: "2025Q3", to: "2025Q3" });
    expect(parsePeriod("2025-08-14", context)).toEqual({ from: "2025Q3", to: "2025Q3" });
  });

  it("takes a year as text or as a number", () => {
    expect(parsePeriod("2025", context)).toEqual({ from: "2025Q1", to: "2025Q4" });
    expect(parsePeriod(2024, context)).toEqual({ from: "2024Q1", to: "2024Q4" });
  });

  it("takes inclusive ranges with any quarter format on either side", () => {
    expect(parsePeriod("2024Q3:2025Q2", context)).toEqual({ from: "2024Q3", to: "2025Q2" });
    expect(parsePeriod(" Q3 2024 : 2Q25 ", context)).toEqual({ from: "2024Q3", to: "2025Q2" });
    expect(parsePeriod("2024-08-01:LQ", context)).toEqual({ from: "2024Q3", to: "2026Q2" });
    expect(parsePeriod("2024:2025", context)).toEqual({ from: "2024Q1", to: "2025Q4" });
    expect(parsePeriod("2025Q1:2025Q1", context)).toEqual({ from: "2025Q1", to: "2025Q1" });
  });

  it("reads LQ, LQ-n and TTM relative to the dataset's latest quarter", () => {
    expect(parsePeriod("LQ", context)).toEqual({ from: "2026Q2", to: "2026Q2" });
    expect(parsePeriod("LQ-4", context)).toEqual({ from: "2025Q2", to: "2025Q2" });
    expect(parsePeriod("ttm", context)).toEqual({ from: "2025Q3", to: "2026Q2" });
    expect(parsePeriod("TTM", { latestQuarter: "2025Q1" })).toEqual({ from: "2024Q2", to: "2025Q1" });
  });

  it("rejects reversed ranges, junk and half ranges with VALUE", () => {
    expectError(() => parsePeriod("2025Q2:2024Q3", context), "VALUE", "starts (2025Q2) after it ends (2024Q3)");
    expectError(() => parsePeriod("2025Q2:", context), "VALUE", "range");
    expectError(() => parsePeriod("a:b:c", context), "VALUE", "TTM");
    expectError(() => parsePeriod("last year", context), "VALUE", '"2024Q3:2025Q2"');
    expectError(() => parsePeriod(null, context), "VALUE", "period");
    expectError(() => parsePeriod("TTM"), "VALUE", "LQ");
  });

  it("range parsing agrees with quarter ordinals (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 8000, max: 8400 }), fc.integer({ min: 0, max: 40 }), (start, length) => {
        const from = quarterFromOrdinal(start);
        const to = quarterFromOrdinal(start + length);
        const range = parsePeriod(`${from}:${to}`, context);
        expect(range).toEqual({ from, to });
        const quarters = quartersInRange(range);
        expect(quarters).toHaveLength(length + 1);
        expect(quarters.map(quarterOrdinal)).toEqual(Array.from({ length: length + 1 }, (_, i) => start + i));
      }),
    );
  });
});
