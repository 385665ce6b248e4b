import fc from "fast-check";
import { bondPrice, bsm, cbGreeks, cbPrice, continuousToPeriodic, normalCdf } from "../../src/calc";
import { expectClose, expectMinerDebtError } from "./helpers";

/**
 * Straight bond per 100 face discounted continuously at `rate`, computed here on its own: coupon
 * 100·c/f at maturity and every 1/f year back while still in the future, plus 100 at maturity
 * (the convention of docs/calculations.md).
 */
function riskyBond(couponRate: number, years: number, frequency: number, rate: number): number {
  let value = 100 * Math.exp(-rate * years);
  for (let k = 0; years - k / frequency > 1e-9; k++) {
    const t = years - k / frequency;
    value += ((100 * couponRate) / frequency) * Math.exp(-rate * t);
  }
  return value;
}

const standardNormalDensity = (z: number) => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);

describe("CBPRICE: SPEC limit 1 — no spread, call, put or dividend ⇒ bond floor + ratio × BSM call", () => {
  // Without dividends early conversion never pays (it forfeits coupons and the call's time
  // value), so the note is a straight bond plus ratio European calls struck at the conversion
  // price. The tree's error is O(1/N); the tolerance shrinks accordingly.
  const tolerance = (ratio: number, sharePrice: number, steps: number) => (0.2 * ratio * sharePrice) / steps;

  test("a worked case converges to the closed form as steps grow", () => {
    const args = { sharePrice: 20, conversionPrice: 25, couponRate: 0.03, years: 5, volatility: 0.5, rate: 0.04, creditSpread: 0 };
    const ratio = 100 / 25;
    const closedForm =
      riskyBond(0.03, 5, 2, 0.04) +
      ratio * bsm({ type: "call", sharePrice: 20, strike: 25, years: 5, volatility: 0.5, rate: 0.04 });
    const errors = [100, 400, 1600].map((steps) => Math.abs(cbPrice({ ...args, steps }) - closedForm));
    errors.forEach((error, index) => expect(error).toBeLessThanOrEqual(tolerance(ratio, 20, [100, 400, 1600][index])));
    expect(errors[1]).toBeLessThan(errors[0]);
    expect(errors[2]).toBeLessThan(errors[1]);
  });

  test("holds across random terms, coupon frequencies and step counts", () => {
    fc.assert(
      fc.property(
        fc.record({
          sharePrice: fc.double({ min: 1, max: 100, noNaN: true }),
          moneyness: fc.double({ min: 0.6, max: 2.5, noNaN: true }),
          years: fc.double({ min: 0.3, max: 8, noNaN: true }),
          volatility: fc.double({ min: 0.2, max: 1.3, noNaN: true }),
          rate: fc.double({ min: 0, max: 0.08, noNaN: true }),
          couponRate: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.08, noNaN: true })),
          frequency: fc.constantFrom(1, 2, 4, 12),
          steps: fc.constantFrom(50, 100, 200, 400, 800),
        }),
        (m) => {
          const conversionPrice = m.sharePrice * m.moneyness;
          const ratio = 100 / conversionPrice;
          const price = cbPrice({
            sharePrice: m.sharePrice,
            conversionPrice,
            couponRate: m.couponRate,
            years: m.years,
            volatility: m.volatility,
            rate: m.rate,
            creditSpread: 0,
            steps: m.steps,
            frequency: m.frequency,
          });
          const closedForm =
            riskyBond(m.couponRate, m.years, m.frequency, m.rate) +
            ratio * bsm({ type: "call", sharePrice: m.sharePrice, strike: conversionPrice, years: m.years, volatility: m.volatility, rate: m.rate });
          return Math.abs(price - closedForm) <= tolerance(ratio, m.sharePrice, m.steps);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("CBPRICE: SPEC limit 2 — conversion price → ∞ ⇒ the risky bond", () => {
  test("equals BONDFLOOR at the periodic yield equivalent to rate + spread (continuous)", () => {
    fc.assert(
      fc.property(
        fc.record({
          couponRate: fc.double({ min: 0, max: 0.1, noNaN: true }),
          years: fc.double({ min: 0.1, max: 30, noNaN: true }),
          rate: fc.double({ min: -0.01, max: 0.08, noNaN: true }),
          creditSpread: fc.double({ min: 0, max: 0.15, noNaN: true }),
          dividendYield: fc.double({ min: 0, max: 0.05, noNaN: true }),
          frequency: fc.constantFrom(1, 2, 4, 12),
          steps: fc.integer({ min: 1, max: 700 }),
          callFromYears: fc.option(fc.double({ min: 0, max: 5, noNaN: true }), { nil: null }),
        }),
        (m) => {
          const price = cbPrice({ sharePrice: 30, conversionPrice: 1e12, volatility: 0.6, ...m });
          // CBPRICE discounts continuously; BONDFLOOR compounds f times a year: the same bond at
          // y = f·(e^((r+s)/f) − 1).
          const yieldEquivalent = continuousToPeriodic(m.rate + m.creditSpread, m.frequency);
          const floor = bondPrice({ couponRate: m.couponRate, years: m.years, yield: yieldEquivalent, frequency: m.frequency });
          const independent = riskyBond(m.couponRate, m.years, m.frequency, m.rate + m.creditSpread);
          return Math.abs(price - floor) <= 1e-9 * floor && Math.abs(price - independent) <= 1e-9 * independent;
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe("CBPRICE bounds and comparative statics", () => {
  const market = fc.record({
    sharePrice: fc.double({ min: 1, max: 100, noNaN: true }),
    moneyness: fc.double({ min: 0.5, max: 3, noNaN: true }),
    couponRate: fc.double({ min: 0, max: 0.08, noNaN: true }),
    years: fc.double({ min: 0.5, max: 7, noNaN: true }),
    volatility: fc.double({ min: 0.2, max: 1.2, noNaN: true }),
    rate: fc.double({ min: 0, max: 0.06, noNaN: true }),
    creditSpread: fc.double({ min: 0, max: 0.12, noNaN: true }),
    dividendYield: fc.double({ min: 0, max: 0.03, noNaN: true }),
    putYears: fc.option(fc.double({ min: 0.1, max: 0.5, noNaN: true }), { nil: null }), // × years
    steps: fc.constantFrom(100, 250, 500),
  });
  type Market = {
    sharePrice: number;
    moneyness: number;
    couponRate: number;
    years: number;
    volatility: number;
    rate: number;
    creditSpread: number;
    dividendYield: number;
    putYears: number | null;
    steps: number;
  };
  const argsOf = ({ moneyness, putYears, ...rest }: Market) => ({
    ...rest,
    conversionPrice: rest.sharePrice * moneyness,
    putYears: putYears === null ? null : putYears * rest.years,
  });

  test("never below parity or the bond floor at rate + spread (no issuer call)", () => {
    fc.assert(
      fc.property(market, (m) => {
        const args = argsOf(m);
        const price = cbPrice(args);
        const parity = (100 / args.conversionPrice) * m.sharePrice;
        const floor = riskyBond(m.couponRate, m.years, 2, m.rate + m.creditSpread);
        return price >= parity - 1e-9 && price >= floor - 1e-9;
      }),
      { numRuns: 60 },
    );
  });

  test("with a soft call: never below parity; zero-coupon notes never below the bond floor", () => {
    fc.assert(
      fc.property(market, fc.double({ min: 0, max: 3, noNaN: true }), (m, callFromYears) => {
        const args = { ...argsOf(m), couponRate: 0, callFromYears };
        const price = cbPrice(args);
        const parity = (100 / args.conversionPrice) * m.sharePrice;
        const floor = 100 * Math.exp(-(m.rate + m.creditSpread) * m.years);
        return price >= parity - 1e-9 && price >= floor - 1e-9;
      }),
      { numRuns: 40 },
    );
  });

  test("without a credit spread, an issuer call never adds value and a holder put never removes it", () => {
    // With a spread the Tsiveriotis–Fernandes split can reverse this slightly: a call that forces
    // conversion turns a credit-risky cash claim into equity discounted at the risk-free rate, a
    // put does the opposite (see docs/calculations.md).
    fc.assert(
      fc.property(market, fc.double({ min: 0, max: 3, noNaN: true }), (m, callFromYears) => {
        const args = { ...argsOf(m), creditSpread: 0, putYears: null };
        const plain = cbPrice(args);
        const callable = cbPrice({ ...args, callFromYears });
        const puttable = cbPrice({ ...args, putYears: m.years / 2 });
        // Allow the trees' O(1/N) discretisation error: the callable tree sits on a lattice
        // shifted to the trigger, the puttable one cell-averages the split at the put boundary.
        const slack = ((100 / args.conversionPrice) * m.sharePrice + 100) * (0.1 / args.steps) + 1e-9;
        return callable <= plain + slack && puttable >= plain - slack;
      }),
      { numRuns: 40 },
    );
  });

  test("a higher credit spread lowers the value; a higher share price raises it", () => {
    fc.assert(
      fc.property(market, (m) => {
        const args = argsOf(m);
        const base = cbPrice(args);
        return (
          cbPrice({ ...args, creditSpread: args.creditSpread + 0.02 }) <= base + 1e-9 &&
          cbPrice({ ...args, sharePrice: args.sharePrice * 1.05 }) >= base - 1e-9
        );
      }),
      { numRuns: 40 },
    );
  });
});

describe("CBPRICE converges as steps grow (call, put, coupons, dividends)", () => {
  // Measured against a 4000-step tree: |error| ≤ (parity + 100)/N at N, N+1, N+2, N+3 steps,
  // and the wobble between neighbouring step counts shrinks as N grows.
  test.each([
    // A miner-style zero-coupon note with a soft call and a put.
    { sharePrice: 79.49, conversionPrice: 190.23, couponRate: 0, years: 5.41, volatility: 0.8, rate: 0.0094, creditSpread: 0.097, dividendYield: 0.0188, callFromYears: 0.035, putYears: 1.84 },
    // Deep in the money, 7.5% coupon, call starting just after a coupon date.
    { sharePrice: 77.99, conversionPrice: 54.45, couponRate: 0.0747, years: 4.654, volatility: 0.55, rate: 0.0408, creditSpread: 0.008, dividendYield: 0.0035, callFromYears: 2.6601, putYears: null },
    // Out of the money, high volatility, call from year 1.7.
    { sharePrice: 69.25, conversionPrice: 145.57, couponRate: 0.0106, years: 7.946, volatility: 1.024, rate: 0.0222, creditSpread: 0.0033, dividendYield: 0.0228, callFromYears: 1.735, putYears: null },
    // Put on a coupon date (3 years), annual coupons.
    { sharePrice: 15, conversionPrice: 19.16, couponRate: 0.04, years: 6, volatility: 0.7, rate: 0.04, creditSpread: 0.05, dividendYield: 0, callFromYears: 3, putYears: 3, frequency: 1 },
  ])("case %#", (args) => {
    const reference = cbPrice({ ...args, steps: 4000 });
    const scale = (100 / args.conversionPrice) * args.sharePrice + 100;
    let previousSpread = Number.POSITIVE_INFINITY;
    for (const steps of [100, 400, 1600]) {
      const values = [0, 1, 2, 3].map((extra) => cbPrice({ ...args, steps: steps + extra }));
      values.forEach((value) => expect(Math.abs(value - reference)).toBeLessThanOrEqual(scale / steps));
      // Odd/even and lattice-shift wobble shrinks too.
      const spread = Math.max(...values) - Math.min(...values);
      expect(spread).toBeLessThanOrEqual(previousSpread + 1e-12);
      previousSpread = spread;
    }
  });
});

describe("CBPRICE hand-worked two-step tree (Tsiveriotis–Fernandes split)", () => {
  test("zero coupon, 1 year, 2 steps: last step in closed form, then one tree step", () => {
    const S = 50;
    const K = 50; // ratio 2 shares per 100 face
    const sigma = 0.3;
    const r = 0.05;
    const s = 0.03;
    const q = 0.01;
    const dt = 0.5;
    const u = Math.exp(sigma * Math.sqrt(dt));
    const d = 1 / u;
    const p = (Math.exp((r - q) * dt) - d) / (u - d);
    // At t = dt, node share price x: cash part = par·Φ(−d2) at rate + spread, equity part =
    // conversion value·e^(−q·dt)·Φ(d1); then the holder may convert.
    const nodeAt = (x: number) => {
      const conversionValue = (100 / K) * x;
      const d2 = (Math.log(conversionValue / 100) + (r - q - (sigma * sigma) / 2) * dt) / (sigma * Math.sqrt(dt));
      let cash = Math.exp(-(r + s) * dt) * 100 * normalCdf(-d2);
      let equity = conversionValue * Math.exp(-q * dt) * normalCdf(d2 + sigma * Math.sqrt(dt));
      if (conversionValue > cash + equity) {
        cash = 0;
        equity = conversionValue;
      }
      return { cash, equity };
    };
    const upNode = nodeAt(S * u);
    const downNode = nodeAt(S * d);
    const cash0 = Math.exp(-(r + s) * dt) * (p * upNode.cash + (1 - p) * downNode.cash);
    const equity0 = Math.exp(-r * dt) * (p * upNode.equity + (1 - p) * downNode.equity);
    const expected = Math.max(cash0 + equity0, (100 / K) * S);
    const price = cbPrice({ sharePrice: S, conversionPrice: K, couponRate: 0, years: 1, volatility: sigma, rate: r, creditSpread: s, dividendYield: q, steps: 2 });
    expectClose(price, expected, 1e-12);
  });
});

describe("CBGREEKS", () => {
  const args = { sharePrice: 20, conversionPrice: 25, couponRate: 0.02, years: 5, volatility: 0.5, rate: 0.04, creditSpread: 0, steps: 1000 };
  const ratio = 4;

  test("in the no-spread limit delta, gamma and vega match ratio × BSM call greeks", () => {
    // BSM: delta = Φ(d1); gamma = φ(d1)/(S·σ√T), per 1% move: × 0.01·S; vega = S·φ(d1)·√T per
    // 1.00 vol, per 0.01: × 0.01, times the ratio for the note.
    const d1 = (Math.log(20 / 25) + (0.04 + 0.125) * 5) / (0.5 * Math.sqrt(5));
    const greeks = cbGreeks(args);
    expectClose(greeks.delta, normalCdf(d1), 2e-3);
    expectClose(greeks.gamma, (standardNormalDensity(d1) / (0.5 * Math.sqrt(5))) * 0.01, 2e-4);
    expectClose(greeks.vega, ratio * 20 * standardNormalDensity(d1) * Math.sqrt(5) * 0.01, 0.01);
  });

  test("parity, premium and bond floor", () => {
    const greeks = cbGreeks({ ...args, creditSpread: 0.05 });
    expect(greeks.parity).toBe(80);
    expectClose(greeks.premium, greeks.price / 80 - 1, 1e-15);
    expectClose(greeks.bondFloor, riskyBond(0.02, 5, 2, 0.09), 1e-10);
    expectClose(greeks.price, cbPrice({ ...args, creditSpread: 0.05 }), 1e-12);
  });

  test("delta agrees with a bump-and-reprice slope (with a credit spread)", () => {
    const risky = { ...args, creditSpread: 0.04, steps: 2000 };
    const greeks = cbGreeks(risky);
    const h = 0.01;
    const up = cbPrice({ ...risky, sharePrice: 20 * (1 + h) });
    const down = cbPrice({ ...risky, sharePrice: 20 * (1 - h) });
    expectClose(greeks.delta, (up - down) / (2 * h * 20) / ratio, 0.002);
  });

  test("with a soft call and a put, tree delta is stable across steps and close to a wide bump", () => {
    // With a call the lattice re-centres on the trigger, so prices at nearby share prices can
    // sit on different lattices (an O(1/N) step), and a put boundary crosses nodes as the share
    // price moves; a narrow bump measures those steps, the tree's own slope does not.
    const callable = { ...args, creditSpread: 0.04, callFromYears: 1, putYears: 3 };
    const deltas = [500, 1000, 2000, 4000].map((steps) => cbGreeks({ ...callable, steps }).delta);
    expect(Math.max(...deltas) - Math.min(...deltas)).toBeLessThan(0.002);
    const h = 0.03;
    const up = cbPrice({ ...callable, steps: 4000, sharePrice: 20 * (1 + h) });
    const down = cbPrice({ ...callable, steps: 4000, sharePrice: 20 * (1 - h) });
    expectClose(deltas[3], (up - down) / (2 * h * 20) / ratio, 0.005);
    const greeks = cbGreeks({ ...callable, steps: 500 });
    expect(greeks.delta).toBeGreaterThan(0);
    expect(greeks.delta).toBeLessThan(1);
    expect(greeks.gamma).toBeGreaterThan(0);
    expect(greeks.vega).toBeGreaterThan(0);
  });

  test("works with one step and with volatility below the 0.01 bump", () => {
    expect(Number.isFinite(cbGreeks({ ...args, steps: 1 }).delta)).toBe(true);
    const lowVol = cbGreeks({ ...args, volatility: 0.005, rate: 0.001, steps: 50 });
    expect(Number.isFinite(lowVol.vega)).toBe(true);
    // At the volatility ceiling (5) only the down bump exists: one-sided, still finite.
    const highVol = cbGreeks({ ...args, volatility: 4.995, steps: 50 });
    expect(Number.isFinite(highVol.vega)).toBe(true);
  });
});

describe("CBPRICE / CBGREEKS reject bad input", () => {
  const good = { sharePrice: 20, conversionPrice: 25, couponRate: 0, years: 5, volatility: 0.5, rate: 0.04, creditSpread: 0.03 };
  test.each([
    ["share_price", { sharePrice: 0 }],
    ["conversion_price", { conversionPrice: -25 }],
    ["coupon_rate", { couponRate: 3.5 }],
    ["years", { years: 0 }],
    ["years", { years: 500 }],
    ["volatility", { volatility: 0 }],
    ["volatility", { volatility: 80 }],
    ["rate", { rate: 4 }],
    ["credit_spread", { creditSpread: -0.01 }],
    ["dividend_yield", { dividendYield: Number.NaN }],
    ["call_from_years", { callFromYears: -1 }],
    ["call_trigger", { callFromYears: 2, callTrigger: -1 }],
    ["put_years", { putYears: 0 }],
    ["put_years", { putYears: 6 }],
    ["steps", { steps: 0 }],
    ["steps", { steps: 10.5 }],
    ["steps", { steps: 5001 }],
    ["frequency", { frequency: 6 }],
  ])("%s", (argument, override) => {
    expectMinerDebtError(() => cbPrice({ ...good, ...override }), "VALUE", argument);
    expectMinerDebtError(() => cbGreeks({ ...good, ...override }), "VALUE", argument);
  });

  test("#NUM! when the tree has no risk-neutral probability", () => {
    expectMinerDebtError(
      () => cbPrice({ ...good, volatility: 0.01, rate: 1, dividendYield: -1, steps: 1 }),
      "NUM",
      "increase steps or volatility",
    );
  });

  test("#NUM! when the share price lattice overflows", () => {
    expectMinerDebtError(() => cbPrice({ ...good, volatility: 5, years: 100, steps: 5000 }), "NUM", "overflows");
  });
});
