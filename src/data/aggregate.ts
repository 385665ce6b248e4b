/**
 * Sums under the aggregation rule (SPEC §3): a financing counts when it is new money, its
 * issuer is listed and amount_usd is known. (`listed` can be switched explicitly through
 * the query's `listed` option to reach private borrowers; new money and a known amount are
 * always required.) Quarters are the records' `quarter` (pricing, else closing).
 *
 * Speed: QUARTER() may be recalculated millions of times, so results are memoised — by the
 * raw arguments (quarterTotal) and by the normalised query (aggregate) — and the first use
 * builds a per-quarter index of the records that count.
 */
import { choice } from "../checks/choice";
import { invalidArgument, notAvailable } from "../errors";
import { bundledView, renamedIssuers } from "./dataset";
import { coverageQuarter, partialQuarter } from "./coverage";
import { countsInSums } from "./fields";
import { canonicalTicker } from "./issuers";
import {
  compareOldestFirst,
  matchesQuery,
  normaliseQuery,
  type FinancingQuery,
  type NormalisedQuery,
} from "./query";
import { quarterFromOrdinal, quarterOrdinal, type QuarterLabel } from "./quarters";
import { INSTRUMENT_CLASSES, USE_CATEGORIES, type FinancingCore } from "./types";
import { derived, type DatasetView } from "./view";

/**
 * "net_proceeds" is a total only when every counted financing discloses its net proceeds
 * (else #N/A saying how many do); "net_proceeds_disclosed" is the partial sum, named so.
 */
export const MEASURES = ["amount", "count", "net_proceeds", "net_proceeds_disclosed"] as const;
export type Measure = (typeof MEASURES)[number];

export const GROUP_BYS = ["instrument_class", "use_category", "issuer", "none"] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

/** Group label for records whose use_category is not stated. */
export const UNSPECIFIED_USE = "unspecified";

export function parseMeasure(input: unknown, argName = "measure"): Measure {
  return choice(argName, input, MEASURES, "amount");
}

export function parseGroupBy(input: unknown, argName = "group_by"): GroupBy {
  return choice(argName, input, GROUP_BYS, "instrument_class");
}

/**
 * The net proceeds matching amount_usd, or null when none is published for that amount:
 * - no option exercised (option_exercised_usd null or 0) → net_proceeds_usd;
 * - option exercised in full (or option size unknown) → net_proceeds_with_option_usd;
 * - option exercised in part → null: both published figures are for other amounts
 *   (e.g. MARA-2024-12-CVT-2031: $75M of a $150M option), and pro-rating would invent one.
 */
export function netProceedsOf(record: FinancingCore): number | null {
  const exercised = record.option_exercised_usd ?? 0;
  if (exercised === 0) return record.net_proceeds_usd;
  if (record.option_usd === null || record.option_usd === exercised) return record.net_proceeds_with_option_usd;
  return null;
}

export interface AggregateResult {
  /** The sum for the measure (a count for "count"). */
  value: number;
  /** Financings that count under the rule. */
  count: number;
  /** For the net proceeds measures: counted financings with no matching net proceeds. */
  missingNetProceeds: number;
  /** For the net proceeds measures: amount_usd of the counted financings that have them. */
  disclosedAmountUsd?: number;
  /** For the net proceeds measures: amount_usd of every counted financing. */
  amountUsd?: number;
}

/** "$2,390.4m": a message's amount, exact to $0.1m (never a rounded billion). */
function millions(usd: number): string {
  return `$${(usd / 1e6).toLocaleString("en-US", { maximumFractionDigits: 1 })}m`;
}

/**
 * #N/A unless every counted financing discloses net proceeds: a partial sum presented as the
 * total would be a silent wrong number. The message says how much is disclosed.
 */
function requireCompleteNetProceeds(result: AggregateResult): void {
  if (result.missingNetProceeds === 0) return;
  const disclosed = result.count - result.missingNetProceeds;
  throw notAvailable(
    `net proceeds disclosed for ${disclosed} of ${result.count} financings, ${millions(result.disclosedAmountUsd ?? 0)} of ${millions(result.amountUsd ?? 0)} raised; measure "net_proceeds_disclosed" sums the disclosed ones`,
  );
}

// ---------------------------------------------------------------------------------------
// Indexes (built on first use)

interface AggregateIndex {
  /** Quarter ordinal → listed records that count in sums, oldest first. */
  byQuarter: ReadonlyMap<number, readonly FinancingCore[]>;
  /** Every record that counts (any listing status), oldest first. */
  counted: readonly FinancingCore[];
}

function aggregateIndex(view: DatasetView): AggregateIndex {
  return derived(view, "aggregateIndex", () => buildAggregateIndex(view));
}

function buildAggregateIndex(view: DatasetView): AggregateIndex {
  const counted = view.financings.filter((record) => record.new_money && record.amount_usd !== null).sort(compareOldestFirst);
  const byQuarter = new Map<number, FinancingCore[]>();
  for (const record of counted) {
    if (!countsInSums(record) || record.quarter === null) continue;
    const ordinal = quarterOrdinal(record.quarter);
    const list = byQuarter.get(ordinal);
    if (list) list.push(record);
    else byQuarter.set(ordinal, [record]);
  }
  return { byQuarter, counted };
}

/** Records that count under the rule and match the query, oldest first (uses the index). */
export function countedFinancings(query: NormalisedQuery, view: DatasetView = bundledView()): FinancingCore[] {
  const { byQuarter, counted } = aggregateIndex(view);
  if (query.range && query.listed === true && Number.isFinite(query.range.from) && Number.isFinite(query.range.to)) {
    const out: FinancingCore[] = [];
    for (let ordinal = query.range.from; ordinal <= query.range.to; ordinal++) {
      for (const record of byQuarter.get(ordinal) ?? []) if (matchesQuery(record, query)) out.push(record);
    }
    return out;
  }
  return counted.filter((record) => matchesQuery(record, query));
}

function measureOf(records: readonly FinancingCore[], measure: Measure): AggregateResult {
  let value = 0;
  let missing = 0;
  let amount = 0;
  let disclosedAmount = 0;
  for (const record of records) {
    if (measure === "amount") value += record.amount_usd ?? 0;
    else if (measure === "count") value += 1;
    else {
      const net = netProceedsOf(record);
      amount += record.amount_usd ?? 0;
      if (net === null) missing++;
      else {
        value += net;
        disclosedAmount += record.amount_usd ?? 0;
      }
    }
  }
  if (measure === "amount" || measure === "count") return { value, count: records.length, missingNetProceeds: 0 };
  return { value, count: records.length, missingNetProceeds: missing, disclosedAmountUsd: disclosedAmount, amountUsd: amount };
}

const MEMO_LIMIT = 50_000;

function remember<T>(memo: Map<string, T>, key: string, value: T): T {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

/**
 * Sum, count or net proceeds of the financings matching a query, under the rule. A query
 * without a period is all time, undated records included; with one, only dated records.
 * "net_proceeds" is #N/A unless every counted financing discloses them.
 */
export function aggregate(query: FinancingQuery | NormalisedQuery = {}, measureInput: unknown = "amount", view: DatasetView = bundledView()): AggregateResult {
  const normalised = "key" in query ? query : normaliseQuery(query, view);
  const measure = parseMeasure(measureInput);
  const key = `${normalised.key}|${measure}`;
  const memo = derived(view, "aggregateMemo", () => new Map<string, AggregateResult>());
  const result = memo.get(key) ?? remember(memo, key, Object.freeze(measureOf(countedFinancings(normalised, view), measure)));
  if (measure === "net_proceeds") requireCompleteNetProceeds(result);
  return result;
}

/**
 * Raw-argument memo for quarterTotal: nested maps keyed by the arguments as given (Map keys
 * compare primitives by value), so a repeated call costs four lookups and no string building.
 */
type Memo4 = Map<unknown, Map<unknown, Map<unknown, Map<unknown, number>>>>;
/** One per view: the raw-argument memo and its size. */
interface QuarterMemo {
  memo: Memo4;
  size: number;
}

function child<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/**
 * QUARTER(period, [issuer], [instrument_class], [measure]): the sum for a period (quarter,
 * year, range, LQ-n, TTM) under the rule; 0 when nothing matches. Memoised by the raw
 * arguments, so a recalculation with the same inputs is a few map lookups.
 */
export function quarterTotal(period: unknown, issuers?: unknown, instrumentClass?: unknown, measure?: unknown, view: DatasetView = bundledView()): number {
  // A list of tickers means the same as the comma-joined text; arrays would never hit by identity.
  const issuerKey = Array.isArray(issuers) ? issuers.join(",") : issuers;
  const state = derived(view, "quarterMemo", (): QuarterMemo => ({ memo: new Map(), size: 0 }));
  const known = state.memo.get(period)?.get(issuerKey)?.get(instrumentClass)?.get(measure);
  if (known !== undefined) return known;
  if (period === null || period === undefined || (typeof period === "string" && period.trim() === "")) {
    throw invalidArgument('quarter is required, e.g. "2025Q3", "2025", "LQ" or "TTM"');
  }
  const value = aggregate({ period, issuers, instrumentClass }, measure, view).value;
  if (state.size >= MEMO_LIMIT) {
    state.memo = new Map();
    state.size = 0;
  }
  const byIssuers = child(state.memo, period, () => new Map());
  const byClass = child(byIssuers, issuerKey, () => new Map());
  child(byClass, instrumentClass, () => new Map()).set(measure, value);
  state.size++;
  return value;
}

// ---------------------------------------------------------------------------------------
// Groups and quarterly series

function issuerKey(record: FinancingCore, view: DatasetView): string {
  return record.ticker === null ? record.issuer : canonicalTicker(record.ticker, view);
}

function groupOf(record: FinancingCore, groupBy: GroupBy, view: DatasetView): string {
  switch (groupBy) {
    case "instrument_class":
      return record.instrument_class;
    case "use_category":
      return record.use_category ?? UNSPECIFIED_USE;
    case "issuer":
      return issuerKey(record, view);
    case "none":
      return "total";
  }
}

/** Column order: the enumeration's order for classes and use categories, tickers A–Z. */
function orderGroups(groups: Iterable<string>, groupBy: GroupBy): string[] {
  const present = new Set(groups);
  if (groupBy === "instrument_class") return INSTRUMENT_CLASSES.filter((name) => present.has(name));
  if (groupBy === "use_category") return [...USE_CATEGORIES, UNSPECIFIED_USE].filter((name) => present.has(name));
  return [...present].sort();
}

export interface GroupTotal {
  group: string;
  value: number;
  count: number;
  missingNetProceeds: number;
}

/** Totals per group (instrument class, use category, issuer's current ticker, or one "total"). */
export function totalsByGroup(
  query: FinancingQuery | NormalisedQuery = {},
  groupByInput: unknown = "instrument_class",
  measureInput: unknown = "amount",
  view: DatasetView = bundledView(),
): GroupTotal[] {
  const normalised = "key" in query ? query : normaliseQuery(query, view);
  const groupBy = parseGroupBy(groupByInput);
  const measure = parseMeasure(measureInput);
  const members = new Map<string, FinancingCore[]>();
  const records = countedFinancings(normalised, view);
  if (measure === "net_proceeds") requireCompleteNetProceeds(measureOf(records, measure));
  for (const record of records) {
    const group = groupOf(record, groupBy, view);
    const list = members.get(group);
    if (list) list.push(record);
    else members.set(group, [record]);
  }
  return orderGroups(members.keys(), groupBy).map((group) => ({ group, ...measureOf(members.get(group) ?? [], measure) }));
}

export interface QuarterlySeries {
  measure: Measure;
  groupBy: GroupBy;
  /** Every quarter of the range the data covers, oldest first (never one after coverage). */
  quarters: QuarterLabel[];
  /** Column per group that has at least one counted financing in the range ([] for "none"). */
  groups: string[];
  /** values[q][g]: the measure for quarter q and group g (0 where none). */
  values: number[][];
  /** Per quarter, all groups together. */
  totals: number[];
  /**
   * All time only (no period, from or to): the counted financings with no quarter, per group
   * and together, so that the quarters + undated add up to the all-time total. Else null.
   */
  undated: { values: number[]; total: number; count: number } | null;
  /** The last quarter shown when coverage ends inside it (e.g. 2026Q2 through 2026-06-16), else null. */
  partialQuarter: QuarterLabel | null;
}

export interface SeriesOptions {
  groupBy?: unknown;
  measure?: unknown;
}

/**
 * SERIES(): one row per quarter of the range with zeros where nothing counts. Without a
 * period or bounds the range is the dataset's first to latest quarter, plus the undated line;
 * an open bound takes the dataset's end. The range ends at the coverage quarter and starts at
 * the first dated quarter: a quarter outside that window is not known, so it has no row (a range
 * wholly outside it is #N/A).
 */
export function quarterlySeries(query: FinancingQuery = {}, options: SeriesOptions = {}, view: DatasetView = bundledView()): QuarterlySeries {
  const normalised = normaliseQuery(query, view);
  const groupBy = parseGroupBy(options.groupBy);
  const measure = parseMeasure(options.measure);
  const first = view.earliest;
  const last = view.latest;
  // With my_deals the user has taken responsibility for later quarters: no coverage cap.
  const covered = view.withWorkbook ? Infinity : quarterOrdinal(coverageQuarter());
  const range = normalised.range ?? { from: -Infinity, to: Infinity };
  // Likewise before the first dated quarter (where the window starts): no rows of 0 there.
  const start = view.withWorkbook || first === null ? -Infinity : quarterOrdinal(first);
  const from = Math.max(Number.isFinite(range.from) ? range.from : first === null ? 0 : quarterOrdinal(first), start);
  const to = Math.min(Number.isFinite(range.to) ? range.to : last === null ? -1 : quarterOrdinal(last), covered);
  const bounded: NormalisedQuery = { ...normalised, range: { from, to }, key: `${normalised.key}|${from}:${to}` };
  const records = countedFinancings(bounded, view);
  const undatedRecords = normalised.range === null ? countedFinancings(normalised, view).filter((record) => record.quarter === null) : [];
  if (measure === "net_proceeds") requireCompleteNetProceeds(measureOf([...records, ...undatedRecords], measure));
  const groups = groupBy === "none" ? [] : orderGroups([...records, ...undatedRecords].map((record) => groupOf(record, groupBy, view)), groupBy);
  const byGroup = (members: readonly FinancingCore[]) => groups.map((group) => measureOf(members.filter((record) => groupOf(record, groupBy, view) === group), measure).value);
  const quarters: QuarterLabel[] = [];
  const values: number[][] = [];
  const totals: number[] = [];
  for (let ordinal = from; ordinal <= to; ordinal++) {
    const inQuarter = records.filter((record) => record.quarter !== null && quarterOrdinal(record.quarter) === ordinal);
    quarters.push(quarterFromOrdinal(ordinal));
    values.push(byGroup(inQuarter));
    totals.push(measureOf(inQuarter, measure).value);
  }
  const undated = undatedRecords.length > 0 ? { values: byGroup(undatedRecords), total: measureOf(undatedRecords, measure).value, count: undatedRecords.length } : null;
  const partial = partialQuarter();
  return { measure, groupBy, quarters, groups, values, totals, undated, partialQuarter: partial !== null && quarters.includes(partial) ? partial : null };
}

// ---------------------------------------------------------------------------------------
// Issuers and maturities

export interface IssuerSummaryRow {
  /** Current ticker (null for private borrowers). */
  ticker: string | null;
  /** Former tickers that records may carry (BITF for KEEL). */
  formerTickers: readonly string[];
  /** Current name from issuers.jsonl, else derived from its records' names (see issuerName). */
  issuer: string;
  /** Every financing of the issuer in the dataset (counted or not). */
  financings: number;
  /** Financings that count under the rule. */
  countedFinancings: number;
  /** Sum of amount_usd under the rule, over all dates (undated records included). */
  totalAmountUsd: number;
  /** First and last quarter over all its dated financings. */
  firstQuarter: QuarterLabel | null;
  lastQuarter: QuarterLabel | null;
}

/**
 * A display name for an issuer not in issuers.jsonl: the name on its most recent dated record
 * (`records` are oldest first, undated last), else on its last record. The data keeps the
 * parent in `issuer` and a subsidiary in `borrower`, so a name is never a note.
 */
function issuerName(records: readonly FinancingCore[]): string {
  const dated = records.filter((record) => record.quarter !== null);
  return (dated.length > 0 ? dated[dated.length - 1] : records[records.length - 1]).issuer;
}

/** ISSUERS(): one row per issuer, by current ticker (private borrowers last, by name). */
export function issuerSummary(options: { listed?: boolean | "any" } = {}, view: DatasetView = bundledView()): IssuerSummaryRow[] {
  const listed = options.listed ?? true;
  const byIssuer = new Map<string, FinancingCore[]>();
  for (const record of [...view.financings].sort(compareOldestFirst)) {
    if (listed !== "any" && record.listed !== listed) continue;
    const key = issuerKey(record, view);
    const list = byIssuer.get(key);
    if (list) list.push(record);
    else byIssuer.set(key, [record]);
  }
  const renamed = new Map(renamedIssuers().map((issuer) => [issuer.ticker, issuer]));
  const rows = [...byIssuer.entries()].map(([key, records]): IssuerSummaryRow => {
    const ticker = records[0].ticker === null ? null : key;
    const info = ticker === null ? undefined : renamed.get(ticker);
    // records are already limited to the `listed` option, as aggregate() does
    const counted = records.filter((record) => record.new_money && record.amount_usd !== null);
    const ordinals = records.filter((record) => record.quarter !== null).map((record) => quarterOrdinal(record.quarter as string));
    return {
      ticker,
      formerTickers: info ? [...info.aliases] : [],
      issuer: info ? info.names[0] : issuerName(records),
      financings: records.length,
      countedFinancings: counted.length,
      totalAmountUsd: counted.reduce((sum, record) => sum + (record.amount_usd ?? 0), 0),
      firstQuarter: ordinals.length > 0 ? quarterFromOrdinal(Math.min(...ordinals)) : null,
      lastQuarter: ordinals.length > 0 ? quarterFromOrdinal(Math.max(...ordinals)) : null,
    };
  });
  return rows.sort((a, b) => {
    if (a.ticker === null || b.ticker === null) return a.ticker === b.ticker ? a.issuer.localeCompare(b.issuer) : a.ticker === null ? 1 : -1;
    return a.ticker < b.ticker ? -1 : 1;
  });
}

export interface MaturityBucket {
  /** Maturity year; null for financings with no maturity date in the sources. */
  year: number | null;
  amountUsd: number;
  count: number;
}

/** Issued amounts (amount_usd under the rule) by maturity year, earliest first, unknown last. */
export function maturityBuckets(query: FinancingQuery | NormalisedQuery = {}, view: DatasetView = bundledView()): MaturityBucket[] {
  const normalised = "key" in query ? query : normaliseQuery(query, view);
  const buckets = new Map<number | null, MaturityBucket>();
  for (const record of countedFinancings(normalised, view)) {
    const year = record.maturity_date === null ? null : Number(record.maturity_date.slice(0, 4));
    const bucket = buckets.get(year) ?? { year, amountUsd: 0, count: 0 };
    bucket.amountUsd += record.amount_usd ?? 0;
    bucket.count += 1;
    buckets.set(year, bucket);
  }
  return [...buckets.values()].sort((a, b) => (a.year === null ? 1 : b.year === null ? -1 : a.year - b.year));
}
