// MINERDEBT custom functions. Each function here only adapts Excel arguments to the pure core
// (src/data, src/calc) and its results and errors back to Excel: arguments are read by
// ./arguments (Excel's conventions, once), and every body runs inside excel() (./excel-errors),
// so a function returns a checked cell value or table, or throws a CustomFunctions.Error.
//
// custom-functions-metadata reads the JSDoc below to generate functions.json (ids are the
// upper-cased function names) and appends the CustomFunctions.associate calls. Parameters are
// typed `any` on purpose: Excel then hands over what the user typed, and ./arguments turns
// text, booleans, dates and 1×1 ranges into typed values with messages naming the argument.
// The two data files first (webpack lays modules out in import order), so the bundle holds
// the data blobs side by side and the code after them, together: deflate's 32 KB window and
// per-block Huffman codes then do far better than with code between them (1.5 KB gzip less).
import linksJson from "../data/generated/links.json";
import "../data/generated/core.json";
import {
  cellFields,
  datasetVersion,
  fieldTypeLabel,
  fieldValue,
  findCellField,
  getFinancing,
  issuerSummary,
  latestQuarter,
  needsSourceLinks,
  nthSourceUrl,
  parseFieldList,
  parsePeriod,
  parseUnits,
  quarterlySeries,
  quarterTotal,
  queryFinancings,
  registerSourceLinks,
  reportedFigure,
  resolveIssuers,
  sourceLinksLoaded,
  toCellValue,
  type FieldDef,
  type FieldName,
  type FinancingCore,
  type Units,
} from "../data";
import {
  bondPrice,
  bondYield,
  bsm as optionValue,
  cappedCall as cappedCallValue,
  cbGreeks,
  cbPrice,
  conversionPrice,
  conversionRate,
  conversionShares,
  dealDilution as dealDilutionOf,
  dilutedEps,
  dilution as dilutionOf,
  netShares as netSharesAt,
  parity as conversionParity,
  premium as conversionPremium,
  type CbParams,
  type DealTerms,
} from "../calc";
import type { LinksFile } from "../data/layout";
import { invalidArgument, notAvailable } from "../errors";
import { choice } from "../calc/validate";
import { flag, list, named, number, omitted, optionalNumber, single } from "./arguments";
import { excel, type CellValue } from "./excel-errors";

// ---------------------------------------------------------------------------------------
// Shared by the data functions

/** Source URLs ship inside this bundle (SOURCE and source_url must answer synchronously). */
function ensureSourceLinks(): void {
  if (!sourceLinksLoaded()) registerSourceLinks(linksJson as unknown as LinksFile);
}

/**
 * An issuer argument ("MARA, riot", or a range of tickers) as one list text, checked against
 * the dataset now so that an unknown ticker is reported as the issuer's; null = all issuers.
 * Text passes through unchanged: the core splits it and remembers the answer per text.
 */
function issuerList(issuer: unknown): string | null {
  const tickers = typeof issuer === "string" ? issuer : (list(issuer, "issuer")?.join(",") ?? null);
  if (tickers !== null) named("issuer", () => resolveIssuers(tickers));
  return tickers;
}

/** A field's value as a cell shows it: "" for a blank, percent as a fraction, dates as serials. */
function cell(record: FinancingCore, def: FieldDef<FieldName>, units?: Units): CellValue {
  return toCellValue(def, fieldValue(record, def.name), units) ?? "";
}

/** Header of an amount column: its name and unit, e.g. "amount_usd (USDm)". */
function amountHeader(name: string, units: Units): string {
  return `${name} (${units.name})`;
}

function withHeaders(headers: boolean, header: CellValue[], rows: CellValue[][], empty: string): CellValue[][] {
  if (headers) return [header, ...rows];
  if (rows.length === 0) throw notAvailable(empty);
  return rows;
}

// ---------------------------------------------------------------------------------------
// Data functions

/**
 * Sum of financings raised in a quarter or period (new money, listed issuers, known amount), in USD.
 * @customfunction
 * @param quarter Quarter or period: "2025Q3", "2025-Q3", "Q3 2025", "3Q25", "Q3-25", a date (its quarter), a year "2025", a range "2024Q3:2025Q2", "LQ", "LQ-1" (latest quarter in the dataset, and before) or "TTM".
 * @param issuer Ticker(s), case-insensitive, comma-separated ("MARA, RIOT"); a former ticker finds the same issuer (BITF = KEEL). Empty = all issuers.
 * @param instrument_class "all" (default), "convertible", "non_convertible", or one class: convertible_preferred, secured_notes, unsecured_notes, loan, credit_facility, bitcoin_backed_loan, equipment_financing, other.
 * @param measure "amount" (default, USD), "count" (number of financings) or "net_proceeds" (estimated net proceeds, USD).
 * @returns The sum in USD (or the count); 0 when nothing was raised.
 */
export function quarter(quarter: any, issuer?: any, instrument_class?: any, measure?: any): number {
  return excel("QUARTER", () => {
    const period = single(quarter, "quarter");
    try {
      return quarterTotal(period, issuerList(issuer), single(instrument_class, "instrument_class"), single(measure, "measure"));
    } catch (error) {
      // The core names a bad period "period"; re-read it under this parameter's name.
      parsePeriod(period, { latestQuarter: latestQuarter(), argName: "quarter" });
      throw error;
    }
  });
}

const REPORTED_PARTS = ["value", "qualifier", "scope", "source", "confidence"] as const;

/**
 * A published sector figure (e.g. TheMinerMag's quarterly total), with its qualifier via "metric:qualifier".
 * @customfunction
 * @param period The published period: a quarter ("2024Q4", "Q4 2024", "LQ"), a year ("2024"), or the period text as published (e.g. "as of 2025-10-15"); ranges are not summed.
 * @param metric Default "debt_and_convertible_offerings_usd". Add ":qualifier" (record, under, approx, estimate_up_to, stated), ":scope", ":source" (URL) or ":confidence" to get that instead of the value.
 * @returns The figure in USD (or a count), or the requested text; #N/A with the published periods when there is none.
 */
export function reported(period: any, metric?: any): any {
  return excel("REPORTED", () => {
    const periodValue = single(period, "period");
    if (omitted(periodValue)) throw invalidArgument('period is required, e.g. "2024Q4"');
    const metricText = single(metric, "metric");
    const [name, part] = typeof metricText === "string" && metricText.includes(":") ? metricText.split(":", 2) : [metricText, ""];
    const wanted = choice('metric (after ":")', part, REPORTED_PARTS, "value");
    const figure = reportedFigure(periodValue, name);
    switch (wanted) {
      case "value":
        return figure.value;
      case "source":
        return figure.source.url;
      default:
        return figure[wanted];
    }
  });
}

/**
 * Table of financings, oldest first: one row per financing, the columns you choose (see FIELDS()).
 * @customfunction
 * @param issuer Ticker(s), comma-separated ("MARA, RIOT"); former tickers find the same issuer. Empty = all listed issuers.
 * @param from First quarter (e.g. "2024Q1", "Q1 2024", a date); empty = from the start. Undated financings show only without from/to.
 * @param to Last quarter, inclusive (e.g. "2025Q4", "LQ"); empty = to the latest.
 * @param instrument_class "all" (default), "convertible", "non_convertible", or one class such as secured_notes, loan, bitcoin_backed_loan.
 * @param fields Comma list of field names from FIELDS(); default: id, issuer, ticker, quarter, priced_date, instrument, amount_usd, coupon_pct, maturity_date, conversion_price_usd, use_category, source_url.
 * @param headers TRUE (default) for a header row with the field names; FALSE for data only.
 * @param units Amount columns in "USD" (default), "USDm" (millions) or "USDbn" (billions); per-share prices are never scaled.
 * @returns A table that spills: dates as Excel dates, percentages as fractions, blanks as empty text.
 */
export function offerings(issuer?: any, from?: any, to?: any, instrument_class?: any, fields?: any, headers?: any, units?: any): any[][] {
  return excel("OFFERINGS", () => {
    const tickers = issuerList(issuer);
    const chosen = named("fields", () => parseFieldList(list(fields, "fields")?.join(",") ?? null));
    if (chosen.length === 0) throw notAvailable("fields: no field names given");
    const withHeader = flag(headers, "headers", true);
    const unit = parseUnits(single(units, "units"));
    const records = queryFinancings({
      issuers: tickers,
      from: single(from, "from"),
      to: single(to, "to"),
      instrumentClass: single(instrument_class, "instrument_class"),
    });
    if (needsSourceLinks(chosen)) ensureSourceLinks();
    const header = chosen.map((def) => (def.kind === "usd_amount" ? amountHeader(def.name, unit) : def.name));
    const rows = records.map((record) => chosen.map((def) => cell(record, def, unit)));
    return withHeaders(withHeader, header, rows, "No financings match these filters");
  });
}

/**
 * One field of one financing: amounts in USD, percentages as fractions, dates as Excel dates.
 * @customfunction
 * @param id Financing id, e.g. "WULF-2024-10-CVT-2030" (OFFERINGS() lists them); case-insensitive.
 * @param field Field name from FIELDS(), e.g. "amount_usd", "conversion_price_usd", "coupon_pct", "maturity_date".
 * @returns The value; #N/A when the sources do not disclose it.
 */
export function deal(id: any, field: any): any {
  return excel("DEAL", () => {
    const record = getFinancing(single(id, "id"));
    const def = findCellField(single(field, "field"), "field");
    if (def.tier === "links") ensureSourceLinks();
    const value = cell(record, def);
    if (value === "") throw notAvailable(`${record.id}: ${def.name} not disclosed in sources`);
    return value;
  });
}

/**
 * URL of a financing's n-th source (press release, filing or article).
 * @customfunction
 * @param id Financing id, e.g. "WULF-2024-10-CVT-2030".
 * @param n Which source, 1 (default) for the first; DEAL(id, "source_count") says how many there are.
 * @returns An https URL.
 */
export function source(id: any, n?: any): string {
  return excel("SOURCE", () => {
    const record = getFinancing(single(id, "id"));
    const index = optionalNumber(n, "n", 1);
    ensureSourceLinks();
    return nthSourceUrl(record.id, index);
  });
}

/**
 * Quarterly table for charting: quarter, one column per group, total (amounts raised, new money, listed issuers).
 * @customfunction
 * @param from First quarter (e.g. "2023Q1", a date, "LQ-7"); empty = the dataset's first quarter.
 * @param to Last quarter, inclusive; empty = the latest quarter in the dataset.
 * @param group_by "instrument_class" (default), "use_category", "issuer" or "none" (total only).
 * @param issuer Ticker(s), comma-separated; empty = all listed issuers.
 * @param units "USD" (default), "USDm" (millions) or "USDbn" (billions); headers show the unit.
 * @returns A table that spills: a header row, then one row per quarter (0 where nothing was raised).
 */
export function series(from?: any, to?: any, group_by?: any, issuer?: any, units?: any): any[][] {
  return excel("SERIES", () => {
    const tickers = issuerList(issuer);
    const unit = parseUnits(single(units, "units"));
    const data = quarterlySeries({ issuers: tickers, from: single(from, "from"), to: single(to, "to") }, { groupBy: single(group_by, "group_by") });
    if (data.quarters.length === 0) throw notAvailable("The dataset has no dated financings");
    const header = ["quarter", ...data.groups.map((group) => amountHeader(group, unit)), amountHeader("total", unit)];
    const rows = data.quarters.map((label, q): CellValue[] => [label, ...data.values[q].map((v) => v / unit.divisor), data.totals[q] / unit.divisor]);
    return [header, ...rows];
  });
}

/**
 * Table of issuers: ticker, name, number of financings, total raised (USD), first and last quarter.
 * @customfunction
 * @returns A table that spills, one row per listed issuer by current ticker; total under the aggregation rule.
 */
export function issuers(): any[][] {
  return excel("ISSUERS", () => {
    const header = ["ticker", "issuer", "financings", "total_amount (USD)", "first_quarter", "last_quarter"];
    const rows = issuerSummary().map((row): CellValue[] => [
      row.ticker ?? "",
      row.issuer,
      row.financings,
      row.totalAmountUsd,
      row.firstQuarter ?? "",
      row.lastQuarter ?? "",
    ]);
    return [header, ...rows];
  });
}

/**
 * Table of the field names DEAL and OFFERINGS accept, with their meaning and type/unit.
 * @customfunction
 * @returns A table that spills: field, description, type.
 */
export function fields(): any[][] {
  return excel("FIELDS", () => [["field", "description", "type"], ...cellFields().map((def) => [def.name, def.description, fieldTypeLabel(def)])]);
}

/**
 * Dataset version: its as-of date and number of financings, e.g. "2026-11-21 · 126 financings".
 * @customfunction
 * @returns The dataset's as-of date and number of financings.
 */
export function version(): string {
  return excel("VERSION", () => datasetVersion().label);
}

// ---------------------------------------------------------------------------------------
// Calculation functions: numbers in, numbers out. Arguments are read here (text numbers,
// 1×1 ranges, omitted → null); the calculation module checks ranges and applies defaults,
// with messages that name the argument.

/** An optional number for the calculation module: omitted or "" → null (its default). */
function maybe(value: unknown, name: string): number | null {
  return optionalNumber(value, name, null);
}

/**
 * Conversion price per share from a conversion rate: 1000 / conversion_rate.
 * @customfunction
 * @param conversion_rate Conversion rate in shares per $1,000 principal, e.g. 80.4602 (> 0).
 * @returns USD per share.
 */
export function convprice(conversion_rate: any): number {
  return excel("CONVPRICE", () => conversionPrice({ conversionRate: number(conversion_rate, "conversion_rate") }));
}

/**
 * Conversion rate in shares per $1,000 principal from a conversion price: 1000 / conversion_price.
 * @customfunction
 * @param conversion_price Conversion price in USD per share, e.g. 12.43 (> 0).
 * @returns Shares per $1,000 principal.
 */
export function convrate(conversion_price: any): number {
  return excel("CONVRATE", () => conversionRate({ conversionPrice: number(conversion_price, "conversion_price") }));
}

/**
 * Shares issued if the notes convert in full: principal / 1000 × conversion_rate.
 * @customfunction
 * @param principal Principal in USD (not millions), e.g. 1000000000 (≥ 0).
 * @param conversion_rate Conversion rate in shares per $1,000 principal (> 0).
 * @returns Number of shares.
 */
export function convshares(principal: any, conversion_rate: any): number {
  return excel("CONVSHARES", () =>
    conversionShares({ principal: number(principal, "principal"), conversionRate: number(conversion_rate, "conversion_rate") }),
  );
}

/**
 * Conversion premium as a fraction: conversion_price / reference_price − 1 (0.325 = 32.5%).
 * @customfunction
 * @param conversion_price Conversion price in USD per share (> 0).
 * @param reference_price Reference share price in USD, usually the last sale at pricing (> 0).
 * @returns The premium as a fraction.
 */
export function premium(conversion_price: any, reference_price: any): number {
  return excel("PREMIUM", () =>
    conversionPremium({ conversionPrice: number(conversion_price, "conversion_price"), referencePrice: number(reference_price, "reference_price") }),
  );
}

/**
 * Parity: conversion value per $1,000 face at a share price (conversion_rate × share_price).
 * @customfunction
 * @param conversion_rate Conversion rate in shares per $1,000 principal (> 0).
 * @param share_price Share price in USD (> 0).
 * @returns USD per $1,000 face.
 */
export function parity(conversion_rate: any, share_price: any): number {
  return excel("PARITY", () => conversionParity({ conversionRate: number(conversion_rate, "conversion_rate"), sharePrice: number(share_price, "share_price") }));
}

/**
 * Net new shares if the notes convert at share_price, by settlement method, after a capped call; 0 at or below the conversion price.
 * @customfunction
 * @param principal Principal in USD (not millions, ≥ 0).
 * @param conversion_price Conversion price in USD per share (> 0).
 * @param share_price Share price in USD at which the notes convert (> 0).
 * @param settlement "physical" (default: every note in shares), "net_share" (principal in cash, the excess in shares) or "cash" (no shares).
 * @param cap_price Capped call cap price in USD per share (> conversion_price); omitted = no capped call.
 * @returns Number of new shares.
 */
export function netshares(principal: any, conversion_price: any, share_price: any, settlement?: any, cap_price?: any): number {
  return excel("NETSHARES", () =>
    netSharesAt({
      principal: number(principal, "principal"),
      conversionPrice: number(conversion_price, "conversion_price"),
      sharePrice: number(share_price, "share_price"),
      settlement: single(settlement, "settlement") as string,
      capPrice: maybe(cap_price, "cap_price"),
    }),
  );
}

/**
 * Dilution as a fraction: new shares from converting the notes ÷ shares outstanding (or ÷ pro forma shares).
 * @customfunction
 * @param principal Principal in USD (not millions, ≥ 0).
 * @param conversion_price Conversion price in USD per share (> 0).
 * @param shares_outstanding Basic shares outstanding before conversion (> 0).
 * @param share_price Share price in USD at which the notes convert; omitted = full physical conversion (the maximum share count).
 * @param settlement With a share_price: "physical" (default), "net_share" (principal in cash, excess in shares) or "cash".
 * @param cap_price Capped call cap price in USD per share (> conversion_price); applied with a share_price. Omitted = no capped call.
 * @param basis "outstanding" (default: new ÷ shares outstanding) or "pro_forma" (new ÷ (outstanding + new)).
 * @returns Dilution as a fraction (0.2 = 20%).
 */
export function dilution(principal: any, conversion_price: any, shares_outstanding: any, share_price?: any, settlement?: any, cap_price?: any, basis?: any): number {
  return excel("DILUTION", () =>
    dilutionOf({
      principal: number(principal, "principal"),
      conversionPrice: number(conversion_price, "conversion_price"),
      sharesOutstanding: number(shares_outstanding, "shares_outstanding"),
      sharePrice: maybe(share_price, "share_price"),
      settlement: single(settlement, "settlement") as string,
      capPrice: maybe(cap_price, "cap_price"),
      basis: single(basis, "basis") as string,
    }),
  );
}

/** A convertible's own terms from the dataset, or #N/A saying which one is missing. */
function dealTerms(id: unknown): DealTerms {
  const record = getFinancing(single(id, "id"));
  // The notes outstanding: the confirmed final principal, else what the record raised, else the priced amount.
  const principal = record.principal_final_usd ?? record.amount_usd ?? record.principal_priced_usd;
  if (principal === null) throw notAvailable(`${record.id}: principal not disclosed in sources`);
  const price =
    record.conversion_price_usd ??
    (record.conversion_rate_per_1000 === null ? null : conversionPrice({ conversionRate: record.conversion_rate_per_1000 }));
  if (price === null) {
    const why = record.instrument_class === "convertible" ? "conversion_price_usd and conversion_rate_per_1000 not disclosed in sources" : `not a convertible (${record.instrument})`;
    throw notAvailable(`${record.id}: no conversion price, ${why}`);
  }
  return { principal, conversionPrice: price, capPrice: record.capped_call_cap_price_usd, settlement: record.settlement };
}

/**
 * Dilution from one financing in the dataset, with its own principal, conversion price, capped call and settlement.
 * @customfunction
 * @param id Convertible's financing id, e.g. "WULF-2025-08-CVT-2031" (OFFERINGS(,,,"convertible") lists them).
 * @param shares_outstanding Basic shares outstanding before conversion (> 0).
 * @param share_price Share price in USD at which the notes convert; omitted = full physical conversion (the maximum share count).
 * @param settlement Overrides the deal's: "physical", "net_share" or "cash". Omitted: "net_share" where the deal pays principal in cash, else "physical".
 * @param include_capped_call TRUE (default) applies the deal's capped call if it has one; FALSE ignores it.
 * @param basis "outstanding" (default: new ÷ shares outstanding) or "pro_forma" (new ÷ (outstanding + new)).
 * @returns Dilution as a fraction; #N/A when the deal's conversion terms are not disclosed.
 */
export function dealdilution(id: any, shares_outstanding: any, share_price?: any, settlement?: any, include_capped_call?: any, basis?: any): number {
  return excel("DEALDILUTION", () => {
    const deal = dealTerms(id);
    const sharesOutstanding = number(shares_outstanding, "shares_outstanding");
    return dealDilutionOf({
      deal,
      sharesOutstanding,
      sharePrice: maybe(share_price, "share_price"),
      settlement: single(settlement, "settlement") as string,
      includeCappedCall: flag(include_capped_call, "include_capped_call", true),
      basis: single(basis, "basis") as string,
    });
  });
}

/**
 * If-converted diluted EPS; basic EPS when the conversion would be anti-dilutive (or with a net loss).
 * @customfunction
 * @param net_income Income (loss) available to common holders for the period, USD.
 * @param basic_shares Weighted-average basic shares for the period (> 0).
 * @param incremental_shares Shares the convertible adds if converted (≥ 0), e.g. CONVSHARES(principal, rate).
 * @param interest_addback After-tax interest saved if converted, USD (≥ 0, default 0).
 * @returns Diluted EPS in USD per share.
 */
export function dilutedeps(net_income: any, basic_shares: any, incremental_shares: any, interest_addback?: any): number {
  return excel("DILUTEDEPS", () =>
    dilutedEps({
      netIncome: number(net_income, "net_income"),
      basicShares: number(basic_shares, "basic_shares"),
      incrementalShares: number(incremental_shares, "incremental_shares"),
      interestAddback: maybe(interest_addback, "interest_addback"),
    }).eps,
  );
}

/**
 * Black-Scholes-Merton value per share of a European call or put.
 * @customfunction
 * @param type "call" or "put".
 * @param share_price Share price in USD (> 0).
 * @param strike Strike in USD per share (> 0).
 * @param years Time to expiry in years (≥ 0).
 * @param volatility Annual volatility as a fraction, e.g. 0.7 for 70% (0 to 5).
 * @param rate Risk-free rate, continuously compounded, as a fraction, e.g. 0.04.
 * @param dividend_yield Continuous dividend yield as a fraction (default 0).
 * @returns Option value in USD per share.
 */
export function bsm(type: any, share_price: any, strike: any, years: any, volatility: any, rate: any, dividend_yield?: any): number {
  return excel("BSM", () =>
    optionValue({
      type: single(type, "type") as string,
      sharePrice: number(share_price, "share_price"),
      strike: number(strike, "strike"),
      years: number(years, "years"),
      volatility: number(volatility, "volatility"),
      rate: number(rate, "rate"),
      dividendYield: maybe(dividend_yield, "dividend_yield"),
    }),
  );
}

/**
 * Value per share of a capped call: a call at lower_strike minus a call at cap_price (Black-Scholes-Merton).
 * @customfunction
 * @param share_price Share price in USD (> 0).
 * @param lower_strike Lower strike in USD per share, usually the notes' conversion price (> 0).
 * @param cap_price Cap price in USD per share (> lower_strike).
 * @param years Time to expiry in years (≥ 0).
 * @param volatility Annual volatility as a fraction, e.g. 0.7 for 70%.
 * @param rate Risk-free rate, continuously compounded, as a fraction.
 * @param dividend_yield Continuous dividend yield as a fraction (default 0).
 * @returns Value in USD per share.
 */
export function cappedcall(share_price: any, lower_strike: any, cap_price: any, years: any, volatility: any, rate: any, dividend_yield?: any): number {
  return excel("CAPPEDCALL", () =>
    cappedCallValue({
      sharePrice: number(share_price, "share_price"),
      lowerStrike: number(lower_strike, "lower_strike"),
      capPrice: number(cap_price, "cap_price"),
      years: number(years, "years"),
      volatility: number(volatility, "volatility"),
      rate: number(rate, "rate"),
      dividendYield: maybe(dividend_yield, "dividend_yield"),
    }),
  );
}

/**
 * Price of the straight bond (the convertible's bond floor) per 100 face at a yield; a zero coupon is face × (1 + yield/frequency)^(−frequency × years).
 * @customfunction
 * @param coupon_rate Annual coupon as a fraction: 0 for zero-coupon notes, 0.0375 for 3.75%.
 * @param years Years to maturity (> 0, ≤ 100).
 * @param yield_rate Yield to maturity as a fraction, compounded frequency times a year, e.g. 0.08 (SPEC's "yield", a reserved word in JavaScript).
 * @param frequency Coupons (and compounding periods) a year: 1, 2 (default), 4 or 12.
 * @param face Face amount (default 100: the price is per 100 face).
 * @returns The full (dirty) price.
 */
export function bondfloor(coupon_rate: any, years: any, yield_rate: any, frequency?: any, face?: any): number {
  return excel("BONDFLOOR", () =>
    bondPrice({
      couponRate: number(coupon_rate, "coupon_rate"),
      years: number(years, "years"),
      yield: number(yield_rate, "yield_rate"),
      frequency: maybe(frequency, "frequency"),
      face: maybe(face, "face"),
    }),
  );
}

/**
 * Yield to maturity at which BONDFLOOR gives price.
 * @customfunction
 * @param price Full price per face as BONDFLOOR returns it, e.g. 67.56 (> 0).
 * @param coupon_rate Annual coupon as a fraction (0 for zero-coupon notes).
 * @param years Years to maturity (> 0, ≤ 100).
 * @param frequency Coupons (and compounding periods) a year: 1, 2 (default), 4 or 12.
 * @param face Face amount (default 100).
 * @returns The yield as a fraction; #NUM! when no yield between −99% and 1000% gives the price.
 */
export function bondyield(price: any, coupon_rate: any, years: any, frequency?: any, face?: any): number {
  return excel("BONDYIELD", () =>
    bondYield({
      price: number(price, "price"),
      couponRate: number(coupon_rate, "coupon_rate"),
      years: number(years, "years"),
      frequency: maybe(frequency, "frequency"),
      face: maybe(face, "face"),
    }),
  );
}

/** CBPRICE and CBGREEKS read the same thirteen arguments. */
function convertibleArguments(args: unknown[]): CbParams {
  const [share_price, conversion_price, coupon_rate, years, volatility, rate, credit_spread, dividend_yield, call_from_years, call_trigger, put_years, steps, frequency] = args;
  return {
    sharePrice: number(share_price, "share_price"),
    conversionPrice: number(conversion_price, "conversion_price"),
    couponRate: number(coupon_rate, "coupon_rate"),
    years: number(years, "years"),
    volatility: number(volatility, "volatility"),
    rate: number(rate, "rate"),
    creditSpread: number(credit_spread, "credit_spread"),
    dividendYield: maybe(dividend_yield, "dividend_yield"),
    callFromYears: maybe(call_from_years, "call_from_years"),
    callTrigger: maybe(call_trigger, "call_trigger"),
    putYears: maybe(put_years, "put_years"),
    steps: maybe(steps, "steps"),
    frequency: maybe(frequency, "frequency"),
  };
}

/**
 * Convertible bond value per 100 face: binomial tree (CRR) with the Tsiveriotis-Fernandes cash/equity split, conversion at any node, soft call and put.
 * @customfunction
 * @param share_price Share price in USD (> 0).
 * @param conversion_price Conversion price in USD per share (> 0); 100 face converts into 100 / conversion_price shares.
 * @param coupon_rate Annual coupon as a fraction (0 for zero-coupon notes).
 * @param years Years to maturity (> 0).
 * @param volatility Annual share volatility as a fraction, e.g. 0.7 for 70% (> 0).
 * @param rate Risk-free rate, continuously compounded, as a fraction, e.g. 0.04.
 * @param credit_spread Issuer's credit spread over the rate, as a fraction (≥ 0), e.g. 0.05; discounts the cash part.
 * @param dividend_yield Continuous dividend yield as a fraction (default 0).
 * @param call_from_years Issuer may call at par from this many years on; omitted = not callable.
 * @param call_trigger Call allowed when the share price ≥ call_trigger × conversion_price (default 1.3).
 * @param put_years Holder may put at par at this many years; omitted = no put.
 * @param steps Tree steps, 1 to 5000 (default 500): more is more precise and slower.
 * @param frequency Coupons a year: 1, 2 (default), 4 or 12.
 * @returns Value per 100 face.
 */
export function cbprice(
  share_price: any,
  conversion_price: any,
  coupon_rate: any,
  years: any,
  volatility: any,
  rate: any,
  credit_spread: any,
  dividend_yield?: any,
  call_from_years?: any,
  call_trigger?: any,
  put_years?: any,
  steps?: any,
  frequency?: any,
): number {
  return excel("CBPRICE", () =>
    cbPrice(
      convertibleArguments([share_price, conversion_price, coupon_rate, years, volatility, rate, credit_spread, dividend_yield, call_from_years, call_trigger, put_years, steps, frequency]),
    ),
  );
}

/**
 * Convertible analytics as a 2-row table: price, parity, premium, bond floor (per 100 face), delta, gamma, vega.
 * @customfunction
 * @param share_price Share price in USD (> 0).
 * @param conversion_price Conversion price in USD per share (> 0).
 * @param coupon_rate Annual coupon as a fraction (0 for zero-coupon notes).
 * @param years Years to maturity (> 0).
 * @param volatility Annual share volatility as a fraction, e.g. 0.7 for 70% (> 0).
 * @param rate Risk-free rate, continuously compounded, as a fraction.
 * @param credit_spread Issuer's credit spread over the rate, as a fraction (≥ 0).
 * @param dividend_yield Continuous dividend yield as a fraction (default 0).
 * @param call_from_years Issuer may call at par from this many years on; omitted = not callable.
 * @param call_trigger Call allowed when the share price ≥ call_trigger × conversion_price (default 1.3).
 * @param put_years Holder may put at par at this many years; omitted = no put.
 * @param steps Tree steps, 1 to 5000 (default 500): more is more precise and slower.
 * @param frequency Coupons a year: 1, 2 (default), 4 or 12.
 * @returns Header row, then values: premium as a fraction of parity; delta as a fraction of the conversion shares; gamma per 1% share move; vega per 0.01 volatility.
 */
export function cbgreeks(
  share_price: any,
  conversion_price: any,
  coupon_rate: any,
  years: any,
  volatility: any,
  rate: any,
  credit_spread: any,
  dividend_yield?: any,
  call_from_years?: any,
  call_trigger?: any,
  put_years?: any,
  steps?: any,
  frequency?: any,
): any[][] {
  return excel("CBGREEKS", () => {
    const g = cbGreeks(
      convertibleArguments([share_price, conversion_price, coupon_rate, years, volatility, rate, credit_spread, dividend_yield, call_from_years, call_trigger, put_years, steps, frequency]),
    );
    return [
      ["price", "parity", "premium", "bond_floor", "delta", "gamma", "vega"],
      [g.price, g.parity, g.premium, g.bondFloor, g.delta, g.gamma, g.vega],
    ];
  });
}
