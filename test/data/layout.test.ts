/**
 * The packed forms of core.json columns and links.json give back exactly what was packed, and
 * the generator refuses a value it cannot store exactly. (That every real record and URL comes
 * back unchanged is checked against the JSONL in dataset.test.ts.)
 */
import { packLinks } from "../../src/data/build/generate";
import { findField } from "../../src/data/fields";
import { packColumn, packingOf, unpackColumn } from "../../src/data/layout";
import { unpackLinks } from "../../src/data/links-format";

function roundTrip(field: string, values: unknown[]): unknown[] {
  const def = findField(field);
  return unpackColumn(def, packColumn(def, values), values.length);
}

describe("core column packing", () => {
  it("chooses the packing from the field's kind", () => {
    expect(packingOf(findField("instrument_class"))).toBe("chars");
    expect(packingOf(findField("secured"))).toBe("chars");
    expect(packingOf(findField("maturity_date"))).toBe("days");
    expect(packingOf(findField("amount_usd"))).toBe("numbers");
    expect(packingOf(findField("coupon_pct"))).toBe("numbers");
    expect(packingOf(findField("issuer"))).toBe("texts");
    expect(packingOf(findField("outcome_date"))).toBe("texts");
  });

  it("joins text with '|' ('' for null), or keeps an array when a value holds '|' or is empty", () => {
    expect(packColumn(findField("issuer"), ["Hut 8 Corp.", null, "IREN Limited"])).toBe("Hut 8 Corp.||IREN Limited");
    expect(roundTrip("collateral", [null, "bitcoin", null])).toEqual([null, "bitcoin", null]);
    expect(roundTrip("collateral", [null])).toEqual([null]);
    expect(packColumn(findField("collateral"), ["a|b", null])).toEqual(["a|b", null]);
    expect(roundTrip("collateral", ["a|b", null])).toEqual(["a|b", null]);
    expect(packColumn(findField("collateral"), ["", "x"])).toEqual(["", "x"]);
    expect(roundTrip("collateral", ["", "x"])).toEqual(["", "x"]);
  });

  it("stores an enum as one character per record: its index in the catalogue, '.' for null", () => {
    const def = findField("instrument_class");
    expect(packColumn(def, ["convertible", null, "other"])).toBe("0.8");
    expect(roundTrip("instrument_class", ["other", "convertible", null])).toEqual(["other", "convertible", null]);
  });

  it("stores booleans as 1/0/.", () => {
    expect(packColumn(findField("secured"), [true, false, null])).toBe("10.");
    expect(roundTrip("secured", [null, true, false])).toEqual([null, true, false]);
  });

  it("stores dates as days since 1970-01-01", () => {
    // 2025-08-14 is 20,314 days after 1970-01-01 (55 years incl. 14 leap days = 20,089, + 225 days).
    expect(packColumn(findField("priced_date"), ["2025-08-14", null, "1970-01-01"])).toBe("20314,,0");
    expect(roundTrip("maturity_date", ["2031-12-01", null, "2024-02-29", "1969-12-31"])).toEqual(["2031-12-01", null, "2024-02-29", "1969-12-31"]);
  });

  it("stores numbers as their shortest exact text, thousands as exponents", () => {
    expect(packColumn(findField("amount_usd"), [750_000_000, null, 53_268_000, 1_500, 2_000, 0])).toBe("75e7,,53268e3,1500,2e3,0");
    const values = [0.0632, 76.17, 13.1277, 0, null, 2.5e-7, 123_456_789, 9_007_199_254_740_000];
    expect(roundTrip("conversion_price_usd", values)).toEqual(values);
  });

  it("refuses what it cannot store exactly", () => {
    expect(() => packColumn(findField("instrument_class"), ["bond"])).toThrow('cannot pack instrument_class value "bond"');
    expect(() => packColumn(findField("amount_usd"), [Number.NaN])).toThrow("cannot pack amount_usd");
    expect(() => packColumn(findField("priced_date"), ["2029-06-31"])).toThrow("cannot pack priced_date");
    expect(() => packColumn(findField("secured"), ["yes"])).toThrow("cannot pack secured");
  });
});

describe("links packing", () => {
  const lists = [
    ["https://www.sec.gov/a", "https://example.com/b?x=1&y=2"],
    ["http://plain.example.org/c", "https://www.sec.gov/a"],
    ["https://example.com/b?x=1&y=2"],
    ["https://new.example/d", "https://www.sec.gov/a", "https://new.example/e"],
  ];

  it("stores each URL once, without https://, and gives every list back in order", () => {
    const file = packLinks(lists);
    expect(file.count).toBe(4);
    expect(file.urls).toBe("www.sec.gov/a example.com/b?x=1&y=2 http://plain.example.org/c new.example/d new.example/e");
    expect(file.sources).toBe(",;,0;1;,0,");
    expect(unpackLinks(file)).toEqual(lists);
  });

  it("refuses a financing without sources and a URL with whitespace", () => {
    expect(() => packLinks([[]])).toThrow("without sources");
    expect(() => packLinks([["https://example.com/a b"]])).toThrow("whitespace");
  });
});
