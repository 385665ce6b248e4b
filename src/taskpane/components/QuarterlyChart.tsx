/**
 * Quarterly stacked columns by instrument class (lazy chunk), drawn as plain SVG so that what an
 * analyst needs at a task pane's width is under our control: round axis ticks (0, 0.5, 1 … USD
 * bn), quarter labels that never collide (yearly labels when bars are narrow), a tooltip with
 * the quarter's total as well as its parts, Left/Right (Home/End) between bars as one tab stop,
 * and no tooltip left behind once the pointer or focus leaves the chart.
 * The numbers come from src/data quarterlySeries, the same series the summary insert writes.
 */
import { useRef, useState, type FocusEvent, type KeyboardEvent } from "react";
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { datasetCoverage, type QuarterlySeries } from "../../data";
import { quarterAxisLabels, roundTicks } from "../model/axis";
import { instrumentClassLabel } from "../model/labels";
import { usdMillions } from "../model/format";
import { ChartLegend } from "./ChartLegend";
import { CHART_DRAWING_PX } from "./Placeholders";

/** Class colours: Fluent palette tokens, readable on light and dark backgrounds. */
export const CLASS_COLORS: Record<string, string> = {
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

/** Room at the top for the unit ("USD bn") above the highest tick's label. */
const MARGIN = { top: 24, right: 8, bottom: 28, left: 36 };
const MAX_BAR_PX = 18;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  frame: { position: "relative" },
  svg: { display: "block", overflow: "visible" },
  axisText: { fill: tokens.colorNeutralForeground2, fontSize: "11px", fontFamily: tokens.fontFamilyBase },
  title: { fill: tokens.colorNeutralForeground2, fontSize: "11px", fontFamily: tokens.fontFamilyBase },
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1 },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  bar: { outlineStyle: "none", cursor: "default" },
  focusRing: { fill: "none", stroke: tokens.colorStrokeFocus2, strokeWidth: 2 },
  activeSlot: { fill: tokens.colorNeutralBackground1Hover },
  tooltip: {
    position: "absolute",
    pointerEvents: "none",
    zIndex: 1,
    minWidth: "150px",
    maxWidth: "220px",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow16,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  tipRow: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, justifyContent: "space-between" },
  tipLabel: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  tipValue: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  tipTotal: { fontWeight: tokens.fontWeightSemibold, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, marginTop: "2px", paddingTop: "2px" },
  swatch: { width: "8px", height: "8px", borderRadius: "2px", flexShrink: 0 },
});

/** One quarter's parts (classes with a non-zero amount) and its total, in USD. */
export function quarterParts(series: QuarterlySeries, q: number): { group: string; label: string; usd: number }[] {
  return series.groups
    .map((group, g) => ({ group, label: instrumentClassLabel(group), usd: series.values[q][g] }))
    .filter((part) => part.usd !== 0);
}

/** What a bar says to a screen reader and in its tooltip: "2025Q3: total $1,234.5m; Convertible notes $800.0m, …". */
export function quarterDescription(series: QuarterlySeries, q: number): string {
  const parts = quarterParts(series, q);
  const partial = series.quarters[q] === series.partialQuarter ? ` (partial: financings known through ${datasetCoverage().financingsThrough})` : "";
  const total = `${series.quarters[q]}: total ${usdMillions(series.totals[q])}${partial}`;
  return parts.length === 0 ? `${total} (no counted financings)` : `${total}; ${parts.map((p) => `${p.label} ${usdMillions(p.usd)}`).join(", ")}`;
}

/** Under the chart: the partial last quarter, and the undated amount no column shows. */
export function chartNotes(series: QuarterlySeries): string[] {
  const notes: string[] = [];
  if (series.partialQuarter) notes.push(`${series.partialQuarter} is partial: financings known through ${datasetCoverage().financingsThrough}.`);
  if (series.undated) notes.push(`${usdMillions(series.undated.total)} undated (in no quarter) is not charted.`);
  return notes;
}

/** Axis ticks in USD bn: "0", "0.5", "2.5". */
function tickText(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 3 });
}

export default function QuarterlyChart({ series, width }: { series: QuarterlySeries; width: number }) {
  const styles = useStyles();
  const [active, setActive] = useState<number | null>(null);
  const [focusIndex, setFocusIndex] = useState(() => Math.max(0, series.quarters.length - 1));
  const [focused, setFocused] = useState(false);
  const bars = useRef<(SVGGElement | null)[]>([]);

  const n = series.quarters.length;
  const height = CHART_DRAWING_PX;
  const plotWidth = Math.max(1, width - MARGIN.left - MARGIN.right);
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const slot = plotWidth / Math.max(1, n);
  const barWidth = Math.max(1, Math.min(MAX_BAR_PX, slot * 0.7));
  const ticks = roundTicks(Math.max(0, ...series.totals) / 1e9);
  const top = ticks[ticks.length - 1];
  const y = (bn: number) => MARGIN.top + plotHeight - (bn / top) * plotHeight;
  const slotX = (q: number) => MARGIN.left + q * slot;
  const labels = quarterAxisLabels(series.quarters, slot);
  const current = Math.min(focusIndex, n - 1);

  const moveTo = (q: number) => {
    const next = Math.max(0, Math.min(n - 1, q));
    setFocusIndex(next);
    setActive(next);
    bars.current[next]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<SVGGElement>, q: number) => {
    const moves: Record<string, number> = { ArrowRight: q + 1, ArrowLeft: q - 1, Home: 0, End: n - 1 };
    if (event.key in moves) {
      event.preventDefault();
      moveTo(moves[event.key]);
    } else if (event.key === "Escape") {
      setActive(null);
    }
  };
  // Focus moving to anything outside the chart (Tab, Shift+Tab, a click elsewhere) hides the tooltip.
  const onBlur = (event: FocusEvent<SVGSVGElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) {
      setFocused(false);
      setActive(null);
    }
  };

  const shown = active !== null && active < n ? active : null;
  const tipLeft = shown === null ? 0 : Math.max(0, Math.min(width - 160, slotX(shown) + slot / 2 - 80));

  return (
    <div className={styles.root}>
      <div role="figure" aria-label="Debt and convertible raises by quarter and instrument class, USD billions. Left and Right arrow keys move between quarters." className={styles.frame} data-testid="stacked-bar-chart">
        <svg
          className={styles.svg}
          width={width}
          height={height}
          onBlur={onBlur}
          onMouseLeave={() => {
            if (!focused) setActive(null);
          }}
        >
          <text className={styles.title} x={0} y={10}>
            USD bn
          </text>
          {ticks.map((tick) => (
            <g key={tick} data-testid="y-tick">
              <line className={styles.grid} x1={MARGIN.left} x2={MARGIN.left + plotWidth} y1={y(tick)} y2={y(tick)} />
              <text className={styles.axisText} x={MARGIN.left - 4} y={y(tick)} dy="0.32em" textAnchor="end">
                {tickText(tick)}
              </text>
            </g>
          ))}
          {series.quarters.map((quarter, q) => {
            let stacked = 0;
            const x = slotX(q) + (slot - barWidth) / 2;
            return (
              <g
                key={quarter}
                ref={(node) => {
                  bars.current[q] = node;
                }}
                className={styles.bar}
                role="img"
                aria-label={quarterDescription(series, q)}
                data-quarter={quarter}
                tabIndex={q === current ? 0 : -1}
                onFocus={() => {
                  setFocused(true);
                  setFocusIndex(q);
                  setActive(q);
                }}
                onKeyDown={(event) => onKeyDown(event, q)}
                onMouseEnter={() => setActive(q)}
              >
                {/* The whole slot takes the pointer, so thin bars are easy to hover. */}
                <rect x={slotX(q)} y={MARGIN.top} width={slot} height={plotHeight} fill="transparent" className={shown === q ? styles.activeSlot : undefined} />
                {series.groups.map((group, g) => {
                  const bn = series.values[q][g] / 1e9;
                  if (bn <= 0) return null;
                  const y0 = y(stacked);
                  stacked += bn;
                  return <rect key={group} x={x} y={y(stacked)} width={barWidth} height={Math.max(0, y0 - y(stacked))} fill={CLASS_COLORS[group] ?? tokens.colorNeutralForeground3} />;
                })}
                {focused && q === current ? <rect className={styles.focusRing} x={slotX(q) + 1} y={MARGIN.top} width={Math.max(2, slot - 2)} height={plotHeight} rx={2} /> : null}
              </g>
            );
          })}
          <line className={styles.axis} x1={MARGIN.left} x2={MARGIN.left + plotWidth} y1={y(0)} y2={y(0)} />
          {labels.map((label) => (
            <text
              key={`${label.text}-${label.index}`}
              className={styles.axisText}
              data-testid="x-label"
              x={slotX(label.index) + (label.span * slot) / 2}
              y={height - MARGIN.bottom + 16}
              textAnchor="middle"
            >
              {label.text}
            </text>
          ))}
        </svg>
        {shown !== null ? (
          <div className={styles.tooltip} aria-hidden="true" data-testid="chart-tooltip" style={{ left: `${tipLeft}px`, top: `${MARGIN.top}px` }}>
            <div className={styles.tipRow}>
              <strong>{series.quarters[shown]}</strong>
            </div>
            {series.quarters[shown] === series.partialQuarter ? <div>Partial: financings known through {datasetCoverage().financingsThrough}</div> : null}
            {quarterParts(series, shown).map((part) => (
              <div key={part.group} className={styles.tipRow}>
                <span className={styles.tipLabel}>
                  <span className={styles.swatch} style={{ backgroundColor: CLASS_COLORS[part.group] }} aria-hidden="true" />
                  {part.label}
                </span>
                <span className={styles.tipValue}>{usdMillions(part.usd)}</span>
              </div>
            ))}
            <div className={`${styles.tipRow} ${styles.tipTotal}`}>
              <span>Quarter total</span>
              <span className={styles.tipValue} data-testid="chart-tooltip-total">
                {usdMillions(series.totals[shown])}
              </span>
            </div>
          </div>
        ) : null}
      </div>
      <ChartLegend
        label="Instrument classes"
        items={series.groups.map((group) => ({ label: instrumentClassLabel(group), color: CLASS_COLORS[group] }))}
      />
      {chartNotes(series).length > 0 ? <Caption1 data-testid="chart-coverage">{chartNotes(series).join(" ")}</Caption1> : null}
    </div>
  );
}
