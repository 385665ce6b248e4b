/** About: dataset version and counts, the aggregation rule, methodology and sources (lazy chunk). */
import { useMemo } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Caption1,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { aggregate, datasetVersion, earliestQuarter, issuerSummary, latestQuarter, quartersInRange } from "../../data";
import { loadFullDataset, type FullDataset } from "../../data/detail";
import { sourceKind, sourceSite } from "../../data/sources";
import type { Source } from "../../data";
import { ExternalLink } from "./ExternalLink";
import { useLoaded } from "./useLoaded";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  detail: { margin: 0, fontVariantNumeric: "tabular-nums" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  link: { overflowWrap: "anywhere" },
});

export interface SiteSources {
  /** The site (domain) the links are on: "sec.gov", "theminermag.com". */
  site: string;
  /** Distinct https URLs cited from this site, with a title where the data has one, and whether it is a summary. */
  links: { url: string; title: string | null; summary: boolean }[];
}

/**
 * Sources grouped by site (most cited first), not by the free-text publisher: one site is one
 * group however its publisher is written ("Allmind"/"AllMind", StockTitan's qualifiers).
 */
export function sourcesBySite(data: FullDataset): SiteSources[] {
  const bySite = new Map<string, Map<string, { title: string | null; summary: boolean }>>();
  const add = (source: Source) => {
    if (!source.url.startsWith("https://")) return;
    const site = sourceSite(source.url);
    const links = bySite.get(site) ?? new Map<string, { title: string | null; summary: boolean }>();
    if (!links.has(source.url)) links.set(source.url, { title: source.title, summary: sourceKind(source) === "summary" });
    bySite.set(site, links);
  };
  for (const record of data.financings) for (const source of record.sources) add(source);
  for (const figure of data.sectorFigures) {
    add(figure.source);
    for (const source of figure.additional_sources) add(source);
  }
  return [...bySite.entries()]
    .map(([site, links]) => ({ site, links: [...links.entries()].map(([url, link]) => ({ url, ...link })) }))
    .sort((a, b) => b.links.length - a.links.length || a.site.localeCompare(b.site));
}

export default function AboutTab() {
  const styles = useStyles();
  const version = datasetVersion();
  const counts = useMemo(() => {
    const issuers = issuerSummary({ listed: "any" });
    const first = earliestQuarter();
    const last = latestQuarter();
    return {
      listedIssuers: issuers.filter((row) => row.ticker !== null).length,
      privateBorrowers: issuers.filter((row) => row.ticker === null).length,
      first,
      last,
      quarters: first && last ? quartersInRange({ from: first, to: last }).length : 0,
      counted: aggregate({}, "amount").count,
    };
  }, []);
  const loaded = useLoaded(loadFullDataset, "detail");
  const sources = useMemo(() => (loaded.value ? sourcesBySite(loaded.value) : null), [loaded.value]);
  const error = loaded.error;

  return (
    <div className={styles.root}>
      <section aria-labelledby="about-dataset">
        <Subtitle2 block as="h2" id="about-dataset">
          Dataset
        </Subtitle2>
        <dl className={styles.facts}>
          <dt className={styles.term}>Version</dt>
          <dd className={styles.detail} data-testid="about-version">{version.label}</dd>
          <dt className={styles.term}>Financings through</dt>
          <dd className={styles.detail} data-testid="about-coverage">
            {version.financingsThrough}
            {loaded.value ? <Caption1 block>{loaded.value.coverageNote}</Caption1> : null}
          </dd>
          <dt className={styles.term}>Updated</dt>
          <dd className={styles.detail}>{version.asOf}</dd>
          <dt className={styles.term}>Financings</dt>
          <dd className={styles.detail} data-testid="about-financings">
            {version.financings} ({counts.counted} count in sums)
          </dd>
          <dt className={styles.term}>Issuers</dt>
          <dd className={styles.detail} data-testid="about-issuers">
            {counts.listedIssuers} listed{counts.privateBorrowers > 0 ? ` + ${counts.privateBorrowers} private borrowers` : ""}
          </dd>
          <dt className={styles.term}>Quarters</dt>
          <dd className={styles.detail} data-testid="about-quarters">
            {counts.first && counts.last ? `${counts.first} – ${counts.last} (${counts.quarters} quarters)` : "none"}
          </dd>
        </dl>
      </section>

      <section aria-labelledby="about-rule">
        <Subtitle2 block as="h2" id="about-rule">
          How sums are made
        </Subtitle2>
        <Body1 block as="p">
          A financing counts in every total, chart and QUARTER/SERIES result when it is new money (not an exchange,
          extension or restructuring issuance), its issuer is a listed company (private borrowers such as Compute
          North are kept as 2021-cycle context and shown only on request), and its amount is known.
        </Body1>
        <Body1 block as="p">
          The amount is the money that record raised: for notes the issued amount including any exercised
          purchasers&rsquo; option, else the priced amount; for loans and facilities the new commitment (an upsize
          counts only the increment); the drawn amount where only that is known. A financing belongs to the calendar
          quarter it priced in, else the quarter it closed in.
        </Body1>
        <Body1 block as="p">
          Financings are known through {version.financingsThrough}: a later quarter is not known (never shown as
          zero), and a range reaching past that date is marked partial. A financing with no known quarter counts only
          in all-time totals, shown as an undated line, so every view of the same filters adds up to the same total.
        </Body1>
      </section>

      <section aria-labelledby="about-method">
        <Subtitle2 block as="h2" id="about-method">
          Methodology
        </Subtitle2>
        <ul className={styles.list}>
          <li><Text>Every value was read in a source listed with its record (press releases, SEC filings, company IR, trade press), or follows from stated values by exact arithmetic (marked &ldquo;derived&rdquo;).</Text></li>
          <li><Text>Unknown values stay blank: nothing is filled from memory, rounded differently or estimated.</Text></li>
          <li><Text>Records keep the ticker they priced under; a former ticker finds the same issuer (BITF and KEEL).</Text></li>
          <li><Text>Confidence: high (press-release text or agreeing sources), medium (one secondary source), low (sources conflict; see the deal&rsquo;s notes).</Text></li>
          <li><Text>Percentages in the data are percent numbers; cells receive fractions formatted as %. Amounts are USD; inserted tables show them in $ millions without changing the stored value.</Text></li>
          <li><Text>Published sector totals (e.g. TheMinerMag&rsquo;s quarterly figures) are separate series, available through REPORTED(), never mixed into these sums.</Text></li>
        </ul>
      </section>

      <section aria-labelledby="about-sources">
        <Subtitle2 block as="h2" id="about-sources">
          Sources
        </Subtitle2>
        {error ? <Text role="alert">Could not load the source list: {error}</Text> : null}
        {!sources && !error ? <Spinner size="tiny" label="Loading sources…" /> : null}
        {sources ? (
          <>
            <Caption1>
              {sources.reduce((n, p) => n + p.links.length, 0)} distinct links on {sources.length} sites. Each record lists its sources best first: SEC filings, the company&rsquo;s IR site, newswires, then trade press, then summaries (marked). Links open outside the pane.
            </Caption1>
            <Accordion collapsible multiple>
              {sources.map((group) => (
                <AccordionItem key={group.site} value={group.site}>
                  <AccordionHeader size="small">
                    {group.site} ({group.links.length})
                  </AccordionHeader>
                  <AccordionPanel>
                    <ul className={styles.list}>
                      {group.links.map((link) => (
                        <li key={link.url} className={styles.link}>
                          <ExternalLink url={link.url}>{link.title ?? link.url}</ExternalLink>
                          {link.summary ? <Caption1> · summary</Caption1> : null}
                        </li>
                      ))}
                    </ul>
                  </AccordionPanel>
                </AccordionItem>
              ))}
            </Accordion>
          </>
        ) : null}
      </section>
    </div>
  );
}
