// The data functions with a my_deals table (test/support/my-deals.ts) through the CustomFunctions
// shim. Expected values come from the fixture rows and the committed JSONL (support/facts.ts).
import { excelErrorOf, installCustomFunctionsShim, registerBundledSourceLinks } from "./support/custom-functions";
import { FACTS, counts, serial, sum } from "./support/facts";
import { CORRECTION, HEADER, NEW_DEAL, dealsTable } from "../support/my-deals";

installCustomFunctionsShim();
registerBundledSourceLinks();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const F = require("../../src/functions/functions") as typeof import("../../src/functions/functions");

const TABLE = dealsTable([NEW_DEAL, CORRECTION]);
const bundledQ3 = sum(FACTS.filter((f) => counts(f) && f.quarter === "2025Q3").map((f) => f.amount_usd as number));

describe("my_deals in the data functions", () => {
  it("QUARTER sums the corrected record and the added one", () => {
    expect(F.quarter("2025Q3", null, null, null, TABLE)).toBe(bundledQ3 - 100_000_000);
    expect(F.quarter("2026Q4", null, null, null, TABLE)).toBe(500_000_000);
    expect(F.quarter("2026Q4", "TEST", "convertible", "count", TABLE)).toBe(1);
    expect(F.quarter("2025Q3")).toBe(bundledQ3);
  });

  it("OFFERINGS lists workbook rows with origin", () => {
    const table = F.offerings("TEST, WULF", "2025Q3", "2026Q4", "convertible", "id, amount_usd, priced_date, origin", true, "USDm", TABLE);
    expect(table[0]).toEqual(["id", "amount_usd (USDm)", "priced_date", "origin"]);
    const byId = new Map(table.slice(1).map((row) => [row[0], row]));
    expect(byId.get("WULF-2025-08-CVT-2031")).toEqual(["WULF-2025-08-CVT-2031", 900, serial("2025-08-18"), "workbook"]);
    expect(byId.get("TEST-2026-11-CVT-2031")).toEqual(["TEST-2026-11-CVT-2031", 500, serial("2026-11-20"), "workbook"]);
    const wulfOthers = FACTS.filter((f) => f.ticker === "WULF" && f.instrument_class === "convertible" && f.quarter !== null && f.quarter >= "2025Q3" && f.id !== "WULF-2025-08-CVT-2031");
    for (const f of wulfOthers) expect(byId.get(f.id)?.[3]).toBe("dataset");
    expect(table.length).toBe(1 + 2 + wulfOthers.length);
  });

  it("DEAL, SOURCE and DEALDILUTION read a workbook row", () => {
    expect(F.deal("TEST-2026-11-CVT-2031", "coupon_pct", TABLE)).toBe(0.025);
    expect(F.deal("TEST-2026-11-CVT-2031", "maturity_date", TABLE)).toBe(serial("2031-12-01"));
    expect(F.source("TEST-2026-11-CVT-2031", 1, TABLE)).toBe("https://example.com/test-notes");
    expect(excelErrorOf(() => F.source("TEST-2026-11-CVT-2031", 2, TABLE)).code).toBe("#N/A");
    // $500M at $10 a share, physically settled: 50M new shares over 400M outstanding.
    expect(F.dealdilution("TEST-2026-11-CVT-2031", 400_000_000, null, "physical", false, null, TABLE)).toBeCloseTo(0.125, 12);
    expect(excelErrorOf(() => F.deal("TEST-2026-11-CVT-2031", "amount_usd")).code).toBe("#N/A");
  });

  it("SERIES and ISSUERS include the workbook rows", () => {
    const series = F.series("2026Q4", "2026Q4", "none", "TEST", "USD", TABLE);
    expect(series).toEqual([["quarter", "total (USD)"], ["2026Q4", 500_000_000]]);
    const issuers = F.issuers(TABLE);
    expect(issuers.find((row) => row[0] === "TEST")).toEqual(["TEST", "Example Miner Inc.", 1, 500_000_000, "2026Q4", "2026Q4"]);
  });

  it("CYCLES counts the added deal in its cycle and the corrected amount", () => {
    const pick = (table: unknown[][]) => {
      const header = table[0] as string[];
      const row = table.find((r) => r[0] === "2023 onward") as unknown[];
      return [row[header.indexOf("financings (count)")], row[header.indexOf("amount (USD)")]];
    };
    const counted2023 = FACTS.filter((f) => counts(f) && f.cycle === "2023-");
    const amount = sum(counted2023.map((f) => f.amount_usd as number));
    expect(pick(F.cycles(true, "USD"))).toEqual([counted2023.length, amount]);
    expect(pick(F.cycles(true, "USD", TABLE))).toEqual([counted2023.length + 1, amount + 500_000_000 - 100_000_000]);
  });

  it("the outstanding functions see the added convertible once it is issued", () => {
    const before = F.outstanding("2026-12-01", "TEST", null, null, TABLE);
    expect(before).toBe(500_000_000);
    expect(F.outstanding("2026-11-19", "TEST", null, null, TABLE)).toBe(0);
    const stack = F.debtstack("TEST", "2026-12-01", false, "USD", TABLE);
    expect(stack.map((row) => row[0])).toEqual(["TEST-2026-11-CVT-2031"]);
    // $500M convertible at $10: 50M new shares, over 400M outstanding.
    expect(F.overhang("TEST", 30, 400_000_000, "physical", false, "2026-12-01", null, TABLE)).toBeCloseTo(0.125, 12);
    const wall = F.maturities(2031, 2031, "TEST", "convertible", "2026-12-01", "USD", TABLE);
    expect(wall[1]).toEqual([2031, 500_000_000, 500_000_000]);
    expect(excelErrorOf(() => F.outstanding("2026-12-01", "TEST")).code).toBe("#N/A");
  });

  it("a remembered outstanding answer never outlives the table: changed content answers from the new rows", () => {
    const args = ["2026-12-01", "TEST", null, null] as const;
    const first = dealsTable([NEW_DEAL]);
    expect(F.outstanding(...args, first)).toBe(500_000_000);
    // The same content in a fresh array (as Excel passes it on every call) is answered from the memo:
    // DEBTSTACK hands back the very table it remembered.
    const stack = F.debtstack("TEST", "2026-12-01", false, "USD", first);
    expect(F.debtstack("TEST", "2026-12-01", false, "USD", dealsTable([NEW_DEAL]))).toBe(stack);
    expect(F.outstanding(...args, dealsTable([NEW_DEAL]))).toBe(500_000_000);

    // The user edits the row: $600M at $12 a share.
    const edited = dealsTable([{ ...NEW_DEAL, amount_usd: 600_000_000, conversion_price_usd: 12, conversion_rate_per_1000: 1000 / 12 }]);
    expect(F.outstanding(...args, edited)).toBe(600_000_000);
    expect(F.debtstack("TEST", "2026-12-01", false, "USD", edited)[0][6]).toBe(600_000_000);
    expect(F.maturities(2031, 2031, "TEST", "convertible", "2026-12-01", "USD", edited)[1]).toEqual([2031, 600_000_000, 600_000_000]);
    // 50M new shares over 400M outstanding at any price above $12, as at $10 before.
    expect(F.overhang("TEST", 30, 400_000_000, "physical", false, "2026-12-01", null, dealsTable([NEW_DEAL]))).toBeCloseTo(0.125, 12);
    expect(F.overhang("TEST", 30, 400_000_000, "physical", false, "2026-12-01", null, edited)).toBeCloseTo(0.125, 12);
    expect(F.overhang("TEST", 30, 400_000_000, "physical", false, "2026-12-01", "shares", edited)).toBeCloseTo(50_000_000, 4);

    // An array changed in place after a call is read again too, and the first content still answers as before.
    edited[1][HEADER.indexOf("amount_usd")] = 700_000_000;
    expect(F.outstanding(...args, edited)).toBe(700_000_000);
    expect(F.outstanding(...args, dealsTable([NEW_DEAL]))).toBe(500_000_000);
    // Without the table the deal does not exist: #N/A, not the remembered figure.
    expect(excelErrorOf(() => F.outstanding(...args)).code).toBe("#N/A");
  });

  it("with my_deals, a period after the coverage is summed from the table instead of #N/A, and COVERAGE says so", () => {
    const after = excelErrorOf(() => F.quarter("2026Q4"));
    expect(after.code).toBe("#N/A");
    expect(after.message).toContain("my_deals");
    expect(F.quarter("2026Q4", null, null, null, TABLE)).toBe(500_000_000);
    expect(F.quarter("2027", null, null, null, TABLE)).toBe(0);
    const series = F.series("2026Q3", "2026Q4", "none", null, "USD", TABLE);
    expect(series.slice(1)).toEqual([["2026Q3", 0], ["2026Q4", 500_000_000]]);
    const coverage = new Map(F.coverage(TABLE).map((row) => [row[0], row[1]]));
    expect(coverage.get("my_deals_financings")).toBe(2);
    expect(coverage.get("my_deals_last_quarter")).toBe("2026Q4");
    expect(F.coverage().some((row) => row[0] === "my_deals_financings")).toBe(false);
  });

  it("a bad row is #VALUE! naming the argument, row and field, in every function", () => {
    const bad = dealsTable([NEW_DEAL, { ...CORRECTION, amount_usd: -5 }]);
    for (const call of [
      () => F.quarter("2025Q3", null, null, null, bad),
      () => F.offerings(null, null, null, null, null, null, null, bad),
      () => F.deal("TEST-2026-11-CVT-2031", "amount_usd", bad),
      () => F.source("TEST-2026-11-CVT-2031", 1, bad),
      () => F.series(null, null, null, null, null, bad),
      () => F.issuers(bad),
      () => F.dealdilution("TEST-2026-11-CVT-2031", 4e8, null, null, null, null, bad),
      () => F.cycles(null, null, bad),
      () => F.coverage(bad),
      () => F.outstanding(null, null, null, null, bad),
      () => F.debtstack("TEST", null, null, null, bad),
      () => F.maturities(null, null, null, null, null, null, bad),
      () => F.overhang("TEST", 30, 4e8, null, null, null, null, bad),
      () => F.events("TEST-2026-11-CVT-2031", null, bad),
    ]) {
      const error = excelErrorOf(call);
      expect([error.code, error.message]).toEqual(["#VALUE!", "my_deals row 3: amount_usd must be ≥ 0, got -5"]);
    }
  });

  it("an omitted my_deals (null, or a reference to an empty cell) is the bundled dataset", () => {
    expect(F.quarter("2025Q3", null, null, null, undefined)).toBe(bundledQ3);
    expect(F.quarter("2025Q3", null, null, null, [[""]])).toBe(bundledQ3);
  });
});
