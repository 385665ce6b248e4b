/**
 * Stand-ins for the Explore chart and list while their chunks are not loaded: Fluent skeletons
 * of about the height the real part takes (measured in Chromium at 320–1280 px), so the page
 * does not jump when it arrives. Hidden from assistive technology: they are not the chart or
 * the list and hold nothing to read. "translucent": the stencil is a tint of the background, so
 * in the dark theme it is not a bright grey block (the opaque stencil is #575757 on #292929).
 */
import { useLayoutEffect, useRef, type ReactNode } from "react";
import { Skeleton, SkeletonItem, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, overflow: "hidden" },
  legend: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  rows: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: tokens.spacingVerticalS },
});

/** The chart's drawing (QuarterlyChart's SVG height), and the gap above its legend. */
export const CHART_DRAWING_PX = 240;
const CHART_LEGEND_GAP_PX = 8;
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
  return Math.round(CHART_DRAWING_PX + CHART_LEGEND_GAP_PX + legendLines(width, legendLabels) * LEGEND_LINE_PX);
}

/**
 * The list: a header row, then one small DataGrid row per financing — 34 px, a little more on
 * average (35.5) as some instruments wrap onto two lines — and, when the columns do not all fit
 * (under ~700 px), the one-line "more columns to the right" hint above it (measured).
 */
const GRID_HEADER_PX = 35;
const GRID_ROW_PX = 35.5;
const GRID_HINT_PX = 18;
const GRID_ALL_COLUMNS_PX = 700;

export function listPlaceholderHeight(width: number, rows: number): number {
  return Math.round(GRID_HEADER_PX + rows * GRID_ROW_PX + (width < GRID_ALL_COLUMNS_PX ? GRID_HINT_PX : 0));
}

export function ChartPlaceholder({ width, legendLabels }: { width: number; legendLabels: readonly string[] }) {
  const styles = useStyles();
  return (
    <Skeleton
      aria-hidden="true"
      appearance="translucent"
      data-testid="chart-placeholder"
      className={styles.box}
      style={{ height: `${chartPlaceholderHeight(width, legendLabels)}px` }}
    >
      <SkeletonItem style={{ height: `${CHART_DRAWING_PX}px` }} />
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
    <Skeleton aria-hidden="true" appearance="translucent" data-testid="list-placeholder" className={styles.box} style={{ height: `${listPlaceholderHeight(width, rows)}px` }}>
      <div className={styles.rows}>
        {Array.from({ length: Math.min(rows, 12) + 1 }, (_, i) => (
          <SkeletonItem key={i} size={24} />
        ))}
      </div>
    </Skeleton>
  );
}

const FOCUSABLE = 'button:not([disabled]), [href], input, select, [tabindex="0"], [role="gridcell"]';

/**
 * Keeps a lazy part in the tab order before it has loaded: a focusable, labelled stand-in
 * ("The chart is loading") around its placeholder. Tab from the inserts stops here (focus
 * entering the body is also what starts the load, useRevealed); when the part arrives and
 * this unmounts while focused, focus moves to the part's first focusable element, so the
 * keyboard order is the same whether or not the chunk had loaded.
 */
export function PendingFocus({ label, container, children }: { label: string; container: () => HTMLElement | null; children: ReactNode }) {
  const node = useRef<HTMLDivElement>(null);
  const hadFocus = useRef(false);
  useLayoutEffect(() => {
    const own = node.current;
    return () => {
      const stillHere = own !== null && (document.activeElement === own || document.activeElement === document.body || document.activeElement === null);
      if (!hadFocus.current || !stillHere) return;
      requestAnimationFrame(() => {
        if (document.activeElement && document.activeElement !== document.body) return;
        container()?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
      });
    };
  }, [container]);
  return (
    <div
      ref={node}
      tabIndex={0}
      role="group"
      aria-label={label}
      aria-busy="true"
      data-testid="pending-focus"
      onFocus={() => (hadFocus.current = true)}
      // A blur with no new target is this node leaving the page (the part arrived): keep the flag.
      onBlur={(event) => {
        if (event.relatedTarget !== null) hadFocus.current = false;
      }}
    >
      {children}
    </div>
  );
}
