/**
 * Which sources an analyst can cite. Every record's sources are ranked at build time (the
 * generated files store them in this order, so SOURCE(id) and source_url give the best https
 * one without shipping this module in the functions bundle):
 *   0 filing     an SEC filing on sec.gov
 *   1 company    the company's own investor-relations site
 *   2 newswire   the release on a newswire's own site (GlobeNewswire, PR Newswire, Business Wire, …)
 *   3 press      trade press and everything else, copies of releases included
 *   4 summary    a summary of a filing or release (often machine-written): labelled as such
 * Within a rank the data's order is kept. Pure: no Office, React or DOM; the task pane uses it
 * for the "summary" label and the About tab's grouping by site.
 */
import type { Source } from "./types";

export const SOURCE_KINDS = ["filing", "company", "newswire", "press", "summary"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** The newswires' own sites (a copy elsewhere is press). */
const NEWSWIRE_SITES = ["globenewswire.com", "prnewswire.com", "businesswire.com", "newswire.ca", "accesswire.com", "newsfilecorp.com"];

/** Sites whose pages are summaries of filings or releases, whatever the publisher text says. */
const SUMMARY_SITES = ["secwatch.observer", "allmind.ai", "reportify.ai", "reportify.cc", "reportify.cn"];

/** A publisher label that says the page is a summary ("8-K summary", "AI summary of …"). */
const SUMMARY_PUBLISHER = /\bsummar(y|ies|ised|ized)\b|\bAI\b|Rhea-AI/i;

/** A company's IR site: ir.example.com, investors.example.com, or a publisher naming IR. */
const COMPANY_HOST = /^(ir|investors?)\./;
const COMPANY_PUBLISHER = /\bIR\b|investor relations/i;

/** "https://www.sec.gov/Archives/…" → "sec.gov": the site, for grouping (lower case, no www.). */
export function sourceSite(url: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:]+)/i.exec(url);
  const host = (match ? match[1] : url).toLowerCase();
  return host.startsWith("www.") ? host.slice(4) : host;
}

function onSite(site: string, sites: readonly string[]): boolean {
  return sites.some((known) => site === known || site.endsWith(`.${known}`));
}

export function sourceKind(source: Pick<Source, "url" | "publisher">): SourceKind {
  const site = sourceSite(source.url);
  if (onSite(site, SUMMARY_SITES) || SUMMARY_PUBLISHER.test(source.publisher)) return "summary";
  if (onSite(site, ["sec.gov"])) return "filing";
  if (COMPANY_HOST.test(site) || COMPANY_PUBLISHER.test(source.publisher)) return "company";
  if (onSite(site, NEWSWIRE_SITES)) return "newswire";
  return "press";
}

export function sourceRank(source: Pick<Source, "url" | "publisher">): number {
  return SOURCE_KINDS.indexOf(sourceKind(source));
}

/** The sources best first (stable: the data's order within a rank). */
export function rankSources<T extends Pick<Source, "url" | "publisher">>(sources: readonly T[]): T[] {
  return sources
    .map((source, index) => ({ source, index, rank: sourceRank(source) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ source }) => source);
}
