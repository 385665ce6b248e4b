/**
 * The MinerDebtDeals table as the task pane creates and fills it: its name, its columns and the
 * id the "Add a financing" form generates. (The functions bundle does not need this module: it
 * only reads tables, workbook-deals.ts.)
 */
import { isIsoDate } from "./quarters";
import type { InstrumentClass } from "./types";
import { INSTRUMENT_CLASS_OF } from "./workbook-deals";

/** The table's name in the workbook (formulas pass MinerDebtDeals[#All]). */
export const WORKBOOK_TABLE_NAME = "MinerDebtDeals";

/** The columns of the table the pane creates: dataset field names, in catalogue order (a test checks it). */
export const WORKBOOK_DEAL_COLUMNS: readonly string[] = [
  "id",
  "issuer",
  "ticker",
  "instrument",
  "instrument_class",
  "secured",
  "collateral",
  "priced_date",
  "closed_date",
  "new_money",
  "amount_usd",
  "amount_basis",
  "coupon_pct",
  "maturity_date",
  "conversion_rate_per_1000",
  "conversion_price_usd",
  "capped_call_cap_price_usd",
  "settlement",
  "use_category",
  "notes",
  "source_url",
];

/** KIND in an id, by instrument class (data/README.md). */
const KIND_OF_CLASS: Readonly<Record<InstrumentClass, string>> = {
  convertible: "CVT",
  convertible_preferred: "PREF",
  secured_notes: "SSN",
  unsecured_notes: "SN",
  loan: "LOAN",
  credit_facility: "CF",
  bitcoin_backed_loan: "BTCL",
  equipment_financing: "EQF",
  other: "OTHER",
};

/**
 * An id in the dataset's form TICKER-YYYY-MM-KIND-MATURITYYEAR ("NA" for an unknown maturity),
 * from the ticker (or, for a private borrower, its name in capitals), the pricing or closing
 * date, the instrument and the maturity date.
 */
export function financingId(parts: { ticker: string | null; issuer: string; date: string; instrument: string; maturityDate: string | null }): string {
  const name = (parts.ticker ?? parts.issuer).toUpperCase().replace(/[^A-Z0-9]+/g, "");
  const instrumentClass = INSTRUMENT_CLASS_OF[parts.instrument] ?? "other";
  const maturity = parts.maturityDate && isIsoDate(parts.maturityDate) ? parts.maturityDate.slice(0, 4) : "NA";
  return [name || "NA", parts.date.slice(0, 4), parts.date.slice(5, 7), KIND_OF_CLASS[instrumentClass], maturity].join("-");
}
