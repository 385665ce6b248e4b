/**
 * Quarterly stacked columns by instrument class (lazy chunk: @fluentui/react-charts is large).
 * The numbers come from src/data quarterlySeries, the same series the summary insert writes;
 * plotted in USD billions so the axis reads "16" rather than "16.42k" millions.
 */
import { VerticalStackedBarChart, type VerticalStackedChartProps } from "@fluentui/react-charts";
import { tokens } from "@fluentui/react-components";
import type { QuarterlySeries } from "../../data";
import { instrumentClassLabel } from "../model/labels";
import { usdMillions } from "../model/format";
import { ChartLegend } from "./ChartLegend";

/** Class colours: Fluent palette tokens, readable on light and dark backgrounds. */
const CLASS_COLORS: Record<string, string> = {
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
  return series.quarters.map((quarter, q) => ({
    xAxisPoint: quarter,
    chartData: series.groups.map((group, g) => ({
      legend: instrumentClassLabel(group),
      data: series.values[q][g] / 1e9,
      color: CLASS_COLORS[group],
      yAxisCalloutData: usdMillions(series.values[q][g]),
    })),
  }));
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
    </div>
  );
}
