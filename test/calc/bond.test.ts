import fc from "fast-check";
import { bondPrice, bondYield, continuousToPeriodic, periodicToContinuous } from "../../src/calc";
import { expectClose, expectMinerDebtError } from "./helpers";

describe("BONDFLOOR / BONDYIELD worked examples", () => {
  test("Microsoft Excel PRICE example: 5.75% semi-annual, 6.5% yield → clean 94.63436", () => {
    // https://support.microsoft.com/en-us/excel/functions/price-function (example section)
    // Settlement 15-Feb-2008, maturity 15-Nov-2017, basis 30/360: 9.75 years; PRICE = 94.63436.
    // Settlement is half-way through a coupon period (15-Nov → 15-May), so accrued interest is
    // half a coupon, 5.75 / 2 × 0.5 = 1.4375, and the full price BONDFLOOR returns is
    // 94.63436 + 1.4375 = 96.07186.
    const price = bondPrice({ couponRate: 0.0575, years: 9.75, yield: 0.065, frequency: 2 });
    expectClose(price - 1.4375, 94.63436, 5e-6);
  });

  test("Microsoft Excel YIELD example: price 95.04287 → 6.5%", () => {
    // https://support.microsoft.com/en-us/excel/functions/yield-function (example section)
    // Settlement 15-Feb-2008, maturity 15-Nov-2016 (8.75 years, 30/360), 5.75% coupon,
    // clean price 95.04287, semi-annual → YIELD = 0.065. Full price = 95.04287 + 1.4375.
    const y = bondYield({ price: 95.04287 + 1.4375, couponRate: 0.0575, years: 8.75, frequency: 2 });
    expectClose(y, 0.065, 1e-6);
  });

  test("zero coupon: 7 years at 9.5% → $522.21 per $1,000 semi-annual, $529.79 annual", () => {
    // https://www.wyzant.com/resources/answers/208701/calculate_the_price_of_zero_coupon_bond_that_measures_in_7_years_if_the_market_interest_rate_is_9_50_percent
    expect(bondPrice({ couponRate: 0, years: 7, yield: 0.095, frequency: 2, face: 1000 }).toFixed(2)).toBe("522.21");
    expect(bondPrice({ couponRate: 0, years: 7, yield: 0.095, frequency: 1, face: 1000 }).toFixed(2)).toBe("529.79");
  });

  test("zero coupon discounts as (1 + y/f)^(−f·t) for fractional years too", () => {
    for (const frequency of [1, 2, 4, 12]) {
      const expected = 100 * (1 + 0.07 / frequency) ** (-frequency * 3.37);
      expectClose(bondPrice({ couponRate: 0, years: 3.37, yield: 0.07, frequency }), expected, 1e-12);
    }
  });

  test("fractional periods: 2.3 years semi-annual pays at 2.3, 1.8, 1.3, 0.8, 0.3 years", () => {
    const y = 0.06;
    const df = (t: number) => (1 + y / 2) ** (-2 * t);
    const expected = 4 * (df(2.3) + df(1.8) + df(1.3) + df(0.8) + df(0.3)) + 100 * df(2.3);
    expectClose(bondPrice({ couponRate: 0.08, years: 2.3, yield: y }), expected, 1e-12);
  });

  test("a coupon bond priced at its coupon rate on a coupon date is at par, for every frequency", () => {
    for (const frequency of [1, 2, 4, 12]) {
      expectClose(bondPrice({ couponRate: 0.05, years: 10, yield: 0.05, frequency }), 100, 1e-10);
      expectClose(bondYield({ price: 100, couponRate: 0.05, years: 10, frequency }), 0.05, 1e-12);
    }
  });

  test("monthly coupons over 30 years (360 cash flows)", () => {
    const y = 0.045;
    let expected = 0;
    for (let k = 1; k <= 360; k++) expected += (6 / 12) * (1 + y / 12) ** -k;
    expected += 100 * (1 + y / 12) ** -360;
    expectClose(bondPrice({ couponRate: 0.06, years: 30, yield: y, frequency: 12 }), expected, 1e-10);
  });

  test("negative yields are allowed: a zero coupon above par", () => {
    const price = bondPrice({ couponRate: 0, years: 5, yield: -0.005, frequency: 1 });
    expectClose(price, 100 * 0.995 ** -5, 1e-12);
    expectClose(bondYield({ price, couponRate: 0, years: 5, frequency: 1 }), -0.005, 1e-12);
  });
});

describe("bond price/yield properties", () => {
  const bond = fc.record({
    couponRate: fc.double({ min: 0, max: 0.2, noNaN: true }),
    years: fc.double({ min: 0.01, max: 40, noNaN: true }),
    yield: fc.double({ min: -0.5, max: 3, noNaN: true }),
    frequency: fc.constantFrom(1, 2, 4, 12),
  });

  test("BONDYIELD inverts BONDFLOOR", () => {
    fc.assert(
      fc.property(bond, (b) => {
        const price = bondPrice(b);
        const y = bondYield({ price, couponRate: b.couponRate, years: b.years, frequency: b.frequency });
        // Compare in price, where the round trip is well-conditioned even for flat price curves.
        const repriced = bondPrice({ ...b, yield: y });
        return Math.abs(repriced - price) <= 1e-9 * Math.max(1, price);
      }),
    );
  });

  test("price falls as yield rises", () => {
    fc.assert(
      fc.property(bond, fc.double({ min: 1e-4, max: 1, noNaN: true }), (b, step) => {
        return bondPrice({ ...b, yield: b.yield + step }) < bondPrice(b);
      }),
    );
  });

  test("periodic ↔ continuous conversion round-trips", () => {
    fc.assert(
      fc.property(fc.double({ min: -0.9, max: 5, noNaN: true }), fc.constantFrom(1, 2, 4, 12), (y, f) => {
        return Math.abs(continuousToPeriodic(periodicToContinuous(y, f), f) - y) <= 1e-12 * Math.max(1, Math.abs(y));
      }),
    );
  });
});

describe("BONDFLOOR / BONDYIELD reject bad input", () => {
  const good = { couponRate: 0.05, years: 5, yield: 0.06 };
  test.each([
    ["coupon_rate", () => bondPrice({ ...good, couponRate: -0.01 })],
    ["coupon_rate", () => bondPrice({ ...good, couponRate: 5 })],
    ["years", () => bondPrice({ ...good, years: 0 })],
    ["years", () => bondPrice({ ...good, years: 101 })],
    ["yield", () => bondPrice({ ...good, yield: -1 })],
    ["yield", () => bondPrice({ ...good, yield: 12 })],
    ["frequency", () => bondPrice({ ...good, frequency: 3 })],
    ["face", () => bondPrice({ ...good, face: 0 })],
    ["price", () => bondYield({ price: 0, couponRate: 0.05, years: 5 })],
    ["price", () => bondYield({ price: Number.NaN, couponRate: 0.05, years: 5 })],
    ["years", () => bondYield({ price: 95, couponRate: 0.05, years: -2 })],
  ])("%s", (argument, call) => {
    expectMinerDebtError(call, "VALUE", argument);
  });

  test("#NUM! when no yield in [−99%, 1000%] reaches the price", () => {
    // A 1-year zero cannot be worth more than 100 / (1 − 0.99) = 10,000 or less than 100 / 11.
    expectMinerDebtError(() => bondYield({ price: 20_000, couponRate: 0, years: 1, frequency: 1 }), "NUM", "yield");
    expectMinerDebtError(() => bondYield({ price: 5, couponRate: 0, years: 1, frequency: 1 }), "NUM", "price 5");
  });
});
