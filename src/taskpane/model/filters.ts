/**
 * What the Explore tab's filters mean, as src/data queries. Sums always follow the SPEC's
 * aggregation rule (new money, listed issuer, known amount): "include private borrowers"
 * adds them to the grid and the inserted table, never to a total.
 */
import type { Cycle, FinancingQuery, InstrumentClassFilter, QuarterLabel, UseCategory } from "../../data";
import { instrumentClassLabel, useLabel } from "./labels";
import { codeLabel } from "../../data/labels";

export interface ExploreFilters {
  /** Current tickers picked (a former ticker's deals come along: src/data resolves them). */
  readonly issuers: readonly string[];
  readonly fromQuarter: QuarterLabel | null;
  readonly toQuarter: QuarterLabel | null;
  readonly instrumentClass: InstrumentClassFilter;
  readonly useCategory: UseCategory | null;
  readonly cycle: Cycle | null;
  readonly includePrivate: boolean;
}

export const NO_FILTERS: ExploreFilters = {
  issuers: [],
  fromQuarter: null,
  toQuarter: null,
  instrumentClass: "all",
  useCategory: null,
  cycle: null,
  includePrivate: false,
};

export const CYCLE_LABELS: Record<Cycle, string> = {
  "2020-2022": codeLabel("2020-2022"),
  "2023-": codeLabel("2023-"),
};

/** The records to list: every match (new money or not), private borrowers on request. */
export function listQuery(filters: ExploreFilters): FinancingQuery {
  return {
    issuers: filters.issuers.length > 0 ? filters.issuers.join(",") : null,
    from: filters.fromQuarter,
    to: filters.toQuarter,
    instrumentClass: filters.instrumentClass,
    useCategory: filters.useCategory,
    cycle: filters.cycle,
    listed: filters.includePrivate ? "any" : true,
  };
}

/** The same filters for sums: listed issuers only, whatever the toggle says. */
export function sumQuery(filters: ExploreFilters): FinancingQuery {
  return { ...listQuery(filters), listed: true };
}

/** The filters in words, for the provenance note of an insert. */
export function describeFilters(filters: ExploreFilters): string {
  const parts: string[] = [];
  parts.push(filters.issuers.length > 0 ? `issuers ${filters.issuers.join(", ")}` : "all issuers");
  if (filters.fromQuarter || filters.toQuarter) parts.push(`quarters ${filters.fromQuarter ?? "first"}–${filters.toQuarter ?? "latest"}`);
  if (filters.instrumentClass !== "all") {
    parts.push(filters.instrumentClass === "non_convertible" ? "non-convertible" : instrumentClassLabel(filters.instrumentClass).toLowerCase());
  }
  if (filters.useCategory) parts.push(`use: ${useLabel(filters.useCategory)}`);
  if (filters.cycle) parts.push(CYCLE_LABELS[filters.cycle]);
  parts.push(filters.includePrivate ? "private borrowers included (not in sums)" : "listed issuers");
  return parts.join("; ");
}
