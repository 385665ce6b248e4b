/** The maturity wall (lazy chunk): principal outstanding by maturity year, stacked by instrument class, USD millions. */
import { VerticalStackedBarChart, type VerticalStackedChartProps } from "@fluentui/react-charts";
import type { MaturityWall } from "../../data";
import { instrumentClassLabel } from "../model/labels";
import { usdMillions } from "../model/format";
import { roundYAxis } from "../model/axis";
import { ChartLegend } from "./ChartLegend";
import { CLASS_COLORS } from "./QuarterlyChart";

export function wallChartData(wall: MaturityWall): VerticalStackedChartProps[] {
  return wall.years.map((year, y) => ({
    xAxisPoint: year === null ? "n/s" : String(year),
    chartData: wall.groups.map((group, g) => ({
      legend: instrumentClassLabel(group),
      data: wall.values[y][g] / 1e6,
      color: CLASS_COLORS[group],
      yAxisCalloutData: usdMillions(wall.values[y][g]),
    })),
  }));
}

export default function MaturityChart({ wall, width, issuer }: { wall: MaturityWall; width: number; issuer: string }) {
  const yearTotals = wall.values.map((row) => row.reduce((sum, value) => sum + value, 0) / 1e6);
  return (
    <div role="figure" aria-label={`${issuer}'s principal outstanding by maturity year and instrument class, USD millions`}>
      <VerticalStackedBarChart
        data={wallChartData(wall)}
        width={width}
        height={220}
        barWidth="auto"
        maxBarWidth={22}
        yAxisTitle="USD m"
        {...roundYAxis(Math.max(0, ...yearTotals))}
        hideLabels
        hideLegend
        chartTitle="Maturity wall (USD m)"
      />
      <ChartLegend label="Instrument classes" items={wall.groups.map((group) => ({ label: instrumentClassLabel(group), color: CLASS_COLORS[group] }))} />
    </div>
  );
}
