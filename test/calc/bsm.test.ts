import fc from "fast-check";
import { bsm, cappedCall } from "../../src/calc";
import { expectClose, expectMinerDebtError } from "./helpers";

describe("BSM worked examples", () => {
  test("Hull, Options, Futures, and Other Derivatives (9th ed.), §15.8 Example 15.6: c = 4.76, p = 0.81", () => {
    // S0 = 42, K = 40, r = 10%, σ = 20%, T = 0.5: d1 = 0.7693, d2 = 0.6278, c = 4.76, p = 0.81.
    const args = { sharePrice: 42, strike: 40, years: 0.5, volatility: 0.2, rate: 0.1 };
    expect(bsm({ type: "call", ...args }).toFixed(2)).toBe("4.76");
    expect(bsm({ type: "put", ...args }).toFixed(2)).toBe("0.81");
  });

  test("Hull (9th ed.), Example 17.1: index call with dividend yield, c = 51.83", () => {
    // S0 = 930, K = 900, r = 8%, σ = 20%, T = 2/12, q = 3%: c = 51.83.
    const value = bsm({ type: "call", sharePrice: 930, strike: 900, years: 2 / 12, volatility: 0.2, rate: 0.08, dividendYield: 0.03 });
    expect(value.toFixed(2)).toBe("51.83");
  });

  test("FRM-style question: S = K = 50, T = 0.5, q = 2%, σ = 18%, r = 4% → $2.75", () => {
    // http://aikaoyun.com/2025/06/a-european-call-option-has-a-time-to-mat (answer B, $2.75)
    const value = bsm({ type: "CALL", sharePrice: 50, strike: 50, years: 0.5, volatility: 0.18, rate: 0.04, dividendYield: 0.02 });
    expect(value.toFixed(2)).toBe("2.75");
  });
});

describe("BSM limits", () => {
  test("years = 0: intrinsic value", () => {
    expect(bsm({ type: "call", sharePrice: 42, strike: 40, years: 0, volatility: 0.2, rate: 0.1 })).toBe(2);
    expect(bsm({ type: "put", sharePrice: 42, strike: 40, years: 0, volatility: 0.2, rate: 0.1 })).toBe(0);
    expect(bsm({ type: "put", sharePrice: 35, strike: 40, years: 0, volatility: 0.2, rate: 0.1 })).toBe(5);
  });

  test("volatility = 0: discounted forward intrinsic value", () => {
    // call = max(S e^(−qT) − K e^(−rT), 0) = 42 e^(−0.01) − 40 e^(−0.05)
    const expected = 42 * Math.exp(-0.01) - 40 * Math.exp(-0.05);
    expectClose(
      bsm({ type: "call", sharePrice: 42, strike: 40, years: 0.5, volatility: 0, rate: 0.1, dividendYield: 0.02 }),
      expected,
      1e-12,
    );
    expect(bsm({ type: "put", sharePrice: 42, strike: 40, years: 0.5, volatility: 0, rate: 0.1, dividendYield: 0.02 })).toBe(0);
  });

  test("a tiny volatility approaches the zero-volatility value without NaN", () => {
    const value = bsm({ type: "call", sharePrice: 40, strike: 40, years: 1, volatility: 1e-12, rate: 0.05 });
    expectClose(value, 40 - 40 * Math.exp(-0.05), 1e-9);
  });
});

describe("BSM properties", () => {
  const market = fc.record({
    sharePrice: fc.double({ min: 0.5, max: 500, noNaN: true }),
    strikeMultiple: fc.double({ min: 0.2, max: 5, noNaN: true }),
    years: fc.double({ min: 0, max: 10, noNaN: true }),
    volatility: fc.double({ min: 0, max: 3, noNaN: true }),
    rate: fc.double({ min: -0.05, max: 0.2, noNaN: true }),
    dividendYield: fc.double({ min: 0, max: 0.1, noNaN: true }),
  });

  test("put-call parity: c − p = S e^(−qT) − K e^(−rT)", () => {
    fc.assert(
      fc.property(market, (m) => {
        const strike = m.sharePrice * m.strikeMultiple;
        const args = { sharePrice: m.sharePrice, strike, years: m.years, volatility: m.volatility, rate: m.rate, dividendYield: m.dividendYield };
        const call = bsm({ type: "call", ...args });
        const put = bsm({ type: "put", ...args });
        const forward = m.sharePrice * Math.exp(-m.dividendYield * m.years) - strike * Math.exp(-m.rate * m.years);
        return Math.abs(call - put - forward) <= 1e-10 * Math.max(1, m.sharePrice, strike);
      }),
    );
  });

  test("call within its no-arbitrage bounds and rising in the share price", () => {
    fc.assert(
      fc.property(market, fc.double({ min: 1, max: 2, noNaN: true }), (m, bump) => {
        const strike = m.sharePrice * m.strikeMultiple;
        const at = (sharePrice: number) =>
          bsm({ type: "call", sharePrice, strike, years: m.years, volatility: m.volatility, rate: m.rate, dividendYield: m.dividendYield });
        const call = at(m.sharePrice);
        const lower = Math.max(m.sharePrice * Math.exp(-m.dividendYield * m.years) - strike * Math.exp(-m.rate * m.years), 0);
        const upper = m.sharePrice * Math.exp(-m.dividendYield * m.years);
        const tolerance = 1e-10 * Math.max(1, m.sharePrice);
        return call >= lower - tolerance && call <= upper + tolerance && at(m.sharePrice * bump) >= call - tolerance;
      }),
    );
  });

  test("capped call = call(lower) − call(cap), between 0 and the discounted width", () => {
    fc.assert(
      fc.property(market, fc.double({ min: 1.05, max: 4, noNaN: true }), (m, capMultiple) => {
        const lowerStrike = m.sharePrice * m.strikeMultiple;
        const capPrice = lowerStrike * capMultiple;
        const common = { sharePrice: m.sharePrice, years: m.years, volatility: m.volatility, rate: m.rate, dividendYield: m.dividendYield };
        const spread = cappedCall({ ...common, lowerStrike, capPrice });
        const longCall = bsm({ type: "call", ...common, strike: lowerStrike });
        const shortCall = bsm({ type: "call", ...common, strike: capPrice });
        const width = (capPrice - lowerStrike) * Math.exp(-m.rate * m.years);
        const tolerance = 1e-10 * Math.max(1, capPrice);
        return (
          Math.abs(spread - Math.max(longCall - shortCall, 0)) <= tolerance &&
          spread >= 0 &&
          spread <= width + tolerance
        );
      }),
    );
  });
});

describe("CAPPEDCALL against an independent valuation", () => {
  /** e^(−rT)·E[payoff(S_T)] under the lognormal law, by Simpson's rule over z ∈ [−12, 12]
   * (the payoff's kinks limit it to a few 1e−7). */
  function discountedExpectation(
    payoff: (shareAtExpiry: number) => number,
    m: { sharePrice: number; years: number; volatility: number; rate: number; dividendYield: number },
  ): number {
    const intervals = 24_000;
    const h = 24 / intervals;
    const drift = (m.rate - m.dividendYield - (m.volatility * m.volatility) / 2) * m.years;
    const spread = m.volatility * Math.sqrt(m.years);
    let sum = 0;
    for (let k = 0; k <= intervals; k++) {
      const z = -12 + k * h;
      const weight = k === 0 || k === intervals ? 1 : k % 2 === 1 ? 4 : 2;
      const density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
      sum += weight * payoff(m.sharePrice * Math.exp(drift + spread * z)) * density;
    }
    return Math.exp(-m.rate * m.years) * (sum * h) / 3;
  }

  test("IREN-2025-12-CVT-2032 terms: lower strike 51.40, cap 82.24 (market inputs illustrative)", () => {
    // Terms from https://monis.fisglobal.com/Monis/MonisDataService/ViewReport.aspx?MonisID=MCB_692e0ca500000004;
    // share price 41.12 (the stated reference price), 5 years, σ 70%, r 4%, q 0.
    const m = { sharePrice: 41.12, years: 5, volatility: 0.7, rate: 0.04, dividendYield: 0 };
    const expected = discountedExpectation((s) => Math.max(Math.min(s, 82.24) - 51.4, 0), m);
    expectClose(cappedCall({ ...m, lowerStrike: 51.4, capPrice: 82.24 }), expected, 5e-6);
  });

  test("BSM call and put agree with the integrated payoff (with a dividend yield)", () => {
    const m = { sharePrice: 17.77, years: 6, volatility: 0.9, rate: 0.035, dividendYield: 0.01 };
    const strike = 27.88;
    expectClose(bsm({ type: "call", strike, ...m }), discountedExpectation((s) => Math.max(s - strike, 0), m), 5e-6);
    expectClose(bsm({ type: "put", strike, ...m }), discountedExpectation((s) => Math.max(strike - s, 0), m), 5e-6);
  });
});

describe("BSM and CAPPEDCALL reject bad input", () => {
  const good = { type: "call", sharePrice: 42, strike: 40, years: 0.5, volatility: 0.2, rate: 0.1 };
  const cap = { sharePrice: 42, lowerStrike: 40, capPrice: 60, years: 0.5, volatility: 0.2, rate: 0.1 };
  test.each([
    ["type", () => bsm({ ...good, type: "straddle" })],
    ["share_price", () => bsm({ ...good, sharePrice: 0 })],
    ["strike", () => bsm({ ...good, strike: -40 })],
    ["years", () => bsm({ ...good, years: -1 })],
    ["years", () => bsm({ ...good, years: 1000 })],
    ["volatility", () => bsm({ ...good, volatility: -0.2 })],
    ["volatility", () => bsm({ ...good, volatility: 60 })],
    ["rate", () => bsm({ ...good, rate: 5 })],
    ["rate", () => bsm({ ...good, rate: Number.NaN })],
    ["dividend_yield", () => bsm({ ...good, dividendYield: 3 })],
    ["lower_strike", () => cappedCall({ ...cap, lowerStrike: 0 })],
    ["cap_price", () => cappedCall({ ...cap, capPrice: 40 })],
    ["cap_price", () => cappedCall({ ...cap, capPrice: 30 })],
    ["years", () => cappedCall({ ...cap, years: Number.POSITIVE_INFINITY })],
  ])("%s", (argument, call) => {
    expectMinerDebtError(call, "VALUE", argument);
  });

  test("a percent typed as a whole number gets a pointed message", () => {
    expect(() => bsm({ ...good, rate: 5 })).toThrow("rate must be between -1 and 1 (a fraction: 5% is 0.05), got 5");
  });
});
