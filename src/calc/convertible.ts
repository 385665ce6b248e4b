/**
 * Convertible bond value per 100 face: a Cox–Ross–Rubinstein binomial tree with the
 * Tsiveriotis–Fernandes (1998) split of the value into a cash-only part (paid in cash by the
 * issuer: redemption, coupons, put and call cash — carries the issuer's credit risk, discounted
 * at rate + credit spread) and an equity part (delivered in shares — discounted at the risk-free
 * rate).
 *
 * As in QuantLib, the instrument (ConvertibleTerms: what the notes promise) is plain data, kept
 * apart from the market (MarketInputs) and the pricing engine (priceConvertible: the tree).
 *
 * Conventions (docs/calculations.md has the full list):
 * - rate, credit_spread and dividend_yield are continuously compounded annual fractions; the
 *   tree's risk-neutral drift is rate − dividend_yield.
 * - conversion ratio = 100 / conversion price shares per 100 face; conversion value (parity) =
 *   ratio × share price.
 * - coupons follow BONDFLOOR's schedule (at maturity and every 1/frequency year back from it).
 *   A coupon due at time t between nodes is credited at the first node at or after t, grown at
 *   rate + spread from t to that node, so its present value is exactly face·c/f·e^(−(r+s)t); it is
 *   paid to whoever holds the note at t, whatever the holder then does at that node.
 * - the holder may convert at any node (value = max(hold, conversion value)); at maturity the
 *   holder gets max(100, conversion value) plus the last coupon.
 * - issuer soft call at par (100) at nodes at or after call_from_years where the share price is
 *   ≥ call_trigger × conversion price: the issuer calls when holding is worth more than
 *   max(100, conversion value), and the holder then takes the larger of the two.
 * - holder put at par (100) at the node nearest put_years.
 * - no accrued interest is paid on call, put or conversion (prices are full/dirty, as BONDFLOOR's).
 */
import { invalidArgument, isMinerDebtError, noAnswer } from "../errors";
import { MAX_ABS_RATE, MAX_VOLATILITY } from "./bsm";
import { CouponFrequency, bondCashflows, checkFrequency, presentValueContinuous } from "./bond";
import {
  FRACTION_HINT,
  Optional,
  finiteResult,
  inRange,
  integerInRange,
  isAbsent,
  nonNegative,
  orDefault,
  positive,
} from "./validate";

/** Face the price is quoted on; call and put are at par. */
export const CB_FACE = 100;
export const DEFAULT_STEPS = 500;
export const MAX_STEPS = 5000;
export const DEFAULT_CALL_TRIGGER = 1.3;
export const MAX_CB_YEARS = 100;
/** Vega is the price change for this absolute move in volatility. */
export const VEGA_BUMP = 0.01;
/** Gamma is the change in delta for this relative move in the share price. */
export const GAMMA_MOVE = 0.01;

/** What the notes promise (per 100 face). */
export interface ConvertibleTerms {
  conversionPrice: number;
  couponRate: number;
  years: number;
  frequency: CouponFrequency;
  /** First time (years) the issuer may call; null = never callable. */
  callFromYears: number | null;
  /** Call allowed when share price ≥ callTrigger × conversion price. */
  callTrigger: number;
  /** Holder put date (years); null = no put. */
  putYears: number | null;
}

/** The market the notes are priced in. */
export interface ConvertibleMarket {
  sharePrice: number;
  volatility: number;
  rate: number;
  creditSpread: number;
  dividendYield: number;
}

export interface CbParams {
  /** USD per share (> 0). */
  sharePrice: number;
  /** USD per share (> 0); conversion ratio = 100 / conversion price per 100 face. */
  conversionPrice: number;
  /** Annual coupon as a fraction (0 for zero-coupon notes). */
  couponRate: number;
  /** Years to maturity (> 0). */
  years: number;
  /** Annual share volatility as a fraction (> 0). */
  volatility: number;
  /** Continuously compounded risk-free rate, fraction. */
  rate: number;
  /** Issuer credit spread over the rate, continuously compounded fraction (≥ 0). */
  creditSpread: number;
  /** Continuous dividend yield (default 0). */
  dividendYield?: Optional<number>;
  /** Soft call from this many years (≥ 0); omitted = not callable. */
  callFromYears?: Optional<number>;
  /** Soft-call trigger as a multiple of the conversion price (default 1.3; 0 = hard call). */
  callTrigger?: Optional<number>;
  /** Holder put at par at this many years (0 < put_years ≤ years); omitted = no put. */
  putYears?: Optional<number>;
  /** Binomial steps, 1..5000 (default 500). */
  steps?: Optional<number>;
  /** Coupons a year: 1, 2 (default), 4 or 12. */
  frequency?: Optional<number>;
}

interface CheckedConvertible {
  terms: ConvertibleTerms;
  market: ConvertibleMarket;
  steps: number;
}

function checkConvertible(params: CbParams): CheckedConvertible {
  const sharePrice = positive("share_price", params.sharePrice);
  const conversionPrice = positive("conversion_price", params.conversionPrice);
  const couponRate = inRange("coupon_rate", params.couponRate, 0, 1, FRACTION_HINT);
  const years = positive("years", params.years);
  if (years > MAX_CB_YEARS) throw invalidArgument(`years must be ≤ ${MAX_CB_YEARS}, got ${years}`);
  const volatility = positive("volatility", params.volatility);
  if (volatility > MAX_VOLATILITY) {
    throw invalidArgument(
      `volatility must be between 0 and ${MAX_VOLATILITY} (${FRACTION_HINT}), got ${volatility}`,
    );
  }
  const rate = inRange("rate", params.rate, -MAX_ABS_RATE, MAX_ABS_RATE, FRACTION_HINT);
  const creditSpread = inRange("credit_spread", params.creditSpread, 0, 1, FRACTION_HINT);
  const dividendYield = inRange(
    "dividend_yield",
    orDefault(params.dividendYield, 0),
    -MAX_ABS_RATE,
    MAX_ABS_RATE,
    FRACTION_HINT,
  );
  const callFromYears = isAbsent(params.callFromYears)
    ? null
    : nonNegative("call_from_years", params.callFromYears);
  const callTrigger = inRange("call_trigger", orDefault(params.callTrigger, DEFAULT_CALL_TRIGGER), 0, 10);
  let putYears: number | null = null;
  if (!isAbsent(params.putYears)) {
    putYears = positive("put_years", params.putYears);
    if (putYears > years) {
      throw invalidArgument(`put_years must be ≤ years (${years}), got ${putYears}`);
    }
  }
  const steps = integerInRange("steps", orDefault(params.steps, DEFAULT_STEPS), 1, MAX_STEPS);
  const frequency = checkFrequency(orDefault(params.frequency, 2));
  return {
    terms: { conversionPrice, couponRate, years, frequency, callFromYears, callTrigger, putYears },
    market: { sharePrice, volatility, rate, creditSpread, dividendYield },
    steps,
  };
}

// ---------------------------------------------------------------------------------------------
// The engine. Buffers are module-level and grow to the largest tree seen, so repeated pricing
// (greeks, sensitivity tables recalculating in Excel) allocates nothing. JavaScript runs one
// call at a time and the engine does not re-enter itself, so sharing them is safe.

let capacity = 0;
let equityValue = new Float64Array(0); // equity part E = V − B at the current step's nodes
let cashValue = new Float64Array(0); // cash-only part B at the current step's nodes
let conversionLadder = new Float64Array(0); // ratio·S0·u^(k − steps), k = 0..2·steps
let couponByStep = new Float64Array(0); // coupon cash credited at each step

function ensureCapacity(steps: number): void {
  if (steps <= capacity) return;
  capacity = steps;
  equityValue = new Float64Array(steps + 1);
  cashValue = new Float64Array(steps + 1);
  conversionLadder = new Float64Array(2 * steps + 1);
  couponByStep = new Float64Array(steps + 1);
}

/**
 * Node values near the root, written by the engine when asked: [V(2,0), V(2,1), V(2,2), V(1,0),
 * V(1,1)] (step, up-moves) — enough for tree delta and gamma.
 */
export type RootNodes = Float64Array;

/** Value per 100 face. `rootNodes` (length ≥ 5), if given, receives the nodes near the root. */
export function priceConvertible(
  terms: ConvertibleTerms,
  market: ConvertibleMarket,
  steps: number,
  rootNodes: RootNodes | null = null,
): number {
  const { years, conversionPrice, frequency } = terms;
  const { sharePrice, volatility, rate, creditSpread, dividendYield } = market;
  const dt = years / steps;
  const jump = volatility * Math.sqrt(dt);
  const up = Math.exp(jump);
  const down = Math.exp(-jump);
  const growth = Math.exp((rate - dividendYield) * dt);
  const probabilityUp = (growth - down) / (up - down);
  if (!(probabilityUp >= 0 && probabilityUp <= 1)) {
    throw noAnswer(
      `the binomial tree has no risk-neutral probability for these inputs (p = ${probabilityUp}): ` +
        "|rate − dividend_yield| is too large for the volatility at this many steps; " +
        "increase steps or volatility",
    );
  }
  const equityDiscount = Math.exp(-rate * dt);
  const cashDiscount = Math.exp(-(rate + creditSpread) * dt);
  const equityUp = probabilityUp * equityDiscount;
  const equityDown = (1 - probabilityUp) * equityDiscount;
  const cashUp = probabilityUp * cashDiscount;
  const cashDown = (1 - probabilityUp) * cashDiscount;
  // A local copy: module-level exports compile to property loads in CommonJS builds.
  const par = CB_FACE;
  const ratio = par / conversionPrice;

  ensureCapacity(steps);
  const equity = equityValue;
  const cash = cashValue;
  const conversion = conversionLadder;
  const coupons = couponByStep;

  // Node (j, i) — step j, i up-moves — has share price S0·u^(2i − j): ladder index steps + 2i − j.
  const conversionAtSpot = ratio * sharePrice;
  for (let k = 0; k <= 2 * steps; k++) conversion[k] = conversionAtSpot * Math.exp((k - steps) * jump);
  if (!Number.isFinite(conversion[2 * steps])) {
    throw noAnswer("the share price tree overflows; reduce steps, volatility or years");
  }

  coupons.fill(0, 0, steps + 1);
  if (terms.couponRate > 0) {
    const flows = bondCashflows(terms.couponRate, years, frequency, par);
    const coupon = (par * terms.couponRate) / frequency;
    const cashRate = rate + creditSpread;
    for (let k = 0; k < flows.times.length; k++) {
      const t = flows.times[k];
      const step = Math.min(steps, Math.max(1, Math.ceil(t / dt - 1e-9)));
      coupons[step] += coupon * Math.exp(cashRate * (step * dt - t));
    }
  }

  const callStep =
    terms.callFromYears === null ? steps + 1 : Math.max(0, Math.ceil(terms.callFromYears / dt - 1e-9));
  // Share price ≥ trigger × conversion price ⇔ conversion value ≥ trigger × par.
  const callConversionLevel = terms.callTrigger * par;
  const putStep = terms.putYears === null ? -1 : Math.round(terms.putYears / dt);

  // Maturity: convert or redeem at par, plus the last coupon (cash).
  const lastCoupon = coupons[steps];
  for (let i = 0; i <= steps; i++) {
    const conversionValue = conversion[2 * i];
    if (conversionValue > par) {
      equity[i] = conversionValue;
      cash[i] = lastCoupon;
    } else {
      equity[i] = 0;
      cash[i] = par + lastCoupon;
    }
  }

  for (let j = steps - 1; j >= 0; j--) {
    const coupon = coupons[j];
    const callable = j >= callStep;
    const putHere = j === putStep;
    const ladderBase = steps - j;
    // Walk up the column carrying the lower child in locals: one read of each array per node.
    let equityBelow = equity[0];
    let cashBelow = cash[0];
    for (let i = 0; i <= j; i++) {
      const equityAbove = equity[i + 1];
      const cashAbove = cash[i + 1];
      // Tsiveriotis–Fernandes: cash part at rate + spread, equity part at rate.
      let cashPart = cashUp * cashAbove + cashDown * cashBelow;
      let equityPart = equityUp * equityAbove + equityDown * equityBelow;
      equityBelow = equityAbove;
      cashBelow = cashAbove;
      let value = cashPart + equityPart;
      const conversionValue = conversion[ladderBase + 2 * i];
      if (callable && conversionValue >= callConversionLevel) {
        // The issuer calls when holding is worth more than what a call forces: max(par, shares).
        if (conversionValue > par) {
          if (value > conversionValue) {
            value = conversionValue;
            equityPart = conversionValue;
            cashPart = 0;
          }
        } else if (value > par) {
          value = par;
          equityPart = 0;
          cashPart = par;
        }
      }
      if (putHere && value < par) {
        value = par;
        equityPart = 0;
        cashPart = par;
      }
      if (conversionValue > value) {
        equityPart = conversionValue;
        cashPart = 0;
      }
      equity[i] = equityPart;
      cash[i] = cashPart + coupon;
    }
    if (rootNodes !== null) {
      if (j === 2) {
        rootNodes[0] = equity[0] + cash[0];
        rootNodes[1] = equity[1] + cash[1];
        rootNodes[2] = equity[2] + cash[2];
      } else if (j === 1) {
        rootNodes[3] = equity[0] + cash[0];
        rootNodes[4] = equity[1] + cash[1];
      }
    }
  }
  return equity[0] + cash[0];
}

/** Straight bond value per 100 face with the notes' coupons, at continuous rate + spread. */
export function convertibleBondFloor(terms: ConvertibleTerms, market: ConvertibleMarket): number {
  const flows = bondCashflows(terms.couponRate, terms.years, terms.frequency, CB_FACE);
  return presentValueContinuous(flows, market.rate + market.creditSpread);
}

/** CBPRICE: convertible value per 100 face (see the module comment for conventions). */
export function cbPrice(params: CbParams): number {
  const { terms, market, steps } = checkConvertible(params);
  return finiteResult("convertible price", priceConvertible(terms, market, steps));
}

export interface CbGreeks {
  /** Value per 100 face. */
  price: number;
  /** Conversion value per 100 face = 100 / conversion price × share price. */
  parity: number;
  /** price / parity − 1. */
  premium: number;
  /** Straight bond per 100 face at rate + credit spread (continuous), same coupons. */
  bondFloor: number;
  /** Hedge ratio: dV/dS ÷ conversion ratio — the fraction of conversion shares to short. */
  delta: number;
  /** Change in delta (as above) for a 1% rise in the share price. */
  gamma: number;
  /** Price change (per 100 face) for +0.01 volatility. */
  vega: number;
}

const rootNodes = new Float64Array(5);

/** CBGREEKS: price, parity, premium, bond floor, delta, gamma, vega. */
export function cbGreeks(params: CbParams): CbGreeks {
  const { terms, market, steps } = checkConvertible(params);
  if (steps < 2) {
    throw invalidArgument(`steps must be ≥ 2 for greeks (the tree's first two steps), got ${steps}`);
  }
  const price = priceConvertible(terms, market, steps, rootNodes);
  const ratio = CB_FACE / terms.conversionPrice;

  // Tree delta and gamma from the nodes one and two steps in (Hull's method): no repricing noise.
  const jump = market.volatility * Math.sqrt(terms.years / steps);
  const s0 = market.sharePrice;
  const sUp = s0 * Math.exp(jump);
  const sDown = s0 * Math.exp(-jump);
  const sUpUp = s0 * Math.exp(2 * jump);
  const sDownDown = s0 * Math.exp(-2 * jump);
  const [vDownDown, vMiddle, vUpUp, vDown, vUp] = rootNodes;
  const dvdsAbsolute = (vUp - vDown) / (sUp - sDown);
  const slopeHigh = (vUpUp - vMiddle) / (sUpUp - s0);
  const slopeLow = (vMiddle - vDownDown) / (s0 - sDownDown);
  const d2vds2 = (slopeHigh - slopeLow) / ((sUpUp - sDownDown) / 2);

  const vega = bumpVega(terms, market, steps);
  const parity = ratio * s0;
  const bondFloor = convertibleBondFloor(terms, market);
  return {
    price: finiteResult("convertible price", price),
    parity: finiteResult("parity", parity),
    premium: finiteResult("premium", price / parity - 1),
    bondFloor: finiteResult("bond floor", bondFloor),
    delta: finiteResult("delta", dvdsAbsolute / ratio),
    gamma: finiteResult("gamma", (d2vds2 * GAMMA_MOVE * s0) / ratio),
    vega: finiteResult("vega", vega),
  };
}

/**
 * Price change per +0.01 volatility: central difference (σ ± 0.01)/2 where both bumps are
 * valid, one-sided otherwise (σ ≤ 0.01, σ near the maximum, or a down-bumped tree without a
 * risk-neutral probability).
 */
function bumpVega(terms: ConvertibleTerms, market: ConvertibleMarket, steps: number): number {
  const sigma = market.volatility;
  const upSigma = sigma + VEGA_BUMP <= MAX_VOLATILITY ? sigma + VEGA_BUMP : sigma;
  let downSigma = sigma - VEGA_BUMP > 0 ? sigma - VEGA_BUMP : sigma;
  const valueUp = priceConvertible(terms, { ...market, volatility: upSigma }, steps);
  let valueDown: number;
  try {
    valueDown = priceConvertible(terms, { ...market, volatility: downSigma }, steps);
  } catch (error) {
    if (!isMinerDebtError(error) || error.code !== "NUM") throw error;
    downSigma = sigma;
    valueDown = priceConvertible(terms, market, steps);
  }
  return ((valueUp - valueDown) / (upSigma - downSigma)) * VEGA_BUMP;
}
