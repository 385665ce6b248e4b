// A MinerDebtDeals table as Excel passes it to a custom function (a 2-D array, header first),
// for the parser, function, bundle and pane tests. The rows are fictitious test deals (ticker
// TEST, example.com sources), except the correction, which reuses a real id on purpose.

/** Excel serial of an ISO date (1900 system, dates after 1900-03-01), written out independently. */
export function serialOf(iso: string): number {
  return Math.round((Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** Column order deliberately not the catalogue's, with a column of the user's own. */
export const HEADER = [
  "issuer",
  "id",
  "ticker",
  "my comment",
  "instrument",
  "priced_date",
  "amount_usd",
  "amount_basis",
  "coupon_pct",
  "maturity_date",
  "conversion_price_usd",
  "conversion_rate_per_1000",
  "use_category",
  "source_url",
  "new_money",
];

export type Row = Partial<Record<string, unknown>>;

/** A new convertible of a fictitious issuer, priced 2026-11-20 (after the dataset's coverage). */
export const NEW_DEAL: Row = {
  issuer: "Example Miner Inc.",
  id: "TEST-2026-11-CVT-2031",
  ticker: "TEST",
  "my comment": "heard on the call",
  instrument: "convertible_senior_notes",
  priced_date: serialOf("2026-11-20"),
  amount_usd: 500_000_000,
  amount_basis: "priced",
  coupon_pct: 2.5,
  maturity_date: "2031-12-01",
  conversion_price_usd: 10,
  conversion_rate_per_1000: 100,
  use_category: "ai_hpc",
  source_url: "https://example.com/test-notes",
  new_money: true,
};

/** A correction of a bundled record: TeraWulf's Aug 2025 convertible at $900M instead of $1B. */
export const CORRECTION: Row = {
  issuer: "TeraWulf Inc.",
  id: "WULF-2025-08-CVT-2031",
  ticker: "WULF",
  instrument: "convertible_senior_notes",
  priced_date: "2025-08-18",
  amount_usd: 900_000_000,
  amount_basis: "issued_incl_option",
  coupon_pct: 1,
  maturity_date: serialOf("2031-09-01"),
  conversion_price_usd: 12.43,
  conversion_rate_per_1000: 80.4602,
  use_category: "ai_hpc",
  source_url: "https://example.com/wulf-correction",
};

/** The table: header, then each row's cells in HEADER order (absent → "" as Excel passes blanks). */
export function dealsTable(rows: readonly Row[], header: readonly string[] = HEADER): unknown[][] {
  return [[...header], ...rows.map((row) => header.map((name) => (row[name] === undefined ? "" : row[name])))];
}

/** A blank row, as a table's empty row arrives. */
export const BLANK: Row = {};
