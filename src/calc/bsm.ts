/**
 * Black–Scholes–Merton values of European options on a share paying a continuous dividend
 * yield q, with a continuously compounded risk-free rate r:
 *   call = S·e^(−qT)·Φ(d1) − K·e^(−rT)·Φ(d2)
 *   put  = K·e^(−rT)·Φ(−d2) − S·e^(−qT)·Φ(−d1)
 *   d1 = (ln(S/K) + (r − q + σ²/2)·T) / (σ√T),  d2 = d1 − σ√T.
 * Limits (no NaN): when σ√T = 0 — years = 0 or volatility = 0 — the option is worth its
 * forward-discounted intrinsic value: call max(S·e^(−qT) − K·e^(−rT), 0), put the mirror; at
 * years = 0 that is plain intrinsic value max(S − K, 0).
 *
 * A capped call (lower strike K, cap C > K) pays min(S_T, C) − K when S_T > K: it is a call
 * spread, long a call struck at K and short a call struck at C.
 */
import { invalidArgument } from "../errors";
import { normalCdf } from "./normal";
import {
  FRACTION_HINT,
  Optional,
  choice,
  finiteResult,
  inRange,
  orDefault,
  positive,
} from "./validate";

export const OPTION_TYPES = ["call", "put"] as const;
export type OptionType = (typeof OPTION_TYPES)[number];

/** Sane bounds shared by the option and convertible functions (fractions, years). */
export const MAX_YEARS = 100;
export const MAX_VOLATILITY = 5;
export const MAX_ABS_RATE = 1;

export interface BsmParams {
  /** "call" or "put" (case-insensitive). */
  type: string;
  /** USD per share (> 0). */
  sharePrice: number;
  /** USD per share (> 0). */
  strike: number;
  /** Time to expiry in years (≥ 0). */
  years: number;
  /** Annual volatility as a fraction (≥ 0; 0.6 for 60%). */
  volatility: number;
  /** Continuously compounded risk-free rate, fraction. */
  rate: number;
  /** Continuous dividend yield, fraction (default 0). */
  dividendYield?: Optional<number>;
}

/** Inputs after validation, shared by BSM and CAPPEDCALL. */
interface MarketInputs {
  sharePrice: number;
  years: number;
  volatility: number;
  rate: number;
  dividendYield: number;
}

function checkMarket(params: {
  sharePrice: unknown;
  years: unknown;
  volatility: unknown;
  rate: unknown;
  dividendYield?: unknown;
}): MarketInputs {
  return {
    sharePrice: positive("share_price", params.sharePrice),
    years: inRange("years", params.years, 0, MAX_YEARS),
    volatility: inRange("volatility", params.volatility, 0, MAX_VOLATILITY, FRACTION_HINT),
    rate: inRange("rate", params.rate, -MAX_ABS_RATE, MAX_ABS_RATE, FRACTION_HINT),
    dividendYield: inRange(
      "dividend_yield",
      orDefault(params.dividendYield as Optional<number>, 0),
      -MAX_ABS_RATE,
      MAX_ABS_RATE,
      FRACTION_HINT,
    ),
  };
}

/**
 * The BSM value with validated inputs. Exported for the engines and tests in this module;
 * callers outside src/calc use `bsm`.
 */
export function blackScholesValue(
  isCall: boolean,
  sharePrice: number,
  strike: number,
  years: number,
  volatility: number,
  rate: number,
  dividendYield: number,
): number {
  const forwardShare = sharePrice * Math.exp(-dividendYield * years);
  const discountedStrike = strike * Math.exp(-rate * years);
  const stdDev = volatility * Math.sqrt(years);
  if (stdDev === 0) {
    const intrinsic = isCall ? forwardShare - discountedStrike : discountedStrike - forwardShare;
    return Math.max(intrinsic, 0);
  }
  // ln(S e^(−qT) / (K e^(−rT))) keeps d1 exact when S and K are far apart.
  const d1 = Math.log(forwardShare / discountedStrike) / stdDev + stdDev / 2;
  const d2 = d1 - stdDev;
  const value = isCall
    ? forwardShare * normalCdf(d1) - discountedStrike * normalCdf(d2)
    : discountedStrike * normalCdf(-d2) - forwardShare * normalCdf(-d1);
  // Rounding can leave −1e−17 for a deep out-of-the-money option; a value is never negative.
  return Math.max(value, 0);
}

/** BSM value of a European call or put per share. */
export function bsm(params: BsmParams): number {
  const type = choice("type", params.type, OPTION_TYPES);
  const strike = positive("strike", params.strike);
  const market = checkMarket(params);
  const value = blackScholesValue(
    type === "call",
    market.sharePrice,
    strike,
    market.years,
    market.volatility,
    market.rate,
    market.dividendYield,
  );
  return finiteResult("bsm", value);
}

export interface CappedCallParams {
  sharePrice: number;
  /** Lower strike: the notes' conversion price, USD per share. */
  lowerStrike: number;
  /** Cap price, USD per share (> lower strike). */
  capPrice: number;
  years: number;
  volatility: number;
  rate: number;
  dividendYield?: Optional<number>;
}

/** Value per share of a capped call = call(lower strike) − call(cap). */
export function cappedCall(params: CappedCallParams): number {
  const lower = positive("lower_strike", params.lowerStrike);
  const cap = positive("cap_price", params.capPrice);
  if (!(cap > lower)) {
    throw invalidArgument(`cap_price must be > lower_strike (${lower}), got ${cap}`);
  }
  const m = checkMarket(params);
  const longCall = blackScholesValue(true, m.sharePrice, lower, m.years, m.volatility, m.rate, m.dividendYield);
  const shortCall = blackScholesValue(true, m.sharePrice, cap, m.years, m.volatility, m.rate, m.dividendYield);
  // The spread is worth between 0 and the discounted width; rounding must not push it outside.
  return finiteResult("capped_call", Math.max(longCall - shortCall, 0));
}
