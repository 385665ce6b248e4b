/**
 * Quarterly stacked columns by instrument class (lazy chunk: @fluentui/react-charts is large).
 * The numbers come from src/data quarterlySeries, the same series the summary insert writes.
 */
import { VerticalStackedBarChart, type VerticalStackedChartProps } from "@fluentui/react-charts";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { QuarterlySeries } from "../../data";
import { instrumentClassLabel } from "../model/labels";
import { usdMillions } from "../model/format";

/** Class colours: Fluent data-viz palette tokens, readable on light and dark backgrounds. */
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

const useStyles = makeStyles({ chart: { width: "100%" } });

export function chartData(series: QuarterlySeries): VerticalStackedChartProps[] {
  return series.quarters.map((quarter, q) => ({
    xAxisPoint: quarter,
    chartData: series.groups.map((group, g) => ({
      legend: instrumentClassLabel(group),
      data: series.values[q][g] / 1e6,
      color: CLASS_COLORS[group],
      yAxisCalloutData: usdMillions(series.values[q][g]),
    })),
  }));
}

export default function QuarterlyChart({ series, width }: { series: QuarterlySeries; width: number }) {
  const styles = useStyles();
  const data = chartData(series);
  return (
    <div className={styles.chart} role="figure" aria-label="Debt and convertible raises by quarter and instrument class, USD millions">
      <VerticalStackedBarChart
        data={data}
        width={width}
        height={260}
        barWidth="auto"
        maxBarWidth={18}
        yAxisTitle="USD m"
        hideLabels
        legendProps={{ allowFocusOnLegends: true, overflowText: "more" }}
        chartTitle="Raises by quarter (USD m)"
      />
    </div>
  );
}
