// Argument readers and table shapes the data functions share (data-functions.ts and
// outstanding-functions.ts): not custom functions themselves.
import { bundledView, resolveIssuers, type DatasetView, type Units } from "../data";
import { notAvailable } from "../errors";
import { issuerTickers, named } from "./arguments";
import type { CellValue } from "./excel-errors";

/**
 * An issuer argument ("MARA, riot", or a range of tickers) as one list text, checked against
 * the dataset (or the my_deals view) now so that an unknown ticker is reported as the issuer's;
 * null = all issuers.
 * Text passes through unchanged: the core splits it and remembers the answer per text.
 */
export function issuerList(issuer: unknown, view: DatasetView = bundledView()): string | null {
  const tickers = issuerTickers(issuer);
  if (tickers !== null) named("issuer", () => resolveIssuers(tickers, view));
  return tickers;
}

/** Header of an amount column: its name and unit, e.g. "amount_usd (USDm)". */
export function amountHeader(name: string, units: Units): string {
  return `${name} (${units.name})`;
}

export function withHeaders(headers: boolean, header: CellValue[], rows: CellValue[][], empty: string): CellValue[][] {
  if (headers) return [header, ...rows];
  if (rows.length === 0) throw notAvailable(empty);
  return rows;
}
