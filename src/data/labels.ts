/**
 * Analyst words for the dataset's codes ("btc_backed_credit_facility" → "BTC-backed credit
 * facility"). One module for every place that shows a code to a person: the task pane, the
 * tables it inserts as values, and FIELDS(), which lists each code with its label. Functions
 * themselves keep returning and accepting the codes: they are the stable interface.
 *
 * Only labels that differ from the code in words are spelled out (the functions bundle carries
 * this map, and its size is budgeted: bench/budgets.json).
 */

const LABELS: Readonly<Record<string, string>> = {
  // instrument_class
  convertible: "Convertible notes",
  bitcoin_backed_loan: "Bitcoin-backed loan",
  // instrument
  btc_backed_credit_facility: "BTC-backed credit facility",
  // use_category
  ai_hpc: "AI / HPC",
  btc_mining: "Bitcoin mining",
  general: "General corporate",
  // settlement
  cash_shares_or_combination: "Cash, shares or both (issuer's choice)",
  cash_up_to_principal_then_cash_or_shares: "Principal in cash, excess in cash or shares",
  // outcome
  defaulted_collateral_seized: "Defaulted, collateral seized",
  defaulted_other: "Defaulted",
  // cycle
  "2020-2022": "2021 cycle (2020–2022)",
  "2023-": "Now (2023–)",
};

/** A code as words: "converted_to_equity" → "Converted to equity". */
export function humanize(code: string): string {
  const spaced = code.replace(/_/g, " ");
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** The label of any enumeration code of the dataset (instrument, class, use, settlement, …). */
export function codeLabel(code: string): string {
  return LABELS[code] ?? humanize(code);
}
