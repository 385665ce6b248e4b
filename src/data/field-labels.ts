/**
 * Every field's name in analyst words, with its unit where it has one ("Principal at launch
 * ($m)"). For people reading the task pane (the deal view, its term sheet); the field names
 * themselves (FIELDS()) stay the interface of the functions. Amount labels say "$m" because the
 * pane shows amounts in millions; inserted cells keep USD and say so in their own headings.
 */
import type { FieldName } from "./fields";

export const FIELD_LABELS: Readonly<Record<FieldName, string>> = {
  id: "ID",
  issuer: "Issuer",
  borrower: "Borrower (legal obligor)",
  ticker: "Ticker",
  listed: "Listed",
  exchange: "Exchange",
  instrument: "Instrument",
  instrument_class: "Instrument class",
  secured: "Secured",
  collateral: "Collateral",
  announced_date: "Announced",
  priced_date: "Priced",
  closed_date: "Closed",
  quarter: "Quarter",
  cycle: "Cycle",
  new_money: "New money",
  not_new_money_reason: "Why not new money",
  amount_usd: "Amount raised ($m)",
  amount_basis: "Amount basis",
  principal_launch_usd: "Principal at launch ($m)",
  principal_priced_usd: "Principal priced ($m)",
  option_usd: "Purchasers' option ($m)",
  option_exercised_usd: "Option exercised ($m)",
  principal_final_usd: "Final principal ($m)",
  facility_total_usd: "Facility size after amendment ($m)",
  coupon_pct: "Coupon (%)",
  maturity_date: "Maturity",
  conversion_rate_per_1000: "Conversion rate (shares per $1,000)",
  conversion_price_usd: "Conversion price ($ per share)",
  conversion_premium_pct: "Conversion premium (%)",
  reference_price_usd: "Reference share price ($)",
  capped_call_cap_price_usd: "Cap price ($ per share)",
  capped_call_cap_premium_pct: "Cap premium (%)",
  capped_call_cost_usd: "Capped call cost ($m)",
  settlement: "Settlement",
  net_proceeds_usd: "Net proceeds ($m)",
  net_proceeds_with_option_usd: "Net proceeds with option ($m)",
  use_of_proceeds: "Use of proceeds (as stated)",
  use_category: "Use of proceeds (category)",
  lender_or_counterparty: "Lender or counterparty",
  outcome: "Outcome",
  outcome_note: "How the outcome is known",
  outcome_date: "Outcome date",
  confidence: "Confidence",
  derived: "Derived by arithmetic",
  notes: "Notes",
  source_url: "Source",
  source_count: "Number of sources",
  counts_in_sums: "Counts in sums",
  origin: "Origin (dataset or your table)",
};

export function fieldLabel(name: FieldName): string {
  return FIELD_LABELS[name];
}
