// MINERDEBT conversion functions: conversion terms, dilution (of given terms, or of a financing's
// own terms in the dataset) and EPS.
// Each function here only adapts Excel arguments to the pure core (src/data, src/calc) and its
// results and errors back to Excel: arguments are read by ./arguments (Excel's conventions,
// once), and every body runs inside excel() (./excel-errors), so a function returns a checked
// cell value or table, or throws a CustomFunctions.Error. custom-functions-metadata reads the
// JSDoc of the top-level functions (config/functions-sources.js lists the files it reads).
// The calculation module checks ranges and applies defaults, with messages that name the argument.
import {
  conversionPrice,
  conversionRate,
  conversionShares,
  dealDilution as dealDilutionOf,
  dilutedEps,
  dilution as dilutionOf,
  netShares as netSharesAt,
  parity as conversionParity,
  premium as conversionPremium,
  type DealTerms,
} from "../calc";
import { conversionPriceOf, convertiblePrincipalOf, getFinancing } from "../data";
import { notAvailable } from "../errors";
import { dealsView, flag, maybe, number, single } from "./arguments";
import { excel } from "./excel-errors";

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
function dealTerms(id: unknown, my_deals: unknown): DealTerms {
  const record = getFinancing(single(id, "id"), dealsView(my_deals));
  const principal = convertiblePrincipalOf(record);
  if (principal === null) throw notAvailable(`${record.id}: principal not disclosed in sources`);
  const price = conversionPriceOf(record);
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
 * @param my_deals Your own financings: a range with a header row of field names, normally MinerDebtDeals[#All] (the task pane creates the table). A row whose id is in the dataset replaces that record; a new id adds one.
 * @returns Dilution as a fraction; #N/A when the deal's conversion terms are not disclosed.
 */
export function dealdilution(id: any, shares_outstanding: any, share_price?: any, settlement?: any, include_capped_call?: any, basis?: any, my_deals?: any[][]): number {
  return excel("DEALDILUTION", () => {
    const deal = dealTerms(id, my_deals);
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
