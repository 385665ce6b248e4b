/**
 * Words the pane shows for the dataset's codes. Display only: filters, plans and formulas
 * always use the codes themselves ("convertible", "ai_hpc"), which are what MINERDEBT
 * functions accept.
 */
import type { FieldName, InstrumentClass, Instrument, Outcome, Settlement, UseCategory } from "../../data";

export const INSTRUMENT_CLASS_LABELS: Record<InstrumentClass, string> = {
  convertible: "Convertible notes",
  convertible_preferred: "Convertible preferred",
  secured_notes: "Secured notes",
  unsecured_notes: "Unsecured notes",
  loan: "Loan",
  credit_facility: "Credit facility",
  bitcoin_backed_loan: "Bitcoin-backed loan",
  equipment_financing: "Equipment financing",
  other: "Other",
};

export const INSTRUMENT_LABELS: Record<Instrument, string> = {
  convertible_senior_notes: "Convertible senior notes",
  convertible_secured_notes: "Convertible secured notes",
  convertible_notes: "Convertible notes",
  exchangeable_notes: "Exchangeable notes",
  senior_secured_notes: "Senior secured notes",
  senior_notes: "Senior notes",
  term_loan: "Term loan",
  credit_facility: "Credit facility",
  btc_backed_credit_facility: "BTC-backed credit facility",
  equipment_financing: "Equipment financing",
  preferred_stock: "Preferred stock",
  other: "Other",
};

export const USE_LABELS: Record<UseCategory | "unspecified", string> = {
  ai_hpc: "AI / HPC",
  btc_mining: "Bitcoin mining",
  bitcoin_purchase: "Bitcoin purchase",
  refinancing: "Refinancing",
  general: "General corporate",
  mixed: "Mixed",
  unspecified: "Not stated",
};

export const SETTLEMENT_LABELS: Record<Settlement, string> = {
  cash_shares_or_combination: "Cash, shares or a combination (issuer's election)",
  cash_up_to_principal_then_cash_or_shares: "Principal in cash, excess in cash or shares",
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  repaid: "Repaid",
  refinanced: "Refinanced",
  converted_to_equity: "Converted to equity",
  restructured: "Restructured",
  defaulted_collateral_seized: "Defaulted, collateral seized",
  defaulted_other: "Defaulted",
  outstanding: "Outstanding",
  unknown: "Unknown",
};

/** Column headings for the fields the pane shows or inserts; the unit is part of the heading. */
export const FIELD_HEADINGS: Partial<Record<FieldName, string>> = {
  id: "ID",
  issuer: "Issuer",
  borrower: "Borrower (subsidiary)",
  ticker: "Ticker",
  quarter: "Quarter",
  priced_date: "Priced",
  closed_date: "Closed",
  announced_date: "Announced",
  instrument: "Instrument",
  instrument_class: "Class",
  amount_usd: "Amount (USD, shown $m)",
  amount_basis: "Amount basis",
  coupon_pct: "Coupon",
  maturity_date: "Maturity",
  conversion_price_usd: "Conversion price (USD)",
  conversion_rate_per_1000: "Conversion rate (shares per $1,000)",
  conversion_premium_pct: "Conversion premium",
  reference_price_usd: "Reference price (USD)",
  capped_call_cap_price_usd: "Cap price (USD)",
  use_category: "Use of proceeds",
  secured: "Secured",
  new_money: "New money",
  listed: "Listed",
  counts_in_sums: "In sums",
  source_url: "Source",
};

/** A code as words: "ai_hpc" → "Ai hpc" when no label is known. */
export function humanize(code: string): string {
  const spaced = code.replace(/_/g, " ");
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

export function instrumentClassLabel(code: string): string {
  return (INSTRUMENT_CLASS_LABELS as Record<string, string>)[code] ?? humanize(code);
}

export function useLabel(code: string | null): string {
  return (USE_LABELS as Record<string, string>)[code ?? "unspecified"] ?? humanize(code ?? "");
}

export function instrumentLabel(code: string): string {
  return (INSTRUMENT_LABELS as Record<string, string>)[code] ?? humanize(code);
}

export function fieldHeading(name: FieldName): string {
  return FIELD_HEADINGS[name] ?? humanize(name);
}
