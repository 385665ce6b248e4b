/**
 * Issue 13: one rule for undated financings, and every view agrees for the same filters. For
 * random filter combinations (issuers, class, use, cycle, from/to or all time) the summary
 * strip's total = Σ SERIES rows (+ the undated line, all time only) = Σ the inserted quarterly
 * table's totals (+ its undated line) = QUARTER over the same range (+ undated, all time) =
 * Σ ISSUERS rows (all time, no other filter) = Σ the inserted offerings table's amounts marked
 * "In sums" = the sum written out here from the JSONL.
 */
import fc from "fast-check";
import { datasetVersion, issuerSummary, quarterlySeries, quarterTotal, quartersInRange, earliestQuarter, coverageQuarter, INSTRUMENT_CLASSES, USE_CATEGORIES, CYCLES } from "../../src/data";
import { listQuery, sumQuery, NO_FILTERS, type ExploreFilters } from "../../src/taskpane/model/filters";
import { loadSourceLinks, queryFinancings } from "../../src/data";
import { TABLE_FIELDS, offeringsTablePlan } from "../../src/taskpane/plans/offeringsTable";
import { summarize } from "../../src/taskpane/model/summary";
import { quarterlySummaryPlan, UNDATED_LABEL } from "../../src/taskpane/plans/quarterlySummary";
import { qualifies, rawFinancings, rawIssuers, type RawRecord } from "./helpers";

const counted = rawFinancings().filter(qualifies);
const aliases = new Map<string, string[]>(rawIssuers().map((issuer) => [issuer.ticker as string, [issuer.ticker as string, ...(issuer.aliases as string[])]]));
const tickers = [...new Set(issuerSummary().map((row) => row.ticker as string))];
const quarters = quartersInRange({ from: earliestQuarter() as string, to: coverageQuarter() });

/** The filters' meaning, written out independently of src/data. */
function expectedTotal(filters: ExploreFilters): number {
  const wanted = new Set(filters.issuers.flatMap((ticker) => aliases.get(ticker) ?? [ticker]));
  const inClass = (record: RawRecord) =>
    filters.instrumentClass === "all" ||
    (filters.instrumentClass === "non_convertible" ? record.instrument_class !== "convertible" : record.instrument_class === filters.instrumentClass);
  const inRange = (record: RawRecord) => {
    if (filters.fromQuarter === null && filters.toQuarter === null) return true;
    if (record.quarter === null) return false;
    return (filters.fromQuarter === null || record.quarter >= filters.fromQuarter) && (filters.toQuarter === null || record.quarter <= filters.toQuarter);
  };
  return counted
    .filter((record) => wanted.size === 0 || wanted.has(record.ticker))
    .filter(inClass)
    .filter((record) => filters.useCategory === null || record.use_category === filters.useCategory)
    .filter((record) => filters.cycle === null || record.cycle === filters.cycle)
    .filter(inRange)
    .reduce((sum, record) => sum + record.amount_usd, 0);
}

const filtersArbitrary: fc.Arbitrary<ExploreFilters> = fc
  .record({
    issuers: fc.subarray(tickers, { maxLength: 4 }),
    bounds: fc.option(fc.tuple(fc.option(fc.nat(quarters.length - 1)), fc.option(fc.nat(quarters.length - 1))), { freq: 3 }),
    instrumentClass: fc.constantFrom<ExploreFilters["instrumentClass"]>("all", "convertible", "non_convertible", ...INSTRUMENT_CLASSES),
    useCategory: fc.option(fc.constantFrom(...USE_CATEGORIES), { freq: 3 }),
    cycle: fc.option(fc.constantFrom(...CYCLES), { freq: 3 }),
  })
  .map(({ issuers, bounds, instrumentClass, useCategory, cycle }) => {
    let [from, to] = bounds ?? [null, null];
    if (from !== null && to !== null && from > to) [from, to] = [to, from];
    return { ...NO_FILTERS, issuers, instrumentClass, useCategory, cycle, fromQuarter: from === null ? null : quarters[from], toQuarter: to === null ? null : quarters[to] };
  });

/** Σ of the inserted quarterly table's Total column, and its undated line. */
function insertedTotal(filters: ExploreFilters): number {
  const series = quarterlySeries(sumQuery(filters), { groupBy: "instrument_class", measure: "amount" });
  if (series.quarters.length === 0) return 0;
  const plan = quarterlySummaryPlan({ series, version: datasetVersion(), filters: "" });
  const totalCol = 1 + series.groups.length;
  let sum = 0;
  for (const row of plan.cells.slice(2)) {
    const label = row[0];
    if (label.kind !== "text" || !(series.quarters.includes(label.value) || label.value === UNDATED_LABEL)) continue;
    const cell = row[totalCol];
    if (cell.kind === "number") sum += cell.value;
  }
  return sum;
}

/** Σ of the inserted offerings table's amount column over the rows marked "In sums". */
function offeringsTableTotal(filters: ExploreFilters): number {
  const records = queryFinancings(listQuery(filters));
  if (records.length === 0) return 0;
  const plan = offeringsTablePlan({ records, version: datasetVersion(), filters: "" });
  const amount = TABLE_FIELDS.indexOf("amount_usd");
  const inSums = TABLE_FIELDS.indexOf("counts_in_sums");
  let sum = 0;
  for (const row of plan.cells.slice(2)) {
    const counted = row[inSums];
    const value = row[amount];
    if (counted.kind === "boolean" && counted.value && value.kind === "number") sum += value.value;
  }
  return sum;
}

beforeAll(() => loadSourceLinks());

describe("every view of the same filters adds up to the same total", () => {
  it("holds for random filter combinations", () => {
    fc.assert(
      fc.property(filtersArbitrary, (filters) => {
        const expected = expectedTotal(filters);
        const query = sumQuery(filters);
        const allTime = filters.fromQuarter === null && filters.toQuarter === null;
        const summary = summarize(query);
        expect(summary.totalUsd).toBeCloseTo(expected, 2);

        const series = quarterlySeries(query, { groupBy: "instrument_class", measure: "amount" });
        expect(series.undated === null).toBe(!allTime || summary.undatedCount === 0);
        const seriesSum = series.totals.reduce((a, b) => a + b, 0) + (series.undated?.total ?? 0);
        expect(seriesSum).toBeCloseTo(expected, 2);
        expect(insertedTotal(filters)).toBeCloseTo(expected, 2);
        expect(offeringsTableTotal(filters)).toBeCloseTo(expected, 2);

        if (filters.useCategory === null && filters.cycle === null) {
          const period = `${filters.fromQuarter ?? quarters[0]}:${filters.toQuarter ?? "LQ"}`;
          const quarter = quarterTotal(period, filters.issuers.join(","), filters.instrumentClass);
          expect(quarter + (allTime ? summary.undatedUsd : 0)).toBeCloseTo(expected, 2);
        }
        if (allTime && filters.instrumentClass === "all" && filters.useCategory === null && filters.cycle === null) {
          const rows = issuerSummary().filter((row) => filters.issuers.length === 0 || filters.issuers.includes(row.ticker as string));
          expect(rows.reduce((sum, row) => sum + row.totalAmountUsd, 0)).toBeCloseTo(expected, 2);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("shows the undated financings as their own line only in all-time views", () => {
    const all = summarize(sumQuery(NO_FILTERS));
    // By hand from the JSONL: HUT-2021-XX-LOAN-NA ($20M) and WULF-NA-CF-NA ($500M) have no quarter.
    expect([all.undatedCount, all.undatedUsd]).toEqual([2, 520_000_000]);
    expect(quarterlySeries(sumQuery(NO_FILTERS)).undated?.total).toBe(520_000_000);
    const ranged = { ...NO_FILTERS, fromQuarter: "2021Q1" };
    expect(summarize(sumQuery(ranged)).undatedCount).toBe(0);
    expect(quarterlySeries(sumQuery(ranged)).undated).toBeNull();
    // The gap: ISSUERS (all time) against every quarter, now $520M and shown.
    const issuers = issuerSummary().reduce((sum, row) => sum + row.totalAmountUsd, 0);
    expect(issuers - quarterTotal(`${quarters[0]}:LQ`)).toBe(520_000_000);
  });

  it("marks a range that reaches the partial coverage quarter", () => {
    expect(summarize(sumQuery(NO_FILTERS)).partialThrough).toBe("2026-06-16");
    expect(summarize(sumQuery({ ...NO_FILTERS, toQuarter: "2026Q2" })).partialThrough).toBe("2026-06-16");
    expect(summarize(sumQuery({ ...NO_FILTERS, toQuarter: "2026Q1" })).partialThrough).toBeNull();
    expect(quarterlySeries(sumQuery(NO_FILTERS)).partialQuarter).toBe("2026Q2");
    expect(quarterlySeries(sumQuery({ ...NO_FILTERS, toQuarter: "2026Q1" })).partialQuarter).toBeNull();
  });
});
