/**
 * What the dataset's coverage (data/coverage.json) means for a period. Sources were searched
 * for financings priced or closed up to `financingsThrough`; after it nothing is known, which
 * is different from "nothing happened". So:
 * - a period that starts after that date is not known: #N/A, never 0 (assertCovered);
 * - a period that ends after it holds what is known and is partial (periodCoverage);
 * - the quarter holding that date is partial unless the date is its last day;
 * - a date after it (what was owed then) is not known either: #N/A (assertDateCovered).
 */
import { notAvailable } from "../errors";
import { datasetCoverage } from "./dataset";
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

export type PeriodCoverage = "complete" | "partial" | "after";

/** How far coverage reaches into a range of quarter ordinals (null: all time, which is partial at its end). */
export function periodCoverage(range: { from: number; to: number } | null): PeriodCoverage {
  const last = quarterOrdinal(coverageQuarter());
  if (range === null) return partialQuarter() === null ? "complete" : "partial";
  if (range.from > last) return "after";
  if (range.to > last) return "partial";
  return range.to === last && partialQuarter() !== null ? "partial" : "complete";
}

/**
 * #N/A for a balance date after coverage: financings and post-issuance events after it are not in
 * the data, so what was owed then is not known (a projection of today's balances is not a fact).
 */
export function assertDateCovered(iso: string, argName: string): void {
  const through = datasetCoverage().financingsThrough;
  if (iso <= through) return;
  throw notAvailable(
    `${argName} ${iso} is after the dataset's coverage: financings and their events are known through ${through}, so what was owed then is not known. COVERAGE() shows the window; MATURITIES() as of ${through} shows what falls due later; with my_deals, later dates count your rows.`,
  );
}

/**
 * #N/A for a period wholly after coverage (`what` names it as the user wrote it). The message
 * says why and how to go further: the user's own later financings (the my_deals argument).
 */
export function assertCovered(range: { from: number; to: number } | null, what: string): void {
  if (periodCoverage(range) !== "after") return;
  const through = datasetCoverage().financingsThrough;
  throw notAvailable(
    `${what} is after the dataset's coverage: financings are known through ${through}, later ones are not known (not zero). COVERAGE() shows the window; add later financings in the MinerDebtDeals table and pass it as my_deals.`,
  );
}
