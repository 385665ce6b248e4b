/** Explore: filters → grid, summary strip, quarterly chart, and the three inserts. */
import { Suspense, lazy, useCallback, useMemo, useRef } from "react";
import { Caption1, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import {
  datasetVersion,
  loadSourceLinks,
  bundledView,
  quarterlySeries,
  queryFinancings,
  type DatasetView,
  type FinancingCore,
  type QuarterlySeries,
} from "../../data";
import { describeFilters, listQuery, sumQuery, type ExploreFilters } from "../model/filters";
import { instrumentClassLabel } from "../model/labels";
import { offeringsArguments, offeringsFormulaText } from "../plans/offeringsFormula";
import { ErrorBoundary } from "./ErrorBoundary";
import { FiltersPanel } from "./FiltersPanel";
import { SummaryStrip } from "./SummaryStrip";
import { EMPTY_SUMMARY, summarize, type Summary } from "../model/summary";
import { InsertButton, InsertNote, useInsert } from "./useInsert";
import { useElementWidth } from "./useElementWidth";
import { ChartPlaceholder, ListPlaceholder, PendingFocus } from "./Placeholders";
import { useRevealed } from "./useRevealed";
import { useWorkbookDeals } from "./WorkbookDeals";
import { MyDealsSection } from "./MyDealsSection";

/**
 * The chart (react-charts + d3: most of the pane's JavaScript) and the list sit below the
 * filters, summary and inserts: their chunks load when the user heads for them (useRevealed),
 * not with the first screen.
 */
const OfferingsGrid = lazy(() => import(/* webpackChunkName: "offerings-grid" */ "./OfferingsGrid"));
const QuarterlyChart = lazy(() => import(/* webpackChunkName: "quarterly-chart" */ "./QuarterlyChart"));
/** The plan builders load on the first insert, not at start-up. */
const loadPlans = () => import(/* webpackChunkName: "plans" */ "../plans");

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  formula: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
    color: tokens.colorNeutralForeground2,
  },
  chartBox: { minHeight: "260px" },
});

interface ExploreData {
  rows: FinancingCore[];
  summary: Summary;
  series: QuarterlySeries;
  error: string | null;
}

/**
 * Everything the tab shows for the filters, from src/data (errors become a message, not a crash),
 * over `view`: the dataset, with the workbook's MinerDebtDeals rows when there are any.
 */
export function exploreData(filters: ExploreFilters, view: DatasetView = bundledView()): ExploreData {
  try {
    return {
      rows: queryFinancings(listQuery(filters), view),
      summary: summarize(sumQuery(filters), view),
      series: quarterlySeries(sumQuery(filters), { groupBy: "instrument_class", measure: "amount" }, view),
      error: null,
    };
  } catch (error) {
    return {
      rows: [],
      summary: EMPTY_SUMMARY,
      series: { measure: "amount", groupBy: "instrument_class", quarters: [], groups: [], values: [], totals: [], undated: null, partialQuarter: null },
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

export function ExploreTab({
  filters,
  onFiltersChange,
  onOpenDeal,
}: {
  filters: ExploreFilters;
  onFiltersChange: (filters: ExploreFilters) => void;
  onOpenDeal: (record: FinancingCore) => void;
}) {
  const styles = useStyles();
  const deals = useWorkbookDeals();
  const myDeals = deals.status === "found";
  const data = useMemo(() => exploreData(filters, deals.view), [filters, deals.view]);
  const runner = useInsert();
  const [chartRef, chartWidth] = useElementWidth<HTMLDivElement>();
  const [chartGate, chartRevealed] = useRevealed<HTMLDivElement>("explore-chart");
  const [listGate, listRevealed] = useRevealed<HTMLDivElement>("explore-list");
  const version = datasetVersion();
  const described = describeFilters(filters);
  const noRows = data.rows.length === 0 ? "No financings match the filters." : null;
  const formulaText = offeringsFormulaText(filters, myDeals);
  const chartSection = useRef<HTMLElement>(null);
  const listSection = useRef<HTMLElement>(null);
  const chartContainer = useCallback(() => chartSection.current, []);
  const listContainer = useCallback(() => listSection.current, []);
  const chartPlaceholder = (
    <PendingFocus label="The chart is loading" container={chartContainer}>
      <ChartPlaceholder width={Math.max(280, chartWidth)} legendLabels={data.series.groups.map(instrumentClassLabel)} />
    </PendingFocus>
  );
  const listPlaceholder = (
    <PendingFocus label="The list of financings is loading" container={listContainer}>
      <ListPlaceholder width={chartWidth} rows={data.rows.length} />
    </PendingFocus>
  );
  const offeringsReason = (() => {
    const result = offeringsArguments(filters);
    return "reason" in result ? result.reason : null;
  })();

  return (
    <div className={styles.root}>
      <FiltersPanel filters={filters} onChange={onFiltersChange} />
      {data.error ? <Text role="alert">{data.error}</Text> : null}
      <SummaryStrip summary={data.summary} shown={data.rows.length} />
      <Caption1>
        Totals follow the aggregation rule: new money, listed issuers, known amount.
        {filters.includePrivate ? " Private borrowers are listed below but not summed." : ""}
      </Caption1>

      <section className={styles.section} aria-labelledby="insert-heading">
        <Subtitle2 block as="h2" id="insert-heading" style={{ margin: 0 }}>
          Insert into the workbook
        </Subtitle2>
        <div className={styles.actions}>
          <InsertButton
            runner={runner}
            appearance="primary"
            disabledReason={noRows}
            request={() => ({
              kind: "plan",
              label: `Offerings table (${data.rows.length} financings)`,
              build: async () => {
                const [{ offeringsTablePlan }] = await Promise.all([loadPlans(), loadSourceLinks()]);
                return offeringsTablePlan({ records: data.rows, version, filters: described });
              },
            })}
          >
            Insert table
          </InsertButton>
          <InsertButton
            runner={runner}
            disabledReason={noRows}
            request={() => ({
              kind: "plan",
              label: formulaText ? "OFFERINGS formula" : `DEAL formulas (${data.rows.length} financings)`,
              build: async () => (await loadPlans()).liveFormulasPlan({ filters, records: data.rows, version, describedFilters: described, myDeals }),
            })}
          >
            Insert as formulas
          </InsertButton>
          <InsertButton
            runner={runner}
            disabledReason={data.summary.count === 0 ? "No counted financings in range: nothing to chart." : null}
            request={() => ({
              kind: "plan",
              label: "Quarterly summary and chart",
              build: async () => (await loadPlans()).quarterlySummaryPlan({ series: data.series, version, filters: described }),
            })}
          >
            Insert quarterly summary + chart
          </InsertButton>
        </div>
        <InsertNote />
        <Caption1 className={styles.formula} data-testid="formula-preview">
          {formulaText ? `Formulas: ${formulaText}` : `Formulas: one =MINERDEBT.DEAL(id, field) per cell (${offeringsReason}).`}
        </Caption1>
        {runner.feedback}
      </section>

      <MyDealsSection />

      <section className={styles.section} aria-labelledby="chart-heading" ref={chartSection}>
        <Subtitle2 block as="h2" id="chart-heading" style={{ margin: 0 }}>
          By quarter
        </Subtitle2>
        <div ref={chartGate}>
          <div ref={chartRef} className={styles.chartBox}>
            {data.series.quarters.length > 0 && data.summary.count > 0 ? (
              chartRevealed ? (
                <ErrorBoundary what="the chart">
                  <Suspense fallback={chartPlaceholder}>
                    <QuarterlyChart series={data.series} width={Math.max(280, chartWidth)} />
                  </Suspense>
                </ErrorBoundary>
              ) : (
                chartPlaceholder
              )
            ) : (
              <Text>No counted financings in range.</Text>
            )}
          </div>
        </div>
      </section>

      <section className={styles.section} aria-labelledby="grid-heading" ref={listSection}>
        <Subtitle2 block as="h2" id="grid-heading" style={{ margin: 0 }}>
          Financings ({data.rows.length})
        </Subtitle2>
        <div ref={listGate}>
          {data.rows.length > 0 ? (
            listRevealed ? (
              <ErrorBoundary what="the list">
                <Suspense fallback={listPlaceholder}>
                  <OfferingsGrid rows={data.rows} onOpen={onOpenDeal} />
                </Suspense>
              </ErrorBoundary>
            ) : (
              listPlaceholder
            )
          ) : (
            <Text>{noRows}</Text>
          )}
        </div>
      </section>
    </div>
  );
}
