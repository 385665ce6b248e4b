/** Dilution across share prices for one settlement method, with and without the capped call (lazy chunk). */
import { useState, type FocusEvent } from "react";
import { LineChart, type LineChartPoints } from "@fluentui/react-charts";
import { tokens } from "@fluentui/react-components";
import { ChartLegend } from "./ChartLegend";
import { roundYAxis } from "../model/axis";

export interface CurvePoint {
  x: number;
  y: number;
}

export default function DilutionChart({
  withoutCap,
  withCap,
  settlementLabel,
  width,
}: {
  withoutCap: CurvePoint[];
  withCap: CurvePoint[] | null;
  settlementLabel: string;
  width: number;
}) {
  // Plotted in percent so the axis reads "12.5" rather than "0.125".
  const toPercent = (points: CurvePoint[]) => points.map((p) => ({ x: p.x, y: p.y * 100 }));
  const lines: LineChartPoints[] = [
    { legend: `${settlementLabel}, no capped call`, data: toPercent(withoutCap), color: tokens.colorPaletteBlueBorderActive, hideNonActiveDots: true },
  ];
  if (withCap) {
    lines.push({ legend: `${settlementLabel} + capped call`, data: toPercent(withCap), color: tokens.colorPaletteDarkOrangeBorderActive, hideNonActiveDots: true });
  }
  // react-charts leaves its callout on screen when keyboard focus moves on: drawing the chart
  // afresh once focus has left it (nothing of ours is lost) takes the callout away.
  const [drawing, setDrawing] = useState(0);
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDrawing((n) => n + 1);
  };
  return (
    <div role="figure" aria-label={`Dilution in percent of shares outstanding across share prices, ${settlementLabel} settlement`} onBlur={onBlur}>
      <LineChart
        key={drawing}
        data={{ chartTitle: "Dilution (%) by share price (USD)", lineChartData: lines }}
        width={width}
        height={220}
        xAxisTitle="Share price (USD)"
        yAxisTitle="Dilution %"
        {...roundYAxis(Math.max(0, ...lines.flatMap((line) => line.data.map((point) => point.y as number))))}
        hideLegend
      />
      <ChartLegend label="Lines" items={lines.map((line) => ({ label: line.legend, color: line.color as string }))} />
    </div>
  );
}
