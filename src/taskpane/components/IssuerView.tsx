/**
 * The Issuer view (lazy chunk), opened from an issuer's name: its capital stack at the coverage
 * end with each balance's basis (src/data/debt.ts), the maturity wall stacked by class, the
 * convertibles' dilution overhang across share prices (shares outstanding typed, as in the deal
 * calculator), the events of all its financings, and "Insert capital stack" (live DEBTSTACK and
 * OVERHANG formulas with input cells).
 */
import { Suspense, lazy, useEffect, useMemo, useRef, useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  Link,
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
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { OVERHANG_SETTLEMENTS, type OverhangSettlement } from "../../calc";
import {
  datasetVersion,
  debtStack,
  defaultAsOf,
  eventsOf,
  maturityWall,
  outstandingFilter,
  queryFinancings,
  resolveIssuers,
  type EventCore,
} from "../../data";
import { instrumentLabel } from "../model/labels";
import { usdMillions } from "../model/format";
import { OVERHANG_SETTLEMENT_LABELS, overhangCurve, stackConvertibles } from "../model/overhang";
import { capitalStackPlan } from "../plans/capitalStack";
import { parsePositive } from "./DilutionCalculator";
import { ErrorBoundary } from "./ErrorBoundary";
import { EventsTimeline } from "./EventsTimeline";
import { InsertButton, useInsert } from "./useInsert";
import { SettlementDropdown } from "./SettlementDropdown";
import { useElementWidth } from "./useElementWidth";
import { useWorkbookDeals } from "./WorkbookDeals";

const MaturityChart = lazy(() => import(/* webpackChunkName: "maturity-chart" */ "./MaturityChart"));
const DilutionChart = lazy(() => import(/* webpackChunkName: "dilution-chart" */ "./DilutionChart"));

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, outlineStyle: "none" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap", verticalAlign: "top" },
  cell: { overflowWrap: "anywhere", verticalAlign: "top" },
  inputs: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(150px, 1fr))", gap: tokens.spacingHorizontalM, alignItems: "start" },
  control: { minWidth: 0, width: "100%" },
  chartBox: { minHeight: "220px" },
});

/** `backLabel`: where Back goes (the list, the deal or the tab the view was opened over). */
export default function IssuerView({
  ticker,
  onBack,
  onOpenDeal,
  backLabel = "Back",
}: {
  ticker: string;
  onBack: () => void;
  onOpenDeal?: (id: string) => void;
  backLabel?: string;
}) {
  const styles = useStyles();
  const headingRef = useRef<HTMLDivElement>(null);
  const asOf = defaultAsOf();
  const [sharesText, setSharesText] = useState("");
  const [priceText, setPriceText] = useState("");
  const [settlement, setSettlement] = useState<OverhangSettlement>("physical");
  const [cappedCall, setCappedCall] = useState(true);
  const runner = useInsert();
  const [chartRef, chartWidth] = useElementWidth<HTMLDivElement>();

  // The dataset with the workbook's MinerDebtDeals rows, as Explore and the deal view read it.
  const deals = useWorkbookDeals();
  const myDeals = deals.status === "found";
  const data = useMemo(() => {
    try {
      const view = deals.view;
      const tickers = resolveIssuers(ticker, view) as ReadonlySet<string>;
      const records = queryFinancings({ issuers: ticker, listed: "any" }, view);
      const rows = debtStack(tickers, asOf, view);
      const wall = maturityWall(outstandingFilter(ticker, null, view), asOf, "instrument_class", null, null, view);
      const events: EventCore[] = records
        .flatMap((record) => eventsOf(record.id).map((event) => event))
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      return { name: records[records.length - 1]?.issuer ?? ticker, rows, wall, events, converts: stackConvertibles(rows) };
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }, [ticker, asOf, deals.view]);

  useEffect(() => {
    headingRef.current?.focus();
  }, [ticker]);

  const sharesOutstanding = parsePositive(sharesText);
  const sharePrice = parsePositive(priceText);
  const curves = useMemo(() => {
    if (typeof data === "string" || sharesOutstanding === null || data.converts.instruments.length === 0) return null;
    return {
      withoutCap: overhangCurve(data.converts.instruments, sharesOutstanding, settlement, false),
      withCap: data.converts.instruments.some((i) => i.capPrice !== null) ? overhangCurve(data.converts.instruments, sharesOutstanding, settlement, true) : null,
    };
  }, [data, sharesOutstanding, settlement]);

  if (typeof data === "string") {
    return (
      <article className={styles.root}>
        <div>
          <Button appearance="subtle" onClick={onBack}>
            ← {backLabel}
          </Button>
        </div>
        <Text role="alert">{data}</Text>
      </article>
    );
  }
  const known = data.rows.filter((row) => row.figure.value !== null);
  const total = known.reduce((sum, row) => sum + (row.figure.value as number), 0);
  const insertReason =
    sharePrice === null ? "Enter a share price first." : sharesOutstanding === null ? "Enter shares outstanding first (required)." : null;

  return (
    <article className={styles.root} aria-labelledby="issuer-title" data-testid="issuer-view">
      <div>
        <Button appearance="subtle" onClick={onBack}>
          ← {backLabel}
        </Button>
      </div>
      <div className={styles.heading} ref={headingRef} tabIndex={-1}>
        <Title3 block as="h2" id="issuer-title" style={{ margin: 0 }}>
          {data.name} ({ticker})
        </Title3>
        <Body1 data-testid="issuer-total">
          Principal outstanding on {asOf}: <strong>{usdMillions(total)}</strong> in {known.length} instrument{known.length === 1 ? "" : "s"}
          {known.length < data.rows.length ? `; ${data.rows.length - known.length} not known` : ""}
        </Body1>
        <Caption1>Issued principal, changed by sourced events and set by reported balances; facilities only as drawn (docs/data.md).</Caption1>
      </div>

      <section aria-labelledby="stack-heading" className={styles.section}>
        <Subtitle2 block as="h3" id="stack-heading" style={{ margin: 0 }}>
          Capital stack
        </Subtitle2>
        {data.rows.length === 0 ? (
          <Text>No debt outstanding in the sources on {asOf}.</Text>
        ) : (
          <Table size="extra-small" aria-label={`Capital stack of ${ticker} on ${asOf}`} data-testid="capital-stack">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Instrument</TableHeaderCell>
                <TableHeaderCell className={styles.number}>Principal</TableHeaderCell>
                <TableHeaderCell>Basis</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.rows.map(({ record, figure }) => (
                <TableRow key={record.id} data-financing={record.id}>
                  <TableCell className={styles.cell}>
                    {onOpenDeal ? (
                      <Link as="button" onClick={() => onOpenDeal(record.id)}>
                        {instrumentLabel(record.instrument)}
                      </Link>
                    ) : (
                      instrumentLabel(record.instrument)
                    )}
                    <br />
                    <Caption1>{record.maturity_date ? `matures ${record.maturity_date}` : "maturity not stated"}</Caption1>
                  </TableCell>
                  <TableCell className={styles.number}>{figure.value === null ? "Not known" : usdMillions(figure.value)}</TableCell>
                  <TableCell className={styles.cell}>
                    <Caption1>{figure.basis}</Caption1>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <section aria-labelledby="wall-heading" className={styles.section}>
        <Subtitle2 block as="h3" id="wall-heading" style={{ margin: 0 }}>
          Maturity wall
        </Subtitle2>
        <div ref={chartRef} className={styles.chartBox}>
          {data.wall.groups.length === 0 ? (
            <Caption1>Nothing outstanding to chart.</Caption1>
          ) : (
            <ErrorBoundary what="the maturity chart">
              <Suspense fallback={<Spinner size="small" label="Loading chart…" />}>
                <MaturityChart wall={data.wall} width={Math.max(260, chartWidth)} issuer={ticker} />
              </Suspense>
            </ErrorBoundary>
          )}
        </div>
        <Caption1>"n/s": maturity not stated in the sources.</Caption1>
      </section>

      <section aria-labelledby="overhang-heading" className={styles.section}>
        <Subtitle2 block as="h3" id="overhang-heading" style={{ margin: 0 }}>
          Dilution overhang
        </Subtitle2>
        {data.converts.instruments.length === 0 ? (
          <Text>No convertible outstanding with a disclosed conversion price.</Text>
        ) : (
          <>
            <div className={styles.inputs}>
              <Field label="Shares outstanding" required hint="Not in the dataset: from the latest 10-Q/10-K cover page.">
                <Input className={styles.control} inputMode="numeric" value={sharesText} placeholder="e.g. 350,000,000" onChange={(_, d) => setSharesText(d.value)} />
              </Field>
              <Field label="Share price (USD, for the insert)">
                <Input className={styles.control} inputMode="decimal" value={priceText} placeholder="e.g. 18.50" onChange={(_, d) => setPriceText(d.value)} />
              </Field>
              <SettlementDropdown methods={OVERHANG_SETTLEMENTS} labels={OVERHANG_SETTLEMENT_LABELS} value={settlement} onChange={setSettlement} />
              <Switch label="Show capped calls" checked={cappedCall} onChange={(_, d) => setCappedCall(d.checked)} />
            </div>
            {data.converts.problems.length > 0 ? <Caption1 role="note">Not counted: {data.converts.problems.join("; ")}.</Caption1> : null}
            <div className={styles.chartBox}>
              {curves ? (
                <ErrorBoundary what="the overhang chart">
                  <Suspense fallback={<Spinner size="small" label="Loading chart…" />}>
                    <DilutionChart
                      withoutCap={curves.withoutCap}
                      withCap={cappedCall ? curves.withCap : null}
                      settlementLabel={OVERHANG_SETTLEMENT_LABELS[settlement]}
                      width={Math.max(260, chartWidth)}
                    />
                  </Suspense>
                </ErrorBoundary>
              ) : (
                <Caption1>The overhang across share prices appears once shares outstanding is entered.</Caption1>
              )}
            </div>
          </>
        )}
        <div>
          <InsertButton
            runner={runner}
            appearance="primary"
            disabledReason={insertReason}
            request={() => ({
              kind: "plan",
              label: `Capital stack of ${ticker}`,
              build: () =>
                capitalStackPlan({
                  ticker,
                  asOf,
                  stackRows: data.rows.length,
                  sharePrice: sharePrice as number,
                  sharesOutstanding: sharesOutstanding as number,
                  version: datasetVersion(),
                  myDeals,
                }),
            })}
          >
            Insert capital stack
          </InsertButton>
        </div>
        {runner.feedback}
      </section>

      <section aria-labelledby="events-heading" className={styles.section}>
        <Subtitle2 block as="h3" id="events-heading" style={{ margin: 0 }}>
          Events ({data.events.length})
        </Subtitle2>
        <EventsTimeline events={data.events} showFinancing label={`Events of ${ticker}'s financings`} />
      </section>
    </article>
  );
}
