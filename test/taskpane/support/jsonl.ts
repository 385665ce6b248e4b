/**
 * The committed facts read straight from data/financings.jsonl, so tests compute expected
 * values independently of src/data (which reads the generated core.json).
 */
import fs from "fs";
import path from "path";

export interface RawFinancing {
  id: string;
  issuer: string;
  ticker: string | null;
  listed: boolean;
  instrument: string;
  instrument_class: string;
  quarter: string | null;
  cycle: string | null;
  new_money: boolean;
  amount_usd: number | null;
  coupon_pct: number | null;
  priced_date: string | null;
  closed_date: string | null;
  announced_date: string | null;
  maturity_date: string | null;
  conversion_price_usd: number | null;
  conversion_premium_pct: number | null;
  conversion_rate_per_1000: number | null;
  capped_call_cap_price_usd: number | null;
  use_category: string | null;
  settlement: string | null;
  principal_final_usd: number | null;
  sources: { url: string; publisher: string; title: string | null }[];
  [field: string]: unknown;
}

let cache: RawFinancing[] | null = null;

export function rawFinancings(): RawFinancing[] {
  if (cache) return cache;
  const file = path.resolve(__dirname, "..", "..", "..", "data", "financings.jsonl");
  cache = fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as RawFinancing);
  return cache;
}

/** SPEC §3, restated for the tests: new money, listed issuer, known amount. */
export function countsUnderRule(record: RawFinancing): boolean {
  return record.new_money && record.listed && record.amount_usd !== null;
}

/** Excel 1900-system serial of an ISO date, computed with Date.UTC (day 0 = 1899-12-30). */
export function excelSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** One line of data/events.jsonl, read with fs. */
export interface RawEvent {
  financing_id: string;
  date: string;
  event: string;
  principal_change_usd: number | null;
  principal_outstanding_usd: number | null;
  source: { url: string; publisher: string };
  quote: string | null;
}

export function rawEvents(): RawEvent[] {
  return fs
    .readFileSync(path.join(__dirname, "..", "..", "..", "data", "events.jsonl"), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as RawEvent);
}
