// MINERDEBT outstanding functions: what miners still owe (principal outstanding under the rule
// of src/data/outstanding.ts, from the financings and their post-issuance events), the capital
// stack, the maturity wall, the convertibles' dilution overhang and the events themselves.
// Each function here only adapts Excel arguments to the pure core (src/data, src/calc) and its
// results and errors back to Excel (./arguments, ./excel-errors); OUTSTANDING, DEBTSTACK,
// MATURITIES and OVERHANG remember their answers by raw arguments and my_deals table
// (./remembered). custom-functions-metadata reads the JSDoc of the top-level functions
// (config/functions-sources.js lists this file).
import { overhang as overhangOf, type OverhangInstrument } from "../calc";
import {
  assertDateCovered,
  conversionPriceOf,
  eventSourceUrl,
  WALL_GROUPS,
  debtStack,
  financingEvents,
  isoDateToExcelSerial,
  maturityWall,
  outstandingFilter,
  outstandingTotal,
  parseAsOf,
  parseUnits,
  resolveIssuers,
  type DatasetView,
  type OutstandingRow,
} from "../data";
import { invalidArgument, notAvailable } from "../errors";
import { choice } from "../checks/choice";
import { dealsView, flag, named, number, optionalNumber, single, text } from "./arguments";
import { amountHeader, issuerList, withHeaders } from "./data-tables";
import { excel, type CellValue } from "./excel-errors";
import { remembered } from "./remembered";

// ---------------------------------------------------------------------------------------
// Shared by the outstanding functions

/** A required issuer argument, resolved to its tickers (former tickers included). */
function requiredIssuers(issuer: unknown, view: DatasetView): ReadonlySet<string> {
  const tickers = issuerList(issuer, view);
  if (tickers === null) throw invalidArgument('issuer is required: a ticker such as "MARA"');
  return named("issuer", () => resolveIssuers(tickers, view)) as ReadonlySet<string>;
}

/** The as_of date; after coverage #N/A (not known), unless my_deals brings the user's own later rows. */
function asOfArgument(as_of: unknown, view: DatasetView): string {
  const date = named("as_of", () => parseAsOf(single(as_of, "as_of")));
  if (!view.withWorkbook) assertDateCovered(date, "as_of");
  return date;
}

function dateCell(iso: string | null): CellValue {
  return iso === null ? "" : isoDateToExcelSerial(iso);
}

/** The convertibles of a stack with a balance, as the overhang needs them; #N/A naming any that cannot be counted. */
function convertibles(rows: readonly OutstandingRow[]): OverhangInstrument[] {
  const out: OverhangInstrument[] = [];
  for (const { record, figure } of rows) {
    const price = conversionPriceOf(record);
    if (price === null && record.instrument_class !== "convertible") continue;
    if (price === null) throw notAvailable(`${record.id}: conversion price not disclosed in sources, so its shares cannot be counted`);
    if (figure.value === null) throw notAvailable(`${record.id}: principal outstanding not known (${figure.basis})`);
    out.push({ principal: figure.value, conversionPrice: price, capPrice: record.capped_call_cap_price_usd, settlement: record.settlement });
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Outstanding functions

/**
 * Principal outstanding at a date: listed issuers' debt under the outstanding rule (issued principal, changed by sourced events, set by reported snapshots; facilities only as drawn).
 * @customfunction
 * @param as_of Date: "2025-10-15", an Excel date, a year "2025" (its last day) or a quarter "2025Q3" (its last day). Empty = the end of the dataset's coverage; a later date is #N/A (not known).
 * @param issuer Ticker(s), comma-separated ("MARA, RIOT"); former tickers find the same issuer. Empty = all listed issuers.
 * @param instrument_class "all" (default), "convertible", "non_convertible", or one class: secured_notes, unsecured_notes, loan, credit_facility, bitcoin_backed_loan, equipment_financing, other.
 * @param units "USD" (default), "USDm" (millions) or "USDbn" (billions).
 * @param my_deals Your own financings: a range with a header row of field names, normally MinerDebtDeals[#All] (the task pane creates the table). A row whose id is in the dataset replaces that record; a new id adds one.
 * @returns The principal outstanding; balances the sources leave unknown at the date are not in it (DEBTSTACK lists them).
 */
export function outstanding(as_of?: any, issuer?: any, instrument_class?: any, units?: any, my_deals?: any[][]): number {
  return remembered("OUTSTANDING", [as_of, issuer, instrument_class, units], my_deals, (view) => {
    const date = asOfArgument(as_of, view);
    const unit = parseUnits(single(units, "units"));
    return outstandingTotal(date, issuerList(issuer, view), single(instrument_class, "instrument_class"), view).value / unit.divisor;
  });
}

const STACK_HEADER = [
  "id",
  "instrument",
  "secured",
  "collateral",
  "coupon_pct",
  "maturity_date",
  "principal_outstanding",
  "basis",
  "conversion_price_usd",
  "capped_call_cap_price_usd",
  "conversion_shares",
];

/**
 * An issuer's capital stack at a date: one row per debt instrument outstanding, by maturity, with the basis of each balance.
 * @customfunction
 * @param issuer Ticker, e.g. "MARA" (former tickers find the same issuer); several comma-separated.
 * @param as_of Date (as in OUTSTANDING); empty = the end of the dataset's coverage.
 * @param headers TRUE (default) for a header row; FALSE for data only.
 * @param units Principal in "USD" (default), "USDm" or "USDbn".
 * @param my_deals Your own financings: a range with a header row of field names, normally MinerDebtDeals[#All] (the task pane creates the table). A row whose id is in the dataset replaces that record; a new id adds one.
 * @returns id, instrument, secured, collateral, coupon (fraction), maturity (date), principal outstanding, basis, conversion price, cap price, conversion shares (principal outstanding ÷ conversion price).
 */
export function debtstack(issuer: any, as_of?: any, headers?: any, units?: any, my_deals?: any[][]): any[][] {
  return remembered("DEBTSTACK", [issuer, as_of, headers, units], my_deals, (view) => {
    const tickers = requiredIssuers(issuer, view);
    const date = asOfArgument(as_of, view);
    const withHeader = flag(headers, "headers", true);
    const unit = parseUnits(single(units, "units"));
    const rows = debtStack(tickers, date, view).map(({ record, figure }): CellValue[] => {
      const price = conversionPriceOf(record);
      return [
        record.id,
        record.instrument,
        record.secured ?? "",
        record.collateral ?? "",
        record.coupon_pct === null ? "" : record.coupon_pct / 100,
        dateCell(record.maturity_date),
        figure.value === null ? "" : figure.value / unit.divisor,
        figure.basis,
        price ?? "",
        record.capped_call_cap_price_usd ?? "",
        price === null || figure.value === null ? "" : figure.value / price,
      ];
    });
    const header = STACK_HEADER.map((name) => (name === "principal_outstanding" ? amountHeader(name, unit) : name));
    return withHeaders(withHeader, header, rows, `No debt outstanding for ${[...tickers].join(", ")} at ${date} in the sources`);
  });
}

/**
 * The maturity wall: principal outstanding at a date by maturity year, one column per group, and the total.
 * @customfunction
 * @param from_year First maturity year, e.g. 2026; empty = the as-of year.
 * @param to_year Last maturity year, inclusive; empty = the last maturity outstanding.
 * @param issuer Ticker(s), comma-separated; empty = all listed issuers.
 * @param group_by "instrument_class" (default), "convertible" (convertible vs non_convertible) or "issuer".
 * @param as_of Date (as in OUTSTANDING); empty = the end of the dataset's coverage.
 * @param units "USD" (default), "USDm" or "USDbn"; headers show the unit.
 * @param my_deals Your own financings: a range with a header row of field names, normally MinerDebtDeals[#All] (the task pane creates the table). A row whose id is in the dataset replaces that record; a new id adds one.
 * @returns A table that spills: maturity_year, one column per group, total; without from/to a last row "not stated" holds balances whose maturity the sources do not give.
 */
export function maturities(from_year?: any, to_year?: any, issuer?: any, group_by?: any, as_of?: any, units?: any, my_deals?: any[][]): any[][] {
  return remembered("MATURITIES", [from_year, to_year, issuer, group_by, as_of, units], my_deals, (view) => {
    const from = optionalNumber(from_year, "from_year", null);
    const to = optionalNumber(to_year, "to_year", null);
    for (const [name, year] of [["from_year", from], ["to_year", to]] as const) {
      if (year !== null && !(Number.isInteger(year) && year >= 1900 && year <= 2200)) throw invalidArgument(`${name} must be a year such as 2026, got ${year}`);
    }
    const filter = outstandingFilter(issuerList(issuer, view), null, view);
    const groupBy = choice("group_by", single(group_by, "group_by"), WALL_GROUPS, "instrument_class");
    const date = asOfArgument(as_of, view);
    const unit = parseUnits(single(units, "units"));
    const wall = maturityWall(filter, date, groupBy, from, to, view);
    const header = ["maturity_year", ...wall.groups.map((group) => amountHeader(group, unit)), amountHeader("total", unit)];
    const rows = wall.years.map((year, i): CellValue[] => [year ?? "not stated", ...wall.values[i].map((v) => v / unit.divisor), wall.totals[i] / unit.divisor]);
    return [header, ...rows];
  });
}

/**
 * Dilution overhang: new shares from every convertible of the issuer outstanding at a date if converted at one share price, each with its own conversion price, capped call and settlement.
 * @customfunction
 * @param issuer Ticker, e.g. "CLSK".
 * @param share_price Share price in USD at which the notes convert (> 0).
 * @param shares_outstanding Basic shares outstanding before conversion (> 0).
 * @param settlement "physical" (default: every instrument in shares, the most dilutive), "net_share" (principal in cash, the excess in shares) or "as_terms" (each deal's own: net share where it pays principal in cash, else physical).
 * @param include_capped_call TRUE (default) applies each deal's capped call; FALSE ignores them.
 * @param as_of Date (as in OUTSTANDING); empty = the end of the dataset's coverage.
 * @param measure "fraction" (default: new shares ÷ shares_outstanding) or "shares" (the number of new shares).
 * @param my_deals Your own financings: a range with a header row of field names, normally MinerDebtDeals[#All] (the task pane creates the table). A row whose id is in the dataset replaces that record; a new id adds one.
 * @returns Dilution as a fraction (0.2 = 20%), or the new shares; 0 when the issuer has no convertible outstanding.
 */
export function overhang(issuer: any, share_price: any, shares_outstanding: any, settlement?: any, include_capped_call?: any, as_of?: any, measure?: any, my_deals?: any[][]): number {
  const args = [issuer, share_price, shares_outstanding, settlement, include_capped_call, as_of, measure];
  return remembered("OVERHANG", args, my_deals, (view) => {
    const tickers = requiredIssuers(issuer, view);
    const sharePrice = number(share_price, "share_price");
    const sharesOutstanding = number(shares_outstanding, "shares_outstanding");
    const date = asOfArgument(as_of, view);
    return overhangOf({
      instruments: convertibles(debtStack(tickers, date, view)),
      sharePrice,
      sharesOutstanding,
      settlement: single(settlement, "settlement") as string | null,
      includeCappedCall: flag(include_capped_call, "include_capped_call", true),
      measure: single(measure, "measure") as string | null,
    });
  });
}

const EVENTS_HEADER = ["date", "event", "principal_change_usd", "principal_outstanding_usd", "related_financing_id", "source_url"];

/**
 * A financing's post-issuance events, oldest first: repurchases, exchanges, conversions, repayments, drawdowns, defaults and reported balances, each with its source.
 * @customfunction
 * @param id Financing id, e.g. "MARA-2021-11-CVT-2026".
 * @param headers TRUE (default) for a header row; FALSE for data only.
 * @param my_deals Your own financings: a range with a header row of field names, normally MinerDebtDeals[#All] (the task pane creates the table). A row whose id is in the dataset replaces that record; a new id adds one.
 * @returns A table that spills: date (an Excel date, or text "2024-12" / "2024" where the source gives only the month or year), event, change, outstanding after (USD, "" where not stated), related financing, source URL (as text).
 */
export function events(id: any, headers?: any, my_deals?: any[][]): any[][] {
  return excel("EVENTS", () => {
    const { record, events: list } = financingEvents(text(id, "id", "a financing id such as MARA-2021-11-CVT-2026"), dealsView(my_deals));
    const withHeader = flag(headers, "headers", true);
    const rows = list.map((event): CellValue[] => [
      event.date.length === 10 ? isoDateToExcelSerial(event.date) : event.date,
      event.event,
      event.principal_change_usd ?? "",
      event.principal_outstanding_usd ?? "",
      event.related_financing_id ?? "",
      eventSourceUrl(event.index),
    ]);
    return withHeaders(withHeader, EVENTS_HEADER, rows, `${record.id}: no post-issuance events in the sources (not the same as none)`);
  });
}
