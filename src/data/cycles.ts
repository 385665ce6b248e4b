/**
 * "Then vs now": the 2020–22 cycle beside the 2023– cycle, one summary per `cycle` over the
 * financings that count under the aggregation rule (SPEC §3: new money, listed, amount known).
 * CYCLES() and the task pane's "Then vs now" view read these figures; docs/data.md states each
 * figure's rule. Shares are fractions of an amount; a figure whose inputs are partly unknown
 * comes with the share of the amount for which they are known, and is null when nothing is
 * known (or there is nothing to divide by) — never 0 in place of "not known".
 */
import { countedFinancings } from "./aggregate";
import { bundledView } from "./dataset";
import type { DatasetView } from "./view";
import { collateralKind } from "./collateral";
import { normaliseQuery } from "./query";
import { CYCLES, type Cycle, type FinancingCore, type InstrumentClass, type Outcome } from "./types";
import { fromPairs } from "./es2016";

/** The instrument-class columns: every class is in exactly one, so the shares add up to 1. */
export const CYCLE_CLASS_GROUPS = [
  ["convertible", ["convertible"]],
  ["secured_notes", ["secured_notes"]],
  ["loans_and_facilities", ["loan", "credit_facility"]],
  ["bitcoin_backed", ["bitcoin_backed_loan"]],
  ["equipment_financing", ["equipment_financing"]],
  ["other", ["unsecured_notes", "convertible_preferred", "other"]],
] as const satisfies readonly (readonly [string, readonly InstrumentClass[]])[];
export type CycleClassGroup = (typeof CYCLE_CLASS_GROUPS)[number][0];

/** The outcome columns: every outcome value (and "none recorded") is in exactly one. */
export const CYCLE_OUTCOME_GROUPS = [
  ["collateral_seized", ["defaulted_collateral_seized"]],
  ["restructured", ["restructured"]],
  ["converted_to_equity", ["converted_to_equity"]],
  ["defaulted_other", ["defaulted_other"]],
  ["repaid_or_refinanced", ["repaid", "refinanced"]],
  ["outstanding", ["outstanding"]],
  // Researched, and the sources do not say what became of it.
  ["outcome_unknown", ["unknown"]],
  // outcome null: not researched.
  ["not_researched", [null]],
] as const satisfies readonly (readonly [string, readonly (Outcome | null)[]])[];
export type CycleOutcomeGroup = (typeof CYCLE_OUTCOME_GROUPS)[number][0];

export interface CycleSummary {
  /** The record's `cycle`; null for counted financings with no cycle in the data (a row only when there are any). */
  cycle: Cycle | null;
  financings: number;
  amountUsd: number;
  /** Fraction of amountUsd by class group (null when amountUsd is 0). */
  classShares: Record<CycleClassGroup, number | null>;
  /** Zero-coupon convertibles ÷ convertibles whose coupon is known (by amount). */
  zeroCouponShare: number | null;
  /** Convertibles whose coupon is known ÷ all convertibles (by amount). */
  convertibleCouponKnownShare: number | null;
  /** Amount-weighted average coupon, as a fraction, over financings whose coupon is known. */
  weightedCoupon: number | null;
  /** Financings whose coupon is known ÷ all (by amount). */
  couponKnownShare: number | null;
  /** Secured by mining machines or bitcoin ÷ all (by amount); unknown collateral is not in it. */
  miningOrBitcoinCollateralShare: number | null;
  /** Financings whose collateral (or that there is none) is known ÷ all (by amount). */
  collateralKnownShare: number | null;
  /** use_category "ai_hpc" ÷ all (by amount); unknown use is not in it. */
  aiHpcUseShare: number | null;
  /** Financings whose use_category is known ÷ all (by amount). */
  useKnownShare: number | null;
  /** Ids of the financings in each outcome group, oldest first. */
  outcomes: Record<CycleOutcomeGroup, string[]>;
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

const hasCoupon = (record: FinancingCore): boolean => record.coupon_pct !== null;

function summarise(cycle: Cycle | null, records: readonly FinancingCore[]): CycleSummary {
  // Amount of the records (of `list`) that pass `keep`; every counted record has an amount.
  const sum = (keep: (record: FinancingCore) => boolean, list = records): number =>
    list.reduce((total, record) => (keep(record) ? total + (record.amount_usd as number) : total), 0);
  const amount = sum(() => true);
  const of = (keep: (record: FinancingCore) => boolean): number | null => ratio(sum(keep), amount);
  const convertibles = records.filter((record) => record.instrument_class === "convertible");
  const convertibleCouponKnown = sum(hasCoupon, convertibles);
  const couponKnown = sum(hasCoupon);
  // coupon_pct is a percent number: weight, then ÷ 100 once for the fraction.
  const weighted = records.reduce((total, record) => total + (record.amount_usd as number) * (record.coupon_pct ?? 0), 0);
  return {
    cycle,
    financings: records.length,
    amountUsd: amount,
    classShares: fromPairs(
      CYCLE_CLASS_GROUPS.map(([group, classes]) => [group, of((record) => (classes as readonly string[]).includes(record.instrument_class))]),
    ) as Record<CycleClassGroup, number | null>,
    zeroCouponShare: ratio(sum((record) => record.coupon_pct === 0, convertibles), convertibleCouponKnown),
    convertibleCouponKnownShare: ratio(convertibleCouponKnown, sum(() => true, convertibles)),
    weightedCoupon: couponKnown === 0 ? null : weighted / couponKnown / 100,
    couponKnownShare: of(hasCoupon),
    miningOrBitcoinCollateralShare: of((record) => collateralKind(record) === "mining_or_bitcoin"),
    collateralKnownShare: of((record) => collateralKind(record) !== "unknown"),
    aiHpcUseShare: of((record) => record.use_category === "ai_hpc"),
    useKnownShare: of((record) => record.use_category !== null),
    outcomes: fromPairs(
      CYCLE_OUTCOME_GROUPS.map(([group, outcomes]) => [group, records.filter((record) => (outcomes as readonly (Outcome | null)[]).includes(record.outcome)).map((record) => record.id)]),
    ) as Record<CycleOutcomeGroup, string[]>,
  };
}

/**
 * One summary per cycle, "2020-2022" first, over every financing that counts (undated ones
 * included: a cycle is not a period); then one for counted financings without a cycle, if any.
 */
export function cycleSummaries(view: DatasetView = bundledView()): CycleSummary[] {
  const counted = countedFinancings(normaliseQuery({}, view), view);
  const rows = CYCLES.map((cycle) => summarise(cycle, counted.filter((record) => record.cycle === cycle)));
  const without = counted.filter((record) => record.cycle === null);
  if (without.length > 0) rows.push(summarise(null, without));
  return rows;
}

/** A cycle as people read it: "2020-2022", "2023 onward", "cycle not stated". */
export function cycleLabel(cycle: Cycle | null): string {
  return cycle === null ? "cycle not stated" : cycle === "2023-" ? "2023 onward" : cycle;
}
