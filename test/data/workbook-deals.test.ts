// The my_deals row parser and the overlay: rows read by header name, converted, checked by the
// dataset's rules, and merged over the bundled records (a known id replaces, a new id adds).
// Expected values come from the fixture rows and the raw JSONL (test/data/helpers.ts).
import {
  getFinancing,
  parseWorkbookDeals,
  queryFinancings,
  quarterTotal,
  workbookParseCount,
  workbookView,
  bundledView,
  fieldValue,
  issuerSummary,
} from "../../src/data";
import { BLANK, CORRECTION, HEADER, NEW_DEAL, dealsTable, serialOf } from "../support/my-deals";
import { FIELD_CATALOGUE } from "../../src/data";
import { WORKBOOK_DEAL_COLUMNS, financingId } from "../../src/data/workbook-table";
import { expectError, qualifies, rawFinancings, sumAmounts } from "./helpers";

const RAW = rawFinancings();
const rawQuarter = (quarter: string) => sumAmounts(RAW.filter((r) => qualifies(r) && r.quarter === quarter));

describe("parseWorkbookDeals: reading rows", () => {
  it("reads cells by header name, converts serials and ISO text to dates, and derives what the data states", () => {
    const [deal] = parseWorkbookDeals(dealsTable([NEW_DEAL]));
    expect(deal.id).toBe("TEST-2026-11-CVT-2031");
    expect(deal.priced_date).toBe("2026-11-20");
    expect(deal.maturity_date).toBe("2031-12-01");
    expect(deal.quarter).toBe("2026Q4");
    expect(deal.cycle).toBe("2023-");
    expect(deal.instrument_class).toBe("convertible");
    expect(deal.listed).toBe(true);
    // percent numbers as in the data files: 2.5 is 2.5 %
    expect(deal.coupon_pct).toBe(2.5);
    expect(deal.sources.map((s) => s.url)).toEqual(["https://example.com/test-notes"]);
    expect(deal.origin).toBe("workbook");
    expect(deal.row).toBe(2);
  });

  it("skips blank rows, ignores unknown columns and keeps the row numbers of the range", () => {
    const deals = parseWorkbookDeals(dealsTable([BLANK, NEW_DEAL, BLANK, CORRECTION]));
    expect(deals.map((d) => [d.id, d.row])).toEqual([
      ["TEST-2026-11-CVT-2031", 3],
      ["WULF-2025-08-CVT-2031", 5],
    ]);
    expect("my comment" in deals[0]).toBe(false);
  });

  it("reads number text such as \"500,000,000\" and \"$10\", TRUE/FALSE text, and enum values in any case", () => {
    const [deal] = parseWorkbookDeals(dealsTable([{ ...NEW_DEAL, amount_usd: "500,000,000", conversion_price_usd: "$10", new_money: "FALSE", use_category: "AI_HPC" }]));
    expect(deal.amount_usd).toBe(500_000_000);
    expect(deal.conversion_price_usd).toBe(10);
    expect(deal.new_money).toBe(false);
    expect(deal.use_category).toBe("ai_hpc");
  });

  it("accepts the header alone (no rows)", () => {
    expect(parseWorkbookDeals([HEADER])).toEqual([]);
  });
});

describe("parseWorkbookDeals: errors name the row and the field", () => {
  it.each([
    [{ amount_usd: -5 }, "my_deals row 2: amount_usd must be ≥ 0, got -5"],
    [{ instrument: "bond" }, 'my_deals row 2: instrument "bond" is not one of'],
    [{ priced_date: "2026-13-01" }, 'my_deals row 2: priced_date must be a real date written YYYY-MM-DD, got "2026-13-01"'],
    [{ source_url: "" }, "my_deals row 2: source_url is required (an https URL)"],
    [{ source_url: "http://example.com/plain" }, "my_deals row 2: source_url must be an https URL"],
    [{ id: "" }, "my_deals row 2: id is required"],
    [{ id: "test-2026-11-cvt-2031" }, "my_deals row 2: id must be upper-case letters"],
    [{ priced_date: "" }, "my_deals row 2: priced_date is required (or closed_date)"],
    // the dataset's conversion-terms rule: price ≈ 1000 / rate within 0.2 %
    [{ conversion_price_usd: 11 }, "my_deals row 2: conversion_price_usd 11 differs from 1000 / conversion_rate_per_1000 (100)"],
  ])("%p → %s", (change, message) => {
    expectError(() => parseWorkbookDeals(dealsTable([{ ...NEW_DEAL, ...change }])), "VALUE", message);
  });

  it("numbers the row as in the range (header = row 1), past blank rows", () => {
    expectError(() => parseWorkbookDeals(dealsTable([NEW_DEAL, BLANK, { ...CORRECTION, amount_usd: -5 }])), "VALUE", "my_deals row 4: amount_usd must be ≥ 0, got -5");
  });

  it("rejects duplicate ids within the table, naming both rows", () => {
    expectError(() => parseWorkbookDeals(dealsTable([NEW_DEAL, CORRECTION, NEW_DEAL])), "VALUE", "my_deals row 4: id TEST-2026-11-CVT-2031 is also in row 2");
  });

  it("rejects a header without a required column, and a repeated column", () => {
    expectError(() => parseWorkbookDeals(dealsTable([NEW_DEAL], HEADER.filter((h) => h !== "amount_usd"))), "VALUE", "my_deals row 1: the header has no amount_usd column");
    expectError(() => parseWorkbookDeals(dealsTable([NEW_DEAL], [...HEADER, "ticker"])), "VALUE", "my_deals row 1: column ticker appears twice (columns 3 and 16)");
  });

  it("names a cell holding a formula error (as range values give it, or as an error object)", () => {
    expectError(() => parseWorkbookDeals(dealsTable([{ ...NEW_DEAL, amount_usd: "#DIV/0!" }])), "VALUE", "my_deals row 2: amount_usd (column 7) holds #DIV/0!");
    expectError(() => parseWorkbookDeals(dealsTable([NEW_DEAL, { ...NEW_DEAL, id: "X", coupon_pct: { code: "#REF!" } }])), "VALUE", "my_deals row 3: coupon_pct (column 9) holds #REF!");
  });

  it("rejects what is not a table", () => {
    expectError(() => parseWorkbookDeals("MinerDebtDeals"), "VALUE", "my_deals must be a range with a header row");
  });
});

describe("the overlay: a known id replaces, a new id adds", () => {
  const view = workbookView(dealsTable([NEW_DEAL, CORRECTION]));

  it("replaces a bundled record by its id and adds a new one", () => {
    expect(getFinancing("WULF-2025-08-CVT-2031", view).amount_usd).toBe(900_000_000);
    expect(getFinancing("WULF-2025-08-CVT-2031").amount_usd).toBe(1_000_000_000);
    expect(getFinancing("test-2026-11-cvt-2031", view).issuer).toBe("Example Miner Inc.");
    expect(view.financings.length).toBe(RAW.length + 1);
    expect(fieldValue(getFinancing("TEST-2026-11-CVT-2031", view), "origin")).toBe("workbook");
    expect(fieldValue(getFinancing("MARA-2021-11-CVT-2026", view), "origin")).toBe("dataset");
    expect(fieldValue(getFinancing("TEST-2026-11-CVT-2031", view), "source_url")).toBe("https://example.com/test-notes");
  });

  it("sums include workbook rows: the correction changes its quarter, the new deal fills its own", () => {
    expect(quarterTotal("2025Q3", null, null, null, view)).toBe(rawQuarter("2025Q3") - 100_000_000);
    expect(quarterTotal("2026Q4", null, null, null, view)).toBe(500_000_000);
    expect(quarterTotal("2025Q3")).toBe(rawQuarter("2025Q3"));
  });

  it("knows the new ticker in filters and the issuer table", () => {
    expect(queryFinancings({ issuers: "test" }, view).map((r) => r.id)).toEqual(["TEST-2026-11-CVT-2031"]);
    const row = issuerSummary({}, view).find((r) => r.ticker === "TEST");
    expect(row).toMatchObject({ issuer: "Example Miner Inc.", financings: 1, totalAmountUsd: 500_000_000, firstQuarter: "2026Q4" });
  });

  it("moves the latest quarter (LQ) to the workbook's latest deal", () => {
    expect(view.latest).toBe("2026Q4");
    expect(quarterTotal("LQ", null, null, null, view)).toBe(500_000_000);
  });

  it("omitted or an empty cell means the bundled dataset", () => {
    expect(workbookView(null)).toBe(bundledView());
    expect(workbookView([[""]])).toBe(bundledView());
  });
});

describe("memoised on content", () => {
  it("parses a table once however many calls pass an equal copy, and again when a cell changes", () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ ...NEW_DEAL, id: `TEST-2026-11-CVT-2031-${i}`, priced_date: serialOf("2026-11-20") }));
    const before = workbookParseCount();
    const first = workbookView(dealsTable(rows));
    for (let i = 0; i < 20; i++) expect(workbookView(dealsTable(rows))).toBe(first);
    expect(workbookParseCount() - before).toBe(1);
    const changed = workbookView(dealsTable([...rows.slice(1), { ...rows[0], amount_usd: 1 }]));
    expect(changed).not.toBe(first);
    expect(workbookParseCount() - before).toBe(2);
  });

  it("remembers a bad table's error too, and still reports it on every call", () => {
    const bad = () => workbookView(dealsTable([{ ...NEW_DEAL, amount_usd: -7 }]));
    expectError(bad, "VALUE", "amount_usd must be ≥ 0, got -7");
    const before = workbookParseCount();
    expectError(bad, "VALUE", "amount_usd must be ≥ 0, got -7");
    expect(workbookParseCount()).toBe(before);
  });
});

describe("financingId", () => {
  it("builds TICKER-YYYY-MM-KIND-MATURITYYEAR as the dataset's ids are", () => {
    expect(financingId({ ticker: "wulf", issuer: "TeraWulf Inc.", date: "2025-08-18", instrument: "convertible_senior_notes", maturityDate: "2031-09-01" })).toBe("WULF-2025-08-CVT-2031");
    expect(financingId({ ticker: null, issuer: "Compute North", date: "2022-02-01", instrument: "credit_facility", maturityDate: null })).toBe("COMPUTENORTH-2022-02-CF-NA");
    expect(financingId({ ticker: "CORZ", issuer: "x", date: "2024-01-05", instrument: "senior_secured_notes", maturityDate: "2029-01-01" })).toBe("CORZ-2024-01-SSN-2029");
  });

  it("matches the form of every bundled id of these kinds", () => {
    const ids = new Set(RAW.map((r) => r.id));
    expect(ids.has("COMPUTENORTH-2022-02-CF-NA")).toBe(true);
    expect(ids.has("WULF-2025-08-CVT-2031")).toBe(true);
  });
});

describe("the MinerDebtDeals columns", () => {
  it("are dataset field names in catalogue order, with the ones the issue names", () => {
    const order = FIELD_CATALOGUE.map((def) => def.name as string);
    const positions = WORKBOOK_DEAL_COLUMNS.map((name) => order.indexOf(name));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const name of ["id", "issuer", "ticker", "instrument", "instrument_class", "priced_date", "closed_date", "amount_usd", "amount_basis", "new_money", "coupon_pct", "maturity_date", "conversion_rate_per_1000", "conversion_price_usd", "capped_call_cap_price_usd", "settlement", "use_category", "secured", "collateral", "source_url", "notes"]) {
      expect(WORKBOOK_DEAL_COLUMNS).toContain(name);
    }
  });

  it("make a table the parser accepts (every required header is among them)", () => {
    expect(parseWorkbookDeals([[...WORKBOOK_DEAL_COLUMNS]])).toEqual([]);
  });
});
