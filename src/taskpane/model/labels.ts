/**
 * Words the pane shows for the dataset's codes and fields. The words themselves live in
 * src/data (labels.ts: codes; field-labels.ts: fields), shared with FIELDS() and the inserted
 * tables; this module adds the pane's typed helpers. Display only: filters, plans' formulas
 * and MINERDEBT functions always use the codes ("convertible", "ai_hpc").
 */
import { INSTRUMENT_CLASSES, type FieldName, type InstrumentClass } from "../../data";
import { codeLabel, humanize } from "../../data/labels";

export { codeLabel, humanize };
export { FIELD_LABELS, fieldLabel } from "../../data/field-labels";

/** Column headings of inserted tables: the unit is part of the heading (values stay in USD). */
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

export function instrumentClassLabel(code: string): string {
  return codeLabel(code);
}

/** A use-of-proceeds category; null (not categorised) reads "Not stated". */
export function useLabel(code: string | null): string {
  return code === null || code === "unspecified" ? "Not stated" : codeLabel(code);
}

export function instrumentLabel(code: string): string {
  return codeLabel(code);
}

export function fieldHeading(name: FieldName): string {
  return FIELD_HEADINGS[name] ?? humanize(name);
}

/** Every instrument class with its words (for lists and legends). */
export const INSTRUMENT_CLASS_LABELS: Readonly<Record<InstrumentClass, string>> = Object.freeze(
  Object.assign({}, ...INSTRUMENT_CLASSES.map((code) => ({ [code]: codeLabel(code) }))) as Record<InstrumentClass, string>,
);
