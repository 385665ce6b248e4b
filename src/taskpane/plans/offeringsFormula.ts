/**
 * The OFFERINGS formula for the Explore filters (kept apart from the plan builders so the
 * Explore tab can show it without loading them).
 */
import type { ExploreFilters } from "../model/filters";
import { excelString, minerDebtCall } from "./cells";
import type { FormulaPart } from "./types";

/** OFFERINGS arguments for the filters, or null with the reason when they can't express them. */
export function offeringsArguments(filters: ExploreFilters): { args: (FormulaPart | undefined)[] } | { reason: string } {
  if (filters.useCategory !== null) return { reason: "OFFERINGS has no use-of-proceeds argument" };
  if (filters.cycle !== null) return { reason: "OFFERINGS has no cycle argument" };
  if (filters.includePrivate) return { reason: "OFFERINGS lists listed issuers only" };
  const issuer = filters.issuers.length > 0 ? excelString(filters.issuers.join(",")) : undefined;
  const from = filters.fromQuarter ? excelString(filters.fromQuarter) : undefined;
  const to = filters.toQuarter ? excelString(filters.toQuarter) : undefined;
  const instrumentClass = filters.instrumentClass !== "all" ? excelString(filters.instrumentClass) : undefined;
  return { args: [issuer, from, to, instrumentClass] };
}

/** The OFFERINGS formula text for the filters (as the pane shows it before inserting), or null. */
export function offeringsFormulaText(filters: ExploreFilters): string | null {
  const result = offeringsArguments(filters);
  if ("reason" in result) return null;
  return minerDebtCall("OFFERINGS", result.args).join("");
}

