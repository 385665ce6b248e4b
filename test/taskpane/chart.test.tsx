/** @jest-environment jsdom */
/**
 * The Explore chart (plain SVG): round ticks, quarter labels that fit, the quarter's total in the
 * tooltip, Left/Right between bars, and no tooltip once focus or the pointer leaves. Expected
 * sums are computed here from data/financings.jsonl.
 */
import "@testing-library/jest-dom";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { quarterlySeries } from "../../src/data";
import QuarterlyChart from "../../src/taskpane/components/QuarterlyChart";
import { quarterAxisLabels, roundStep, roundTicks, roundYAxis } from "../../src/taskpane/model/axis";
import { countsUnderRule, rawFinancings } from "./support/jsonl";

function millions(usd: number): string {
  return `$${(usd / 1e6).toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 })}m`;
}

function renderChart(issuers: string[] | null, width: number) {
  const series = quarterlySeries({ issuers, listed: true }, { groupBy: "instrument_class", measure: "amount" });
  render(
    <FluentProvider theme={webLightTheme}>
      <button>before</button>
      <QuarterlyChart series={series} width={width} />
      <button>after</button>
    </FluentProvider>,
  );
  return series;
}

const ticks = () => screen.getAllByTestId("y-tick").map((tick) => tick.textContent);
const bar = (quarter: string) => document.querySelector(`[data-quarter="${quarter}"]`) as SVGGElement;

describe("axis helpers", () => {
  test("round steps and ticks", () => {
    expect([0.3, 0.53, 1, 1.2, 2.2, 3.5, 7, 12].map(roundStep)).toEqual([0.5, 1, 1, 2, 2.5, 5, 10, 20]);
    // MARA's tallest quarter is about $2.1bn: 0 … 2.5 by 0.5, not 0 / 0.53 / 1.06 / 1.59 / 2.13.
    expect(roundTicks(2.13)).toEqual([0, 0.5, 1, 1.5, 2, 2.5]);
    expect(roundTicks(16.4)).toEqual([0, 5, 10, 15, 20]);
    expect(roundTicks(0)).toEqual([0, 0.2]);
    // react-charts' own ticks split the maximum evenly (MARA's wall: 0, 306, 613, 919, 1.23k):
    // a round top and its step count instead.
    expect(roundYAxis(1225)).toEqual({ yMaxValue: 1500, yAxisTickCount: 3 });
    expect(roundYAxis(36.2)).toEqual({ yMaxValue: 40, yAxisTickCount: 4 });
    expect(roundYAxis(0)).toEqual({ yMaxValue: 0.25, yAxisTickCount: 1 });
  });

  test("quarter labels: each quarter when there is room, else years that do not touch", () => {
    const quarters = ["2024Q3", "2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4", "2026Q1"];
    expect(quarterAxisLabels(quarters, 60).map((l) => l.text)).toEqual(quarters);
    expect(quarterAxisLabels(quarters, 12)).toEqual([
      { index: 0, text: "2024", span: 2 },
      { index: 2, text: "2025", span: 4 },
      { index: 6, text: "2026", span: 1 },
    ]);
    // 3 px slots: a year is 12 px, a label needs 34 px: every third year.
    const many = Array.from({ length: 40 }, (_, i) => `${2016 + Math.floor(i / 4)}Q${(i % 4) + 1}`);
    expect(quarterAxisLabels(many, 3).map((l) => l.text)).toEqual(["2016", "2019", "2022", "2025"]);
  });
});

describe("quarterly chart", () => {
  test("MARA: round ticks covering the tallest quarter", () => {
    const series = renderChart(["MARA"], 300);
    const tallest = Math.max(...series.totals) / 1e9;
    const values = ticks().map(Number);
    const step = values[1] - values[0];
    expect([0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5].some((round) => Math.abs(step - round) < 1e-9)).toBe(true);
    values.forEach((value, i) => expect(value).toBeCloseTo(i * step, 9));
    expect(values[values.length - 1]).toBeGreaterThanOrEqual(tallest);
    expect(values[values.length - 2]).toBeLessThan(tallest);
  });

  test("all issuers at 320 px: yearly labels, spaced apart", () => {
    const series = renderChart(null, 294);
    const labels = screen.getAllByTestId("x-label");
    expect(labels.length).toBeLessThan(series.quarters.length);
    for (const label of labels) expect(label.textContent).toMatch(/^\d{4}$/);
    const xs = labels.map((label) => Number(label.getAttribute("x")));
    for (let i = 1; i < xs.length; i += 1) expect(xs[i] - xs[i - 1]).toBeGreaterThanOrEqual(34);
  });

  test("focus shows the quarter's parts and total; Left/Right move between bars; leaving hides it", () => {
    const series = renderChart(null, 294);
    const counted = rawFinancings().filter(countsUnderRule);
    const last = series.quarters[series.quarters.length - 1];
    const previous = series.quarters[series.quarters.length - 2];
    const total = (quarter: string) => counted.filter((r) => r.quarter === quarter).reduce((sum, r) => sum + (r.amount_usd as number), 0);
    // One tab stop: the latest quarter.
    expect(bar(last)).toHaveAttribute("tabindex", "0");
    expect(document.querySelectorAll('[data-quarter][tabindex="0"]')).toHaveLength(1);
    act(() => bar(last).focus());
    expect(screen.getByTestId("chart-tooltip")).toHaveTextContent(last);
    expect(screen.getByTestId("chart-tooltip-total")).toHaveTextContent(millions(total(last)));
    fireEvent.keyDown(bar(last), { key: "ArrowLeft" });
    expect(bar(previous)).toHaveFocus();
    expect(screen.getByTestId("chart-tooltip")).toHaveTextContent(previous);
    expect(screen.getByTestId("chart-tooltip-total")).toHaveTextContent(millions(total(previous)));
    fireEvent.keyDown(bar(previous), { key: "ArrowRight" });
    expect(bar(last)).toHaveFocus();
    fireEvent.keyDown(bar(last), { key: "ArrowUp" });
    expect(bar(last)).toHaveFocus();
    act(() => screen.getByRole("button", { name: "after" }).focus());
    expect(screen.queryByTestId("chart-tooltip")).not.toBeInTheDocument();
  });

  test("the pointer shows a quarter's tooltip and leaving the chart hides it", () => {
    const series = renderChart(null, 294);
    const quarter = series.quarters[series.quarters.length - 3];
    fireEvent.mouseEnter(bar(quarter));
    expect(screen.getByTestId("chart-tooltip")).toHaveTextContent(quarter);
    fireEvent.mouseLeave(document.querySelector("svg") as SVGSVGElement);
    expect(screen.queryByTestId("chart-tooltip")).not.toBeInTheDocument();
  });
});
