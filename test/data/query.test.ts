import { compareOldestFirst, financingsOldestFirst, parseInstrumentClass, queryFinancings, sortDate } from "../../src/data/query";
import { expectError, rawFinancings, type RawRecord } from "./helpers";

const raw = rawFinancings();
const listed = raw.filter((record) => record.listed);
const ids = (records: readonly object[]) => records.map((record) => (record as { id: string }).id).sort();
/** Quarter labels compare as text: "2024Q3" < "2025Q2". */
const inQuarters = (record: RawRecord, from: string, to: string) => record.quarter !== null && record.quarter >= from && record.quarter <= to;

describe("queryFinancings filters", () => {
  it("lists listed issuers' financings by default; private borrowers need listed: false or 'any'", () => {
    expect(ids(queryFinancings())).toEqual(ids(listed));
    expect(ids(queryFinancings({ listed: false }))).toEqual(ids(raw.filter((record) => !record.listed)));
    expect(ids(queryFinancings({ listed: false }))).toEqual(["CELSIUSMINING-2020-11-CF-NA", "COMPUTENORTH-2022-02-CF-NA", "RHODIUM-2022-05-EQF-NA"]);
    expect(queryFinancings({ listed: "any" })).toHaveLength(raw.length);
  });

  it("filters by issuer list, with former and current tickers", () => {
    expect(ids(queryFinancings({ issuers: "KEEL" }))).toEqual(ids(raw.filter((record) => record.ticker === "BITF" || record.ticker === "KEEL")));
    expect(ids(queryFinancings({ issuers: "mara, wulf" }))).toEqual(ids(raw.filter((record) => ["MARA", "WULF"].includes(record.ticker))));
  });

  it("filters by a period (quarter, year, range) and excludes undated records then", () => {
    expect(ids(queryFinancings({ period: "2024Q4" }))).toEqual(ids(listed.filter((record) => record.quarter === "2024Q4")));
    expect(ids(queryFinancings({ period: "2025" }))).toEqual(ids(listed.filter((record) => inQuarters(record, "2025Q1", "2025Q4"))));
    expect(ids(queryFinancings({ period: "2024Q3:2025Q2" }))).toEqual(ids(listed.filter((record) => inQuarters(record, "2024Q3", "2025Q2"))));
  });

  it("filters by from/to bounds, either side open", () => {
    expect(ids(queryFinancings({ from: "Q3 2025" }))).toEqual(ids(listed.filter((record) => inQuarters(record, "2025Q3", "9999Q4"))));
    expect(ids(queryFinancings({ to: "2021-12-31" }))).toEqual(ids(listed.filter((record) => inQuarters(record, "0000Q1", "2021Q4"))));
    expect(ids(queryFinancings({ from: "2022Q1", to: "2022Q2" }))).toEqual(ids(listed.filter((record) => inQuarters(record, "2022Q1", "2022Q2"))));
    expectError(() => queryFinancings({ from: "2025Q1", to: "2024Q1" }), "VALUE", "is after");
    expectError(() => queryFinancings({ period: "2025", from: "2024Q1" }), "VALUE", "either a period or from/to");
  });

  it('"convertible" is instrument_class convertible only; convertible preferred is not in it', () => {
    const convertible = queryFinancings({ instrumentClass: "convertible" });
    expect(ids(convertible)).toEqual(ids(listed.filter((record) => record.instrument_class === "convertible")));
    expect(convertible.some((record) => record.instrument_class === "convertible_preferred")).toBe(false);
  });

  it('"non_convertible" is every other class, so convertible + non_convertible = all', () => {
    const non = queryFinancings({ instrumentClass: "Non-Convertible" });
    expect(ids(non)).toEqual(ids(listed.filter((record) => record.instrument_class !== "convertible")));
    expect(non.filter((record) => record.instrument_class === "convertible_preferred")).toHaveLength(3);
    expect(non.length + queryFinancings({ instrumentClass: "convertible" }).length).toBe(queryFinancings({ instrumentClass: "all" }).length);
  });

  it("filters by any single class name", () => {
    for (const cls of ["secured_notes", "convertible_preferred", "bitcoin_backed_loan", "equipment_financing"]) {
      expect(ids(queryFinancings({ instrumentClass: cls.toUpperCase() }))).toEqual(ids(listed.filter((record) => record.instrument_class === cls)));
    }
  });

  it("filters by use category, cycle and new money", () => {
    expect(ids(queryFinancings({ useCategory: "AI HPC" }))).toEqual(ids(listed.filter((record) => record.use_category === "ai_hpc")));
    expect(ids(queryFinancings({ cycle: "2020-2022" }))).toEqual(ids(listed.filter((record) => record.cycle === "2020-2022")));
    expect(ids(queryFinancings({ newMoney: false }))).toEqual(ids(listed.filter((record) => !record.new_money)));
    expect(ids(queryFinancings({ issuers: "IREN", instrumentClass: "convertible", period: "2025" }))).toEqual(
      ids(listed.filter((record) => record.ticker === "IREN" && record.instrument_class === "convertible" && inQuarters(record, "2025Q1", "2025Q4"))),
    );
  });

  it("rejects unknown filter values with VALUE and a suggestion", () => {
    expectError(() => parseInstrumentClass("convertable"), "VALUE", 'Did you mean "convertible"?');
    expectError(() => queryFinancings({ useCategory: "mining" }), "VALUE", "btc_mining");
    expectError(() => queryFinancings({ cycle: "2021" }), "VALUE", '"2020-2022"');
    expectError(() => queryFinancings({ issuers: "NOPE" }), "NA", "Unknown ticker");
  });
});

describe("ordering", () => {
  it("lists oldest first by pricing, else closing, else announcement date (else quarter start); undated last", () => {
    const all = financingsOldestFirst();
    expect(ids(all)).toEqual(ids(raw));
    const quarterStart = (quarter: string) => `${quarter.slice(0, 4)}-${String((Number(quarter[5]) - 1) * 3 + 1).padStart(2, "0")}-01`;
    const keyOf = (record: RawRecord): string | null =>
      record.priced_date ?? record.closed_date ?? record.announced_date ?? (record.quarter ? quarterStart(record.quarter) : null);
    const keys = all.map(keyOf);
    const firstUndated = keys.indexOf(null);
    expect(firstUndated).toBeGreaterThan(0);
    expect(keys.slice(firstUndated).every((key) => key === null)).toBe(true);
    const datedKeys = keys.slice(0, firstUndated) as string[];
    expect(datedKeys).toEqual([...datedKeys].sort());
    expect(keys.filter((key) => key === null)).toHaveLength(raw.filter((record) => keyOf(record) === null).length);
  });

  it("places a record known only by its quarter at the quarter's start", () => {
    const gree = financingsOldestFirst().find((record) => record.id === "GREE-2021-03-EQF-2022-C");
    expect(gree && sortDate(gree)).toBe("2021-01-01");
  });

  it("sorts by date, not file order: MARA's Aug 2024 converts before its Nov 2024 ones", () => {
    const mara = queryFinancings({ issuers: "MARA", period: "2024" }).map((record) => record.id);
    expect(mara.indexOf("MARA-2024-08-CVT-2031")).toBeLessThan(mara.indexOf("MARA-2024-11-CVT-2030"));
    expect(mara.indexOf("MARA-2024-11-CVT-2030")).toBeLessThan(mara.indexOf("MARA-2024-12-CVT-2031"));
  });

  it("breaks ties by id", () => {
    const a = { ...financingsOldestFirst()[0], id: "A" };
    const b = { ...a, id: "B" };
    expect(compareOldestFirst(a, b)).toBe(-1);
    expect(compareOldestFirst(b, a)).toBe(1);
  });
});
