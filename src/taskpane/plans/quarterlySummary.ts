/**
 * "Insert quarterly summary + chart": quarter × instrument class sums under the aggregation
 * rule (src/data quarterlySeries), as a table, with a stacked column chart bound to it.
 */
import type { DatasetVersion, QuarterlySeries } from "../../data";
import { instrumentClassLabel, useLabel } from "../model/labels";
import { EMPTY, FORMAT_USD_MILLIONS, numberCell, textCell } from "./cells";
import { UNITS_NOTE, provenanceNote } from "./provenance";
import { TABLE_STYLE } from "./offeringsTable";
import type { InsertPlan, PlanCell } from "./types";

export const QUARTERLY_TABLE_NAME = "MinerDebtQuarterly";
export const QUARTERLY_CHART_NAME = "MinerDebtQuarterlyChart";
/** The chart's size in cells, to the right of the table after one blank column. */
export const CHART_COLUMNS = 8;
export const CHART_ROWS = 16;

export interface QuarterlySummaryInput {
  readonly series: QuarterlySeries;
  readonly version: DatasetVersion;
  readonly filters: string;
}

/** The line under the table for financings without a quarter (all-time tables only). */
export const UNDATED_LABEL = "Undated (no quarter known; in all-time totals only)";

/** What the note says about coverage: a partial last quarter, and the undated line. */
function coverageNote(series: QuarterlySeries, version: DatasetVersion): string {
  const parts: string[] = [];
  if (series.partialQuarter) parts.push(`${series.partialQuarter} is partial: financings through ${version.financingsThrough}`);
  if (series.undated) parts.push(`${series.undated.count} undated financing(s) on the line below the table, not in any quarter`);
  return parts.length > 0 ? `. ${parts.join("; ")}` : "";
}

function groupHeading(series: QuarterlySeries, group: string): string {
  return series.groupBy === "use_category" ? useLabel(group) : series.groupBy === "instrument_class" ? instrumentClassLabel(group) : group;
}

export function quarterlySummaryPlan(input: QuarterlySummaryInput): InsertPlan {
  const { series } = input;
  if (series.measure !== "amount") throw new Error("The quarterly summary inserts amounts");
  if (series.quarters.length === 0) throw new Error("No quarters in range: nothing to insert");
  const tableCols = 1 + series.groups.length + 1;
  const chartCol = tableCols + 1;
  const cols = chartCol + CHART_COLUMNS;
  const tableRows = series.quarters.length + 1;
  // Undated financings count in all-time totals only: a line under the table (not charted).
  const undatedRows = series.undated ? 1 : 0;
  const rows = Math.max(1 + tableRows + undatedRows, 1 + CHART_ROWS);
  const pad = (cells: PlanCell[]): PlanCell[] => [...cells, ...Array.from({ length: cols - cells.length }, () => EMPTY)];
  const cells: PlanCell[][] = [
    pad([textCell(provenanceNote(input.version, `Quarterly sums by ${series.groupBy.replace("_", " ")} (new money, listed issuers, known amount; quarter of pricing, else closing): ${input.filters}${coverageNote(series, input.version)}`, UNITS_NOTE))]),
    pad([textCell("Quarter"), ...series.groups.map((group) => textCell(groupHeading(series, group))), textCell("Total (USD, shown $m)")]),
    ...series.quarters.map((quarter, q) =>
      pad([
        textCell(quarter),
        ...series.values[q].map((value) => numberCell(value, FORMAT_USD_MILLIONS)),
        numberCell(series.totals[q], FORMAT_USD_MILLIONS),
      ]),
    ),
  ];
  if (series.undated) {
    cells.push(pad([textCell(UNDATED_LABEL), ...series.undated.values.map((value) => numberCell(value, FORMAT_USD_MILLIONS)), numberCell(series.undated.total, FORMAT_USD_MILLIONS)]));
  }
  while (cells.length < rows) cells.push(pad([]));
  return {
    label: `Quarterly summary (${series.quarters.length} quarters) and chart`,
    cells,
    styles: [{ range: { row: 0, col: 0, rows: 1, cols }, role: "note" }],
    tables: [{ name: QUARTERLY_TABLE_NAME, style: TABLE_STYLE, range: { row: 1, col: 0, rows: tableRows, cols: tableCols } }],
    autofit: { row: 1, col: 0, rows: tableRows, cols: tableCols },
    charts:
      series.groups.length > 0
        ? [
            {
              type: "columnStacked",
              name: QUARTERLY_CHART_NAME,
              title: "Debt and convertible raises by quarter (USD)",
              // Quarter column + one column per group; the Total column stays out of the stack.
              data: { row: 1, col: 0, rows: tableRows, cols: 1 + series.groups.length },
              seriesBy: "columns",
              position: { row: 1, col: chartCol, rows: CHART_ROWS, cols: CHART_COLUMNS },
              valueAxisFormat: FORMAT_USD_MILLIONS,
            },
          ]
        : [],
  };
}
