/**
 * Straight (non-convertible) bond price and yield on a dates-free, year-fraction basis.
 *
 * Cash-flow convention: a bond with `years` to maturity and `frequency` f coupons a year pays
 * face + coupon at t = years and a coupon face·c/f at every t = years − k/f (k = 1, 2, …) that is
 * still in the future (t > 1e−9 years: a coupon due now counts as already paid — the price is
 * ex-coupon). So 2.3 years semi-annual pays at 2.3, 1.8, 1.3, 0.8 and 0.3 years.
 *
 * Price convention: the full ("dirty") price — the present value of those cash flows, with no
 * accrued interest subtracted. Excel's PRICE returns the clean price; on the same dates
 * PRICE + accrued interest (coupon·fraction of the period elapsed) equals this price.
 *
 * Discounting: a cash flow at t is worth (1 + y/f)^(−f·t), fractional exponents included — the
 * street (Excel PRICE/YIELD) convention. A zero coupon bond is therefore
 * face·(1 + y/f)^(−f·years). Equivalently each flow is discounted at the continuously compounded
 * rate λ = f·ln(1 + y/f), which is how the convertible engine reuses this schedule with its
 * continuously compounded rate + credit spread.
 */
import { invalidArgument, noAnswer } from "../errors";
import { solveBracketed } from "./solver";
import {
  FRACTION_HINT,
  Optional,
  finiteNumber,
  finiteResult,
  inRange,
  orDefault,
  positive,
} from "./validate";

export const COUPON_FREQUENCIES = [1, 2, 4, 12] as const;
export type CouponFrequency = (typeof COUPON_FREQUENCIES)[number];

/** The yield bracket BONDYIELD searches and BONDFLOOR accepts: −99% to 1000%. */
export const MIN_YIELD = -0.99;
export const MAX_YIELD = 10;
export const MAX_BOND_YEARS = 100;
/** A coupon due within this many years of now is treated as already paid (ex-coupon). */
export const COUPON_TIME_EPSILON = 1e-9;

export function checkFrequency(value: unknown, name = "frequency"): CouponFrequency {
  const x = finiteNumber(name, value);
  const found = COUPON_FREQUENCIES.find((f) => f === x);
  if (found === undefined) {
    throw invalidArgument(`${name} must be one of 1, 2, 4, 12 (coupons a year), got ${x}`);
  }
  return found;
}

/** Coupon and maturity flows of a checked bond, as parallel arrays (time in years, amount). */
export interface BondCashflows {
  times: Float64Array;
  amounts: Float64Array;
}

/** Cash flows under the convention above, latest (maturity) first. */
export function bondCashflows(couponRate: number, years: number, frequency: number, face: number): BondCashflows {
  const coupon = (face * couponRate) / frequency;
  let count = 1;
  while (years - count / frequency > COUPON_TIME_EPSILON) count++;
  const times = new Float64Array(count);
  const amounts = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    times[k] = years - k / frequency;
    amounts[k] = coupon;
  }
  amounts[0] += face;
  return { times, amounts };
}

/** Present value of cash flows at continuously compounded rate λ (and −dPV/dλ into `out`). */
export function presentValueContinuous(flows: BondCashflows, lambda: number): number {
  let value = 0;
  for (let k = 0; k < flows.times.length; k++) {
    value += flows.amounts[k] * Math.exp(-lambda * flows.times[k]);
  }
  return value;
}

/** Σ amount·t·e^(−λt): minus the derivative of the present value in λ. */
function durationWeightedValue(flows: BondCashflows, lambda: number): number {
  let value = 0;
  for (let k = 0; k < flows.times.length; k++) {
    const t = flows.times[k];
    value += flows.amounts[k] * t * Math.exp(-lambda * t);
  }
  return value;
}

/** Continuously compounded rate equivalent to yield y compounded f times a year. */
export function periodicToContinuous(periodicYield: number, frequency: number): number {
  return frequency * Math.log1p(periodicYield / frequency);
}

/** Yield compounded f times a year equivalent to a continuously compounded rate. */
export function continuousToPeriodic(continuousRate: number, frequency: number): number {
  return frequency * Math.expm1(continuousRate / frequency);
}

interface CheckedBond {
  couponRate: number;
  years: number;
  frequency: CouponFrequency;
  face: number;
}

/** A straight bond's terms, as BONDFLOOR and BONDYIELD take them. */
export interface BondTerms {
  /** Annual coupon as a fraction (0 for a zero coupon; 0.0375 for 3.75%). */
  couponRate: number;
  /** Years to maturity (> 0). */
  years: number;
  /** Coupons (and compounding periods) a year: 1, 2 (default), 4 or 12. */
  frequency?: Optional<number>;
  /** Face (redemption) amount; default 100, so the price is per 100 face. */
  face?: Optional<number>;
}

function checkBond(params: BondTerms): CheckedBond {
  const couponRate = inRange("coupon_rate", params.couponRate, 0, 1, FRACTION_HINT);
  const years = positive("years", params.years);
  if (years > MAX_BOND_YEARS) {
    throw invalidArgument(`years must be ≤ ${MAX_BOND_YEARS}, got ${years}`);
  }
  const frequency = checkFrequency(orDefault(params.frequency, 2));
  const face = positive("face", orDefault(params.face, 100));
  return { couponRate, years, frequency, face };
}

export interface BondPriceParams extends BondTerms {
  /** Yield to maturity, compounded `frequency` times a year, as a fraction. */
  yield: number;
}

/** Full (dirty) price of a straight bond per `face` (see the module comment). */
export function bondPrice(params: BondPriceParams): number {
  const bond = checkBond(params);
  const y = inRange("yield", params.yield, MIN_YIELD, MAX_YIELD, FRACTION_HINT);
  const flows = bondCashflows(bond.couponRate, bond.years, bond.frequency, bond.face);
  const value = presentValueContinuous(flows, periodicToContinuous(y, bond.frequency));
  return finiteResult("bond price", value);
}

export interface BondYieldParams extends BondTerms {
  /** Full (dirty) price per `face`, as BONDFLOOR returns it (> 0). */
  price: number;
}

/**
 * The yield (compounded `frequency` times a year) at which BONDFLOOR gives `price`. Price falls
 * strictly as yield rises, so the root is unique when it lies in [−99%, 1000%]; outside that the
 * answer is #NUM!. Solved by bracketed Newton/bisection to ~1e−14.
 */
export function bondYield(params: BondYieldParams): number {
  const price = positive("price", params.price);
  const bond = checkBond(params);
  const f = bond.frequency;
  const flows = bondCashflows(bond.couponRate, bond.years, f, bond.face);

  const priceAtLow = presentValueContinuous(flows, periodicToContinuous(MIN_YIELD, f));
  const priceAtHigh = presentValueContinuous(flows, periodicToContinuous(MAX_YIELD, f));
  if (!(price <= priceAtLow && price >= priceAtHigh)) {
    throw noAnswer(
      `no yield between ${MIN_YIELD * 100}% and ${MAX_YIELD * 100}% gives price ${price} ` +
        `(prices in that range run from ${priceAtHigh.toPrecision(6)} to ${priceAtLow.toPrecision(6)})`,
    );
  }
  const y = solveBracketed(
    (candidate, out) => {
      const lambda = periodicToContinuous(candidate, f);
      out[0] = presentValueContinuous(flows, lambda) - price;
      // dλ/dy = 1 / (1 + y/f)
      out[1] = -durationWeightedValue(flows, lambda) / (1 + candidate / f);
    },
    MIN_YIELD,
    MAX_YIELD,
    { what: "bond yield" },
  );
  return finiteResult("bond yield", y);
}
