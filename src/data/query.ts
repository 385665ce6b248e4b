/**
 * Filtering and ordering financings. A query is normalised once (tickers resolved, period
 * parsed, names checked) into a NormalisedQuery that both listing and aggregation use; its
 * `key` identifies equal queries for memoisation.
 */
import { choice } from "../checks/choice";
import { invalidArgument } from "../errors";
import { bundledView } from "./dataset";
import { assertCovered } from "./coverage";
import { resolveIssuers } from "./issuers";
import { parsePeriod, parseQuarter, quarterFromOrdinal, quarterOrdinal, type QuarterRange } from "./quarters";
import { derived, type DatasetView } from "./view";
import { CYCLES, INSTRUMENT_CLASSES, USE_CATEGORIES, type Cycle, type FinancingCore, type InstrumentClass, type UseCategory } from "./types";

/**
 * Instrument class argument: a class name, or
 *   "convertible"     → instrument_class "convertible" only: convertible and exchangeable
 *                        notes. Convertible PREFERRED stock (instrument_class
 *                        "convertible_preferred", Canaan's Series A) is equity, not a
 *                        convertible bond, so it is not in "convertible";
 *   "non_convertible" → every other class (incl. convertible_preferred), so that
 *                        convertible + non_convertible = all;
 *   "all" / empty     → no filter.
 * Select convertible preferred with its own class name "convertible_preferred".
 */
export type InstrumentClassFilter = InstrumentClass | "convertible" | "non_convertible" | "all";

/** What a user can filter on; every part optional. Inputs are the raw argument values. */
export interface FinancingQuery {
  /** "bitf, MARA"; a former ticker finds the current one and vice versa; empty → all. */
  issuers?: unknown;
  /** A period to sum or list over: quarter, year, range, LQ-n, TTM (see parsePeriod). */
  period?: unknown;
  /** Inclusive bounds, any single-quarter format; combine with each other, not with `period`. */
  from?: unknown;
  to?: unknown;
  instrumentClass?: unknown;
  useCategory?: unknown;
  cycle?: unknown;
  /** true/false; null → both. */
  newMoney?: boolean | null;
  /**
   * Listed issuers only by default (the product is about public miners). false → private
   * borrowers only; "any" → both. Sums always also require new money and a known amount.
   */
  listed?: boolean | "any" | null;
}

export interface NormalisedQuery {
  issuers: ReadonlySet<string> | null;
  /** Quarter ordinals, inclusive; null → no date filter (undated records included). */
  range: { from: number; to: number } | null;
  instrumentClass: InstrumentClassFilter;
  useCategory: UseCategory | null;
  cycle: Cycle | null;
  newMoney: boolean | null;
  listed: boolean | "any";
  /** Equal keys ⇔ equal queries. */
  key: string;
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

const CLASS_FILTERS: readonly InstrumentClassFilter[] = [...INSTRUMENT_CLASSES, "non_convertible", "all"];

export function parseInstrumentClass(input: unknown, argName = "instrument_class"): InstrumentClassFilter {
  // "nonconvertible" (no separator) is read as "non_convertible" too.
  return choice(argName, typeof input === "string" && /^\s*nonconvertible\s*$/i.test(input) ? "non_convertible" : input, CLASS_FILTERS, "all");
}

export function matchesInstrumentClass(record: FinancingCore, filter: InstrumentClassFilter): boolean {
  switch (filter) {
    case "all":
      return true;
    case "non_convertible":
      return record.instrument_class !== "convertible";
    default:
      return record.instrument_class === filter;
  }
}

export function parseUseCategory(input: unknown, argName = "use_category"): UseCategory | null {
  return choice(argName, input, USE_CATEGORIES, null);
}

export function parseCycle(input: unknown, argName = "cycle"): Cycle | null {
  return choice(argName, input, CYCLES, null);
}

/**
 * The quarter range of a query: `period`, or `from`/`to` (an open side takes the dataset's
 * span). A range that starts after the data's coverage, or ends before its first quarter, is #N/A (coverage.ts): not known; with
 * my_deals (view.withWorkbook) the user has taken responsibility for it, so it is summed.
 */
function parseRange(query: FinancingQuery, view: DatasetView): { from: number; to: number } | null {
  const context = { latestQuarter: view.latest };
  const covered = view.withWorkbook ? () => undefined : assertCovered;
  if (!isBlank(query.period)) {
    if (!isBlank(query.from) || !isBlank(query.to)) throw invalidArgument("give either a period or from/to, not both");
    const parsed: QuarterRange = parsePeriod(query.period, { ...context, argName: "period" });
    const range = { from: quarterOrdinal(parsed.from), to: quarterOrdinal(parsed.to) };
    covered(range, parsed.from === parsed.to ? parsed.from : `${parsed.from}:${parsed.to}`);
    return range;
  }
  if (isBlank(query.from) && isBlank(query.to)) return null;
  const from = isBlank(query.from) ? -Infinity : quarterOrdinal(parseQuarter(query.from, { ...context, argName: "from" }));
  const to = isBlank(query.to) ? Infinity : quarterOrdinal(parseQuarter(query.to, { ...context, argName: "to" }));
  if (from > to) throw invalidArgument(`from (${String(query.from)}) is after to (${String(query.to)})`);
  if (Number.isFinite(from) || Number.isFinite(to)) {
    covered({ from, to }, `from ${Number.isFinite(from) ? quarterFromOrdinal(from) : "the start"}`, `to ${Number.isFinite(to) ? quarterFromOrdinal(to) : "the latest"}`);
  }
  return { from, to };
}

/** A query checked against a view (its tickers, and its latest quarter for "LQ"). */
export function normaliseQuery(query: FinancingQuery = {}, view: DatasetView = bundledView()): NormalisedQuery {
  const issuers = resolveIssuers(query.issuers, view);
  const range = parseRange(query, view);
  const instrumentClass = parseInstrumentClass(query.instrumentClass);
  const useCategory = parseUseCategory(query.useCategory);
  const cycle = parseCycle(query.cycle);
  const newMoney = query.newMoney ?? null;
  const listed = query.listed ?? true;
  const key = [
    issuers ? [...issuers].sort().join(",") : "*",
    range ? `${range.from}:${range.to}` : "*",
    instrumentClass,
    useCategory ?? "*",
    cycle ?? "*",
    newMoney ?? "*",
    listed,
  ].join("|");
  return { issuers, range, instrumentClass, useCategory, cycle, newMoney, listed, key };
}

export function matchesQuery(record: FinancingCore, query: NormalisedQuery): boolean {
  if (query.listed !== "any" && record.listed !== query.listed) return false;
  if (query.issuers && (record.ticker === null || !query.issuers.has(record.ticker))) return false;
  if (query.range) {
    if (record.quarter === null) return false;
    const ordinal = quarterOrdinal(record.quarter);
    if (ordinal < query.range.from || ordinal > query.range.to) return false;
  }
  if (!matchesInstrumentClass(record, query.instrumentClass)) return false;
  if (query.useCategory !== null && record.use_category !== query.useCategory) return false;
  if (query.cycle !== null && record.cycle !== query.cycle) return false;
  if (query.newMoney !== null && record.new_money !== query.newMoney) return false;
  return true;
}

/**
 * When a financing happened, for ordering: pricing date, else closing, else announcement,
 * else the first day of its quarter (a few records know only the month); "" when undated.
 */
export function sortDate(record: FinancingCore): string {
  if (record.priced_date) return record.priced_date;
  if (record.closed_date) return record.closed_date;
  if (record.announced_date) return record.announced_date;
  if (record.quarter) {
    const ordinal = quarterOrdinal(record.quarter);
    // Months 01, 04, 07, 10 (no padStart: functions.js runs on ES2016 engines, docs/taskpane.md).
    const month = ["01", "04", "07", "10"][ordinal % 4];
    return `${Math.floor(ordinal / 4)}-${month}-01`;
  }
  return "";
}

/** Oldest first; undated last; ties by id so the order never depends on the file's. */
export function compareOldestFirst(a: FinancingCore, b: FinancingCore): number {
  const dateA = sortDate(a);
  const dateB = sortDate(b);
  if (dateA !== dateB) {
    if (dateA === "") return 1;
    if (dateB === "") return -1;
    return dateA < dateB ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Every financing of the view, oldest first (sorted once per view). */
export function financingsOldestFirst(view: DatasetView = bundledView()): readonly FinancingCore[] {
  return derived(view, "oldestFirst", () => Object.freeze([...view.financings].sort(compareOldestFirst)));
}

/** The financings matching a query, oldest first. */
export function queryFinancings(query: FinancingQuery | NormalisedQuery = {}, view: DatasetView = bundledView()): FinancingCore[] {
  const normalised = "key" in query ? query : normaliseQuery(query, view);
  return financingsOldestFirst(view).filter((record) => matchesQuery(record, normalised));
}
