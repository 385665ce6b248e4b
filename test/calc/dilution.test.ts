import fc from "fast-check";
import { dealDilution, dilution, netShares, settlementForDeal } from "../../src/calc";
import { expectClose, expectMinerDebtError } from "./helpers";

// Hand-worked example, arithmetic written out: $1,000,000,000 of notes convertible at $20 into
// N = 1e9 / 20 = 50,000,000 shares; capped call up to $40.
const PRINCIPAL = 1_000_000_000;
const STRIKE = 20;
const CAP = 40;
const N = 50_000_000;

describe("NETSHARES worked examples", () => {
  test("at or below the conversion price nothing converts", () => {
    for (const settlement of ["physical", "net_share", "cash"]) {
      expect(netShares({ principal: PRINCIPAL, conversionPrice: STRIKE, sharePrice: 20, settlement })).toBe(0);
      expect(netShares({ principal: PRINCIPAL, conversionPrice: STRIKE, sharePrice: 12.5, settlement })).toBe(0);
    }
  });

  test("physical settlement delivers all N shares above the conversion price", () => {
    expect(netShares({ principal: PRINCIPAL, conversionPrice: STRIKE, sharePrice: 30 })).toBe(N);
    expect(netShares({ principal: PRINCIPAL, conversionPrice: STRIKE, sharePrice: 20.01, settlement: "PHYSICAL" })).toBe(N);
  });

  test("net share: principal in cash, the excess value N·(S − K) in shares at S", () => {
    // At $30: excess value 50,000,000 × $10 = $500,000,000 → $500,000,000 / $30 shares.
    expectClose(
      netShares({ principal: PRINCIPAL, conversionPrice: STRIKE, sharePrice: 30, settlement: "net_share" }),
      500_000_000 / 30,
      1e-6,
    );
  });

  test("cash settlement issues no shares", () => {
    expect(netShares({ principal: PRINCIPAL, conversionPrice: STRIKE, sharePrice: 90, settlement: "Cash" })).toBe(0);
  });

  test("capped call: no net shares up to the cap under net share settlement, N·(S − C)/S above it", () => {
    // At $30 the capped call pays back exactly the excess: 0 net shares.
    expect(
      netShares({ principal: PRINCIPAL, conversionPrice: STRIKE, sharePrice: 30, settlement: "net_share", capPrice: CAP }),
    ).toBe(0);
    // At $60: gross 50M × 40/60, offset 50M × (40 − 20)/60 → 50M × 20/60 = 16,666,666.67 net.
    expectClose(
      netShares({ principal: PRINCIPAL, conversionPrice: STRIKE, sharePrice: 60, settlement: "net_share", capPrice: CAP }),
      (50_000_000 * 20) / 60,
      1e-6,
    );
  });

  test("capped call with physical settlement offsets N·(min(S, C) − K)/S shares", () => {
    // At $25: offset 50M × 5/25 = 10M → 40M net.
    expectClose(netShares({ principal: PRINCIPAL, conversionPrice: STRIKE, sharePrice: 25, capPrice: CAP }), 40_000_000, 1e-6);
    // At $80: offset 50M × 20/80 = 12.5M → 37.5M net.
    expectClose(netShares({ principal: PRINCIPAL, conversionPrice: STRIKE, sharePrice: 80, capPrice: CAP }), 37_500_000, 1e-6);
  });

  test("cash settlement with a capped call never goes below zero", () => {
    expect(netShares({ principal: PRINCIPAL, conversionPrice: STRIKE, sharePrice: 30, settlement: "cash", capPrice: CAP })).toBe(0);
  });

  test("settlement names are case-insensitive and accept spaces or hyphens", () => {
    const expected = 500_000_000 / 30;
    for (const settlement of ["NET_SHARE", "Net Share", "net-share", " net_share "]) {
      expectClose(netShares({ principal: PRINCIPAL, conversionPrice: STRIKE, sharePrice: 30, settlement }), expected, 1e-6);
    }
  });
});

describe("DILUTION worked examples", () => {
  const OUTSTANDING = 400_000_000; // hypothetical share count

  test("no share price: full physical conversion over shares outstanding", () => {
    expect(dilution({ principal: PRINCIPAL, conversionPrice: STRIKE, sharesOutstanding: OUTSTANDING })).toBe(0.125);
    expect(dilution({ principal: PRINCIPAL, conversionPrice: STRIKE, sharesOutstanding: OUTSTANDING, sharePrice: null })).toBe(0.125);
  });

  test("pro forma basis: new / (outstanding + new)", () => {
    expectClose(
      dilution({ principal: PRINCIPAL, conversionPrice: STRIKE, sharesOutstanding: OUTSTANDING, basis: "pro_forma" }),
      50 / 450,
      1e-15,
    );
  });

  test("at a share price with net share settlement and a capped call", () => {
    // At $60: 16,666,666.67 net new shares (see NETSHARES) / 400M.
    expectClose(
      dilution({
        principal: PRINCIPAL,
        conversionPrice: STRIKE,
        sharesOutstanding: OUTSTANDING,
        sharePrice: 60,
        settlement: "net_share",
        capPrice: CAP,
      }),
      (50_000_000 * 20) / 60 / 400_000_000,
      1e-15,
    );
  });

  test("zero below the conversion price", () => {
    expect(dilution({ principal: PRINCIPAL, conversionPrice: STRIKE, sharesOutstanding: OUTSTANDING, sharePrice: 19 })).toBe(0);
  });
});

describe("DEALDILUTION with a financing's own terms", () => {
  // WULF-2025-10-CVT-2032 (https://www.stocktitan.net/news/WULF/tera-wulf-inc-announces-proposed-private-offering-of-500-million-of-3e3n1tlzoz9d.html):
  // principal_final_usd 1,025,000,000; conversion_price_usd 19.9375; settlement
  // cash_up_to_principal_then_cash_or_shares; no capped call in the record. Shares outstanding
  // and the share price below are hypothetical inputs.
  const wulf = {
    principal: 1_025_000_000,
    conversionPrice: 19.9375,
    capPrice: null,
    settlement: "cash_up_to_principal_then_cash_or_shares",
  };

  test("the deal's settlement maps to net share", () => {
    expect(settlementForDeal(wulf.settlement)).toBe("net_share");
    expect(settlementForDeal("cash_shares_or_combination")).toBe("physical");
    expect(settlementForDeal(null)).toBe("physical");
  });

  test("dilution at $29.90 uses net share settlement unless overridden", () => {
    const n = 1_025_000_000 / 19.9375;
    const netShareCount = (n * (29.9 - 19.9375)) / 29.9;
    expectClose(dealDilution({ deal: wulf, sharesOutstanding: 400_000_000, sharePrice: 29.9 }), netShareCount / 400_000_000, 1e-15);
    expectClose(
      dealDilution({ deal: wulf, sharesOutstanding: 400_000_000, sharePrice: 29.9, settlement: "physical" }),
      n / 400_000_000,
      1e-15,
    );
  });

  test("the deal's capped call applies by default and can be switched off", () => {
    // IREN-2025-12-CVT-2032 (https://monis.fisglobal.com/Monis/MonisDataService/ViewReport.aspx?MonisID=MCB_692e0ca500000004):
    // principal 1,150,000,000, conversion price 51.4, cap 82.24, issuer's election settlement.
    const iren = { principal: 1_150_000_000, conversionPrice: 51.4, capPrice: 82.24, settlement: "cash_shares_or_combination" };
    const n = 1_150_000_000 / 51.4;
    const s = 70;
    const withCap = n - (n * (s - 51.4)) / s;
    expectClose(dealDilution({ deal: iren, sharesOutstanding: 300_000_000, sharePrice: s }), withCap / 300_000_000, 1e-15);
    expectClose(
      dealDilution({ deal: iren, sharesOutstanding: 300_000_000, sharePrice: s, includeCappedCall: false }),
      n / 300_000_000,
      1e-15,
    );
  });
});

describe("dilution properties", () => {
  const principalArb = fc.double({ min: 1e6, max: 5e9, noNaN: true });
  const strikeArb = fc.double({ min: 0.5, max: 200, noNaN: true });
  const capMultipleArb = fc.double({ min: 1.01, max: 4, noNaN: true });
  const priceMultipleArb = fc.double({ min: 0.1, max: 20, noNaN: true });

  test("net shares never decrease as the share price rises (net share with or without cap, physical without cap, cash)", () => {
    fc.assert(
      fc.property(
        principalArb,
        strikeArb,
        capMultipleArb,
        priceMultipleArb,
        priceMultipleArb,
        fc.constantFrom("net_share_cap", "net_share", "physical", "cash"),
        (principal, strike, capMultiple, m1, m2, mode) => {
          const [low, high] = m1 <= m2 ? [m1, m2] : [m2, m1];
          const settlement = mode === "net_share_cap" ? "net_share" : mode;
          const capPrice = mode === "net_share_cap" ? strike * capMultiple : null;
          const at = (multiple: number) =>
            netShares({ principal, conversionPrice: strike, sharePrice: strike * multiple, settlement, capPrice });
          return at(low) <= at(high) * (1 + 1e-12);
        },
      ),
    );
  });

  test("dilution on both bases rises with the share price (net share)", () => {
    fc.assert(
      fc.property(principalArb, strikeArb, priceMultipleArb, priceMultipleArb, fc.constantFrom("outstanding", "pro_forma"), (principal, strike, m1, m2, basis) => {
        const [low, high] = m1 <= m2 ? [m1, m2] : [m2, m1];
        const at = (multiple: number) =>
          dilution({ principal, conversionPrice: strike, sharesOutstanding: 1e8, sharePrice: strike * multiple, settlement: "net_share", basis });
        return at(low) <= at(high) * (1 + 1e-12);
      }),
    );
  });

  test("pro forma dilution lies in [0, 1)", () => {
    fc.assert(
      fc.property(
        principalArb,
        strikeArb,
        fc.double({ min: 1, max: 1e10, noNaN: true }),
        fc.option(priceMultipleArb, { nil: null }),
        fc.constantFrom("physical", "net_share", "cash"),
        (principal, strike, outstanding, multiple, settlement) => {
          const value = dilution({
            principal,
            conversionPrice: strike,
            sharesOutstanding: outstanding,
            sharePrice: multiple === null ? null : strike * multiple,
            settlement,
            basis: "pro_forma",
          });
          return value >= 0 && value < 1;
        },
      ),
    );
  });

  test("a capped call never raises net shares, and net shares are never negative", () => {
    fc.assert(
      fc.property(
        principalArb,
        strikeArb,
        capMultipleArb,
        priceMultipleArb,
        fc.constantFrom("physical", "net_share", "cash"),
        (principal, strike, capMultiple, multiple, settlement) => {
          const base = { principal, conversionPrice: strike, sharePrice: strike * multiple, settlement };
          const capped = netShares({ ...base, capPrice: strike * capMultiple });
          const uncapped = netShares(base);
          return capped >= 0 && capped <= uncapped;
        },
      ),
    );
  });

  test("net share settlement never issues more than physical", () => {
    fc.assert(
      fc.property(principalArb, strikeArb, priceMultipleArb, (principal, strike, multiple) => {
        const base = { principal, conversionPrice: strike, sharePrice: strike * multiple };
        return netShares({ ...base, settlement: "net_share" }) <= netShares({ ...base, settlement: "physical" });
      }),
    );
  });
});

describe("dilution functions reject bad input", () => {
  const good = { principal: PRINCIPAL, conversionPrice: STRIKE, sharePrice: 30 };
  test.each([
    ["principal", () => netShares({ ...good, principal: -1 })],
    ["conversion_price", () => netShares({ ...good, conversionPrice: 0 })],
    ["share_price", () => netShares({ ...good, sharePrice: -3 })],
    ["share_price", () => netShares({ ...good, sharePrice: Number.NaN })],
    ["cap_price", () => netShares({ ...good, capPrice: 15 })],
    ["cap_price", () => netShares({ ...good, capPrice: 20 })],
    ["shares_outstanding", () => dilution({ ...good, sharesOutstanding: 0 })],
    ["basis", () => dilution({ ...good, sharesOutstanding: 1e8, basis: "fully_diluted" })],
    ["settlement", () => dilution({ ...good, sharesOutstanding: 1e8, settlement: 3 as unknown as string })],
    ["include_capped_call", () =>
      dealDilution({
        deal: { principal: 1e9, conversionPrice: 20, capPrice: 40 },
        sharesOutstanding: 1e8,
        includeCappedCall: "yes" as unknown as boolean,
      })],
  ])("%s", (argument, call) => {
    expectMinerDebtError(call, "VALUE", argument);
  });

  test("an unknown settlement lists the allowed values", () => {
    expect(() => netShares({ ...good, settlement: "stock" })).toThrow(
      'settlement must be "physical", "net_share" or "cash"; got "stock"',
    );
  });
});
