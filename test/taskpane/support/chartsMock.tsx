/**
 * Stand-in for @fluentui/react-charts in jsdom tests: the library's d3 dependencies are ESM-only
 * and Jest (CommonJS, config not ours to change) cannot load them. The stand-ins render the data
 * they receive as JSON, so tests check what the pane gives the chart; the real charts are
 * exercised by the screenshots (scripts/screenshots.mjs) in Chromium.
 */
export function VerticalStackedBarChart(props: { data: unknown; chartTitle?: string }) {
  return <div data-testid="stacked-bar-chart" data-chart={JSON.stringify(props.data)} aria-label={props.chartTitle} />;
}

export function LineChart(props: { data: { chartTitle?: string; lineChartData?: unknown } }) {
  return <div data-testid="line-chart" data-chart={JSON.stringify(props.data.lineChartData)} aria-label={props.data.chartTitle} />;
}
