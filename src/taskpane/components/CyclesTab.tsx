/**
 * "Then vs now": the 2020-2022 cycle beside 2023 onward (src/data/cycles.ts, the figures
 * CYCLES() returns). A 100%-stacked bar per cycle by instrument class, the coupon, collateral
 * and use figures with the share of the amount each could use, outcome counts that open the
 * list of those financings (a financing's id opens its deal, its issuer the Issuer view), and
 * "Insert comparison": a live CYCLES formula plus an Excel chart on it. Lazy chunk of its own tab.
 */
import { useMemo, useState, type ReactNode } from "react";
import { Button, Caption1, Link, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import {
  CYCLE_CLASS_GROUPS,
  CYCLE_OUTCOME_GROUPS,
  cycleLabel,
  cycleSummaries,
  datasetCoverage,
  datasetVersion,
  getFinancing,
  type CycleClassGroup,
  type CycleOutcomeGroup,
  type CycleSummary,
} from "../../data";
import { CYCLE_CLASS_LABELS, CYCLE_OUTCOME_LABELS, shareText } from "../model/cycles";
import { fraction, usdMillions } from "../model/format";
import DealView from "./DealView";
import { IssuerLink } from "./IssuerLink";
import { InsertButton, useInsert } from "./useInsert";

const loadPlans = () => import(/* webpackChunkName: "plans" */ "../plans");

/** Class colours: the quarterly chart's Fluent palette tokens (readable on light and dark). */
const GROUP_COLORS: Record<CycleClassGroup, string> = {
  convertible: tokens.colorPaletteBlueBorderActive,
  secured_notes: tokens.colorPaletteDarkOrangeBorderActive,
  loans_and_facilities: tokens.colorPaletteTealBorderActive,
  bitcoin_backed: tokens.colorPaletteMarigoldBorderActive,
  equipment_financing: tokens.colorPaletteCranberryBorderActive,
  other: tokens.colorPaletteSteelBorderActive,
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  cycle: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  bar: {
    display: "flex",
    height: "20px",
    borderRadius: tokens.borderRadiusMedium,
    overflow: "hidden",
    backgroundColor: tokens.colorNeutralBackground3,
  },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, fontVariantNumeric: "tabular-nums" },
  th: { textAlign: "right", fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXXS} 0 ${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, verticalAlign: "bottom" },
  rowHead: { textAlign: "left", fontWeight: tokens.fontWeightRegular, padding: `${tokens.spacingVerticalXXS} 0`, verticalAlign: "top" },
  cell: { textAlign: "right", padding: `${tokens.spacingVerticalXXS} 0 ${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, verticalAlign: "top", whiteSpace: "nowrap" },
  line: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  known: { display: "block", color: tokens.colorNeutralForeground3 },
  count: { fontSize: "inherit" },
  swatch: { display: "inline-block", width: "10px", height: "10px", borderRadius: "2px", marginRight: tokens.spacingHorizontalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  listHead: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  formula: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/** A figure with gaps, with the share of the amount it could use under it. */
function WithKnown({ value, known, what, of = "the amount" }: { value: string; known: number | null; what: string; of?: string }) {
  const styles = useStyles();
  return (
    <>
      {value}
      {known !== null && known < 1 ? (
        <span className={styles.known} title={`${what} known for ${fraction(known, 1)} of ${of}`}>
          {`${fraction(known, 1)} known`}
        </span>
      ) : null}
    </>
  );
}

function CycleBar({ summary }: { summary: CycleSummary }) {
  const styles = useStyles();
  const label = cycleLabel(summary.cycle);
  const parts = CYCLE_CLASS_GROUPS.map(([group]) => `${CYCLE_CLASS_LABELS[group]} ${shareText(summary.classShares[group])}`).join(", ");
  return (
    <div className={styles.cycle}>
      <Text size={300}>
        <Text weight="semibold">{label}</Text> · {summary.financings} financings · {usdMillions(summary.amountUsd)}
      </Text>
      <div className={styles.bar} role="img" aria-label={`${label}, share of the amount: ${parts}`} data-testid={`cycle-bar-${label}`}>
        {CYCLE_CLASS_GROUPS.map(([group]) => {
          const share = summary.classShares[group] ?? 0;
          return share > 0 ? (
            <span key={group} data-group={group} data-share={share} title={`${CYCLE_CLASS_LABELS[group]}: ${fraction(share, 1)}`} style={{ width: `${share * 100}%`, backgroundColor: GROUP_COLORS[group] }} />
          ) : null;
        })}
      </div>
    </div>
  );
}

interface Selection {
  cycle: number;
  group: CycleOutcomeGroup;
}

export default function CyclesTab() {
  const styles = useStyles();
  const summaries = useMemo(() => cycleSummaries(), []);
  const runner = useInsert();
  const [selection, setSelection] = useState<Selection | null>(null);
  const [dealId, setDealId] = useState<string | null>(null);
  const version = datasetVersion();
  const coverage = datasetCoverage();

  if (dealId !== null) return <DealView dealId={dealId} onBack={() => setDealId(null)} backLabel="Back to the list" />;

  const labels = summaries.map((summary) => cycleLabel(summary.cycle));
  const header = (
    <thead>
      <tr>
        <td />
        {labels.map((label) => (
          <th key={label} scope="col" className={styles.th}>
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
  const figureRow = (key: string, heading: ReactNode, cell: (summary: CycleSummary, index: number) => ReactNode, first = false) => (
    <tr key={key} className={first ? styles.line : undefined}>
      <th scope="row" className={styles.rowHead}>
        {heading}
      </th>
      {summaries.map((summary, i) => (
        <td key={labels[i]} className={styles.cell}>
          {cell(summary, i)}
        </td>
      ))}
    </tr>
  );
  const selected = selection ? summaries[selection.cycle]?.outcomes[selection.group] ?? [] : [];

  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby="cycles-heading">
        <Subtitle2 block as="h2" id="cycles-heading" style={{ margin: 0 }}>
          Then vs now
        </Subtitle2>
        <Caption1>
          The 2020-2022 cycle (borrowing against machines and bitcoin) beside 2023 onward, under the aggregation rule: new money,
          listed issuers, known amount. 2023 onward is still open: financings through {coverage.financingsThrough}.
        </Caption1>
        {summaries.map((summary, i) => (
          <CycleBar key={labels[i]} summary={summary} />
        ))}
      </section>

      <section className={styles.section} aria-labelledby="cycles-figures-heading">
        <Subtitle2 block as="h3" id="cycles-figures-heading" style={{ margin: 0 }}>
          Share of the amount raised
        </Subtitle2>
        <table className={styles.table} data-testid="cycles-figures">
          {header}
          <tbody>
            {CYCLE_CLASS_GROUPS.map(([group]) =>
              figureRow(
                group,
                // The row heading carries the bar's colour: the table is the bars' legend.
                <>
                  <span className={styles.swatch} style={{ backgroundColor: GROUP_COLORS[group] }} aria-hidden="true" />
                  {CYCLE_CLASS_LABELS[group]}
                </>,
                (summary) => shareText(summary.classShares[group]),
              ),
            )}
            {figureRow("zero-coupon", "Zero-coupon (of convertibles)", (s) => <WithKnown value={shareText(s.zeroCouponShare)} known={s.convertibleCouponKnownShare} what="Coupon" of="the convertible amount" />, true)}
            {figureRow("coupon", "Weighted coupon", (s) => <WithKnown value={s.weightedCoupon === null ? "not known" : fraction(s.weightedCoupon, 2)} known={s.couponKnownShare} what="Coupon" />)}
            {figureRow("collateral", "Secured by machines or bitcoin", (s) => <WithKnown value={shareText(s.miningOrBitcoinCollateralShare)} known={s.collateralKnownShare} what="Collateral" />)}
            {figureRow("use", "AI/HPC use of proceeds", (s) => <WithKnown value={shareText(s.aiHpcUseShare)} known={s.useKnownShare} what="Use" />)}
          </tbody>
        </table>
        <Caption1>
          Shares of each cycle&apos;s amount. &ldquo;Known&rdquo; under a figure: the share of the amount (for zero-coupon, of the
          convertible amount) whose coupon, collateral or use the sources state; the rest is left out, never counted as zero.
        </Caption1>
      </section>

      <section className={styles.section} aria-labelledby="cycles-outcomes-heading">
        <Subtitle2 block as="h3" id="cycles-outcomes-heading" style={{ margin: 0 }}>
          What became of them
        </Subtitle2>
        <table className={styles.table} data-testid="cycles-outcomes">
          {header}
          <tbody>
            {CYCLE_OUTCOME_GROUPS.map(([group]) =>
              figureRow(group, CYCLE_OUTCOME_LABELS[group], (summary, cycle) => {
                const ids = summary.outcomes[group];
                const name = `${CYCLE_OUTCOME_LABELS[group]}, ${cycleLabel(summary.cycle)}: ${ids.length} financings`;
                return ids.length === 0 ? (
                  "0"
                ) : (
                  <Link as="button" className={styles.count} aria-label={`${name}, show the list`} aria-pressed={selection?.cycle === cycle && selection.group === group} onClick={() => setSelection({ cycle, group })}>
                    {String(ids.length)}
                  </Link>
                );
              }),
            )}
          </tbody>
        </table>
        <Caption1>Counts of financings; a count opens the list of those financings.</Caption1>
        {selection ? (
          <div className={styles.section} role="region" aria-labelledby="cycles-list-heading">
            <div className={styles.listHead}>
              <Text weight="semibold" id="cycles-list-heading">
                {CYCLE_OUTCOME_LABELS[selection.group]} · {cycleLabel(summaries[selection.cycle].cycle)} ({selected.length})
              </Text>
              <Button size="small" appearance="subtle" onClick={() => setSelection(null)}>
                Close list
              </Button>
            </div>
            <ol className={styles.list}>
              {selected.map((id) => {
                const record = getFinancing(id);
                return (
                  <li key={id}>
                    <IssuerLink ticker={record.ticker} name={record.issuer} />{" "}
                    <Text size={200}>
                      <Link as="button" inline className={styles.count} onClick={() => setDealId(id)} aria-label={`Open deal ${id}`}>
                        {id}
                      </Link>{" "}
                      · {usdMillions(record.amount_usd)}
                    </Text>
                  </li>
                );
              })}
            </ol>
          </div>
        ) : null}
      </section>

      <section className={styles.section} aria-labelledby="cycles-insert-heading">
        <Subtitle2 block as="h3" id="cycles-insert-heading" style={{ margin: 0 }}>
          Insert into the workbook
        </Subtitle2>
        <div>
          <InsertButton
            runner={runner}
            appearance="primary"
            request={() => ({
              kind: "plan",
              label: "CYCLES comparison and chart",
              build: async () => (await loadPlans()).cyclesComparisonPlan({ cycles: summaries.length, version }),
            })}
          >
            Insert comparison
          </InsertButton>
        </div>
        <Caption1 className={styles.formula} data-testid="cycles-formula">
          Formula: =MINERDEBT.CYCLES() (live, 25 columns) with an Excel 100% stacked bar chart on its first seven.
        </Caption1>
        {runner.feedback}
      </section>
    </div>
  );
}
