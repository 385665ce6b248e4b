/**
 * The OFFERINGS formula for the Explore filters (kept apart from the plan builders so the
 * Explore tab can show it without loading them).
 */
import type { ExploreFilters } from "../model/filters";
import { excelString, minerDebtCall } from "./cells";

/** What a formula passes as `my_deals` when the workbook has the table (its whole range, header included). */
export const MY_DEALS_REFERENCE = "MinerDebtDeals[#All]";
import type { FormulaPart } from "./types";

/**
 * OFFERINGS arguments for the filters, or null with the reason when they can't express them.
 * With `myDeals` (the workbook has a MinerDebtDeals table) the last argument passes it.
 */
export function offeringsArguments(filters: ExploreFilters, myDeals = false): { args: (FormulaPart | undefined)[] } | { reason: string } {
  if (filters.useCategory !== null) return { reason: "OFFERINGS has no use-of-proceeds argument" };
  if (filters.cycle !== null) return { reason: "OFFERINGS has no cycle argument" };
  if (filters.includePrivate) return { reason: "OFFERINGS lists listed issuers only" };
  const issuer = filters.issuers.length > 0 ? excelString(filters.issuers.join(",")) : undefined;
  const from = filters.fromQuarter ? excelString(filters.fromQuarter) : undefined;
  const to = filters.toQuarter ? excelString(filters.toQuarter) : undefined;
  const instrumentClass = filters.instrumentClass !== "all" ? excelString(filters.instrumentClass) : undefined;
  return { args: myDeals ? [issuer, from, to, instrumentClass, undefined, undefined, undefined, MY_DEALS_REFERENCE] : [issuer, from, to, instrumentClass] };
}

/** The OFFERINGS formula text for the filters (as the pane shows it before inserting), or null. */
export function offeringsFormulaText(filters: ExploreFilters, myDeals = false): string | null {
  const result = offeringsArguments(filters, myDeals);
  if ("reason" in result) return null;
  return minerDebtCall("OFFERINGS", result.args).join("");
}

