/**
 * The dilution calculator of a convertible: shares outstanding (typed: not in the dataset),
 * share price, settlement and capped call on/off → new shares and dilution for each
 * settlement method (math from src/calc via model/dilution.ts), a chart across share prices,
 * and "Insert dilution scenario" (live MINERDEBT formulas pointing at an input block).
 */
import { Suspense, lazy, useMemo, useState } from "react";
import {
  Button,
  Caption1,
  Field,
  Input,
  Spinner,
  Subtitle2,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { settlementForDeal } from "../../calc";
import { conversionPriceOf, convertiblePrincipalOf, datasetVersion, type FinancingCore } from "../../data";
import { dilutionOutcome, type DilutionOutcome } from "../model/dilution";
import { fraction, shareCount, usdMillions, usdPerShare } from "../model/format";
import {
  SETTLEMENT_METHODS,
  SETTLEMENT_METHOD_LABELS,
  dilutionScenarioPlan,
  sensitivityPrices,
  type SettlementMethod,
} from "../plans/dilutionScenario";
import { ErrorBoundary } from "./ErrorBoundary";
import { InsertButton, InsertNote, useInsert } from "./useInsert";
import { SettlementDropdown } from "./SettlementDropdown";
import { useElementWidth } from "./useElementWidth";

const DilutionChart = lazy(() => import(/* webpackChunkName: "dilution-chart" */ "./DilutionChart"));

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  inputs: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(150px, 1fr))", gap: tokens.spacingHorizontalM, alignItems: "start" },
  // Fluent's Input has a minimum width wider than half a task pane.
  control: { minWidth: 0, width: "100%" },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  selected: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground1Selected },
  // The chart's height is reserved only once it can be drawn: no blank box before that.
  chartBox: { minHeight: "220px" },
  resetRow: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** "350,000,000" / "350000000" / "12.5" → a positive finite number, or null. */
export function parsePositive(text: string): number | null {
  const cleaned = text.trim().replace(/[,\s_]/g, "").replace(/^\$/, "");
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) && value > 0 ? value : null;
}

/** The calculator's starting settlement: the one DEALDILUTION assumes for the deal (src/calc). */
export function defaultSettlement(record: FinancingCore): SettlementMethod {
  return settlementForDeal(record.settlement);
}

/**
 * The illustrative share price the calculator starts at: the cap price (where the capped call's
 * offset is largest), else 1.5× the conversion price. Not a market price: the field says so.
 */
export function startingPrice(record: FinancingCore): string {
  const conversion = conversionPriceOf(record) as number;
  const start = record.capped_call_cap_price_usd ?? conversion * 1.5;
  return (Math.round(start * 100) / 100).toFixed(2);
}

export function DilutionCalculator({ record }: { record: FinancingCore }) {
  const styles = useStyles();
  // Shown only for deals with a conversion price (stated, or from the conversion rate).
  const conversionPrice = conversionPriceOf(record) as number;
  const capPrice = record.capped_call_cap_price_usd;
  const principal = convertiblePrincipalOf(record);
  const [sharesText, setSharesText] = useState("");
  const [sharesTouched, setSharesTouched] = useState(false);
  const initialPrice = startingPrice(record);
  const [priceText, setPriceText] = useState(initialPrice);
  const [settlement, setSettlement] = useState<SettlementMethod>(() => defaultSettlement(record));
  const [cappedCall, setCappedCall] = useState(capPrice !== null);
  const runner = useInsert();
  const [chartRef, chartWidth] = useElementWidth<HTMLDivElement>();

  const sharesOutstanding = parsePositive(sharesText);
  const sharePrice = parsePositive(priceText);
  const sharesError =
    sharesOutstanding === null && (sharesTouched || sharesText !== "")
      ? "Enter shares outstanding as a positive number, e.g. 350,000,000."
      : undefined;
  const priceError = sharePrice === null ? "Enter the share price as a positive number, e.g. 18.50." : undefined;
  const activeCap = cappedCall && capPrice !== null ? capPrice : null;

  const results = useMemo(() => {
    if (principal === null || sharesOutstanding === null || sharePrice === null) return null;
    try {
      return SETTLEMENT_METHODS.map((method) => ({
        method,
        outcome: dilutionOutcome({ principal, conversionPrice, sharesOutstanding, sharePrice, settlement: method, capPrice: activeCap }),
      }));
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }, [principal, conversionPrice, sharesOutstanding, sharePrice, activeCap]);

  const curve = useMemo(() => {
    if (principal === null || sharesOutstanding === null) return null;
    const top = Math.max(conversionPrice, capPrice ?? 0) * 2.5;
    const prices = Array.from({ length: 41 }, (_, i) => (top * i) / 40).filter((p) => p > 0);
    const line = (cap: number | null) =>
      prices.map((price) => ({
        x: price,
        y: dilutionOutcome({ principal, conversionPrice, sharesOutstanding, sharePrice: price, settlement, capPrice: cap }).dilution,
      }));
    try {
      return { withoutCap: line(null), withCap: capPrice !== null ? line(capPrice) : null };
    } catch {
      return null;
    }
  }, [principal, conversionPrice, capPrice, sharesOutstanding, settlement]);

  const insertReason =
    principal === null
      ? "The principal is not disclosed for this deal."
      : sharesOutstanding === null
        ? "Enter shares outstanding first (required)."
        : sharePrice === null
          ? "Enter a valid share price first."
          : null;

  return (
    <section className={styles.root} aria-labelledby="calculator-heading">
      <Subtitle2 block as="h3" id="calculator-heading" style={{ margin: 0 }}>
        Dilution calculator
      </Subtitle2>
      <Caption1>
        Principal {usdMillions(principal)} · conversion price {usdPerShare(conversionPrice)}
        {capPrice !== null ? ` · cap price ${usdPerShare(capPrice)}` : " · no capped call in the sources"}
      </Caption1>
      <div className={styles.inputs}>
        <Field
          label="Shares outstanding"
          required
          validationState={sharesError ? "error" : "none"}
          validationMessage={sharesError}
          hint={sharesError ? undefined : "Not in the dataset: from the latest 10-Q/10-K cover page."}
        >
          <Input
            className={styles.control}
            inputMode="numeric"
            value={sharesText}
            placeholder="e.g. 350,000,000"
            onChange={(_, data) => setSharesText(data.value)}
            onBlur={() => setSharesTouched(true)}
          />
        </Field>
        <Field
          label="Share price (USD), illustrative"
          required
          validationState={priceError ? "error" : "none"}
          validationMessage={priceError}
          hint={`Not a market price: starts at ${capPrice !== null ? "the cap price" : "1.5× the conversion price"} ($${initialPrice}). Type the price to test.`}
        >
          <Input className={styles.control} inputMode="decimal" value={priceText} onChange={(_, data) => setPriceText(data.value)} />
        </Field>
        <SettlementDropdown methods={SETTLEMENT_METHODS} labels={SETTLEMENT_METHOD_LABELS} value={settlement} onChange={setSettlement} />
        <Switch
          label={capPrice !== null ? "Apply the capped call" : "Capped call (none for this deal)"}
          checked={cappedCall && capPrice !== null}
          disabled={capPrice === null}
          onChange={(_, data) => setCappedCall(data.checked)}
        />
      </div>

      <div className={styles.resetRow}>
        <Button size="small" appearance="secondary" disabled={priceText === initialPrice} onClick={() => setPriceText(initialPrice)}>
          Reset share price to ${initialPrice}
        </Button>
      </div>

      {typeof results === "string" ? <Text role="alert">{results}</Text> : null}
      {Array.isArray(results) ? (
        <Table size="small" aria-label="Dilution by settlement method" data-testid="dilution-results">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Settlement</TableHeaderCell>
              <TableHeaderCell className={styles.number}>New shares</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Dilution</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {results.map(({ method, outcome }: { method: SettlementMethod; outcome: DilutionOutcome }) => (
              <TableRow
                key={method}
                className={method === settlement ? styles.selected : undefined}
                aria-current={method === settlement ? "true" : undefined}
                data-settlement={method}
              >
                <TableCell>{SETTLEMENT_METHOD_LABELS[method]}</TableCell>
                <TableCell className={styles.number}>{shareCount(outcome.newShares)}</TableCell>
                <TableCell className={styles.number}>{fraction(outcome.dilution, 2)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {results === null && principal !== null ? <Caption1>Enter shares outstanding to see new shares and dilution.</Caption1> : null}
      {principal === null ? <Text>The principal is not disclosed in the sources, so dilution can't be computed.</Text> : null}
      <Caption1>
        Highlighted: the settlement charted below. Dilution = new shares ÷ shares outstanding{activeCap !== null ? `, with the capped call offsetting shares up to ${usdPerShare(activeCap)}` : ""}.
      </Caption1>

      <div ref={chartRef} className={curve ? styles.chartBox : undefined}>
        {curve ? (
          <ErrorBoundary what="the chart">
          <Suspense fallback={<Spinner size="small" label="Loading chart…" />}>
            <DilutionChart
              withoutCap={curve.withoutCap}
              withCap={curve.withCap}
              settlementLabel={SETTLEMENT_METHOD_LABELS[settlement]}
              width={Math.max(260, chartWidth)}
            />
          </Suspense>
          </ErrorBoundary>
        ) : (
          <Caption1>The chart of dilution across share prices appears once shares outstanding is entered.</Caption1>
        )}
      </div>

      <div>
        <InsertButton
          runner={runner}
          appearance="primary"
          showReason
          disabledReason={insertReason}
          request={() => ({
            kind: "plan",
            label: `Dilution scenario for ${record.id}`,
            build: () =>
              dilutionScenarioPlan({
                dealId: record.id,
                principal: principal as number,
                conversionPrice,
                capPrice,
                sharesOutstanding: sharesOutstanding as number,
                sharePrice: sharePrice as number,
                sharePrices: sensitivityPrices(conversionPrice, capPrice),
                version: datasetVersion(),
              }),
          })}
        >
          Insert dilution scenario
        </InsertButton>
        <InsertNote>This button needs Excel: open MinerDebt from Excel (Home &gt; Add-ins) to insert the scenario as live formulas.</InsertNote>
      </div>
      {runner.feedback}
    </section>
  );
}
