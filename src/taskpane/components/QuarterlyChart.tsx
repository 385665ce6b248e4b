/**
 * Quarterly stacked columns by instrument class (lazy chunk: @fluentui/react-charts is large).
 * The numbers come from src/data quarterlySeries, the same series the summary insert writes;
 * plotted in USD billions so the axis reads "16" rather than "16.42k" millions.
 */
import { VerticalStackedBarChart, type VerticalStackedChartProps } from "@fluentui/react-charts";
import { Caption1, tokens } from "@fluentui/react-components";
import { datasetCoverage, type QuarterlySeries } from "../../data";
import { instrumentClassLabel } from "../model/labels";
import { usdMillions } from "../model/format";
import { ChartLegend } from "./ChartLegend";

/** Class colours: Fluent palette tokens, readable on light and dark backgrounds. */
export const CLASS_COLORS: Record<string, string> = {
  convertible: tokens.colorPaletteBlueBorderActive,
  convertible_preferred: tokens.colorPaletteLavenderBorderActive,
  secured_notes: tokens.colorPaletteDarkOrangeBorderActive,
  unsecured_notes: tokens.colorPaletteGoldBorderActive,
  loan: tokens.colorPaletteTealBorderActive,
  credit_facility: tokens.colorPaletteGreenBorderActive,
  bitcoin_backed_loan: tokens.colorPaletteMarigoldBorderActive,
  equipment_financing: tokens.colorPaletteCranberryBorderActive,
  other: tokens.colorPaletteSteelBorderActive,
};

export function chartData(series: QuarterlySeries): VerticalStackedChartProps[] {
  const partial = ` (partial: through ${datasetCoverage().financingsThrough})`;
  return series.quarters.map((quarter, q) => ({
    xAxisPoint: quarter,
    chartData: series.groups.map((group, g) => ({
      legend: instrumentClassLabel(group),
      data: series.values[q][g] / 1e9,
      color: CLASS_COLORS[group],
      yAxisCalloutData: usdMillions(series.values[q][g]) + (quarter === series.partialQuarter ? partial : ""),
    })),
  }));
}

/** Under the chart: the partial last quarter, and the undated amount no column shows. */
export function chartNotes(series: QuarterlySeries): string[] {
  const notes: string[] = [];
  if (series.partialQuarter) notes.push(`${series.partialQuarter} is partial: financings known through ${datasetCoverage().financingsThrough}.`);
  if (series.undated) notes.push(`${usdMillions(series.undated.total)} undated (in no quarter) is not charted.`);
  return notes;
}

export default function QuarterlyChart({ series, width }: { series: QuarterlySeries; width: number }) {
  return (
    <div role="figure" aria-label="Debt and convertible raises by quarter and instrument class, USD billions">
      <VerticalStackedBarChart
        data={chartData(series)}
        width={width}
        height={240}
        barWidth="auto"
        maxBarWidth={18}
        yAxisTitle="USD bn"
        hideLabels
        hideLegend
        chartTitle="Raises by quarter (USD bn)"
      />
      <ChartLegend
        label="Instrument classes"
        items={series.groups.map((group) => ({ label: instrumentClassLabel(group), color: CLASS_COLORS[group] }))}
      />
      {chartNotes(series).length > 0 ? <Caption1 data-testid="chart-coverage">{chartNotes(series).join(" ")}</Caption1> : null}
    </div>
  );
}
