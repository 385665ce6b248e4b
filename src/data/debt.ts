/**
 * The outstanding rule (./outstanding) across the dataset: which financings are debt and issued
 * by a date, facility-level balances settled between sibling records, and the views the cell
 * functions and the task pane show — the total outstanding, an issuer's capital stack and the
 * maturity wall. Figures per date are computed once and remembered (OUTSTANDING may be
 * recalculated down a column of dates).
 */
import { shown } from "../checks/choice";
import { invalidArgument } from "../errors";
import { bundledView, datasetCoverage } from "./dataset";
import { derived, type DatasetView } from "./view";
import { effectiveEventsOf } from "./events";
import { canonicalTicker } from "./issuers";
import { outstandingAt, periodEnd, type OutstandingFigure } from "./outstanding";
import { matchesInstrumentClass, normaliseQuery, parseInstrumentClass, type InstrumentClassFilter } from "./query";
import { excelSerialToIsoDate, isIsoDate, parseQuarter, quarterOrdinal } from "./quarters";
import { latestQuarter } from "./dataset";
import { INSTRUMENT_CLASSES, type FinancingCore } from "./types";
import { twoDigits } from "./es2016";

/**
 * The date figures default to: the end of the dataset's coverage (the last date searched for
 * financings and events), never today.
 */
export function defaultAsOf(): string {
  return datasetCoverage().financingsThrough;
}

function quarterEnd(label: string): string {
  const ordinal = quarterOrdinal(label);
  const year = Math.floor(ordinal / 4);
  const month = (ordinal % 4) * 3 + 3;
  return periodEnd(`${year}-${twoDigits(month)}`);
}

const AS_OF_FORMATS = 'a date such as "2025-10-15" or an Excel date, a year "2025" (its last day) or a quarter such as "2025Q3" or "LQ" (its last day)';

/**
 * A date argument: an ISO date "2025-10-15", an Excel date, a year ("2025": its last day) or a
 * quarter in any format (its last day, e.g. "2025Q3" → 2025-09-30; "LQ" = the latest quarter
 * in the dataset). Omitted → defaultAsOf().
 */
export function parseAsOf(input: unknown, argName = "as_of"): string {
  if (input === null || input === undefined || (typeof input === "string" && input.trim() === "")) return defaultAsOf();
  if (typeof input === "string") {
    const text = input.trim();
    if (isIsoDate(text)) return text;
    if (/^\d{4}$/.test(text)) return `${text}-12-31`;
  }
  if (typeof input === "number") {
    if (Number.isInteger(input) && input >= 1900 && input <= 2200) return `${input}-12-31`;
    try {
      return excelSerialToIsoDate(input);
    } catch {
      throw invalidArgument(`${argName}: expected ${AS_OF_FORMATS}; got ${input}`);
    }
  }
  try {
    return quarterEnd(parseQuarter(input, { latestQuarter: latestQuarter(), argName }));
  } catch {
    throw invalidArgument(`${argName}: expected ${AS_OF_FORMATS}; got ${shown(input)}`);
  }
}

/** When a financing came into being: its closing, pricing or announcement date, else the end of its quarter. */
export function issueDate(record: FinancingCore): string | null {
  const dated = record.closed_date ?? record.priced_date ?? record.announced_date;
  if (dated !== null) return dated;
  if (record.quarter !== null) return quarterEnd(record.quarter);
  const first = effectiveEventsOf(record.id)[0];
  return first ? periodEnd(first.date) : null;
}

/** Preferred stock is equity: not in principal outstanding. */
export function isDebt(record: FinancingCore): boolean {
  return record.instrument_class !== "convertible_preferred";
}

/** Records that may carry one facility's balance between them (README: FACILITY-LEVEL). */
function facilityKey(record: FinancingCore, view: DatasetView): string | null {
  if (record.lender_or_counterparty === null || record.ticker === null) return null;
  if (record.amount_basis !== "commitment" && record.amount_basis !== "commitment_increment" && record.amount_basis !== "drawn") return null;
  return `${canonicalTicker(record.ticker, view)}|${record.instrument}|${record.lender_or_counterparty}`;
}

/** The view's facility groups (README: FACILITY-LEVEL), each in the view's record order. */
function facilityGroups(view: DatasetView): ReadonlyMap<string, readonly FinancingCore[]> {
  return derived(view, "facilityGroups", () => {
    const groups = new Map<string, FinancingCore[]>();
    for (const each of view.financings) {
      const key = facilityKey(each, view);
      if (key === null) continue;
      const group = groups.get(key);
      if (group) group.push(each);
      else groups.set(key, [each]);
    }
    return groups;
  });
}

/** The record's own figure (no sibling settled), or null when it is not debt or not yet issued. */
function ownFigure(record: FinancingCore, asOf: string): OutstandingFigure | null {
  if (!isDebt(record)) return null;
  const issued = issueDate(record);
  if (issued === null || issued > asOf) return null;
  return outstandingAt(record, effectiveEventsOf(record.id), asOf);
}

type Figures = Map<FinancingCore, OutstandingFigure | null>;

/**
 * One facility group at a date, from its members' own figures (in place). A member's balance
 * that a sibling reports at facility level no earlier than the member's own last figure is the
 * sibling's: the member shows 0 and the basis names the sibling, the first such in record
 * order. Each own figure is computed once (recomputing every sibling's for every record was
 * quadratic in the group's size); the search runs over the reporting members' dates only.
 */
export function settleGroup(group: readonly FinancingCore[], figures: Figures): void {
  const reporting: [FinancingCore, string][] = [];
  for (const record of group) {
    const own = figures.get(record);
    if (own?.facilityLevel && own.lastFigureDate !== null) reporting.push([record, own.lastFigureDate]);
  }
  if (reporting.length === 0) return;
  for (const record of group) {
    const own = figures.get(record) ?? null;
    if (own === null || own.value === 0) continue;
    const sibling = reporting.find(([other, date]) => other !== record && (own.lastFigureDate === null || date >= own.lastFigureDate));
    if (sibling) figures.set(record, { value: 0, basis: `in ${sibling[0].id}'s facility-level balance`, lastFigureDate: own.lastFigureDate, facilityLevel: false });
  }
}

// ---------------------------------------------------------------------------------------
// Views, remembered per date

export interface OutstandingRow {
  record: FinancingCore;
  figure: OutstandingFigure;
}

const MEMO_LIMIT = 256;

interface AtDate {
  figures: ReadonlyMap<FinancingCore, OutstandingFigure | null>;
  rows: readonly OutstandingRow[];
}

/** Every record's figure at `asOf`, facility groups settled: once per view and date. */
function atDate(asOf: string, view: DatasetView): AtDate {
  const byDate = derived(view, "outstandingByDate", () => new Map<string, AtDate>());
  const known = byDate.get(asOf);
  if (known) return known;
  const figures: Figures = new Map();
  for (const record of view.financings) figures.set(record, ownFigure(record, asOf));
  for (const group of facilityGroups(view).values()) settleGroup(group, figures);
  const rows: OutstandingRow[] = [];
  for (const [record, figure] of figures) if (figure !== null) rows.push({ record, figure });
  const entry = { figures, rows: Object.freeze(rows) };
  if (byDate.size >= MEMO_LIMIT) byDate.clear();
  byDate.set(asOf, entry);
  return entry;
}

/**
 * A financing's principal outstanding at `asOf` (ISO), or null when it is not debt or not
 * issued by then (or undated). A balance a sibling record reports later at facility level
 * is that sibling's: here 0, and the basis names the sibling.
 */
export function outstandingFigure(record: FinancingCore, asOf: string, view: DatasetView = bundledView()): OutstandingFigure | null {
  const figures = atDate(asOf, view).figures;
  if (figures.has(record)) return figures.get(record) ?? null;
  // A record not in the view (the pane may hold one of another view): settled against the
  // view's group of its facility, every member of which is its sibling.
  const key = facilityKey(record, view);
  const group = [...((key === null ? undefined : facilityGroups(view).get(key)) ?? []), record];
  const own: Figures = new Map(group.map((each) => [each, ownFigure(each, asOf)]));
  settleGroup(group, own);
  return own.get(record) ?? null;
}

/** Every debt financing issued by `asOf` with its figure, listed issuers and private borrowers alike. */
export function outstandingRows(asOf: string, view: DatasetView = bundledView()): readonly OutstandingRow[] {
  return atDate(asOf, view).rows;
}

export interface OutstandingFilter {
  /** Resolved tickers (resolveIssuers), null = every listed issuer. */
  issuers: ReadonlySet<string> | null;
  instrumentClass: InstrumentClassFilter;
}

function matches(record: FinancingCore, filter: OutstandingFilter): boolean {
  if (!record.listed) return false;
  if (filter.issuers && (record.ticker === null || !filter.issuers.has(record.ticker))) return false;
  return matchesInstrumentClass(record, filter.instrumentClass);
}

export interface OutstandingTotal {
  value: number;
  /** Financings with a balance in the sum (> 0). */
  counted: number;
  /** Financings whose balance is not known at the date: left out of the sum. */
  notKnown: readonly OutstandingRow[];
}

/** Principal outstanding at `asOf` of listed issuers' debt (known balances; the rest listed in notKnown). */
export function outstandingTotal(asOf: string, issuers: unknown, instrumentClass: unknown, view: DatasetView = bundledView()): OutstandingTotal {
  const totals = derived(view, "outstandingTotals", () => new Map<string, OutstandingTotal>());
  const key = `${asOf}|${String(issuers)}|${String(instrumentClass)}`;
  const known = totals.get(key);
  if (known) return known;
  const filter = outstandingFilter(issuers, instrumentClass, view);
  let value = 0;
  let counted = 0;
  const notKnown: OutstandingRow[] = [];
  for (const row of outstandingRows(asOf, view)) {
    if (!matches(row.record, filter)) continue;
    if (row.figure.value === null) notKnown.push(row);
    else if (row.figure.value > 0) {
      value += row.figure.value;
      counted++;
    }
  }
  const total = { value, counted, notKnown };
  if (totals.size >= MEMO_LIMIT) totals.clear();
  totals.set(key, total);
  return total;
}

export function outstandingFilter(issuers: unknown, instrumentClass: unknown, view: DatasetView = bundledView()): OutstandingFilter {
  const query = normaliseQuery({ issuers }, view);
  return { issuers: query.issuers, instrumentClass: parseInstrumentClass(instrumentClass) };
}

/** Maturity first (undated maturities last), then id. */
function byMaturity(a: OutstandingRow, b: OutstandingRow): number {
  const ma = a.record.maturity_date ?? "9999";
  const mb = b.record.maturity_date ?? "9999";
  if (ma !== mb) return ma < mb ? -1 : 1;
  return a.record.id < b.record.id ? -1 : 1;
}

/**
 * An issuer's capital stack at `asOf`: each debt instrument with a balance (> 0, or not
 * known), by maturity. Private borrowers are found by an issuer filter too.
 */
export function debtStack(issuers: ReadonlySet<string>, asOf: string, view: DatasetView = bundledView()): OutstandingRow[] {
  return outstandingRows(asOf, view)
    .filter((row) => row.record.ticker !== null && issuers.has(row.record.ticker) && row.figure.value !== 0)
    .sort(byMaturity);
}

export const WALL_GROUPS = ["instrument_class", "convertible", "issuer"] as const;
export type WallGroup = (typeof WALL_GROUPS)[number];

export interface MaturityWall {
  /** Maturity years, ascending; a last row null = maturity not stated, when any balance has none. */
  years: (number | null)[];
  groups: string[];
  /** values[row][group], USD. */
  values: number[][];
  totals: number[];
}

function groupOf(record: FinancingCore, groupBy: WallGroup, view: DatasetView): string {
  if (groupBy === "instrument_class") return record.instrument_class;
  if (groupBy === "convertible") return record.instrument_class === "convertible" ? "convertible" : "non_convertible";
  return canonicalTicker(record.ticker as string, view);
}

/**
 * The maturity wall: principal outstanding at `asOf` by maturity year (inclusive bounds; null
 * = from the as-of year / to the last maturity) and group. Balances not known are left out.
 */
export function maturityWall(
  filter: OutstandingFilter,
  asOf: string,
  groupBy: WallGroup,
  fromYear: number | null,
  toYear: number | null,
  view: DatasetView = bundledView(),
): MaturityWall {
  const rows = outstandingRows(asOf, view).filter((row) => matches(row.record, filter) && row.figure.value !== null && row.figure.value > 0);
  const years = rows.map((row) => (row.record.maturity_date === null ? null : Number(row.record.maturity_date.slice(0, 4))));
  const dated = years.filter((year): year is number => year !== null);
  const first = fromYear ?? Number(asOf.slice(0, 4));
  const last = toYear ?? Math.max(first, ...dated);
  if (first > last) throw invalidArgument(`from_year (${first}) is after to_year (${last})`);
  const order = groupBy === "instrument_class" ? [...INSTRUMENT_CLASSES] : groupBy === "convertible" ? ["convertible", "non_convertible"] : null;
  const present = [...new Set(rows.map((row) => groupOf(row.record, groupBy, view)))];
  const groups = order ? order.filter((group) => present.includes(group)) : present.sort();
  const undated = fromYear === null && toYear === null && years.some((year) => year === null);
  const wallYears: (number | null)[] = [];
  for (let year = first; year <= last; year++) wallYears.push(year);
  if (undated) wallYears.push(null);
  const values = wallYears.map(() => groups.map(() => 0));
  rows.forEach((row, i) => {
    const at = wallYears.indexOf(years[i]);
    if (at < 0) return;
    values[at][groups.indexOf(groupOf(row.record, groupBy, view))] += row.figure.value as number;
  });
  return { years: wallYears, groups, values, totals: values.map((row) => row.reduce((sum, v) => sum + v, 0)) };
}
