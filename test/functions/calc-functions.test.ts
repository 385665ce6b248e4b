// The calculation functions through a CustomFunctions shim: textbook values computed here (or
// cited), the SPEC's limits, the deal terms read from the committed JSONL, and a bad input for
// every parameter of every function, checking the Excel error and a message naming it.
import { excelErrorOf, installCustomFunctionsShim } from "./support/custom-functions";
import { fact } from "./support/facts";

installCustomFunctionsShim();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const F = require("../../src/functions/functions") as typeof import("../../src/functions/functions");

const VALUE = "#VALUE!";
const NA = "#N/A";
const NUM = "#NUM!";

/** Abramowitz–Stegun-free normal CDF via the error function's series (independent of src/calc). */
function erf(x: number): number {
  // Maclaurin series, accurate to < 1e-15 for |x| ≤ 6, enough for these tests.
  const sign = Math.sign(x);
  const z = Math.abs(x);
  if (z > 6) return sign;
  let term = z;
  let sum = z;
  for (let n = 1; n < 200; n++) {
    term *= (-z * z) / n;
    sum += term / (2 * n + 1);
  }
  return (sign * 2 * sum) / Math.sqrt(Math.PI);
}
const normal = (x: number) => 0.5 * (1 + erf(x / Math.SQRT2));
function call(s: number, k: number, t: number, v: number, r: number): number {
  const d1 = (Math.log(s / k) + (r + (v * v) / 2) * t) / (v * Math.sqrt(t));
  return s * normal(d1) - k * Math.exp(-r * t) * normal(d1 - v * Math.sqrt(t));
}

function expectError(fn: () => unknown, code: string, ...fragments: string[]): void {
  const error = excelErrorOf(fn);
  expect({ code: error.code, message: error.message }).toEqual({ code, message: expect.any(String) });
  for (const fragment of fragments) expect(error.message).toContain(fragment);
}

const relative = (actual: unknown, expected: number, tolerance = 1e-12) => {
  expect(typeof actual).toBe("number");
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
};

describe("conversion terms", () => {
  it("CONVPRICE, CONVRATE, CONVSHARES, PREMIUM, PARITY follow their definitions", () => {
    relative(F.convprice(80.4602), 1000 / 80.4602);
    relative(F.convprice("80.4602"), 1000 / 80.4602);
    relative(F.convprice([[80.4602]]), 1000 / 80.4602);
    relative(F.convrate(12.43), 1000 / 12.43);
    relative(F.convshares(1e9, 80.4602), 80_460_200);
    relative(F.convshares("1,000,000,000", " 80.4602 "), 80_460_200);
    relative(F.premium(12.43, 9.38), 12.43 / 9.38 - 1);
    relative(F.parity(80.4602, 15), 80.4602 * 15);
  });

  it("rejects bad input for every parameter, naming it and the value", () => {
    expectError(() => F.convprice(-5), VALUE, "conversion_rate must be > 0, got -5");
    expectError(() => F.convprice("abc"), VALUE, 'conversion_rate must be a number, got "abc"');
    expectError(() => F.convprice(null), VALUE, "conversion_rate is required");
    expectError(() => F.convrate(0), VALUE, "conversion_price must be > 0, got 0");
    expectError(() => F.convshares(-1, 80), VALUE, "principal must be ≥ 0, got -1");
    expectError(() => F.convshares(1e9, true), VALUE, "conversion_rate must be a number, got TRUE");
    expectError(() => F.premium("x", 9.38), VALUE, 'conversion_price must be a number, got "x"');
    expectError(() => F.premium(12.43, 0), VALUE, "reference_price must be > 0, got 0");
    expectError(() => F.parity(-1, 15), VALUE, "conversion_rate must be > 0, got -1");
    expectError(() => F.parity(80, [[1, 2]]), VALUE, "share_price takes one value, got a 1×2 range");
  });
});

describe("NETSHARES and DILUTION", () => {
  const principal = 1e9;
  const strike = 12.43;
  const cap = 18.76;
  const shares = principal / strike;

  it("counts net new shares by settlement, with a capped call's offset", () => {
    relative(F.netshares(principal, strike, 20), shares);
    relative(F.netshares(principal, strike, 20, "Physical"), shares);
    relative(F.netshares(principal, strike, 20, "net share"), (shares * (20 - strike)) / 20);
    expect(F.netshares(principal, strike, 20, "cash")).toBe(0);
    expect(F.netshares(principal, strike, 12, "physical")).toBe(0);
    relative(F.netshares(principal, strike, 20, null, cap), shares * (1 - (cap - strike) / 20));
    relative(F.netshares(principal, strike, 20, "net_share", cap), (shares * (20 - cap)) / 20);
    expect(F.netshares(principal, strike, 15, "net_share", cap)).toBe(0);
  });

  it("divides by shares outstanding or by pro forma shares", () => {
    relative(F.dilution(principal, strike, 4e8), shares / 4e8);
    relative(F.dilution(principal, strike, 4e8, null, null, null, "pro_forma"), shares / (4e8 + shares));
    relative(F.dilution(principal, strike, 4e8, 20, "net_share"), (shares * (20 - strike)) / 20 / 4e8);
    relative(F.dilution(principal, strike, 4e8, 20, "", cap, "OUTSTANDING"), (shares * (1 - (cap - strike) / 20)) / 4e8);
  });

  it("rejects bad input for every parameter, naming it", () => {
    expectError(() => F.netshares("lots", strike, 20), VALUE, 'principal must be a number, got "lots"');
    expectError(() => F.netshares(principal, 0, 20), VALUE, "conversion_price must be > 0, got 0");
    expectError(() => F.netshares(principal, strike, -1), VALUE, "share_price must be > 0, got -1");
    expectError(() => F.netshares(principal, strike, 20, "shares"), VALUE, 'settlement must be "physical", "net_share" or "cash"; got "shares"');
    expectError(() => F.netshares(principal, strike, 20, null, 10), VALUE, "cap_price must be > conversion_price (12.43), got 10");
    expectError(() => F.dilution(-1, strike, 4e8), VALUE, "principal must be ≥ 0, got -1");
    expectError(() => F.dilution(principal, "x", 4e8), VALUE, 'conversion_price must be a number, got "x"');
    expectError(() => F.dilution(principal, strike, 0), VALUE, "shares_outstanding must be > 0, got 0");
    expectError(() => F.dilution(principal, strike, 4e8, 0), VALUE, "share_price must be > 0, got 0");
    expectError(() => F.dilution(principal, strike, 4e8, 20, "swap"), VALUE, "settlement", '"swap"');
    expectError(() => F.dilution(principal, strike, 4e8, 20, null, "high"), VALUE, 'cap_price must be a number, got "high"');
    expectError(() => F.dilution(principal, strike, 4e8, null, null, null, "diluted"), VALUE, 'basis must be "outstanding" or "pro_forma"; got "diluted"');
  });
});

describe("DEALDILUTION(id, shares_outstanding, …)", () => {
  const wulf = fact("WULF-2025-08-CVT-2031");
  const mara = fact("MARA-2025-07-CVT-2032");

  it("uses the record's principal, conversion price, capped call and settlement", () => {
    expect(wulf.settlement).toBe("cash_up_to_principal_then_cash_or_shares");
    const n = (wulf.principal_final_usd as number) / (wulf.conversion_price_usd as number);
    const k = wulf.conversion_price_usd as number;
    const c = wulf.capped_call_cap_price_usd as number;
    // No share price: full physical conversion.
    relative(F.dealdilution(wulf.id, 4e8), n / 4e8);
    // Net share (cash up to principal) with the capped call: only the value above the cap dilutes.
    relative(F.dealdilution(wulf.id, 4e8, 20), (n * (20 - c)) / 20 / 4e8);
    relative(F.dealdilution(wulf.id.toLowerCase(), "400,000,000", "20", "", "TRUE"), (n * (20 - c)) / 20 / 4e8);
    relative(F.dealdilution(wulf.id, 4e8, 20, null, false), (n * (20 - k)) / 20 / 4e8);
    relative(F.dealdilution(wulf.id, 4e8, 20, "physical"), (n * (1 - (c - k) / 20)) / 4e8);
    relative(F.dealdilution(wulf.id, 4e8, null, null, null, "pro_forma"), n / (4e8 + n));
    // The issuer's election (cash, shares or a combination) counts as physical: the most dilutive.
    expect(mara.settlement).toBe("cash_shares_or_combination");
    const m = (mara.principal_final_usd as number) / (mara.conversion_price_usd as number);
    relative(F.dealdilution(mara.id, 3e8, 30), (m * (1 - ((mara.capped_call_cap_price_usd as number) - (mara.conversion_price_usd as number)) / 30)) / 3e8);
  });

  it("falls back to amount_usd when the final principal is not stated", () => {
    const btdr = fact("BTDR-2025-11-CVT-2031");
    expect(btdr.principal_final_usd).toBeNull();
    relative(F.dealdilution(btdr.id, 2e8), (btdr.amount_usd as number) / (btdr.conversion_price_usd as number) / 2e8);
  });

  it("is #N/A with the reason when the record has no conversion terms", () => {
    expectError(() => F.dealdilution("GLXY-2024-11-CVT-2029", 4e8), NA, "GLXY-2024-11-CVT-2029: no conversion price", "not disclosed in sources");
    expectError(() => F.dealdilution("WULF-2021-10-LOAN-2022", 4e8), NA, "WULF-2021-10-LOAN-2022: no conversion price", "not a convertible");
  });

  it("rejects bad input for every parameter, naming it", () => {
    expectError(() => F.dealdilution("WULF-2025-08-CVT-203", 4e8), NA, "Did you mean", wulf.id);
    expectError(() => F.dealdilution("", 4e8), VALUE, "id is required");
    expectError(() => F.dealdilution(wulf.id, 0), VALUE, "shares_outstanding must be > 0, got 0");
    expectError(() => F.dealdilution(wulf.id, 4e8, "soon"), VALUE, 'share_price must be a number, got "soon"');
    expectError(() => F.dealdilution(wulf.id, 4e8, 20, "swap"), VALUE, 'settlement must be "physical", "net_share" or "cash"; got "swap"');
    expectError(() => F.dealdilution(wulf.id, 4e8, 20, null, "maybe"), VALUE, 'include_capped_call must be TRUE or FALSE, got "maybe"');
    expectError(() => F.dealdilution(wulf.id, 4e8, 20, null, null, "fully_diluted"), VALUE, "basis", '"fully_diluted"');
  });
});

describe("DILUTEDEPS", () => {
  it("uses if-converted EPS when dilutive, basic EPS when anti-dilutive or a loss", () => {
    relative(F.dilutedeps(100e6, 400e6, 80e6, 5e6), 105e6 / 480e6);
    // (100 + 50) / 410 = 0.366 > 0.25 basic: anti-dilutive, so basic.
    relative(F.dilutedeps(100e6, 400e6, 10e6, 50e6), 0.25);
    relative(F.dilutedeps(-100e6, 400e6, 80e6), -0.25);
  });

  it("rejects bad input for every parameter, naming it", () => {
    expectError(() => F.dilutedeps("x", 400e6, 80e6), VALUE, 'net_income must be a number, got "x"');
    expectError(() => F.dilutedeps(100e6, 0, 80e6), VALUE, "basic_shares must be > 0, got 0");
    expectError(() => F.dilutedeps(100e6, 400e6, -1), VALUE, "incremental_shares must be ≥ 0, got -1");
    expectError(() => F.dilutedeps(100e6, 400e6, 80e6, -5), VALUE, "interest_addback must be ≥ 0, got -5");
  });
});

describe("BSM and CAPPEDCALL", () => {
  it("matches Hull's textbook values (Options, Futures and Other Derivatives, Example 15.6: c = 4.76, p = 0.81)", () => {
    expect(F.bsm("call", 42, 40, 0.5, 0.2, 0.1)).toBeCloseTo(4.76, 2);
    expect(F.bsm("PUT", 42, 40, 0.5, 0.2, 0.1)).toBeCloseTo(0.81, 2);
    relative(F.bsm("call", 100, 100, 1, 0.2, 0.05), call(100, 100, 1, 0.2, 0.05), 1e-9);
    relative(F.bsm("call", 100, 100, 1, "20%", "5%"), call(100, 100, 1, 0.2, 0.05), 1e-9);
    // Put-call parity.
    relative(F.bsm("put", 100, 100, 1, 0.2, 0.05), call(100, 100, 1, 0.2, 0.05) - 100 + 100 * Math.exp(-0.05), 1e-9);
  });

  it("values a capped call as a call spread", () => {
    relative(F.cappedcall(100, 100, 150, 1, 0.2, 0.05), call(100, 100, 1, 0.2, 0.05) - call(100, 150, 1, 0.2, 0.05), 1e-9);
  });

  it("rejects bad input for every parameter, naming it", () => {
    expectError(() => F.bsm("straddle", 100, 100, 1, 0.2, 0.05), VALUE, 'type must be "call" or "put"; got "straddle"');
    expectError(() => F.bsm(null, 100, 100, 1, 0.2, 0.05), VALUE, 'type is required: "call" or "put"');
    expectError(() => F.bsm("call", 0, 100, 1, 0.2, 0.05), VALUE, "share_price must be > 0, got 0");
    expectError(() => F.bsm("call", 100, -1, 1, 0.2, 0.05), VALUE, "strike must be > 0, got -1");
    expectError(() => F.bsm("call", 100, 100, -1, 0.2, 0.05), VALUE, "years", "-1");
    expectError(() => F.bsm("call", 100, 100, 1, -0.2, 0.05), VALUE, "volatility", "-0.2");
    expectError(() => F.bsm("call", 100, 100, 1, 0.2, "x"), VALUE, 'rate must be a number, got "x"');
    expectError(() => F.bsm("call", 100, 100, 1, 0.2, 0.05, 5), VALUE, "dividend_yield", "5");
    expectError(() => F.cappedcall(0, 100, 150, 1, 0.2, 0.05), VALUE, "share_price must be > 0, got 0");
    expectError(() => F.cappedcall(100, 0, 150, 1, 0.2, 0.05), VALUE, "lower_strike must be > 0, got 0");
    expectError(() => F.cappedcall(100, 100, 90, 1, 0.2, 0.05), VALUE, "cap_price must be > lower_strike (100), got 90");
    expectError(() => F.cappedcall(100, 100, 150, "x", 0.2, 0.05), VALUE, 'years must be a number, got "x"');
    expectError(() => F.cappedcall(100, 100, 150, 1, 20, 0.05), VALUE, "volatility", "20");
    expectError(() => F.cappedcall(100, 100, 150, 1, 0.2, 2), VALUE, "rate", "2");
    expectError(() => F.cappedcall(100, 100, 150, 1, 0.2, 0.05, "x"), VALUE, 'dividend_yield must be a number, got "x"');
  });
});

describe("BONDFLOOR and BONDYIELD", () => {
  it("price zero-coupon and par bonds as the SPEC's formula says", () => {
    relative(F.bondfloor(0, 5, 0.08), 100 * 1.04 ** -10, 1e-12);
    relative(F.bondfloor(0, 5, 0.08, 1, 1000), 1000 * 1.08 ** -5, 1e-12);
    relative(F.bondfloor(0.06, 10, 0.06), 100, 1e-12);
    relative(F.bondfloor("5%", 3, "5%", 4), 100, 1e-12);
    relative(F.bondyield(100 * 1.04 ** -10, 0, 5), 0.08, 1e-10);
    relative(F.bondyield(100, 0.06, 10), 0.06, 1e-10);
  });

  it("rejects bad input for every parameter, naming it, and answers #NUM! where no yield exists", () => {
    expectError(() => F.bondfloor(-0.1, 5, 0.08), VALUE, "coupon_rate", "-0.1");
    expectError(() => F.bondfloor(0, 0, 0.08), VALUE, "years must be > 0, got 0");
    expectError(() => F.bondfloor(0, 5, "high"), VALUE, 'yield_rate must be a number, got "high"');
    expectError(() => F.bondfloor(0, 5, 0.08, 3), VALUE, "frequency must be one of 1, 2, 4, 12");
    expectError(() => F.bondfloor(0, 5, 0.08, 2, 0), VALUE, "face must be > 0, got 0");
    expectError(() => F.bondyield(-10, 0, 5), VALUE, "price must be > 0, got -10");
    expectError(() => F.bondyield(90, 2, 5), VALUE, "coupon_rate", "2");
    expectError(() => F.bondyield(90, 0, -1), VALUE, "years must be > 0, got -1");
    expectError(() => F.bondyield(90, 0, 5, 5), VALUE, "frequency must be one of 1, 2, 4, 12 (coupons a year), got 5");
    expectError(() => F.bondyield(90, 0, 5, 2, -100), VALUE, "face must be > 0, got -100");
    expectError(() => F.bondyield(1e6, 0, 5), NUM, "no yield");
  });
});

describe("CBPRICE and CBGREEKS", () => {
  const base = [15, 12.43, 0, 5, 0.5, 0.04, 0] as const;

  it("equals bond floor + conversion ratio × BSM call with no spread, call, put or dividend (SPEC §4)", () => {
    const expected = 100 * Math.exp(-0.04 * 5) + (100 / 12.43) * call(15, 12.43, 5, 0.5, 0.04);
    expect(Math.abs(F.cbprice(...base, null, null, null, null, 2000) - expected)).toBeLessThan(0.05);
  });

  it("is never below parity or the bond floor at rate + spread", () => {
    const price = F.cbprice(15, 12.43, 0.01, 6, 0.7, 0.04, 0.05);
    expect(price).toBeGreaterThanOrEqual((100 / 12.43) * 15);
    expect(price).toBeGreaterThanOrEqual(F.bondfloor(0.01, 6, 2 * Math.expm1(0.09 / 2)) - 1e-9);
  });

  it("CBGREEKS returns a header row and values consistent with CBPRICE", () => {
    const table = F.cbgreeks(15, 12.43, 0.01, 6, 0.7, 0.04, 0.05, null, 3, 1.3, null, 400);
    expect(table[0]).toEqual(["price", "parity", "premium", "bond_floor", "delta", "gamma", "vega"]);
    expect(table).toHaveLength(2);
    const [price, parityPer100, premiumOverParity, floor, delta, gamma, vega] = table[1] as number[];
    relative(price, F.cbprice(15, 12.43, 0.01, 6, 0.7, 0.04, 0.05, null, 3, 1.3, null, 400), 1e-12);
    relative(parityPer100, (100 / 12.43) * 15, 1e-12);
    relative(premiumOverParity, price / parityPer100 - 1, 1e-12);
    relative(floor, F.bondfloor(0.01, 6, 2 * Math.expm1(0.09 / 2)), 1e-9);
    expect(delta).toBeGreaterThan(0);
    expect(delta).toBeLessThanOrEqual(1);
    expect(Number.isFinite(gamma)).toBe(true);
    expect(vega).toBeGreaterThan(0);
  });

  const bad: [number, unknown, string][] = [
    [0, 0, "share_price must be > 0, got 0"],
    [1, -1, "conversion_price must be > 0, got -1"],
    [2, 2, "coupon_rate"],
    [3, 0, "years must be > 0, got 0"],
    [4, 0, "volatility must be > 0, got 0"],
    [5, 5, "rate"],
    [6, -0.01, "credit_spread"],
    [7, 3, "dividend_yield"],
    [8, -1, "call_from_years must be ≥ 0, got -1"],
    [9, 20, "call_trigger"],
    [10, 10, "put_years"],
    [11, 0.5, "steps must be a whole number from 1 to 5000, got 0.5"],
    [12, 3, "frequency must be one of 1, 2, 4, 12"],
  ];
  it.each(bad)("rejects bad argument %p (%p), naming it", (index, value, fragment) => {
    const args: unknown[] = [15, 12.43, 0.01, 6, 0.7, 0.04, 0.05, null, null, null, null, 100, null];
    args[index] = value;
    expectError(() => (F.cbprice as (...a: unknown[]) => unknown)(...args), VALUE, fragment);
    expectError(() => (F.cbgreeks as (...a: unknown[]) => unknown)(...args), VALUE, fragment);
  });

  it("refuses a tree too big to compute quickly, and text that is not a number", () => {
    expectError(() => F.cbprice(15, 12.43, 0.01, 6, 0.7, 0.04, 0.05, null, null, null, null, 1e9), VALUE, "steps");
    expectError(() => F.cbgreeks(15, 12.43, 0.01, 6, 0.7, 0.04, 0.05, null, null, null, null, 5001), VALUE, "steps must be a whole number from 1 to 5000, got 5001");
    expectError(() => F.cbprice("fifteen", 12.43, 0.01, 6, 0.7, 0.04, 0.05), VALUE, 'share_price must be a number, got "fifteen"');
  });
});
