/**
 * Chart axes for the pane's narrow charts (pure): round tick steps, and which quarter labels
 * fit under bars that may be only a few pixels wide.
 */

/** The round step at or above `raw`: 1, 2, 2.5 or 5 times a power of ten. */
export function roundStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const multiple = [1, 2, 2.5, 5, 10].find((m) => m * power >= raw * (1 - 1e-12)) as number;
  return multiple * power;
}

/** Ticks from 0 to a round top at or above `max`, at most `count` steps (0, 0.5, 1, 1.5, 2, 2.5). */
export function roundTicks(max: number, count = 5): number[] {
  const step = roundStep((max > 0 ? max : 1) / count);
  const steps = Math.max(1, Math.ceil(max / step - 1e-9));
  // Multiply, don't accumulate: 0.1 + 0.2 would print as 0.30000000000000004.
  return Array.from({ length: steps + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

/**
 * The y-axis props that make a react-charts chart read in round steps from 0: left alone it
 * splits the data's maximum evenly (0, 306, 613, 919, 1.23k); given a round top and the number
 * of steps to it, its ticks are the round ones (0, 500, 1,000, 1,500).
 */
export function roundYAxis(max: number, count = 4): { yMaxValue: number; yAxisTickCount: number } {
  const ticks = roundTicks(max, count);
  return { yMaxValue: ticks[ticks.length - 1], yAxisTickCount: ticks.length - 1 };
}

/** A label under the x axis: its text and the bar index it is centred on (a year: its first quarter). */
export interface AxisLabel {
  readonly index: number;
  readonly text: string;
  /** How many bars the label spans (1 for a quarter; the year's quarters for a year). */
  readonly span: number;
}

/**
 * Quarter labels that do not collide: every quarter ("2025Q3") when each bar's slot is wide
 * enough for the text, else one label per year ("2025", under that year's quarters), skipping
 * years when even those would touch. `charWidth` is the label font's average advance.
 */
export function quarterAxisLabels(quarters: readonly string[], slotPx: number, charWidth = 6.5, gapPx = 8): AxisLabel[] {
  if (quarters.length === 0) return [];
  if (slotPx >= 6 * charWidth + gapPx) return quarters.map((text, index) => ({ index, text, span: 1 }));
  const years: AxisLabel[] = [];
  quarters.forEach((quarter, index) => {
    const year = quarter.slice(0, 4);
    const last = years[years.length - 1];
    if (last && last.text === year) years[years.length - 1] = { ...last, span: last.span + 1 };
    else years.push({ index, text: year, span: 1 });
  });
  const needed = 4 * charWidth + gapPx;
  // Every k-th year, k the smallest that leaves `needed` px between label starts (4 quarters a year).
  const every = Math.max(1, Math.ceil(needed / (4 * slotPx)));
  return years.filter((_, i) => i % every === 0);
}
