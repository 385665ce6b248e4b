// One worked example per custom function, keyed by id: the README's function reference
// (scripts/function-reference.ts) and the task pane's Functions tab show it, and "Insert at
// selection" inserts `formula`. Descriptions and parameters come from the generated metadata
// (functions.json); this file holds only what the metadata cannot: an example and its result.
// Not imported by functions.ts, so none of this text ships in the functions bundle.
//
// A test checks the ids match the metadata exactly, that every example evaluates without an
// error, and that each `value` is what the function returns.

export interface FunctionExample {
  /** A complete formula, ready to insert in a cell. */
  readonly formula: string;
  /** What the example returns, in an analyst's words. */
  readonly returns: string;
  /** The exact result of a scalar example, where it does not depend on the dataset's growth. */
  readonly value?: string | number | boolean;
  /** A decision worth knowing (shown under the reference table). */
  readonly note?: string;
}

const WULF = "WULF-2025-08-CVT-2031";

export const FUNCTION_CATALOGUE: Readonly<Record<string, FunctionExample>> = {
  QUARTER: {
    formula: '=MINERDEBT.QUARTER("2025Q3")',
    returns: "USD raised in Q3 2025 by listed miners (new money, known amounts); 0 for a covered quarter without deals",
    note:
      'The period may be a quarter in any format, a year ("2025"), a range ("2024Q3:2025Q2"), "LQ", "LQ-1" … or "TTM", all relative to the latest quarter in the dataset, never to today. ' +
      "Coverage (COVERAGE()): financings are known through 2026-06-16, so a period that starts after it (2026Q3, 2027) is #N/A, not 0, and one that ends after it holds what is known; LQ is 2026Q2, which the data covers only through 2026-06-16 (partial), and TTM (2025Q3–2026Q2) includes that partial quarter. A period never counts undated financings (ISSUERS() and SERIES() without bounds do, on their own line). " +
      '`measure` "net_proceeds" is the net proceeds published for the amounts raised, #N/A unless every financing counted discloses them (the message says how many do and for how much); "net_proceeds_disclosed" sums the disclosed ones. A deal whose purchasers\' option was exercised only in part has no matching figure.' +
      " With `my_deals` (normally `MinerDebtDeals[#All]`) the sum includes your own rows, a row with a dataset id replacing that record, \"LQ\" is the latest quarter of either, and a period after the coverage is summed, not #N/A (you have taken responsibility for it).",
  },
  REPORTED: {
    formula: '=MINERDEBT.REPORTED("2024Q4")',
    returns: "4,600,000,000: TheMinerMag's published Q4 2024 total (15 public miners), a record",
    value: 4_600_000_000,
    note:
      'The qualifier is a metric variant: `=MINERDEBT.REPORTED("2024Q4", ":qualifier")` returns "record" ("under", "approx", "estimate_up_to", "stated" for other figures); ":scope", ":source" (URL) and ":confidence" work the same way, after the metric name or alone for the default metric. ' +
      'A period published as a description ("as of 2025-10-15", "2022H1") is found by that text; a quarter or year finds only a figure published for exactly that period. Published figures are never summed, so ranges and "TTM" are #VALUE!, and a period with no figure (or several figures with different scopes) is #N/A with the periods that exist.',
  },
  OFFERINGS: {
    formula: '=MINERDEBT.OFFERINGS("MARA, RIOT", "2024Q1", "LQ", "convertible", "id, priced_date, amount_usd, conversion_price_usd", TRUE, "USDm")',
    returns: "A spilled table: a header row, then MARA's and Riot's convertibles since 2024Q1, oldest first, amounts in USD millions",
    note:
      "Default `fields`: id, issuer, ticker, quarter, priced_date, instrument, amount_usd, coupon_pct, maturity_date, conversion_price_usd, use_category, source_url. " +
      "Lists every financing of listed issuers (including exchanges and other non-new-money records; the field counts_in_sums says which ones sums add up). Amount headers carry the unit, e.g. \"amount_usd (USDm)\". With no match: the header row alone, or #N/A when `headers` is FALSE. " +
      'With `my_deals`, the field `origin` says where each row comes from: "workbook" (your table) or "dataset".',
  },
  DEAL: {
    formula: `=MINERDEBT.DEAL("${WULF}", "conversion_price_usd")`,
    returns: "12.43: TeraWulf's August 2025 convertible notes convert at $12.43 per share",
    value: 12.43,
    note: 'A value the sources do not disclose is #N/A, e.g. "GLXY-2024-11-CVT-2029: conversion_rate_per_1000 not disclosed in sources"; an unknown id is #N/A with the closest id.',
  },
  SOURCE: {
    formula: `=MINERDEBT.SOURCE("${WULF}", 1)`,
    returns: "The https URL of the deal's first source (a press release, filing or article)",
    note: "The source URLs are not in functions.js: the first call in a session that needs one (SOURCE, DEAL's source_url/source_count, OFFERINGS with those fields — its default — or EVENTS) fetches them once from the add-in's host and shows #BUSY! meanwhile; a failed fetch is #N/A naming the file, and recalculating tries again.",
  },
  SERIES: {
    formula: '=MINERDEBT.SERIES("2024Q1", "LQ", "instrument_class", "", "USDm")',
    returns: "A spilled table for a stacked column chart: quarter, one column per instrument class, total, in USD millions",
    note: 'Rows stop at the last quarter the data covers (2026Q2, covered through 2026-06-16): a later quarter is not known, so it has no row, and a range that starts after coverage is #N/A. Without `from` and `to` the table is all time and ends with an "undated" row (financings with no known quarter), so its rows add up to ISSUERS()\' totals; leave that row out of a chart\'s range.',
  },
  ISSUERS: {
    formula: "=MINERDEBT.ISSUERS()",
    returns: "A spilled table: ticker, issuer, financings, total_amount (USD), first_quarter, last_quarter for each listed issuer",
    note: "A renamed issuer is one row under its current ticker (Bitfarms: KEEL, with its BITF deals). `financings` counts every record; `total_amount` sums under the aggregation rule over all time, undated financings included (SERIES() without bounds shows them as its \"undated\" row); first/last quarter are blank for an issuer whose financings are all undated.",
  },
  FIELDS: {
    formula: "=MINERDEBT.FIELDS()",
    returns: "A spilled table: field, description, type — the names DEAL and OFFERINGS accept",
  },
  COVERAGE: {
    formula: "=MINERDEBT.COVERAGE()",
    returns: "A spilled table: financings_through 2026-06-16, searched_on 2026-12-02, first_quarter, last_complete_quarter 2026Q1, partial_quarter 2026Q2",
    note: "Financings priced or closed after financings_through are not in the data: not known, which is different from none. Dates are ISO text, so they read the same in any cell format.",
  },
  VERSION: {
    formula: "=MINERDEBT.VERSION()",
    returns: '"financings through 2026-06-16 · 139 financings · updated 2026-12-02": financings priced or closed up to 2026-06-16 were searched for; later ones are not in the data',
  },
  CYCLES: {
    formula: '=MINERDEBT.CYCLES(TRUE, "USDm")',
    returns: "A spilled table: the 2020-2022 cycle and 2023 onward side by side, amounts in USD millions, every share a fraction",
    note:
      "Columns: cycle; the share of the amount in convertible, secured_notes, loans_and_facilities (loan, credit_facility), bitcoin_backed, equipment_financing and other (unsecured notes, convertible preferred, other), which add up to 1 (the first seven columns chart as a 100% stacked bar); financings (count); amount; " +
      "zero_coupon (of the convertible amount whose coupon is known) and convertible_coupon_known; weighted_coupon (amount-weighted over the financings whose coupon is known) and coupon_known; " +
      "mining_or_bitcoin_collateral and collateral_known; ai_hpc_use and use_known; counts of outcomes: collateral_seized, restructured, converted_to_equity, defaulted_other, repaid_or_refinanced, outstanding, outcome_unknown (researched, not found), not_researched. " +
      "Every figure is under the aggregation rule, undated financings included (a cycle is not a quarter). A `_known` column is the share of the amount the figure beside it could use: unknown is never counted as zero, and a figure with nothing known is blank. Rules: docs/data.md.",
  },
  OUTSTANDING: {
    formula: '=MINERDEBT.OUTSTANDING("2025-10-15", "", "all", "USDbn")',
    returns: "Principal outstanding on 15 October 2025 of listed miners' debt in the dataset, in USD billions (VanEck's comparable published stock figure: $12.7bn, docs/data.md)",
    note:
      "The outstanding rule (docs/data.md): a note or term loan starts at its issued principal, a facility or other commitment at nothing (only drawdowns and reported balances count, never the commitment); events up to the date change it, a reported snapshot sets it, and after maturity it is 0. " +
      "Balances the sources leave unknown at the date (an event without an amount) are not in the sum; DEBTSTACK lists them with the reason. Preferred stock is equity and not counted. A month-only event date counts from the end of that month. " +
      "An as_of after the dataset's coverage (COVERAGE()) is #N/A, never a projection, in OUTSTANDING, DEBTSTACK, MATURITIES and OVERHANG alike, unless my_deals is given.",
  },
  DEBTSTACK: {
    formula: '=MINERDEBT.DEBTSTACK("MARA", "2026-03-31", TRUE, "USDm")',
    returns: "A spilled table: MARA's debt instruments outstanding on 31 March 2026, by maturity, each principal in USD millions with its basis (e.g. \"reported 2026-01-07\")",
    note: 'Basis strings: "reported D" (a filing states the balance at D), "derived from report D" (computed from reported figures), "… adjusted by N events", "issued, no later report", "drawn per N events" (a facility), "past maturity, settlement not in sources", or why the balance is not known (principal blank).',
  },
  MATURITIES: {
    formula: '=MINERDEBT.MATURITIES(2026, 2033, "", "convertible", "", "USDm")',
    returns: "A spilled table for a stacked column chart: maturity years 2026–2033, convertible and non-convertible principal outstanding at the coverage end, and the total, in USD millions",
  },
  OVERHANG: {
    formula: '=MINERDEBT.OVERHANG("MARA", 30, 370000000, "as_terms")',
    returns: "New shares from MARA's convertibles outstanding at a $30 share price, each with its own conversion price, capped call and settlement, as a fraction of 370M shares",
    note: 'Sums the DILUTION math per instrument. `settlement` "physical" (default) counts every instrument in shares, the most dilutive outcome; "as_terms" uses each deal\'s own (net share where it pays principal in cash). An outstanding convertible without a disclosed conversion price, or whose balance is not known, is #N/A naming it.',
  },
  EVENTS: {
    formula: '=MINERDEBT.EVENTS("MARA-2021-11-CVT-2026")',
    returns: "A spilled table: date, event, principal change, principal outstanding after, related financing and source URL of each post-issuance event, oldest first",
    note: "Events are as complete as the sources read allow: no events means none found, not none. Some sources are plain http archive copies of SEC filings, returned as text. The first EVENTS call in a session fetches the source URLs (see SOURCE).",
  },
  CONVPRICE: {
    formula: "=MINERDEBT.CONVPRICE(80.4602)",
    returns: "12.4285: conversion price per share for 80.4602 shares per $1,000",
    value: 1000 / 80.4602,
  },
  CONVRATE: {
    formula: "=MINERDEBT.CONVRATE(12.43)",
    returns: "80.4505: shares per $1,000 principal at a $12.43 conversion price",
    value: 1000 / 12.43,
  },
  CONVSHARES: {
    formula: "=MINERDEBT.CONVSHARES(1000000000, 80.4602)",
    returns: "80,460,200 shares if $1bn of notes convert at 80.4602 per $1,000",
    value: 80_460_200,
  },
  PREMIUM: {
    formula: "=MINERDEBT.PREMIUM(12.43, 9.38)",
    returns: "0.3252: a 32.5% conversion premium",
    value: 12.43 / 9.38 - 1,
  },
  PARITY: {
    formula: "=MINERDEBT.PARITY(80.4602, 15)",
    returns: "1,206.90: conversion value of $1,000 face at a $15 share price",
    value: 80.4602 * 15,
  },
  NETSHARES: {
    formula: '=MINERDEBT.NETSHARES(1000000000, 12.43, 20, "net_share")',
    returns: "30,450,523: new shares when principal is paid in cash and only the excess in shares, at $20",
    value: (1e9 / 12.43) * (1 - 12.43 / 20),
    note: 'Settlement "physical": every note becomes shares; "net_share": principal in cash, shares for the conversion value above it; "cash": no shares. With `cap_price` the capped call delivers back the shares between the conversion price and the cap.',
  },
  DILUTION: {
    formula: "=MINERDEBT.DILUTION(1000000000, 12.43, 400000000)",
    returns: "0.2011: full physical conversion adds 20.1% to 400M shares outstanding",
    value: 1e9 / 12.43 / 4e8,
  },
  DEALDILUTION: {
    formula: `=MINERDEBT.DEALDILUTION("${WULF}", 400000000, 20)`,
    returns: "Dilution of TeraWulf's $1bn 2031 notes at a $20 share price, with the deal's own net-share settlement and $18.76 capped call",
    note:
      "Uses the record's principal_final_usd, else amount_usd (issued incl. option), else principal_priced_usd; conversion_price_usd, else 1000 / conversion_rate_per_1000; capped_call_cap_price_usd when `include_capped_call` is TRUE (default; no capped call when the deal has none). " +
      'Settlement when omitted, from the record: "cash_up_to_principal_then_cash_or_shares" → "net_share"; "cash_shares_or_combination" (the issuer\'s election) or unknown → "physical", the most dilutive choice. A record without a conversion price is #N/A with the reason.',
  },
  DILUTEDEPS: {
    formula: "=MINERDEBT.DILUTEDEPS(100000000, 400000000, 80000000, 5000000)",
    returns: "0.21875: if-converted EPS ($105M over 480M shares), below basic EPS of $0.25, so dilutive",
    value: 105e6 / 480e6,
  },
  BSM: {
    formula: '=MINERDEBT.BSM("call", 100, 100, 1, 0.2, 0.05)',
    returns: "10.4506: the textbook at-the-money one-year call (20% volatility, 5% rate)",
    value: 10.450583572185565,
  },
  CAPPEDCALL: {
    formula: "=MINERDEBT.CAPPEDCALL(100, 100, 150, 1, 0.2, 0.05)",
    returns: "Value per share of a call spread long the $100 strike and short the $150 cap",
  },
  BONDFLOOR: {
    formula: "=MINERDEBT.BONDFLOOR(0, 5, 0.08)",
    returns: "67.5564: a five-year zero-coupon bond per 100 face at an 8% yield, compounded semi-annually",
    value: 100 * 1.04 ** -10,
    note: "The yield argument is named `yield_rate`: `yield` is a reserved word in JavaScript, so no custom function can take a parameter of that name. Prices are full (dirty) prices; `frequency` sets both the coupon schedule and the compounding.",
  },
  BONDYIELD: {
    formula: "=MINERDEBT.BONDYIELD(67.5564, 0, 5)",
    returns: "0.08 (to 7 decimals): the yield at which a five-year zero is worth 67.5564",
  },
  CBPRICE: {
    formula: "=MINERDEBT.CBPRICE(15, 12.43, 0.01, 6, 0.7, 0.04, 0.05)",
    returns: "Value per 100 face of a 1% six-year convertible, conversion price $12.43, share at $15, 70% volatility, 4% rate, 5% credit spread",
  },
  CBGREEKS: {
    formula: "=MINERDEBT.CBGREEKS(15, 12.43, 0.01, 6, 0.7, 0.04, 0.05)",
    returns: "A 2-row table: price, parity, premium, bond_floor, delta, gamma, vega for the same convertible",
  },
};
