// MINERDEBT.CYCLES: the 2020–22 borrowing cycle beside the 2023– one, as a table. The figures
// are src/data/cycles.ts's (rules in docs/data.md); this file only lays them out as cells.
// The class shares come right after the cycle, so the first seven columns chart as a 100%
// stacked bar as they stand (the pane's "Insert comparison" does that).
import { CYCLE_CLASS_GROUPS, CYCLE_OUTCOME_GROUPS, cycleLabel, cycleSummaries, parseUnits } from "../data";
import { dealsView, flag, single } from "./arguments";
import { excel, type CellValue } from "./excel-errors";

const OF_AMOUNT = " (fraction of amount)";

/**
 * The 2020-2022 cycle beside 2023 onward: one row per cycle with share by instrument class, financings, amount, coupon, collateral, use and outcome counts.
 * @customfunction
 * @param headers TRUE (default) for a header row (each header names its unit); FALSE for data only.
 * @param units The amount column in "USD" (default), "USDm" (millions) or "USDbn" (billions). Shares are fractions whatever the units.
 * @param my_deals Your own financings: a range with a header row of field names, normally MinerDebtDeals[#All] (the task pane creates the table). A row whose id is in the dataset replaces that record; a new id adds one.
 * @returns A table that spills: cycle, six class shares, financings, amount, zero-coupon share of convertibles, weighted coupon, collateral and AI/HPC shares (each with the share known), eight outcome counts; blank where nothing is known.
 */
export function cycles(headers?: any, units?: any, my_deals?: any[][]): any[][] {
  return excel("CYCLES", () => {
    const view = dealsView(my_deals);
    const withHeader = flag(headers, "headers", true);
    const unit = parseUnits(single(units, "units"));
    const share = (value: number | null): CellValue => value ?? "";
    const rows = cycleSummaries(view).map((row): CellValue[] => [
      cycleLabel(row.cycle),
      ...CYCLE_CLASS_GROUPS.map(([group]) => share(row.classShares[group])),
      row.financings,
      row.amountUsd / unit.divisor,
      share(row.zeroCouponShare),
      share(row.convertibleCouponKnownShare),
      share(row.weightedCoupon),
      share(row.couponKnownShare),
      share(row.miningOrBitcoinCollateralShare),
      share(row.collateralKnownShare),
      share(row.aiHpcUseShare),
      share(row.useKnownShare),
      ...CYCLE_OUTCOME_GROUPS.map(([group]) => row.outcomes[group].length),
    ]);
    if (!withHeader) return rows;
    const header = [
      "cycle",
      ...CYCLE_CLASS_GROUPS.map(([group]) => group + OF_AMOUNT),
      "financings (count)",
      `amount (${unit.name})`,
      "zero_coupon (fraction of convertibles with known coupon)",
      "convertible_coupon_known (fraction of convertibles)",
      "weighted_coupon (fraction, amount-weighted)",
      "coupon_known" + OF_AMOUNT,
      "mining_or_bitcoin_collateral" + OF_AMOUNT,
      "collateral_known" + OF_AMOUNT,
      "ai_hpc_use" + OF_AMOUNT,
      "use_known" + OF_AMOUNT,
      ...CYCLE_OUTCOME_GROUPS.map(([group]) => `${group} (count)`),
    ];
    return [header, ...rows];
  });
}
