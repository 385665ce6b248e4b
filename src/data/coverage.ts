/**
 * What the dataset's coverage (data/coverage.json) means for a period. Sources were searched
 * for financings priced or closed up to `financingsThrough`; after it nothing is known, which
 * is different from "nothing happened". So:
 * - a period that starts after that date is not known: #N/A, never 0 (assertCovered);
 * - a period that ends after it holds what is known and is partial (periodCoverage);
 * - the quarter holding that date is partial unless the date is its last day;
 * - a date after it (what was owed then) is not known either: #N/A (assertDateCovered).
 * The window starts with the dataset's first dated financing (COVERAGE()'s first_quarter):
 * coverage.json states no earlier search, so a period or date wholly before it is not known
 * either, not zero.
 */
import { notAvailable } from "../errors";
import { datasetCoverage, earliestQuarter } from "./dataset";
import { quarterOfIsoDate, quarterOrdinal, type QuarterLabel } from "./quarters";
import { twoDigits } from "./es2016";

/** The last quarter the data reaches (in full or in part): the quarter of financingsThrough. */
export function coverageQuarter(): QuarterLabel {
  return quarterOfIsoDate(datasetCoverage().financingsThrough);
}

/** ISO date of a quarter's last day. */
function quarterEnd(ordinal: number): string {
  const year = Math.floor(ordinal / 4);
  const month = (ordinal % 4) * 3 + 3;
  const day = month === 6 || month === 9 ? 30 : 31;
  return `${year}-${twoDigits(month)}-${day}`;
}

/** Is every day of the quarter within coverage? */
export function quarterComplete(label: QuarterLabel): boolean {
  return quarterEnd(quarterOrdinal(label)) <= datasetCoverage().financingsThrough;
}

/** The coverage quarter when coverage ends inside it (2026Q2 through 2026-06-16), else null. */
export function partialQuarter(): QuarterLabel | null {
  const label = coverageQuarter();
  return quarterComplete(label) ? null : label;
}

export type PeriodCoverage = "complete" | "partial" | "after" | "before";

/** The first day of the dataset's first dated quarter (where the window starts), or null without dated records. */
function windowStart(): { label: QuarterLabel; iso: string } | null {
  const first = earliestQuarter();
  if (first === null) return null;
  const ordinal = quarterOrdinal(first);
  return { label: first, iso: `${Math.floor(ordinal / 4)}-${twoDigits((ordinal % 4) * 3 + 1)}-01` };
}

const BEFORE = "earlier financings were not collected, so they are not known (not zero). COVERAGE() shows the window; add earlier financings in the MinerDebtDeals table and pass it as my_deals.";

/** How far coverage reaches into a range of quarter ordinals (null: all time, which is partial at its end). */
export function periodCoverage(range: { from: number; to: number } | null): PeriodCoverage {
  const last = quarterOrdinal(coverageQuarter());
  if (range === null) return partialQuarter() === null ? "complete" : "partial";
  if (range.from > last) return "after";
  const start = windowStart();
  if (start !== null && range.to < quarterOrdinal(start.label)) return "before";
  if (range.to > last) return "partial";
  return range.to === last && partialQuarter() !== null ? "partial" : "complete";
}

/**
 * #N/A for a balance date after coverage: financings and post-issuance events after it are not in
 * the data, so what was owed then is not known (a projection of today's balances is not a fact).
 */
export function assertDateCovered(iso: string, argName: string): void {
  const start = windowStart();
  if (start !== null && iso < start.iso) throw notAvailable(`${argName} ${iso} is before the dataset's first quarter (${start.label}): ${BEFORE}`);
  const through = datasetCoverage().financingsThrough;
  if (iso <= through) return;
  throw notAvailable(
    `${argName} ${iso} is after the dataset's coverage: financings and their events are known through ${through}, so what was owed then is not known. COVERAGE() shows the window; MATURITIES() as of ${through} shows what falls due later; with my_deals, later dates count your rows.`,
  );
}

/**
 * #N/A for a period wholly after coverage, or wholly before its first quarter (`what` and
 * `whatBefore` name it as the user wrote it). The message says why and how to go further: the
 * user's own financings (the my_deals argument).
 */
export function assertCovered(range: { from: number; to: number } | null, what: string, whatBefore = what): void {
  const coverage = periodCoverage(range);
  if (coverage === "before") throw notAvailable(`${whatBefore} is before the dataset's first quarter (${windowStart()?.label}): ${BEFORE}`);
  if (coverage !== "after") return;
  const through = datasetCoverage().financingsThrough;
  throw notAvailable(
    `${what} is after the dataset's coverage: financings are known through ${through}, later ones are not known (not zero). COVERAGE() shows the window; add later financings in the MinerDebtDeals table and pass it as my_deals.`,
  );
}
