/**
 * The dataset's typed model. Field names are the JSONL field names (snake_case) on purpose:
 * they are also the names analysts type into FIELDS()/DEAL()/OFFERINGS(), so one spelling
 * runs from the file to the cell. Enumerations are closed: validation rejects any other value.
 */

export const INSTRUMENTS = [
  "convertible_senior_notes",
  "convertible_secured_notes",
  "convertible_notes",
  "exchangeable_notes",
  "senior_secured_notes",
  "senior_notes",
  "term_loan",
  "credit_facility",
  "btc_backed_credit_facility",
  "equipment_financing",
  "preferred_stock",
  "other",
] as const;
export type Instrument = (typeof INSTRUMENTS)[number];

export const INSTRUMENT_CLASSES = [
  "convertible",
  "convertible_preferred",
  "secured_notes",
  "unsecured_notes",
  "loan",
  "credit_facility",
  "bitcoin_backed_loan",
  "equipment_financing",
  "other",
] as const;
export type InstrumentClass = (typeof INSTRUMENT_CLASSES)[number];

export const USE_CATEGORIES = [
  "ai_hpc",
  "btc_mining",
  "bitcoin_purchase",
  "refinancing",
  "general",
  "mixed",
] as const;
export type UseCategory = (typeof USE_CATEGORIES)[number];

export const SETTLEMENTS = [
  "cash_shares_or_combination",
  "cash_up_to_principal_then_cash_or_shares",
] as const;
export type Settlement = (typeof SETTLEMENTS)[number];

export const AMOUNT_BASES = [
  "issued_incl_option",
  "priced",
  "commitment",
  "commitment_increment",
  "drawn",
] as const;
export type AmountBasis = (typeof AMOUNT_BASES)[number];

export const CYCLES = ["2020-2022", "2023-"] as const;
export type Cycle = (typeof CYCLES)[number];

export const OUTCOMES = [
  "repaid",
  "refinanced",
  "converted_to_equity",
  "restructured",
  "defaulted_collateral_seized",
  "defaulted_other",
  "outstanding",
  "unknown",
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const CONFIDENCES = ["high", "medium", "low"] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** How a published sector figure is stated: "record" ($4.6B, a record), "under" (< $200M), … */
export const QUALIFIERS = ["record", "under", "approx", "estimate_up_to", "stated"] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** A source as the task pane shows it. `date` is an ISO date, month or year, or null. */
export interface Source {
  url: string;
  publisher: string;
  title: string | null;
  date: string | null;
}

/** A link to a source: what SOURCE(id, n) and REPORTED need. */
export interface SourceLink {
  url: string;
}

/**
 * The stored fields loaded on every workbook open (the CORE tier). Source URLs are a tier of
 * their own (LINKS, src/data/links.ts) and long text is DETAIL (src/data/detail.ts).
 */
export interface FinancingCore {
  id: string;
  /** The public company (the parent), its legal name when the deal priced. */
  issuer: string;
  /** The subsidiary or vehicle that is the legal obligor, where a source names one. */
  borrower: string | null;
  ticker: string | null;
  listed: boolean;
  exchange: string | null;
  instrument: Instrument;
  instrument_class: InstrumentClass;
  secured: boolean | null;
  collateral: string | null;
  announced_date: string | null;
  priced_date: string | null;
  closed_date: string | null;
  quarter: string | null;
  cycle: Cycle | null;
  new_money: boolean;
  not_new_money_reason: string | null;
  amount_usd: number | null;
  amount_basis: AmountBasis | null;
  principal_launch_usd: number | null;
  principal_priced_usd: number | null;
  option_usd: number | null;
  option_exercised_usd: number | null;
  principal_final_usd: number | null;
  facility_total_usd: number | null;
  coupon_pct: number | null;
  maturity_date: string | null;
  conversion_rate_per_1000: number | null;
  conversion_price_usd: number | null;
  conversion_premium_pct: number | null;
  reference_price_usd: number | null;
  capped_call_cap_price_usd: number | null;
  capped_call_cap_premium_pct: number | null;
  capped_call_cost_usd: number | null;
  settlement: Settlement | null;
  net_proceeds_usd: number | null;
  net_proceeds_with_option_usd: number | null;
  use_category: UseCategory | null;
  lender_or_counterparty: string | null;
  outcome: Outcome | null;
  /** ISO date, or ISO month ("2023-02") where the source gives only the month. */
  outcome_date: string | null;
  confidence: Confidence;
}

/** Long text kept out of the functions bundle (the DETAIL tier, lazy-loaded by the task pane). */
export interface FinancingDetail {
  use_of_proceeds: string | null;
  outcome_note: string | null;
  notes: string | null;
  /** Fields computed by exact arithmetic from stated values, each described in a sentence. */
  derived: readonly string[];
}

/** One line of financings.jsonl: every field. */
export interface Financing extends FinancingCore, FinancingDetail {
  sources: readonly Source[];
}

export type DetailFieldName = keyof FinancingDetail;

/** A published sector figure, as cell functions need it. */
export interface SectorFigureCore {
  metric: string;
  scope: string;
  /** "2024Q4", "2024", or a description such as "as of ~2022-12" or "2022H1". */
  period: string;
  value: number;
  qualifier: Qualifier;
  confidence: Confidence;
  source: SourceLink;
}

/** One line of sector-aggregates.jsonl. */
export interface SectorFigure extends Omit<SectorFigureCore, "source"> {
  source: Source;
  quote: string | null;
  additional_sources: readonly Source[];
  notes: string | null;
}

/** One line of issuers.jsonl: a renamed issuer, its former tickers and the event. */
export interface IssuerInfo {
  ticker: string;
  aliases: readonly string[];
  names: readonly string[];
  event: string;
  sources: readonly { url: string; publisher: string }[];
}

/**
 * data/coverage.json: how far the dataset reaches. A financing priced or closed after
 * `financings_through` is not in the data: not known, which is different from "none".
 */
export interface DatasetCoverage {
  /** ISO date through which sources were searched for new financings. */
  financingsThrough: string;
  /** ISO date the search was made. */
  searchedOn: string;
}

/** What VERSION() and the About tab show. */
export interface DatasetVersion {
  asOf: string;
  financings: number;
  /** ISO date: financings priced or closed up to it were searched for (coverage.json). */
  financingsThrough: string;
  label: string;
}
