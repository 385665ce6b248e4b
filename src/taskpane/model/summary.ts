/**
 * The Explore summary strip's figures (pure: the property test reconciles them with SERIES,
 * ISSUERS, QUARTER and the inserted quarterly table). Undated financings count in all-time
 * totals only and are shown as such; a range reaching past coverage is marked partial.
 */
import {
  aggregate,
  bundledView,
  countedFinancings,
  datasetCoverage,
  normaliseQuery,
  periodCoverage,
  totalsByGroup,
  type DatasetView,
  type FinancingQuery,
} from "../../data";

export interface Summary {
  /** Sum of amount_usd under the rule (all time: undated financings included). */
  totalUsd: number;
  /** Financings in that sum. */
  count: number;
  /** Convertible notes' share of the total (null when the total is 0). */
  convertibleShare: number | null;
  /** All time only: the part of the total from financings with no quarter (0 otherwise). */
  undatedUsd: number;
  undatedCount: number;
  /** The coverage date when the range ends after it or inside its partial quarter, else null. */
  partialThrough: string | null;
}

export const EMPTY_SUMMARY: Summary = { totalUsd: 0, count: 0, convertibleShare: null, undatedUsd: 0, undatedCount: 0, partialThrough: null };

/**
 * The summary for a sum query (listed issuers only: see model/filters.ts sumQuery), over `view`:
 * the dataset, with the workbook's MinerDebtDeals rows when the pane found any.
 */
export function summarize(query: FinancingQuery, view: DatasetView = bundledView()): Summary {
  const normalised = normaliseQuery(query, view);
  const total = aggregate(normalised, "amount", view);
  const convertible = totalsByGroup(normalised, "instrument_class", "amount", view).find((group) => group.group === "convertible")?.value ?? 0;
  const undated = normalised.range === null ? countedFinancings(normalised, view).filter((record) => record.quarter === null) : [];
  return {
    totalUsd: total.value,
    count: total.count,
    convertibleShare: total.value > 0 ? convertible / total.value : null,
    undatedUsd: undated.reduce((sum, record) => sum + (record.amount_usd ?? 0), 0),
    undatedCount: undated.length,
    partialThrough: periodCoverage(normalised.range) === "partial" ? datasetCoverage().financingsThrough : null,
  };
}
