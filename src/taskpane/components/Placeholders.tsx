/**
 * Stand-ins for the Explore chart and list while their chunks are not loaded: Fluent skeletons
 * of about the height the real part takes (measured in Chromium at 320–1280 px), so the page
 * does not jump when it arrives. Hidden from assistive technology: they are not the chart or
 * the list, hold nothing to read and take no focus.
 */
import { Skeleton, SkeletonItem, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, overflow: "hidden" },
  legend: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  rows: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: tokens.spacingVerticalS },
});

/** The chart's drawing: react-charts renders 350 px for the pane's 240 px plot (measured). */
const CHART_DRAWING_PX = 350;
/** ChartLegend: 12 px text (≈ 6 px a character) after a 14 px swatch, 12 px apart, 22 px lines. */
const LEGEND_LINE_PX = 21.5;
const LEGEND_GAP_PX = 12;
const legendItemWidth = (label: string) => 14 + 6 * label.length;

/** Lines the wrapping legend takes at `width`: its items laid out left to right, as flex-wrap does. */
export function legendLines(width: number, labels: readonly string[]): number {
  let lines = 0;
  let used = Infinity;
  for (const label of labels) {
    const item = legendItemWidth(label);
    if (used + LEGEND_GAP_PX + item > width) {
      lines += 1;
      used = item;
    } else {
      used += LEGEND_GAP_PX + item;
    }
  }
  return lines;
}

export function chartPlaceholderHeight(width: number, legendLabels: readonly string[]): number {
  return Math.round(CHART_DRAWING_PX + legendLines(width, legendLabels) * LEGEND_LINE_PX);
}

/**
 * The list: a header row, then one small DataGrid row per financing — 35 px when the columns
 * get their default widths (~840 px), about 40 on average in a pane, where they are squeezed to
 * their minimum and some cells wrap (measured).
 */
const GRID_HEADER_PX = 35;
const GRID_DEFAULT_WIDTHS_PX = 840;

export function listPlaceholderHeight(width: number, rows: number): number {
  return GRID_HEADER_PX + rows * (width >= GRID_DEFAULT_WIDTHS_PX ? 35 : 40);
}

export function ChartPlaceholder({ width, legendLabels }: { width: number; legendLabels: readonly string[] }) {
  const styles = useStyles();
  return (
    <Skeleton
      aria-hidden="true"
      data-testid="chart-placeholder"
      className={styles.box}
      style={{ height: `${chartPlaceholderHeight(width, legendLabels)}px` }}
    >
      <SkeletonItem style={{ height: `${CHART_DRAWING_PX - 8}px` }} />
      <div className={styles.legend}>
        {legendLabels.map((label) => (
          <SkeletonItem key={label} size={12} style={{ width: `${legendItemWidth(label)}px` }} />
        ))}
      </div>
    </Skeleton>
  );
}

/** Only the first rows are drawn; the box keeps the full height. */
export function ListPlaceholder({ width, rows }: { width: number; rows: number }) {
  const styles = useStyles();
  return (
    <Skeleton aria-hidden="true" data-testid="list-placeholder" className={styles.box} style={{ height: `${listPlaceholderHeight(width, rows)}px` }}>
      <div className={styles.rows}>
        {Array.from({ length: Math.min(rows, 12) + 1 }, (_, i) => (
          <SkeletonItem key={i} size={24} />
        ))}
      </div>
    </Skeleton>
  );
}
