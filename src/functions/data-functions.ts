// MINERDEBT data functions: the bundled dataset's sums, tables, fields and sources.
// Each function here only adapts Excel arguments to the pure core (src/data, src/calc) and its
// results and errors back to Excel: arguments are read by ./arguments (Excel's conventions,
// once), and every body runs inside excel() (./excel-errors), so a function returns a checked
// cell value or table, or throws a CustomFunctions.Error. custom-functions-metadata reads the
// JSDoc of the top-level functions (config/functions-sources.js lists the files it reads).
import {
  cellFields,
  coverageQuarter,
  datasetCoverage,
  datasetVersion,
  earliestQuarter,
  fieldTypeLabel,
  fieldValue,
  findCellField,
  getFinancing,
  issuerSummary,
  latestQuarter,
  parseFieldList,
  parsePeriod,
  parseUnits,
  partialQuarter,
  quarterFromOrdinal,
  quarterOrdinal,
  quarterlySeries,
  quarterTotal,
  queryFinancings,
  reportedFigure,
  sourceUrl,
  toCellValue,
  type FieldDef,
  type FieldName,
  type FinancingCore,
  type Units,
} from "../data";
import { invalidArgument, notAvailable } from "../errors";
import { choice } from "../checks/choice";
import { dealsView, flag, list, named, omitted, optionalNumber, single } from "./arguments";
import { amountHeader, issuerList, withHeaders } from "./data-tables";
import { excel, type CellValue } from "./excel-errors";

// ---------------------------------------------------------------------------------------
// Shared by the data functions

/** A field's value as a cell shows it: "" for a blank, percent as a fraction, dates as serials. */
function cell(record: FinancingCore, def: FieldDef<FieldName>, units?: Units): CellValue {
  return toCellValue(def, fieldValue(record, def.name), units) ?? "";
}

// ---------------------------------------------------------------------------------------
// Data functions

/**
 * Sum of financings raised in a quarter or period (new money, listed issuers, known amount), in USD.
 * @customfunction
 * @param quarter Quarter or period: "2025Q3", "2025-Q3", "Q3 2025", "3Q25", "Q3-25", a date (its quarter), a year "2025", a range "2024Q3:2025Q2", "LQ", "LQ-1" (latest quarter in the dataset, and before) or "TTM".
 * @param issuer Ticker(s), case-insensitive, comma-separated ("MARA, RIOT"); a former ticker finds the same issuer (BITF = KEEL). Empty = all issuers.
 * @param instrument_class "all" (default), "convertible", "non_convertible", or one class: convertible_preferred, secured_notes, unsecured_notes, loan, credit_facility, bitcoin_backed_loan, equipment_financing, other.
 * @param measure "amount" (default, USD), "count", "net_proceeds" (#N/A unless every financing counted discloses them) or "net_proceeds_disclosed" (the sum of those disclosed).
 * @param my_deals Your own financings: a range with a header row of field names, normally MinerDebtDeals[#All] (the task pane creates the table). A row whose id is in the dataset replaces that record; a new id adds one.
 * @returns The sum in USD (or the count); 0 when nothing was raised; #N/A for a period after the data's coverage or before its first quarter (COVERAGE()), unless my_deals is given.
 */
export function quarter(quarter: any, issuer?: any, instrument_class?: any, measure?: any, my_deals?: any[][]): number {
  return excel("QUARTER", () => {
    const period = single(quarter, "quarter");
    const view = dealsView(my_deals);
    try {
      return quarterTotal(period, issuerList(issuer, view), single(instrument_class, "instrument_class"), single(measure, "measure"), view);
    } catch (error) {
      // The core names a bad period "period"; re-read it under this parameter's name.
      parsePeriod(period, { latestQuarter: latestQuarter(view), argName: "quarter" });
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
 * @param my_deals Your own financings: a range with a header row of field names, normally MinerDebtDeals[#All] (the task pane creates the table). A row whose id is in the dataset replaces that record; a new id adds one.
 * @returns A table that spills: dates as Excel dates, percentages as fractions, blanks as empty text.
 */
export function offerings(issuer?: any, from?: any, to?: any, instrument_class?: any, fields?: any, headers?: any, units?: any, my_deals?: any[][]): any[][] {
  return excel("OFFERINGS", () => {
    const view = dealsView(my_deals);
    const tickers = issuerList(issuer, view);
    const chosen = named("fields", () => parseFieldList(list(fields, "fields")?.join(",") ?? null));
    if (chosen.length === 0) throw notAvailable("fields: no field names given");
    const withHeader = flag(headers, "headers", true);
    const unit = parseUnits(single(units, "units"));
    const records = queryFinancings(
      { issuers: tickers, from: single(from, "from"), to: single(to, "to"), instrumentClass: single(instrument_class, "instrument_class") },
      view,
    );
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
 * @param my_deals Your own financings: a range with a header row of field names, normally MinerDebtDeals[#All] (the task pane creates the table). A row whose id is in the dataset replaces that record; a new id adds one.
 * @returns The value; #N/A when the sources do not disclose it.
 */
export function deal(id: any, field: any, my_deals?: any[][]): any {
  return excel("DEAL", () => {
    const record = getFinancing(single(id, "id"), dealsView(my_deals));
    const def = findCellField(single(field, "field"), "field");
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
 * @param my_deals Your own financings: a range with a header row of field names, normally MinerDebtDeals[#All] (the task pane creates the table). A row whose id is in the dataset replaces that record; a new id adds one.
 * @returns An https URL.
 */
export function source(id: any, n?: any, my_deals?: any[][]): string {
  return excel("SOURCE", () => {
    const view = dealsView(my_deals);
    const idValue = single(id, "id");
    const index = optionalNumber(n, "n", 1);
    return sourceUrl(idValue, index, view);
  });
}

/**
 * Quarterly table for charting: quarter, one column per group, total (amounts raised, new money, listed issuers).
 * @customfunction
 * @param from First quarter (e.g. "2023Q1", a date, "LQ-7"); empty = the dataset's first quarter.
 * @param to Last quarter, inclusive; empty = the latest quarter in the dataset. Quarters outside the data's coverage (COVERAGE()) get no row.
 * @param group_by "instrument_class" (default), "use_category", "issuer" or "none" (total only).
 * @param issuer Ticker(s), comma-separated; empty = all listed issuers.
 * @param units "USD" (default), "USDm" (millions) or "USDbn" (billions); headers show the unit.
 * @param my_deals Your own financings: a range with a header row of field names, normally MinerDebtDeals[#All] (the task pane creates the table). A row whose id is in the dataset replaces that record; a new id adds one.
 * @returns A table that spills: a header row, one row per quarter (0 where nothing was raised); without from and to, a last "undated" row.
 */
export function series(from?: any, to?: any, group_by?: any, issuer?: any, units?: any, my_deals?: any[][]): any[][] {
  return excel("SERIES", () => {
    const view = dealsView(my_deals);
    const tickers = issuerList(issuer, view);
    const unit = parseUnits(single(units, "units"));
    const data = quarterlySeries({ issuers: tickers, from: single(from, "from"), to: single(to, "to") }, { groupBy: single(group_by, "group_by") }, view);
    if (data.quarters.length === 0) throw notAvailable("The dataset has no dated financings");
    const header = ["quarter", ...data.groups.map((group) => amountHeader(group, unit)), amountHeader("total", unit)];
    const rows = data.quarters.map((label, q): CellValue[] => [label, ...data.values[q].map((v) => v / unit.divisor), data.totals[q] / unit.divisor]);
    // All time: the financings with no quarter, so the rows add up to the all-time total.
    if (data.undated) rows.push(["undated", ...data.undated.values.map((v) => v / unit.divisor), data.undated.total / unit.divisor]);
    return [header, ...rows];
  });
}

/**
 * Table of issuers: ticker, name, number of financings, total raised (USD), first and last quarter.
 * @customfunction
 * @param my_deals Your own financings: a range with a header row of field names, normally MinerDebtDeals[#All] (the task pane creates the table). A row whose id is in the dataset replaces that record; a new id adds one.
 * @returns A table that spills, one row per listed issuer by current ticker; total under the aggregation rule.
 */
export function issuers(my_deals?: any[][]): any[][] {
  return excel("ISSUERS", () => {
    const header = ["ticker", "issuer", "financings", "total_amount (USD)", "first_quarter", "last_quarter"];
    const rows = issuerSummary({}, dealsView(my_deals)).map((row): CellValue[] => [
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
 * Dataset version: how far it reaches, its size and when it last changed, e.g. "financings through 2026-06-16 · 139 financings · updated 2026-12-02".
 * @customfunction
 * @returns The coverage date, the number of financings and the date the data last changed.
 */
export function version(): string {
  return excel("VERSION", () => datasetVersion().label);
}

/**
 * How far the dataset reaches: the date through which financings were searched for, and what that means for quarters.
 * @customfunction
 * @param my_deals Your own financings: a range with a header row of field names, normally MinerDebtDeals[#All] (the task pane creates the table). With it, the table also says how many rows it adds and that later periods are summed from them.
 * @returns A table that spills: item, value (dates as ISO text).
 */
export function coverage(my_deals?: any[][]): any[][] {
  return excel("COVERAGE", () => {
    const view = dealsView(my_deals);
    const window = datasetCoverage();
    const partial = partialQuarter();
    const last = coverageQuarter();
    const rows: CellValue[][] = [
      ["item", "value"],
      ["financings_through", window.financingsThrough],
      ["searched_on", window.searchedOn],
      ["first_quarter", earliestQuarter(view) ?? ""],
      ["last_complete_quarter", partial === null ? last : quarterFromOrdinal(quarterOrdinal(last) - 1)],
      ["partial_quarter", partial ?? ""],
    ];
    if (!view.withWorkbook) return rows;
    const mine = view.financings.filter((record) => view.workbookIds.has(record.id));
    return [
      ...rows,
      ["my_deals_financings", mine.length],
      ["my_deals_last_quarter", view.latest ?? ""],
      ["after_coverage", "summed from my_deals (your rows); the dataset itself is not known there"],
    ];
  });
}
