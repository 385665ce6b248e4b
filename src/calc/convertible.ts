/**
 * Convertible bond value per 100 face: a Cox–Ross–Rubinstein binomial tree with the
 * Tsiveriotis–Fernandes (1998) split of the value into a cash-only part (paid in cash by the
 * issuer: redemption, coupons, put and call cash — carries the issuer's credit risk, discounted
 * at rate + credit spread) and an equity part (delivered in shares — discounted at the risk-free
 * rate).
 *
 * As in QuantLib, the instrument (ConvertibleTerms: what the notes promise) is plain data, kept
 * apart from the market (ConvertibleMarket) and the pricing engine (priceConvertible: the tree).
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
 *   When call_from_years falls between nodes the node before it is callable in part.
 * - holder put at par (100) at the node nearest put_years; coupons dated on or before the put
 *   date are the holder's even when they are credited at a later node (a put on a coupon date
 *   pays par plus that coupon).
 * - no accrued interest is paid on call, put or conversion (prices are full/dirty, as BONDFLOOR's).
 * Numerical choices that make the price converge smoothly as `steps` grows (each explained where
 * it is made): the lattice is placed so the call trigger lies on a lattice level; the last step
 * before maturity is priced in closed form; the split at the put boundary is cell-averaged;
 * nodes more than 8 standard deviations from the expected path are not updated.
 */
import { invalidArgument, isMinerDebtError, noAnswer } from "../errors";
import { MAX_ABS_RATE, MAX_VOLATILITY } from "./bsm";
import { CouponFrequency, bondCashflows, checkFrequency, presentValueContinuous } from "./bond";
import { normalCdf } from "./normal";
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
let conversionLadder = new Float64Array(0); // conversion value at each lattice level
let couponByStep = new Float64Array(0); // coupon cash credited at each step

function ensureCapacity(treeSteps: number): void {
  if (treeSteps <= capacity) return;
  capacity = treeSteps;
  equityValue = new Float64Array(treeSteps + 1);
  cashValue = new Float64Array(treeSteps + 1);
  conversionLadder = new Float64Array(2 * treeSteps + 1);
  couponByStep = new Float64Array(treeSteps + 1);
}

/**
 * At the put date the holder puts where holding is worth less than par, and the cash part jumps
 * there from the hold split to par. Value is continuous across that boundary but the split is
 * not, and the two parts are discounted at different rates: a digital-like error that makes the
 * price oscillate with `steps`. Each node stands for the cell of log prices around it (±1
 * level); the two nodes on either side of the boundary get the split of their cell average: the
 * boundary is located by linear interpolation of hold − par, and the node's equity part is its
 * hold equity part times the share of the cell where the holder keeps the note. Values (the
 * sum of the parts) are left as computed.
 */
function smoothPutBoundary(
  equity: Float64Array,
  cash: Float64Array,
  step: number,
  putCash: number,
  lowNode: number,
  lowHold: number,
  lowHoldEquity: number,
  conversion: Float64Array,
  ladderBase: number,
): void {
  const highNode = lowNode + 1;
  if (lowNode < 0 || highNode > step || equity[lowNode] !== 0) return;
  const highValue = equity[highNode] + cash[highNode];
  // Smooth only a put/hold boundary; above it the holder must be holding, not converting.
  if (conversion[ladderBase + 2 * highNode] >= highValue) return;
  const lowGap = putCash - lowHold; // > 0
  const highGap = highValue - putCash; // ≥ 0
  const boundary = lowGap / (lowGap + highGap); // fraction of the way from lowNode to highNode
  if (boundary < 0.5) {
    // The boundary is inside the low node's cell: it keeps the note on part of it.
    const keptShare = 0.5 - boundary;
    equity[lowNode] = keptShare * lowHoldEquity;
    cash[lowNode] -= equity[lowNode];
  } else {
    // Inside the high node's cell: part of it is put.
    const putShare = boundary - 0.5;
    const heldEquity = equity[highNode];
    equity[highNode] = (1 - putShare) * heldEquity;
    cash[highNode] += putShare * heldEquity;
  }
}

/**
 * Nodes further than this many standard deviations (of the ladder index, ≈ √steps after
 * `steps` steps) from the expected path are not updated: they are reached with probability
 * below e^(−8²/2) ≈ 1e−14, so what they hold (the value of a neighbouring node a step or more
 * later) cannot move the price by more than rounding, and skipping them halves the work of a
 * 500-step tree.
 */
const BAND_WIDTH = 8;

/** Steps the lattice starts before today, so that today has three nodes (price, delta, gamma). */
const LEAD_STEPS = 2;

/**
 * Value per 100 face by the CRR/Tsiveriotis–Fernandes tree.
 *
 * Lattice placement. The tree starts LEAD_STEPS steps before today (Pelsser & Vorst's extended
 * tree), so today has three nodes S·d², S, S·u² and the value, dV/dS and d²V/dS² at the share
 * price come from the quadratic through them. Without a soft call the middle node is the share
 * price itself and the value is that node's. With a soft call the lattice is shifted by at most
 * half a level so that the trigger price lies exactly on a lattice level: a binomial path cannot
 * skip a level, so "the share price reached the trigger" is then exact, whereas a trigger
 * between levels acts as if it sat on the next level up, an O(σ√dt) error that makes the price
 * jump about as `steps` changes (Boyle & Lau 1994, "Bumping up against the barrier with the
 * binomial method"). Today's value is then interpolated back to the actual share price.
 *
 * `slopes`, if given (length ≥ 2), receives dV/dS and d²V/dS² per 100 face at the share price.
 */
export function priceConvertible(
  terms: ConvertibleTerms,
  market: ConvertibleMarket,
  steps: number,
  slopes: Float64Array | null = null,
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
  const treeSteps = steps + LEAD_STEPS;

  // Where the lattice sits, and the ladder index of the trigger (see above). Ladder index
  // treeSteps is the lattice root's level; node (J, i) — step J, i up-moves — is on
  // treeSteps + 2i − J. A hard call (trigger 0) is at −∞: every node is callable.
  let latticeShare = sharePrice;
  let callLevelIndex = Number.POSITIVE_INFINITY;
  if (terms.callFromYears !== null) {
    const triggerShare = terms.callTrigger * conversionPrice;
    if (triggerShare > 0) {
      const levelsAbove = Math.round(Math.log(triggerShare / sharePrice) / jump);
      latticeShare = triggerShare * Math.exp(-levelsAbove * jump);
      callLevelIndex = treeSteps + levelsAbove;
    } else {
      callLevelIndex = Number.NEGATIVE_INFINITY;
    }
  }

  ensureCapacity(treeSteps);
  const equity = equityValue;
  const cash = cashValue;
  const conversion = conversionLadder;
  const coupons = couponByStep;

  const conversionAtRoot = ratio * latticeShare;
  for (let k = 0; k <= 2 * treeSteps; k++) {
    conversion[k] = conversionAtRoot * Math.exp((k - treeSteps) * jump);
  }
  if (!Number.isFinite(conversion[2 * treeSteps])) {
    throw noAnswer("the share price tree overflows; reduce steps, volatility or years");
  }

  // Calls are allowed from the first node at or after call_from_years. When that date falls
  // between nodes, the node before it is made callable in part (weight = how close the date is
  // to it), to first order the average of the two trees with the call starting on either node;
  // without this the price steps by O(dt) whenever the date crosses a node as `steps` changes.
  let callStep = treeSteps + 1;
  let partialCallWeight = 0;
  if (terms.callFromYears !== null) {
    const exactStep = terms.callFromYears / dt;
    const firstStep = Math.ceil(exactStep - 1e-9);
    callStep = firstStep + LEAD_STEPS;
    partialCallWeight = firstStep - exactStep > 1e-9 ? firstStep - exactStep : 0;
  }
  // The put is exercised at the node nearest put_years.
  const putStep = terms.putYears === null ? -1 : Math.round(terms.putYears / dt) + LEAD_STEPS;

  // Step J is at time (J − LEAD_STEPS)·dt. Coupons: see the module comment. A coupon credited at
  // a node after the put (or partial call) node but dated on or before the put date (call
  // date) is still the holder's when the note is put (called): it is added, discounted, to the
  // cash the holder then receives; a coupon credited at the put node but dated after the put
  // date is taken out of it. So a put on a coupon date pays par plus that coupon, whichever
  // node the two dates round to.
  coupons.fill(0, 0, treeSteps + 1);
  let putCash = par;
  let partialCallCoupons = 0;
  if (terms.couponRate > 0) {
    const flows = bondCashflows(terms.couponRate, years, frequency, par);
    const coupon = (par * terms.couponRate) / frequency;
    const cashRate = rate + creditSpread;
    for (let k = 0; k < flows.times.length; k++) {
      const t = flows.times[k];
      const step = Math.min(steps, Math.max(1, Math.ceil(t / dt - 1e-9))) + LEAD_STEPS;
      const stepTime = (step - LEAD_STEPS) * dt;
      coupons[step] += coupon * Math.exp(cashRate * (stepTime - t));
      if (terms.putYears !== null) {
        const putTime = (putStep - LEAD_STEPS) * dt;
        if (step > putStep && t <= terms.putYears + 1e-9) putCash += coupon * Math.exp(-cashRate * (t - putTime));
        if (step === putStep && t > terms.putYears + 1e-9) putCash -= coupon * Math.exp(cashRate * (stepTime - t));
      }
      if (partialCallWeight > 0 && step === callStep && terms.callFromYears !== null && t <= terms.callFromYears + 1e-9) {
        partialCallCoupons += coupon * Math.exp(-cashRate * (t - (callStep - 1 - LEAD_STEPS) * dt));
      }
    }
  }

  // The last step before maturity is valued in closed form (Broadie & Detemple's "binomial
  // Black–Scholes"): at maturity the holder takes max(par, conversion value), so the cash part
  // jumps from par to 0 where the share crosses the conversion price. Discounted at different
  // rates, that jump is a digital payoff, which a plain tree prices with an odd/even O(1/√N)
  // oscillation; over one lognormal step it is exact: cash = par·Φ(−d2) (plus the last coupon),
  // equity = conversion value·e^(−q·dt)·Φ(d1).
  const lastStep = treeSteps - 1;
  const lastCoupon = coupons[treeSteps];
  const lastDrift = (rate - dividendYield - (volatility * volatility) / 2) * dt;
  const dividendDiscount = Math.exp(-dividendYield * dt);

  // Expected ladder move per step (a path's ladder index moves ±1).
  const drift = 2 * probabilityUp - 1;
  let putEdgeNode = -1;
  let putEdgeHold = 0;
  let putEdgeHoldEquity = 0;
  // The last step's continuation, written where the main loop reads a node's own value: for
  // that column it takes weight 1 on the node itself ("below") and 0 on the node above.
  for (let i = 0; i <= lastStep; i++) {
    const conversionValue = conversion[1 + 2 * i];
    const d2 = (Math.log(conversionValue / par) + lastDrift) / jump;
    // Beyond ±9 standard deviations Φ is 0 or 1 to double precision: skip the two erfc calls.
    const cashProbability = d2 > 9 ? 0 : d2 < -9 - jump ? 1 : normalCdf(-d2);
    const equityProbability = d2 > 9 ? 1 : d2 < -9 - jump ? 0 : normalCdf(d2 + jump);
    cash[i] = cashDiscount * (par * cashProbability + lastCoupon);
    equity[i] = conversionValue * dividendDiscount * equityProbability;
  }

  for (let j = lastStep; j >= LEAD_STEPS; j--) {
    const analytic = j === lastStep;
    const stepCashUp = analytic ? 0 : cashUp;
    const stepCashDown = analytic ? 1 : cashDown;
    const stepEquityUp = analytic ? 0 : equityUp;
    const stepEquityDown = analytic ? 1 : equityDown;
    const coupon = coupons[j];
    const putHere = j === putStep;
    const ladderBase = treeSteps - j; // ladder index of node (j, i) is ladderBase + 2i
    // Nodes from firstCalledNode up are at or above the trigger, once the call period started.
    const callWeight = j >= callStep ? 1 : j === callStep - 1 ? partialCallWeight : 0;
    const callCoupons = j === callStep - 1 ? partialCallCoupons : 0;
    const firstCalledNode = callWeight > 0 ? Math.ceil((callLevelIndex - ladderBase) / 2) : j + 1;
    // Only nodes within BAND_WIDTH standard deviations of the expected path from the lattice
    // root are updated (the whole column near the root and at the last step); see BAND_WIDTH.
    const bandCentre = treeSteps + drift * j;
    const bandHalfWidth = analytic ? Number.POSITIVE_INFINITY : BAND_WIDTH * Math.sqrt(j) + LEAD_STEPS;
    const firstNode = Math.max(0, Math.ceil((bandCentre - bandHalfWidth - ladderBase) / 2));
    const lastNode = Math.min(j, Math.floor((bandCentre + bandHalfWidth - ladderBase) / 2));
    // Walk up the column carrying the lower child in locals: one read of each array per node.
    let equityBelow = equity[firstNode];
    let cashBelow = cash[firstNode];
    for (let i = firstNode; i <= lastNode; i++) {
      const conversionValue = conversion[ladderBase + 2 * i];
      const equityAbove = equity[i + 1];
      const cashAbove = cash[i + 1];
      // Tsiveriotis–Fernandes: cash part at rate + spread, equity part at rate.
      let cashPart = stepCashUp * cashAbove + stepCashDown * cashBelow;
      let equityPart = stepEquityUp * equityAbove + stepEquityDown * equityBelow;
      equityBelow = equityAbove;
      cashBelow = cashAbove;
      let value = cashPart + equityPart;
      if (i >= firstCalledNode) {
        // The issuer calls when holding is worth more than what a call forces; the holder then
        // takes max(par, conversion value) — shares if conversion is worth more.
        const forcedEquity = conversionValue > par ? conversionValue : 0;
        const forcedCash = (conversionValue > par ? 0 : par) + callCoupons;
        const forced = forcedEquity + forcedCash;
        if (value > forced) {
          value += callWeight * (forced - value);
          equityPart += callWeight * (forcedEquity - equityPart);
          cashPart += callWeight * (forcedCash - cashPart);
        }
      }
      if (putHere && value < putCash) {
        // Remember the highest put node's hold split for the smoothing below.
        putEdgeNode = i;
        putEdgeHold = value;
        putEdgeHoldEquity = equityPart;
        value = putCash;
        equityPart = 0;
        cashPart = putCash;
      }
      if (conversionValue > value) {
        equityPart = conversionValue;
        cashPart = 0;
      }
      equity[i] = equityPart;
      cash[i] = cashPart + coupon;
    }
    if (putHere) {
      smoothPutBoundary(equity, cash, j, putCash, putEdgeNode, putEdgeHold, putEdgeHoldEquity, conversion, ladderBase);
    }
  }

  // Today's three nodes, and the quadratic through them (Newton's divided differences).
  const shareLow = latticeShare * down * down;
  const shareHigh = latticeShare * up * up;
  const valueLow = equity[0] + cash[0];
  const valueMiddle = equity[1] + cash[1];
  const valueHigh = equity[2] + cash[2];
  const slopeLow = (valueMiddle - valueLow) / (latticeShare - shareLow);
  const slopeHigh = (valueHigh - valueMiddle) / (shareHigh - latticeShare);
  const curvature = (slopeHigh - slopeLow) / (shareHigh - shareLow);
  let value =
    latticeShare === sharePrice
      ? valueMiddle
      : valueLow +
        slopeLow * (sharePrice - shareLow) +
        curvature * (sharePrice - shareLow) * (sharePrice - latticeShare);
  if (slopes !== null) {
    slopes[0] = slopeLow + curvature * (2 * sharePrice - shareLow - latticeShare);
    slopes[1] = 2 * curvature;
  }
  // The interpolated value still obeys today's rights: call, put, conversion.
  const conversionToday = ratio * sharePrice;
  if (LEAD_STEPS >= callStep && Math.log((terms.callTrigger * conversionPrice) / sharePrice) <= 0) {
    value = Math.min(value, Math.max(par, conversionToday));
  }
  if (putStep === LEAD_STEPS) value = Math.max(value, putCash);
  return Math.max(value, conversionToday);
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

const treeSlopes = new Float64Array(2);

/** CBGREEKS: price, parity, premium, bond floor, delta, gamma, vega. */
export function cbGreeks(params: CbParams): CbGreeks {
  const { terms, market, steps } = checkConvertible(params);
  const price = priceConvertible(terms, market, steps, treeSlopes);
  const ratio = CB_FACE / terms.conversionPrice;
  const s0 = market.sharePrice;
  // Delta and gamma from today's three lattice nodes (no repricing noise); see priceConvertible.
  const [dvds, d2vds2] = treeSlopes;
  const vega = bumpVega(terms, market, steps);
  const parity = ratio * s0;
  const bondFloor = convertibleBondFloor(terms, market);
  return {
    price: finiteResult("convertible price", price),
    parity: finiteResult("parity", parity),
    premium: finiteResult("premium", price / parity - 1),
    bondFloor: finiteResult("bond floor", bondFloor),
    delta: finiteResult("delta", dvds / ratio),
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
  const priceAt = (volatility: number): number | null => {
    try {
      return priceConvertible(terms, { ...market, volatility }, steps);
    } catch (error) {
      if (isMinerDebtError(error) && error.code === "NUM") return null;
      throw error;
    }
  };
  const upSigma = sigma + VEGA_BUMP <= MAX_VOLATILITY ? sigma + VEGA_BUMP : sigma;
  const downSigma = sigma - VEGA_BUMP > 0 ? sigma - VEGA_BUMP : sigma;
  const base = upSigma === sigma || downSigma === sigma ? priceAt(sigma) : null;
  const up = upSigma === sigma ? base : priceAt(upSigma);
  const down = downSigma === sigma ? base : priceAt(downSigma);
  // Central where both bumps price, else one-sided from the base volatility.
  if (up !== null && down !== null && upSigma !== downSigma) {
    return ((up - down) / (upSigma - downSigma)) * VEGA_BUMP;
  }
  const centre = base ?? priceAt(sigma);
  if (up !== null && centre !== null && upSigma !== sigma) return ((up - centre) / (upSigma - sigma)) * VEGA_BUMP;
  if (down !== null && centre !== null && downSigma !== sigma) return ((centre - down) / (sigma - downSigma)) * VEGA_BUMP;
  throw noAnswer("vega: the tree cannot be repriced at volatility ± 0.01 for these inputs");
}
