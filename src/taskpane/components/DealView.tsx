/**
 * Deal view (lazy chunk): every term with its unit, the source links, notes and outcome (the
 * DETAIL data, loaded on open), the dilution calculator for convertibles, and its principal
 * outstanding with the basis and its post-issuance events (DealDebt). The issuer's name opens
 * the Issuer view.
 */
import { useEffect, useRef } from "react";
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Link,
  Spinner,
  Subtitle2,
  Text,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { FIELD_CATALOGUE, countsInSums, getFinancing, type FieldDef, type FieldName, type Financing, type FinancingCore } from "../../data";
import { loadFinancing } from "../../data/detail";
import { sourceKind } from "../../data/sources";
import { OUTCOME_LABELS, SETTLEMENT_LABELS, fieldHeading, humanize, instrumentClassLabel, instrumentLabel, useLabel } from "../model/labels";
import { percentNumber, plainNumber, usdMillions, usdPerShare } from "../model/format";
import { dealConversionPrice } from "../model/dilution";
import { DealDebt } from "./DealDebt";
import { DilutionCalculator } from "./DilutionCalculator";
import { ExternalLink } from "./ExternalLink";
import { useLoaded } from "./useLoaded";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, outlineStyle: "none" },
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  terms: {
    display: "grid",
    gridTemplateColumns: "minmax(120px, 40%) 1fr",
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontVariantNumeric: "tabular-nums", overflowWrap: "anywhere" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  source: { overflowWrap: "anywhere" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

/** A term's label in the deal view: the values carry their units, so headings drop them. */
function termLabel(name: FieldName): string {
  return fieldHeading(name).replace(/ \((USD|shares per \$1,000)[^)]*\)$/, "");
}

/** The terms shown, in groups; a field whose value is null shows "not disclosed". */
const TERM_GROUPS: { title: string; fields: FieldName[] }[] = [
  {
    title: "Amounts",
    fields: ["amount_usd", "amount_basis", "principal_launch_usd", "principal_priced_usd", "option_usd", "option_exercised_usd", "principal_final_usd", "facility_total_usd", "net_proceeds_usd", "net_proceeds_with_option_usd"],
  },
  { title: "Terms", fields: ["instrument", "instrument_class", "coupon_pct", "maturity_date", "secured", "collateral", "lender_or_counterparty"] },
  {
    title: "Conversion",
    fields: ["conversion_rate_per_1000", "conversion_price_usd", "conversion_premium_pct", "reference_price_usd", "capped_call_cap_price_usd", "capped_call_cap_premium_pct", "capped_call_cost_usd", "settlement"],
  },
  { title: "Dates", fields: ["announced_date", "priced_date", "closed_date", "quarter", "cycle"] },
  { title: "Status", fields: ["use_category", "new_money", "not_new_money_reason", "listed", "exchange", "outcome", "outcome_date", "confidence"] },
];

/** Fields that only make sense for convertibles: hidden for other instruments when blank. */
const CONVERSION_FIELDS = new Set<FieldName>(TERM_GROUPS[2].fields);

const DEFS = new Map<string, FieldDef>(FIELD_CATALOGUE.map((def) => [def.name, def]));

/** A stored value as the pane shows it, with its unit. */
export function termText(name: FieldName, value: unknown): string {
  if (value === null || value === undefined) return "Not disclosed";
  const def = DEFS.get(name);
  switch (def?.kind) {
    case "usd_amount":
      return `${usdMillions(value as number)} (USD ${plainNumber(value as number)})`;
    case "usd_per_share":
      return `${usdPerShare(value as number)} per share`;
    case "percent":
      return percentNumber(value as number);
    case "shares_per_1000_usd":
      return `${plainNumber(value as number)} shares per $1,000`;
    case "boolean":
      return value ? "Yes" : "No";
    default:
      break;
  }
  const text = String(value);
  switch (name) {
    case "instrument":
      return instrumentLabel(text);
    case "instrument_class":
      return instrumentClassLabel(text);
    case "use_category":
      return useLabel(text);
    case "settlement":
      return (SETTLEMENT_LABELS as Record<string, string>)[text] ?? humanize(text);
    case "outcome":
      return (OUTCOME_LABELS as Record<string, string>)[text] ?? humanize(text);
    case "amount_basis":
      return humanize(text);
    default:
      return text;
  }
}

function Terms({ record }: { record: FinancingCore }) {
  const styles = useStyles();
  const isConvertible = record.conversion_price_usd !== null || record.instrument_class === "convertible";
  return (
    <>
      {TERM_GROUPS.map((group) => {
        const fields = group.fields.filter((name) => {
          const value = (record as unknown as Record<string, unknown>)[name];
          if (name === "not_new_money_reason" && value === null) return false;
          return isConvertible || !CONVERSION_FIELDS.has(name) || value !== null;
        });
        if (fields.length === 0) return null;
        return (
          <section key={group.title} aria-label={group.title} className={styles.section}>
            <Subtitle2 block as="h3" style={{ margin: 0 }}>{group.title}</Subtitle2>
            <dl className={styles.terms}>
              {fields.map((name) => (
                <div key={name} style={{ display: "contents" }}>
                  <dt className={styles.term} title={DEFS.get(name)?.description}>
                    {termLabel(name)}
                  </dt>
                  <dd className={styles.value} data-field={name}>
                    {termText(name, (record as unknown as Record<string, unknown>)[name])}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
    </>
  );
}

function Detail({ id }: { id: string }) {
  const styles = useStyles();
  const loaded = useLoaded<Financing>(() => loadFinancing(id), id);
  const detail = loaded.value;
  const error = loaded.error;
  if (error) return <Text role="alert">Could not load notes and sources: {error}</Text>;
  if (!detail) return <Spinner size="tiny" label="Loading notes and sources…" />;
  return (
    <>
      <section aria-label="Notes" className={styles.section}>
        <Subtitle2 block as="h3" style={{ margin: 0 }}>Use of proceeds, outcome, notes</Subtitle2>
        <dl className={styles.terms}>
          <dt className={styles.term}>Use of proceeds</dt>
          <dd className={styles.value}>{detail.use_of_proceeds ?? "Not stated"}</dd>
          <dt className={styles.term}>Outcome</dt>
          <dd className={styles.value}>
            {detail.outcome ? termText("outcome", detail.outcome) : "Not researched"}
            {detail.outcome_note ? ` — ${detail.outcome_note}` : ""}
          </dd>
          <dt className={styles.term}>Notes</dt>
          <dd className={styles.value}>{detail.notes ?? "None"}</dd>
          {detail.derived.length > 0 ? (
            <>
              <dt className={styles.term}>Derived</dt>
              <dd className={styles.value}>{detail.derived.join("; ")}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <section aria-label="Sources" className={styles.section}>
        <Subtitle2 block as="h3" style={{ margin: 0 }}>Sources ({detail.sources.length})</Subtitle2>
        <ol className={styles.list}>
          {detail.sources.map((source) => (
            <li key={source.url} className={styles.source}>
              <ExternalLink url={source.url}>{source.title ?? source.url}</ExternalLink>
              <Caption1>
                {" "}
                · {source.publisher}
                {source.date ? ` · ${source.date}` : ""}
                {sourceKind(source) === "summary" ? " · summary of a filing or release, not the document itself" : ""}
              </Caption1>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

export default function DealView({ dealId, onBack, onOpenIssuer }: { dealId: string; onBack: () => void; onOpenIssuer?: (ticker: string) => void }) {
  const styles = useStyles();
  const headingRef = useRef<HTMLDivElement>(null);
  let record: FinancingCore | null = null;
  let problem: string | null = null;
  try {
    record = getFinancing(dealId);
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  // Move focus to the deal's heading when it opens, so keyboard and screen-reader users land on it.
  useEffect(() => {
    headingRef.current?.focus();
  }, [dealId]);

  return (
    <article className={styles.root} aria-labelledby="deal-title">
      <div>
        <Button appearance="subtle" onClick={onBack}>
          ← Back to the list
        </Button>
      </div>
      {record === null ? (
        <Text role="alert">{problem}</Text>
      ) : (
        <>
          <div className={styles.heading} ref={headingRef} tabIndex={-1}>
            <Title3 block as="h2" id="deal-title" style={{ margin: 0 }}>
              {record.ticker !== null && onOpenIssuer ? (
                <Link as="button" onClick={() => onOpenIssuer(record?.ticker as string)} title={`Open ${record.issuer}'s capital stack`} style={{ fontSize: "inherit", fontWeight: "inherit" }}>
                  {record.issuer}
                </Link>
              ) : (
                record.issuer
              )}
            </Title3>
            <Body1>
              {instrumentLabel(record.instrument)} · {record.id}
            </Body1>
            {record.borrower ? <Body1 data-testid="deal-borrower">Borrower: {record.borrower}</Body1> : null}
            <div className={styles.badges}>
              <Badge appearance="tint" color="brand">
                {instrumentClassLabel(record.instrument_class)}
              </Badge>
              <Badge appearance="tint" color={record.confidence === "high" ? "success" : record.confidence === "medium" ? "warning" : "danger"}>
                {record.confidence} confidence
              </Badge>
              <Badge appearance="tint" color={countsInSums(record) ? "informative" : "subtle"}>
                {countsInSums(record) ? "Counts in sums" : "Not in sums"}
              </Badge>
            </div>
          </div>
          {dealConversionPrice(record) !== null ? <DilutionCalculator record={record} /> : null}
          <DealDebt record={record} onOpenIssuer={onOpenIssuer} />
          <Terms record={record} />
          <Detail id={record.id} />
        </>
      )}
    </article>
  );
}
