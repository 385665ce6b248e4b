/**
 * Published sector figures (sector-aggregates.jsonl) for REPORTED(). A figure is a value
 * plus a qualifier ("record", "under", "approx", "estimate_up_to", "stated"); figures with a
 * different metric or scope are different series and are never added together.
 *
 * Periods in the file are quarters ("2024Q4"), years ("2024") or descriptions ("2022H1",
 * "as of ~2022-12", "trailing 12 months to ~Oct 2025"). A lookup matches one period exactly:
 * - text equal to a stored period (case and spaces ignored) finds that period;
 * - otherwise a quarter in any format (incl. dates and LQ-n) finds the stored quarter label,
 *   and a year finds the stored year — never a description that merely overlaps it
 *   (2022Q1 does not find "2022H1"; 2025 does not find "2025Q2").
 * Ranges and TTM are refused: published figures are not summed across periods.
 */
import { choice } from "../checks/choice";
import { invalidArgument, notAvailable } from "../errors";
import { allSectorFigures, latestQuarter } from "./dataset";
import { parseQuarter } from "./quarters";
import type { SectorFigureCore } from "./types";

export const DEFAULT_METRIC = "debt_and_convertible_offerings_usd";

/** Metrics in file order. */
export function sectorMetrics(): string[] {
  return [...new Set(allSectorFigures().map((figure) => figure.metric))];
}

function squash(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, " ");
}

/** The stored period label an input means, or null if it names none of `periods`. */
function matchPeriod(input: unknown, periods: readonly string[]): string | null {
  if (typeof input === "string") {
    const typed = squash(input);
    const exact = periods.find((period) => squash(period) === typed);
    if (exact !== undefined) return exact;
    if (/^\d{4}$/.test(typed)) return periods.includes(typed) ? typed : null;
    if (/:|^ttm$/.test(typed)) {
      throw invalidArgument(`period: REPORTED returns one published figure; ranges and TTM are not summed (published periods: ${periods.join("; ")})`);
    }
  }
  if (typeof input === "number" && Number.isInteger(input) && input >= 1900 && input <= 2200) {
    return periods.includes(String(input)) ? String(input) : null;
  }
  let quarter: string;
  try {
    quarter = parseQuarter(input, { latestQuarter: latestQuarter(), argName: "period" });
  } catch {
    const shown = typeof input === "string" ? `"${input}"` : String(input);
    throw invalidArgument(`period: expected a quarter (e.g. 2025Q3, Q3 2025, LQ), a year, or a published period (${periods.join("; ")}); got ${shown}`);
  }
  return quarter;
}

function parseMetric(input: unknown): string {
  return choice("metric", input, sectorMetrics(), DEFAULT_METRIC);
}

/** Every figure for a metric whose period is exactly the one asked (several scopes possible). */
export function reportedFigures(period: unknown, metricInput?: unknown): SectorFigureCore[] {
  const metric = parseMetric(metricInput);
  const figures = allSectorFigures().filter((figure) => figure.metric === metric);
  const label = matchPeriod(period, figures.map((figure) => figure.period));
  return figures.filter((figure) => figure.period === label);
}

/** The one published figure for a period and metric; NA (with the periods that exist) if none. */
export function reportedFigure(period: unknown, metricInput?: unknown): SectorFigureCore {
  const metric = parseMetric(metricInput);
  const matches = reportedFigures(period, metric);
  if (matches.length === 1) return matches[0];
  const shown = typeof period === "string" ? `"${period.trim()}"` : String(period);
  if (matches.length === 0) {
    const periods = allSectorFigures().filter((figure) => figure.metric === metric).map((figure) => figure.period);
    throw notAvailable(`No published ${metric} figure for ${shown}; published periods: ${[...new Set(periods)].join("; ")}`);
  }
  throw notAvailable(`${matches.length} published ${metric} figures for ${shown} with different scopes (${matches.map((figure) => figure.scope).join(" / ")}); see the task pane`);
}
