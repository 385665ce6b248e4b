// The repo's committed facts read straight from the JSONL files, so tests compute expected
// values independently of src/data (which decodes the generated copy).
import { readFileSync } from "fs";
import path from "path";

const DATA = path.resolve(__dirname, "..", "..", "..", "data");

function jsonl<T>(file: string): T[] {
  return readFileSync(path.join(DATA, file), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);
}

export interface Fact {
  id: string;
  issuer: string;
  ticker: string | null;
  listed: boolean;
  instrument_class: string;
  use_category: string | null;
  quarter: string | null;
  new_money: boolean;
  amount_usd: number | null;
  priced_date: string | null;
  closed_date: string | null;
  announced_date: string | null;
  sources: { url: string }[];
  [field: string]: unknown;
}

export interface SectorFact {
  metric: string;
  scope: string;
  period: string;
  value: number;
  qualifier: string;
  confidence: string;
  source: { url: string };
}

export const FACTS: Fact[] = jsonl<Fact>("financings.jsonl");
export const SECTOR: SectorFact[] = jsonl<SectorFact>("sector-aggregates.jsonl");
export const RENAMES: { ticker: string; aliases: string[]; names: string[] }[] = jsonl("issuers.jsonl");
export const AS_OF: string = JSON.parse(readFileSync(path.join(DATA, "dataset.json"), "utf8")).asOf;
/** coverage.json: financings priced or closed up to this date were searched for. */
export const FINANCINGS_THROUGH: string = JSON.parse(readFileSync(path.join(DATA, "coverage.json"), "utf8")).financings_through;

export function fact(id: string): Fact {
  const found = FACTS.find((f) => f.id === id);
  if (!found) throw new Error(`test data: no ${id}`);
  return found;
}

/** SPEC §3: new money, listed issuer, known amount. */
export function counts(f: Fact): boolean {
  return f.new_money && f.listed && f.amount_usd !== null;
}

/** Every ticker of the issuer a ticker belongs to (BITF → BITF, KEEL). */
export function tickersOf(ticker: string): string[] {
  const rename = RENAMES.find((r) => r.ticker === ticker || r.aliases.includes(ticker));
  return rename ? [rename.ticker, ...rename.aliases] : [ticker];
}

/** "2025Q3" → 8102, so quarter ranges compare as integers. */
export function ordinal(quarter: string): number {
  const m = /^(\d{4})Q([1-4])$/.exec(quarter);
  if (!m) throw new Error(`test data: bad quarter ${quarter}`);
  return Number(m[1]) * 4 + Number(m[2]) - 1;
}

export function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Excel 1900-system serial of an ISO date (after 1900-03-01): days since 1899-12-30. */
export function serial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

export const LATEST_QUARTER: string = FACTS.map((f) => f.quarter)
  .filter((q): q is string => q !== null)
  .sort((a, b) => ordinal(a) - ordinal(b))
  .pop() as string;

/** One line of events.jsonl, read with fs (never through src/data). */
export interface EventFact {
  financing_id: string;
  date: string;
  event: string;
  principal_change_usd: number | null;
  principal_outstanding_usd: number | null;
  related_financing_id: string | null;
  source: { url: string };
  notes: string | null;
}

export const EVENT_FACTS: EventFact[] = jsonl<EventFact>("events.jsonl");

/** The latest outstanding_reported snapshot of a financing on or before a date, from events.jsonl. */
export function snapshotOn(id: string, asOf: string): EventFact | null {
  const snapshots = EVENT_FACTS.filter((e) => e.financing_id === id && e.event === "outstanding_reported" && e.date <= asOf);
  return snapshots[snapshots.length - 1] ?? null;
}
