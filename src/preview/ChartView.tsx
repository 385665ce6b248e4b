// A plain SVG rendering of a chart the task pane inserted (stacked columns, 100% bars, lines), read live
// from its data range so it follows recalculation. Excel draws the real chart; this stands in for
// it in the preview: same data, title, legend and value-axis format, simpler looks.
import { formatValue } from "./number-format";
import type { ChartRecord, PreviewWorkbook } from "./workbook";

const PALETTE = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47", "#264478", "#9E480E"];

function niceStep(range: number): number {
  if (range <= 0) return 1;
  const raw = range / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / power;
  return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * power;
}

export function ChartView({ workbook, sheet, chart, width, height }: { workbook: PreviewWorkbook; sheet: number; chart: ChartRecord; width: number; height: number }) {
  const data = workbook.chartData(sheet, chart);
  const { categories } = data;
  // A 100%-stacked bar chart is drawn as columns of each category's shares (simpler looks, same
  // proportions): every value over its category's total.
  const hundred = chart.type === "barStacked100";
  const series = hundred
    ? data.series.map((s) => ({
        ...s,
        values: s.values.map((v, i) => {
          const total = data.series.reduce((sum, other) => sum + Math.abs(other.values[i]), 0);
          return total === 0 ? 0 : v / total;
        }),
      }))
    : data.series;
  const stacked = chart.type === "columnStacked" || hundred;
  const totals = categories.map((_, i) => {
    let positive = 0;
    let negative = 0;
    for (const s of series) {
      const v = s.values[i];
      if (v >= 0) positive += v;
      else negative += v;
    }
    return { positive, negative };
  });
  const all = stacked ? totals.flatMap((t) => [t.positive, t.negative]) : series.flatMap((s) => s.values);
  const max = Math.max(0, ...all);
  const min = Math.min(0, ...all);
  const step = niceStep(max - min);
  const top = Math.ceil(max / step) * step || step;
  const bottom = Math.floor(min / step) * step;

  const margin = { left: 64, right: 12, top: 34, bottom: 58 };
  const plotWidth = Math.max(10, width - margin.left - margin.right);
  const plotHeight = Math.max(10, height - margin.top - margin.bottom);
  const y = (value: number) => margin.top + plotHeight - ((value - bottom) / (top - bottom)) * plotHeight;
  const band = categories.length > 0 ? plotWidth / categories.length : plotWidth;
  const barWidth = Math.max(2, band * 0.6);
  const ticks: number[] = [];
  for (let v = bottom; v <= top + step / 2; v += step) ticks.push(v);
  const axisFormat = hundred ? "0%" : (chart.valueAxisFormat ?? "General");
  // Label every n-th category so labels do not overlap.
  const labelEvery = Math.max(1, Math.ceil(categories.length / Math.max(1, Math.floor(plotWidth / 46))));

  return (
    <svg className="chart" width={width} height={height} role="img" aria-label={`Chart: ${chart.title}`} data-chart={chart.name}>
      <rect x={0} y={0} width={width} height={height} className="chart-bg" />
      <text x={width / 2} y={20} textAnchor="middle" className="chart-title">
        {chart.title}
      </text>
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={margin.left} x2={margin.left + plotWidth} y1={y(tick)} y2={y(tick)} className="chart-grid" />
          <text x={margin.left - 6} y={y(tick) + 4} textAnchor="end" className="chart-label">
            {formatValue(tick, axisFormat)}
          </text>
        </g>
      ))}
      {stacked
        ? categories.map((_, i) => {
            let up = 0;
            let down = 0;
            return series.map((s, j) => {
              const v = s.values[i];
              const from = v >= 0 ? up : down;
              const to = from + v;
              if (v >= 0) up = to;
              else down = to;
              const x = margin.left + i * band + (band - barWidth) / 2;
              return (
                <rect key={`${i}-${j}`} x={x} width={barWidth} y={Math.min(y(from), y(to))} height={Math.abs(y(from) - y(to))} fill={PALETTE[j % PALETTE.length]}>
                  <title>{`${s.name} · ${categories[i]}: ${formatValue(v, axisFormat)}`}</title>
                </rect>
              );
            });
          })
        : series.map((s, j) => (
            <polyline
              key={s.name + j}
              fill="none"
              stroke={PALETTE[j % PALETTE.length]}
              strokeWidth={2}
              points={s.values.map((v, i) => `${margin.left + i * band + band / 2},${y(v)}`).join(" ")}
            />
          ))}
      {categories.map((category, i) =>
        i % labelEvery === 0 ? (
          <text key={category + i} x={margin.left + i * band + band / 2} y={margin.top + plotHeight + 14} textAnchor="middle" className="chart-label">
            {category}
          </text>
        ) : null,
      )}
      <g transform={`translate(${margin.left}, ${height - 22})`}>
        {series.map((s, j) => (
          <g key={s.name + j} transform={`translate(${j * Math.max(80, plotWidth / Math.max(1, series.length))}, 0)`}>
            <rect width={10} height={10} y={-9} fill={PALETTE[j % PALETTE.length]} />
            <text x={14} className="chart-label">
              {s.name}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}
