// One invalid call per function (used by the built-bundle test and the fuzz test's sanity
// checks): the arguments, the Excel error and a fragment of the message naming the argument.
// FIELDS and VERSION take no arguments, so they have no invalid call: Excel itself refuses a
// formula that passes them one. ISSUERS and COVERAGE take only my_deals.
export interface InvalidCall {
  args: unknown[];
  code: "#VALUE!" | "#N/A" | "#NUM!";
  message: RegExp;
}

export const INVALID_CALLS: Record<string, InvalidCall> = {
  QUARTER: { args: ["2025Q5"], code: "#VALUE!", message: /quarter.*"2025Q5"/ },
  REPORTED: { args: ["2024Q4", "debt_usd"], code: "#VALUE!", message: /metric.*"debt_usd"/ },
  OFFERINGS: { args: [null, null, null, null, null, null, "EUR"], code: "#VALUE!", message: /units.*"EUR"/ },
  DEAL: { args: ["WULF-2025-08-CVT-203", "amount_usd"], code: "#N/A", message: /WULF-2025-08-CVT-2031/ },
  SOURCE: { args: ["WULF-2025-08-CVT-2031", 0], code: "#VALUE!", message: /n must be a whole number ≥ 1, got 0/ },
  SERIES: { args: [null, null, "ticker"], code: "#VALUE!", message: /group_by.*"ticker"/ },
  CYCLES: { args: [null, "EUR"], code: "#VALUE!", message: /units.*"EUR"/ },
  OUTSTANDING: { args: ["2025-13-45"], code: "#VALUE!", message: /as_of.*"2025-13-45"/ },
  DEBTSTACK: { args: ["MARAA"], code: "#N/A", message: /issuer: Unknown ticker "MARAA"; did you mean MARA/ },
  MATURITIES: { args: [2030, 2026], code: "#VALUE!", message: /from_year \(2030\) is after to_year \(2026\)/ },
  OVERHANG: { args: ["MARA", 30, 0], code: "#VALUE!", message: /shares_outstanding must be > 0, got 0/ },
  EVENTS: { args: ["MARA-2021-11-CVT-202"], code: "#N/A", message: /MARA-2021-11-CVT-2026/ },
  COVERAGE: { args: [[["id", "ticker"]]], code: "#VALUE!", message: /my_deals row 1: the header has no issuer column/ },
  ISSUERS: { args: [[["id", "issuer"]]], code: "#VALUE!", message: /my_deals row 1: the header has no ticker column/ },
  CONVPRICE: { args: [-5], code: "#VALUE!", message: /conversion_rate must be > 0, got -5/ },
  CONVRATE: { args: [-5], code: "#VALUE!", message: /conversion_price must be > 0, got -5/ },
  CONVSHARES: { args: ["lots", 80], code: "#VALUE!", message: /principal must be a number, got "lots"/ },
  PREMIUM: { args: [12.43, 0], code: "#VALUE!", message: /reference_price must be > 0, got 0/ },
  PARITY: { args: [80, -1], code: "#VALUE!", message: /share_price must be > 0, got -1/ },
  NETSHARES: { args: [1e9, 12.43, 20, "shares"], code: "#VALUE!", message: /settlement.*"shares"/ },
  DILUTION: { args: [1e9, 12.43, 0], code: "#VALUE!", message: /shares_outstanding must be > 0, got 0/ },
  DEALDILUTION: { args: ["WULF-2025-08-CVT-2031", 4e8, 20, null, "maybe"], code: "#VALUE!", message: /include_capped_call.*"maybe"/ },
  DILUTEDEPS: { args: [1e8, 0, 1e7], code: "#VALUE!", message: /basic_shares must be > 0, got 0/ },
  BSM: { args: ["straddle", 100, 100, 1, 0.2, 0.05], code: "#VALUE!", message: /type.*"straddle"/ },
  CAPPEDCALL: { args: [100, 100, 90, 1, 0.2, 0.05], code: "#VALUE!", message: /cap_price/ },
  BONDFLOOR: { args: [0, -1, 0.08], code: "#VALUE!", message: /years/ },
  BONDYIELD: { args: [-10, 0, 5], code: "#VALUE!", message: /price must be > 0, got -10/ },
  CBPRICE: { args: [15, 12.43, 0.01, 6, -0.7, 0.04, 0.05], code: "#VALUE!", message: /volatility/ },
  CBGREEKS: { args: [15, 12.43, 0.01, 6, 0.7, 0.04, 0.05, null, null, null, null, 0.5], code: "#VALUE!", message: /steps/ },
};
