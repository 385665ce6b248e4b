// MINERDEBT valuation functions: options, capped calls, bond floor and yield, convertible price
// and greeks; numbers in, numbers out.
// Each function here only adapts Excel arguments to the pure core (src/data, src/calc) and its
// results and errors back to Excel: arguments are read by ./arguments (Excel's conventions,
// once), and every body runs inside excel() (./excel-errors), so a function returns a checked
// cell value or table, or throws a CustomFunctions.Error. custom-functions-metadata reads the
// JSDoc of the top-level functions (config/functions-sources.js lists the files it reads).
import {
  bondPrice,
  bondYield,
  bsm as optionValue,
  cappedCall as cappedCallValue,
  cbGreeks,
  cbPrice,
  type CbParams,
} from "../calc";
import { maybe, number, single } from "./arguments";
import { excel } from "./excel-errors";

/**
 * Black-Scholes-Merton value per share of a European call or put.
 * @customfunction
 * @param type "call" or "put".
 * @param share_price Share price in USD (> 0).
 * @param strike Strike in USD per share (> 0).
 * @param years Time to expiry in years (≥ 0).
 * @param volatility Annual volatility as a fraction, e.g. 0.7 for 70% (0 to 5).
 * @param rate Risk-free rate, continuously compounded, as a fraction, e.g. 0.04.
 * @param dividend_yield Continuous dividend yield as a fraction (default 0).
 * @returns Option value in USD per share.
 */
export function bsm(type: any, share_price: any, strike: any, years: any, volatility: any, rate: any, dividend_yield?: any): number {
  return excel("BSM", () =>
    optionValue({
      type: single(type, "type") as string,
      sharePrice: number(share_price, "share_price"),
      strike: number(strike, "strike"),
      years: number(years, "years"),
      volatility: number(volatility, "volatility"),
      rate: number(rate, "rate"),
      dividendYield: maybe(dividend_yield, "dividend_yield"),
    }),
  );
}

/**
 * Value per share of a capped call: a call at lower_strike minus a call at cap_price (Black-Scholes-Merton).
 * @customfunction
 * @param share_price Share price in USD (> 0).
 * @param lower_strike Lower strike in USD per share, usually the notes' conversion price (> 0).
 * @param cap_price Cap price in USD per share (> lower_strike).
 * @param years Time to expiry in years (≥ 0).
 * @param volatility Annual volatility as a fraction, e.g. 0.7 for 70%.
 * @param rate Risk-free rate, continuously compounded, as a fraction.
 * @param dividend_yield Continuous dividend yield as a fraction (default 0).
 * @returns Value in USD per share.
 */
export function cappedcall(share_price: any, lower_strike: any, cap_price: any, years: any, volatility: any, rate: any, dividend_yield?: any): number {
  return excel("CAPPEDCALL", () =>
    cappedCallValue({
      sharePrice: number(share_price, "share_price"),
      lowerStrike: number(lower_strike, "lower_strike"),
      capPrice: number(cap_price, "cap_price"),
      years: number(years, "years"),
      volatility: number(volatility, "volatility"),
      rate: number(rate, "rate"),
      dividendYield: maybe(dividend_yield, "dividend_yield"),
    }),
  );
}

/**
 * Price of the straight bond (the convertible's bond floor) per 100 face at a yield; a zero coupon is face × (1 + yield/frequency)^(−frequency × years).
 * @customfunction
 * @param coupon_rate Annual coupon as a fraction: 0 for zero-coupon notes, 0.0375 for 3.75%.
 * @param years Years to maturity (> 0, ≤ 100).
 * @param yield_rate Yield to maturity as a fraction, compounded frequency times a year, e.g. 0.08 (SPEC's "yield", a reserved word in JavaScript).
 * @param frequency Coupons (and compounding periods) a year: 1, 2 (default), 4 or 12.
 * @param face Face amount (default 100: the price is per 100 face).
 * @returns The full (dirty) price.
 */
export function bondfloor(coupon_rate: any, years: any, yield_rate: any, frequency?: any, face?: any): number {
  return excel("BONDFLOOR", () =>
    bondPrice({
      couponRate: number(coupon_rate, "coupon_rate"),
      years: number(years, "years"),
      yield: number(yield_rate, "yield_rate"),
      frequency: maybe(frequency, "frequency"),
      face: maybe(face, "face"),
    }),
  );
}

/**
 * Yield to maturity at which BONDFLOOR gives price.
 * @customfunction
 * @param price Full price per face as BONDFLOOR returns it, e.g. 67.56 (> 0).
 * @param coupon_rate Annual coupon as a fraction (0 for zero-coupon notes).
 * @param years Years to maturity (> 0, ≤ 100).
 * @param frequency Coupons (and compounding periods) a year: 1, 2 (default), 4 or 12.
 * @param face Face amount (default 100).
 * @returns The yield as a fraction; #NUM! when no yield between −99% and 1000% gives the price.
 */
export function bondyield(price: any, coupon_rate: any, years: any, frequency?: any, face?: any): number {
  return excel("BONDYIELD", () =>
    bondYield({
      price: number(price, "price"),
      couponRate: number(coupon_rate, "coupon_rate"),
      years: number(years, "years"),
      frequency: maybe(frequency, "frequency"),
      face: maybe(face, "face"),
    }),
  );
}

/** CBPRICE and CBGREEKS read the same thirteen arguments. */
function convertibleArguments(args: unknown[]): CbParams {
  const [share_price, conversion_price, coupon_rate, years, volatility, rate, credit_spread, dividend_yield, call_from_years, call_trigger, put_years, steps, frequency] = args;
  return {
    sharePrice: number(share_price, "share_price"),
    conversionPrice: number(conversion_price, "conversion_price"),
    couponRate: number(coupon_rate, "coupon_rate"),
    years: number(years, "years"),
    volatility: number(volatility, "volatility"),
    rate: number(rate, "rate"),
    creditSpread: number(credit_spread, "credit_spread"),
    dividendYield: maybe(dividend_yield, "dividend_yield"),
    callFromYears: maybe(call_from_years, "call_from_years"),
    callTrigger: maybe(call_trigger, "call_trigger"),
    putYears: maybe(put_years, "put_years"),
    steps: maybe(steps, "steps"),
    frequency: maybe(frequency, "frequency"),
  };
}

/**
 * Convertible bond value per 100 face: binomial tree (CRR) with the Tsiveriotis-Fernandes cash/equity split, conversion at any node, soft call and put.
 * @customfunction
 * @param share_price Share price in USD (> 0).
 * @param conversion_price Conversion price in USD per share (> 0); 100 face converts into 100 / conversion_price shares.
 * @param coupon_rate Annual coupon as a fraction (0 for zero-coupon notes).
 * @param years Years to maturity (> 0).
 * @param volatility Annual share volatility as a fraction, e.g. 0.7 for 70% (> 0).
 * @param rate Risk-free rate, continuously compounded, as a fraction, e.g. 0.04.
 * @param credit_spread Issuer's credit spread over the rate, as a fraction (≥ 0), e.g. 0.05; discounts the cash part.
 * @param dividend_yield Continuous dividend yield as a fraction (default 0).
 * @param call_from_years Issuer may call at par from this many years on; omitted = not callable.
 * @param call_trigger Call allowed when the share price ≥ call_trigger × conversion_price (default 1.3).
 * @param put_years Holder may put at par at this many years; omitted = no put.
 * @param steps Tree steps, 1 to 5000 (default 500): more is more precise and slower.
 * @param frequency Coupons a year: 1, 2 (default), 4 or 12.
 * @returns Value per 100 face.
 */
export function cbprice(
  share_price: any,
  conversion_price: any,
  coupon_rate: any,
  years: any,
  volatility: any,
  rate: any,
  credit_spread: any,
  dividend_yield?: any,
  call_from_years?: any,
  call_trigger?: any,
  put_years?: any,
  steps?: any,
  frequency?: any,
): number {
  return excel("CBPRICE", () =>
    cbPrice(
      convertibleArguments([share_price, conversion_price, coupon_rate, years, volatility, rate, credit_spread, dividend_yield, call_from_years, call_trigger, put_years, steps, frequency]),
    ),
  );
}

/**
 * Convertible analytics as a 2-row table: price, parity, premium, bond floor (per 100 face), delta, gamma, vega.
 * @customfunction
 * @param share_price Share price in USD (> 0).
 * @param conversion_price Conversion price in USD per share (> 0).
 * @param coupon_rate Annual coupon as a fraction (0 for zero-coupon notes).
 * @param years Years to maturity (> 0).
 * @param volatility Annual share volatility as a fraction, e.g. 0.7 for 70% (> 0).
 * @param rate Risk-free rate, continuously compounded, as a fraction.
 * @param credit_spread Issuer's credit spread over the rate, as a fraction (≥ 0).
 * @param dividend_yield Continuous dividend yield as a fraction (default 0).
 * @param call_from_years Issuer may call at par from this many years on; omitted = not callable.
 * @param call_trigger Call allowed when the share price ≥ call_trigger × conversion_price (default 1.3).
 * @param put_years Holder may put at par at this many years; omitted = no put.
 * @param steps Tree steps, 1 to 5000 (default 500): more is more precise and slower.
 * @param frequency Coupons a year: 1, 2 (default), 4 or 12.
 * @returns Header row, then values: premium as a fraction of parity; delta as a fraction of the conversion shares; gamma per 1% share move; vega per 0.01 volatility.
 */
export function cbgreeks(
  share_price: any,
  conversion_price: any,
  coupon_rate: any,
  years: any,
  volatility: any,
  rate: any,
  credit_spread: any,
  dividend_yield?: any,
  call_from_years?: any,
  call_trigger?: any,
  put_years?: any,
  steps?: any,
  frequency?: any,
): any[][] {
  return excel("CBGREEKS", () => {
    const g = cbGreeks(
      convertibleArguments([share_price, conversion_price, coupon_rate, years, volatility, rate, credit_spread, dividend_yield, call_from_years, call_trigger, put_years, steps, frequency]),
    );
    return [
      ["price", "parity", "premium", "bond_floor", "delta", "gamma", "vega"],
      [g.price, g.parity, g.premium, g.bondFloor, g.delta, g.gamma, g.vega],
    ];
  });
}
