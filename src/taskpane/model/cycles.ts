/**
 * Words for the "Then vs now" view (CyclesTab): the class and outcome groups of
 * src/data/cycles.ts as the pane says them, and how a share with gaps reads.
 */
import type { CycleClassGroup, CycleOutcomeGroup } from "../../data";
import { fraction } from "./format";

export const CYCLE_CLASS_LABELS: Record<CycleClassGroup, string> = {
  convertible: "Convertible notes",
  secured_notes: "Secured notes",
  loans_and_facilities: "Loans and facilities",
  bitcoin_backed: "Bitcoin-backed",
  equipment_financing: "Equipment financing",
  other: "Other",
};

export const CYCLE_OUTCOME_LABELS: Record<CycleOutcomeGroup, string> = {
  collateral_seized: "Collateral seized",
  restructured: "Restructured",
  converted_to_equity: "Converted to equity",
  defaulted_other: "Defaulted (other)",
  repaid_or_refinanced: "Repaid or refinanced",
  outstanding: "Outstanding",
  outcome_unknown: "Researched, not found",
  not_researched: "Not researched",
};

/** A share as the view shows it: one decimal, or "not known" (never 0 for "nothing to divide"). */
export function shareText(value: number | null): string {
  return value === null ? "not known" : fraction(value, 1);
}
