/**
 * Issuer arguments: "bitf, MARA", "KEEL", or empty for all. A renamed issuer's former and
 * current tickers are one issuer (issuers.jsonl): a record keeps the ticker it priced under,
 * so a filter for BITF or KEEL must match records carrying either.
 */
import { notAvailable } from "../errors";
import { bundledView, renamedIssuers } from "./dataset";
import { derived, type DatasetView } from "./view";
import { closestMatch } from "../checks/suggest";

interface IssuerIndex {
  /** Every ticker a record carries or issuers.jsonl names, upper-case. */
  known: readonly string[];
  /** Any known ticker → its current ticker. */
  canonical: ReadonlyMap<string, string>;
  /** Current ticker → every ticker of that issuer (current first). */
  tickersOf: ReadonlyMap<string, readonly string[]>;
}

function build(view: DatasetView): IssuerIndex {
  const canonical = new Map<string, string>();
  const tickersOf = new Map<string, string[]>();
  for (const issuer of renamedIssuers()) {
    const all = [issuer.ticker, ...issuer.aliases];
    for (const ticker of all) canonical.set(ticker, issuer.ticker);
    tickersOf.set(issuer.ticker, all);
  }
  for (const record of view.financings) {
    const ticker = record.ticker;
    if (ticker === null || canonical.has(ticker)) continue;
    canonical.set(ticker, ticker);
    tickersOf.set(ticker, [ticker]);
  }
  return { known: [...canonical.keys()].sort(), canonical, tickersOf };
}

/** Per view: a workbook row may bring a ticker the bundled data does not know. */
function issuerIndex(view: DatasetView): IssuerIndex {
  return derived(view, "issuers", () => build(view));
}

/** Every ticker the dataset knows (current and former), sorted. */
export function knownTickers(view: DatasetView = bundledView()): readonly string[] {
  return issuerIndex(view).known;
}

/** The issuer's current ticker: BITF → KEEL; a ticker never renamed → itself. Unknown → NA. */
export function canonicalTicker(ticker: string, view: DatasetView = bundledView()): string {
  const upper = ticker.trim().toUpperCase();
  const current = issuerIndex(view).canonical.get(upper);
  if (current === undefined) throw unknownTicker(ticker, view);
  return current;
}

/** Every ticker of the issuer (current first): BITF → [KEEL, BITF]. */
export function issuerTickers(ticker: string, view: DatasetView = bundledView()): readonly string[] {
  return issuerIndex(view).tickersOf.get(canonicalTicker(ticker, view)) ?? [];
}

function unknownTicker(typed: string, view: DatasetView): Error {
  const { known } = issuerIndex(view);
  const suggestion = closestMatch(typed.toUpperCase(), known);
  return notAvailable(`Unknown ticker "${typed.trim()}"${suggestion ? `; did you mean ${suggestion}?` : ""} Known tickers: ${known.join(", ")}`);
}

const RESOLVED_LIMIT = 10_000;

/**
 * The set of tickers records may carry for an issuer argument, or null for "all issuers"
 * (empty text, null, or an empty list). Tickers are separated by commas or semicolons,
 * case-insensitive; a former or current ticker brings in all of the issuer's tickers.
 */
export function resolveIssuers(input: unknown, view: DatasetView = bundledView()): ReadonlySet<string> | null {
  if (input === null || input === undefined) return null;
  const resolvedIssuers = derived(view, "resolvedIssuers", () => new Map<string, ReadonlySet<string> | null>());
  const texts = Array.isArray(input) ? input.map(String) : [String(input)];
  // The functions layer checks the issuer argument on every QUARTER call, memo hit or not:
  // remember the answer per argument text (an unknown ticker throws, and is not remembered).
  const key = texts.join(",");
  const known = resolvedIssuers.get(key);
  if (known !== undefined) return known;
  const result = resolveIssuerTexts(texts, view);
  if (resolvedIssuers.size >= RESOLVED_LIMIT) resolvedIssuers.clear();
  resolvedIssuers.set(key, result);
  return result;
}

function resolveIssuerTexts(texts: readonly string[], view: DatasetView): ReadonlySet<string> | null {
  // join + split rather than flatMap: functions.js runs on ES2016 engines (docs/taskpane.md).
  const parts = texts
    .join(",")
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
  if (parts.length === 0) return null;
  const tickers = new Set<string>();
  for (const part of parts) for (const ticker of issuerTickers(part, view)) tickers.add(ticker);
  return tickers;
}
