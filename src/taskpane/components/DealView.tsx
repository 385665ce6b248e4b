/**
 * Deal view (lazy chunk): the financing as a term sheet — groups (offering, conversion terms,
 * capped call, use of proceeds, outcome, notes, sources), each field once, labelled in analyst
 * words with its unit (src/data/field-labels.ts), values formatted for that unit — the dilution
 * calculator for convertibles, and its principal outstanding with the basis and its
 * post-issuance events (DealDebt). Long text and sources (the DETAIL data) load on open. The
 * issuer's name opens the Issuer view.
 */
import { useEffect, useRef, type ReactNode } from "react";
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Spinner,
  Subtitle2,
  Text,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  FIELD_CATALOGUE,
  conversionPriceOf,
  countsInSums,
  getFinancing,
  isWorkbookFinancing,
  type FieldDef,
  type FieldName,
  type Financing,
  type FinancingCore,
} from "../../data";
import { useWorkbookDeals } from "./WorkbookDeals";
import { loadFinancing } from "../../data/detail";
import { sourceKind } from "../../data/sources";
import { codeLabel, fieldLabel, instrumentClassLabel, instrumentLabel, useLabel } from "../model/labels";
import { millionsOf, plainNumber } from "../model/format";
import { DealDebt } from "./DealDebt";
import { DilutionCalculator } from "./DilutionCalculator";
import { ExternalLink } from "./ExternalLink";
import { IssuerLink } from "./IssuerLink";
import { useLoaded } from "./useLoaded";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, outlineStyle: "none" },
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  terms: {
    display: "grid",
    // Labels wrap rather than squeeze the values: at 320 px both columns stay readable.
    gridTemplateColumns: "minmax(0, 11fr) minmax(0, 9fr)",
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  value: { margin: 0, fontVariantNumeric: "tabular-nums", overflowWrap: "anywhere" },
  prose: { margin: 0, overflowWrap: "anywhere" },
  wide: { gridColumn: "1 / -1" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  source: { overflowWrap: "anywhere" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

const DEFS = new Map<string, FieldDef>(FIELD_CATALOGUE.map((def) => [def.name, def]));

/**
 * A stored value as the term sheet shows it; the unit is in the label ("Coupon (%)" → "3.75",
 * "Principal at launch ($m)" → "1,000.0"), coded values are in words. null → "Not disclosed".
 */
export function termText(name: FieldName, value: unknown): string {
  if (value === null || value === undefined) return name === "outcome" ? "Not researched" : "Not disclosed";
  if (name === "coupon_pct" && value === 0) return "0 (zero-coupon)";
  if (name === "use_category") return useLabel(value as string);
  switch (DEFS.get(name)?.kind) {
    case "usd_amount":
      return millionsOf(value as number);
    case "usd_per_share":
    case "percent":
    case "shares_per_1000_usd":
      return plainNumber(value as number);
    case "boolean":
      return value ? "Yes" : "No";
    case "enum":
      return codeLabel(String(value));
    case "text_list":
      return (value as readonly string[]).join("; ");
    default:
      return String(value);
  }
}

/** A row of the term sheet: a field (label and value from the catalogue), or words of its own. */
type Term = { field: FieldName; label?: string; value?: ReactNode; title?: string; /** Long text: the value under its label, full width. */ wide?: boolean };

interface TermGroup {
  title: string;
  terms: Term[];
  /** Shown instead of the terms when there are none. */
  empty?: string;
}

const valueOf = (record: FinancingCore, name: FieldName) => (record as unknown as Record<string, unknown>)[name];

/** The field if it holds a value, else nothing: secondary terms are left out when not disclosed. */
function ifKnown(record: FinancingCore, field: FieldName, label?: string): Term[] {
  return valueOf(record, field) === null ? [] : [{ field, label }];
}

/** A USD amount's exact figure, on hover: the label's $m figure is exact too, this is for reading. */
function amountTitle(record: FinancingCore, name: FieldName): string | undefined {
  const value = valueOf(record, name);
  return typeof value === "number" ? `USD ${plainNumber(value)}` : undefined;
}

/** The groups of the term sheet for a record (DETAIL fields once loaded; null while loading). */
export function termGroups(record: FinancingCore, detail: Financing | null): TermGroup[] {
  const isConvertible = conversionPriceOf(record) !== null || record.instrument_class === "convertible" || record.instrument_class === "convertible_preferred";
  const offering: Term[] = [
    { field: "amount_usd", value: record.amount_usd === null ? "Not disclosed" : `${millionsOf(record.amount_usd)}${record.amount_basis ? ` (${codeLabel(record.amount_basis).toLowerCase()})` : ""}` },
    ...(["principal_launch_usd", "principal_priced_usd", "option_usd", "option_exercised_usd", "principal_final_usd", "facility_total_usd", "net_proceeds_usd", "net_proceeds_with_option_usd"] as const).flatMap((f) =>
      ifKnown(record, f),
    ),
    { field: "coupon_pct" },
    { field: "maturity_date" },
    { field: "secured" },
    ...ifKnown(record, "collateral"),
    ...ifKnown(record, "lender_or_counterparty"),
    ...ifKnown(record, "announced_date"),
    { field: "priced_date" },
    ...ifKnown(record, "closed_date"),
    { field: "quarter", value: record.quarter ?? "Not known" },
    { field: "cycle" },
    {
      field: "new_money",
      value: record.new_money ? "Yes" : `No${record.not_new_money_reason ? ` — ${record.not_new_money_reason}` : ""}`,
    },
    { field: "listed", label: "Listed on", value: record.listed ? record.exchange ?? "Listed (exchange not stated)" : "Private borrower (not listed)" },
  ];
  const groups: TermGroup[] = [{ title: "Offering", terms: offering }];
  if (isConvertible) {
    groups.push({
      title: "Conversion terms",
      terms: [{ field: "conversion_price_usd" }, { field: "conversion_rate_per_1000" }, { field: "conversion_premium_pct" }, { field: "reference_price_usd" }, { field: "settlement" }],
    });
    groups.push({
      title: "Capped call",
      terms: (["capped_call_cap_price_usd", "capped_call_cap_premium_pct", "capped_call_cost_usd"] as const).flatMap((f) => ifKnown(record, f)),
      empty: "No capped call in the sources.",
    });
  }
  const loading = detail === null ? "Loading…" : undefined;
  groups.push({
    title: "Use of proceeds",
    terms: [
      { field: "use_category", label: "Category" },
      { field: "use_of_proceeds", label: "As stated", wide: true, value: loading ?? detail?.use_of_proceeds ?? "Not stated" },
    ],
  });
  groups.push({
    title: "Outcome",
    terms: [
      { field: "outcome", label: "Outcome" },
      ...ifKnown(record, "outcome_date", "Date"),
      ...(detail === null || detail.outcome_note ? [{ field: "outcome_note" as const, label: "How it is known", wide: true, value: loading ?? detail?.outcome_note }] : []),
    ],
  });
  return groups;
}

function TermSheet({ record, detail }: { record: FinancingCore; detail: Financing | null }) {
  const styles = useStyles();
  return (
    <>
      {termGroups(record, detail).map((group) => (
        <section key={group.title} aria-label={group.title} className={styles.section}>
          <Subtitle2 block as="h3" style={{ margin: 0 }}>
            {group.title}
          </Subtitle2>
          {group.terms.length === 0 ? (
            <Body1>{group.empty}</Body1>
          ) : (
            <dl className={styles.terms}>
              {group.terms.map((term) => (
                <div key={term.field} style={{ display: "contents" }}>
                  <dt className={term.wide ? `${styles.term} ${styles.wide}` : styles.term} title={DEFS.get(term.field)?.description}>
                    {term.label ?? fieldLabel(term.field)}
                  </dt>
                  <dd className={term.wide ? `${styles.value} ${styles.wide}` : styles.value} data-field={term.field} title={DEFS.get(term.field)?.kind === "usd_amount" ? amountTitle(record, term.field) : undefined}>
                    {term.value ?? termText(term.field, valueOf(record, term.field))}
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </section>
      ))}
    </>
  );
}

/** Notes, derived fields and sources: the DETAIL data. */
function NotesAndSources({ detail, error }: { detail: Financing | null; error: string | null }) {
  const styles = useStyles();
  if (error) return <Text role="alert">Could not load notes and sources: {error}</Text>;
  if (!detail) return <Spinner size="tiny" label="Loading notes and sources…" />;
  return (
    <>
      <section aria-label="Notes" className={styles.section}>
        <Subtitle2 block as="h3" style={{ margin: 0 }}>
          Notes
        </Subtitle2>
        <Body1 as="p" className={styles.prose}>
          {detail.notes ?? "None."}
        </Body1>
        {detail.derived.length > 0 ? (
          <Caption1 className={styles.prose} data-field="derived">
            {fieldLabel("derived")}: {detail.derived.join("; ")}
          </Caption1>
        ) : null}
      </section>
      <section aria-label="Sources" className={styles.section}>
        <Subtitle2 block as="h3" style={{ margin: 0 }}>
          Sources ({detail.sources.length})
        </Subtitle2>
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

/** `backLabel`: where Back goes, for views that open a deal from elsewhere (Cycles: "the list"). */
export default function DealView({
  dealId,
  onBack,
  backLabel = "Back to Explore",
}: {
  dealId: string;
  onBack: () => void;
  backLabel?: string;
}) {
  const styles = useStyles();
  const deals = useWorkbookDeals();
  const headingRef = useRef<HTMLDivElement>(null);
  let record: FinancingCore | null = null;
  let problem: string | null = null;
  try {
    record = getFinancing(dealId, deals.view);
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  // A workbook row carries its own notes and sources; a dataset record's come from the detail chunk.
  const workbookRecord = record !== null && isWorkbookFinancing(record) ? record : null;
  const loaded = useLoaded<Financing>(() => (workbookRecord ? Promise.resolve(workbookRecord) : loadFinancing(dealId)), dealId);
  // Move focus to the deal's heading when it opens, so keyboard and screen-reader users land on it.
  useEffect(() => {
    headingRef.current?.focus();
  }, [dealId]);

  return (
    <article className={styles.root} aria-labelledby="deal-title">
      <div>
        <Button appearance="secondary" size="small" onClick={onBack}>
          ← {backLabel}
        </Button>
      </div>
      {record === null ? (
        <Text role="alert">{problem}</Text>
      ) : (
        <>
          <div className={styles.heading} ref={headingRef} tabIndex={-1}>
            <Title3 block as="h2" id="deal-title" style={{ margin: 0 }}>
              {/* The heading keeps the issuer's name as its name; the tooltip says what it opens. */}
              <IssuerLink ticker={record.ticker} name={record.issuer} label={null} />
            </Title3>
            <Body1>
              {instrumentLabel(record.instrument)}
              {record.amount_usd !== null ? ` · $${millionsOf(record.amount_usd)}m` : ""}
              {record.quarter ? ` · ${record.quarter}` : ""}
            </Body1>
            {record.borrower ? <Body1 data-testid="deal-borrower">Borrower: {record.borrower}</Body1> : null}
            <Caption1>{record.id}</Caption1>
            <div className={styles.badges}>
              <Badge appearance="tint" color="brand">
                {instrumentClassLabel(record.instrument_class)}
              </Badge>
              <Badge appearance="tint" color={record.confidence === "high" ? "success" : record.confidence === "medium" ? "warning" : "danger"}>
                {codeLabel(record.confidence)} confidence
              </Badge>
              <Badge appearance="tint" color={countsInSums(record) ? "informative" : "subtle"}>
                {countsInSums(record) ? "Counts in sums" : "Not in sums"}
              </Badge>
              {isWorkbookFinancing(record) ? (
                <Badge appearance="tint" color="important" data-testid="workbook-badge">
                  Your row {record.row} of MinerDebtDeals
                </Badge>
              ) : null}
            </div>
          </div>
          <TermSheet record={record} detail={loaded.value} />
          {conversionPriceOf(record) !== null ? <DilutionCalculator record={record} /> : null}
          <DealDebt record={record} />
          <NotesAndSources detail={loaded.value} error={loaded.error} />
        </>
      )}
    </article>
  );
}
