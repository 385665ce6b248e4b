/**
 * What the MinerDebtDeals table holds and how a form entry becomes a row (pure; the adapter
 * writes it). Columns are the dataset's field names in catalogue order (src/data/workbook-table);
 * each gets a number format like the inserted tables and, where the field is enumerated, a
 * drop-down list of its values. A new row is checked by the same reader the functions use
 * (parseWorkbookDeals) before anything is written, so the pane never appends a row that would
 * turn every formula passing the table into #VALUE!.
 */
import {
  FIELD_CATALOGUE,
  getFinancing,
  isoDateToExcelSerial,
  parseWorkbookDeals,
  sourceUrlsOf,
  firstHttpsUrl,
  loadSourceLinks,
  type FieldDef,
  type FinancingCore,
} from "../../data";
import { WORKBOOK_DEAL_COLUMNS, financingId } from "../../data/workbook-table";

export interface DealsTableColumn {
  readonly name: string;
  readonly numberFormat: string;
  /** Allowed values (drop-down list), for enumerated and TRUE/FALSE fields. */
  readonly list?: readonly string[];
}

const BY_NAME = new Map<string, FieldDef>(FIELD_CATALOGUE.map((def) => [def.name, def]));

/** Number formats like the inserted tables; percent fields are percent numbers, shown with a "%" sign. */
function numberFormatOf(def: FieldDef | undefined): string {
  switch (def?.kind) {
    case "usd_amount":
      return "#,##0";
    case "usd_per_share":
    case "shares_per_1000_usd":
      return "0.00##";
    case "percent":
      return '0.00##"%"';
    case "date":
      return "yyyy-mm-dd";
    case "boolean":
      return "General";
    default:
      return "@";
  }
}

export const DEALS_TABLE_COLUMNS: readonly DealsTableColumn[] = WORKBOOK_DEAL_COLUMNS.map((name) => {
  const def = BY_NAME.get(name);
  const list = def?.kind === "enum" ? def.values : def?.kind === "boolean" ? ["TRUE", "FALSE"] : undefined;
  return { name, numberFormat: numberFormatOf(def), ...(list ? { list } : {}) };
});

/** The dataset record the example row copies: leaving the row in changes no figure. */
export const EXAMPLE_DEAL_ID = "WULF-2025-08-CVT-2031";

/** A cell value as the table stores it: dates as Excel serials, blanks as "". */
function cellOf(def: FieldDef | undefined, value: unknown): string | number | boolean {
  if (value === null || value === undefined) return "";
  if (def?.kind === "date" && typeof value === "string") return isoDateToExcelSerial(value);
  return value as string | number | boolean;
}

/**
 * The example row: a dataset record as the table would hold it, so that leaving it in the table
 * changes no figure (it replaces the record with the same facts); its notes say so.
 */
export async function exampleRow(record: FinancingCore = getFinancing(EXAMPLE_DEAL_ID)): Promise<(string | number | boolean)[]> {
  await loadSourceLinks(); // the example's source_url is in the LINKS tier
  return DEALS_TABLE_COLUMNS.map((column) => {
    if (column.name === "source_url") return firstHttpsUrl(sourceUrlsOf(record.id)) ?? "";
    if (column.name === "notes") return "Example row: the dataset's own record of this deal, so it changes no figure. Overwrite it with your financing or delete the row.";
    return cellOf(BY_NAME.get(column.name), (record as unknown as Record<string, unknown>)[column.name]);
  });
}

/** What the "Add a financing" form collects (text as typed). */
export interface DealForm {
  issuer: string;
  ticker: string;
  instrument: string;
  pricedDate: string;
  amountUsd: string;
  maturityDate: string;
  couponPct: string;
  conversionPriceUsd: string;
  useCategory: string;
  sourceUrl: string;
  notes: string;
}

export const EMPTY_DEAL_FORM: DealForm = {
  issuer: "",
  ticker: "",
  instrument: "convertible_senior_notes",
  pricedDate: "",
  amountUsd: "",
  maturityDate: "",
  couponPct: "",
  conversionPriceUsd: "",
  useCategory: "",
  sourceUrl: "",
  notes: "",
};

export type DealRowResult =
  | { readonly ok: true; readonly id: string; readonly row: Readonly<Record<string, string | number | boolean | null>> }
  | { readonly ok: false; readonly message: string };

function numberOrText(text: string): string | number | null {
  const trimmed = text.trim().replace(/[$,\s]/g, "");
  if (trimmed === "") return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : text.trim();
}

/**
 * A form entry → the row to append, or the first problem in words. The id is generated in the
 * dataset's TICKER-YYYY-MM-KIND-MATURITY form; `takenIds` (the table's and the dataset's) makes a
 * clash an error rather than a silent correction of another record.
 */
export function dealRowFromForm(form: DealForm, takenIds: ReadonlySet<string>): DealRowResult {
  const issuer = form.issuer.trim();
  const ticker = form.ticker.trim().toUpperCase();
  if (issuer === "") return { ok: false, message: "Issuer is required." };
  if (ticker === "") return { ok: false, message: "Ticker is required (the issuer's ticker when the deal priced)." };
  const priced = form.pricedDate.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(priced)) return { ok: false, message: "Priced date is required, written YYYY-MM-DD." };
  if (form.amountUsd.trim() === "") return { ok: false, message: "Amount (USD) is required." };
  if (form.sourceUrl.trim() === "") return { ok: false, message: "A source URL (https) is required." };
  const maturity = form.maturityDate.trim();
  const id = financingId({ ticker, issuer, date: priced, instrument: form.instrument, maturityDate: maturity || null });
  if (takenIds.has(id)) {
    return { ok: false, message: `${id} is already a financing (in the dataset or your table). To correct it, edit its row in the table; to add another deal, check the dates.` };
  }
  const row: Record<string, string | number | boolean | null> = {
    id,
    issuer,
    ticker,
    instrument: form.instrument,
    priced_date: priced,
    amount_usd: numberOrText(form.amountUsd),
    maturity_date: maturity || null,
    coupon_pct: numberOrText(form.couponPct),
    conversion_price_usd: numberOrText(form.conversionPriceUsd),
    use_category: form.useCategory || null,
    source_url: form.sourceUrl.trim(),
    notes: form.notes.trim() || null,
    new_money: true,
  };
  // The same reader and rules as the functions: a row they would reject is refused here.
  const header = Object.keys(row);
  try {
    parseWorkbookDeals([header, header.map((name) => row[name] ?? "")], "The new row");
  } catch (error) {
    return { ok: false, message: (error as Error).message.replace(/^The new row row 2: /, "") };
  }
  // Dates go into the table as Excel dates (its date columns are formatted yyyy-mm-dd).
  row.priced_date = isoDateToExcelSerial(priced);
  if (maturity) row.maturity_date = isoDateToExcelSerial(maturity);
  return { ok: true, id, row };
}
