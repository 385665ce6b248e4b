/**
 * "Insert table": the financings the Explore tab lists, as values in a real Excel table.
 * Every number is the dataset's figure converted only the way MINERDEBT functions convert it
 * (src/data toCellValue: percent → fraction, date → Excel serial); USD amounts stay in USD and
 * only their number format shows millions, so a cell's value traces to its source exactly.
 */
import { fieldValue, findField, toCellValue, type DatasetVersion, type FieldDef, type FieldName, type FinancingCore } from "../../data";
import { codeLabel, fieldHeading } from "../model/labels";
import {
  EMPTY,
  FORMAT_CONVERSION_RATE,
  FORMAT_DATE,
  FORMAT_PERCENT,
  FORMAT_USD_MILLIONS,
  FORMAT_USD_PER_SHARE,
  booleanCell,
  httpsUrl,
  numberCell,
  textCell,
} from "./cells";
import { UNITS_NOTE, provenanceNote } from "./provenance";
import type { InsertPlan, PlanCell, PlanHyperlink } from "./types";

/** The columns of an inserted offerings table, in order. */
export const TABLE_FIELDS: readonly FieldName[] = [
  "id",
  "issuer",
  "borrower",
  "ticker",
  "quarter",
  "priced_date",
  "instrument",
  "instrument_class",
  "amount_usd",
  "amount_basis",
  "coupon_pct",
  "maturity_date",
  "conversion_price_usd",
  "conversion_premium_pct",
  "capped_call_cap_price_usd",
  "use_category",
  "counts_in_sums",
  "source_url",
];

export const OFFERINGS_TABLE_NAME = "MinerDebtOfferings";
export const TABLE_STYLE = "TableStyleMedium2";

/** The Excel number format for a field's cell value (as toCellValue returns it). */
export function formatForField(def: FieldDef): string | undefined {
  switch (def.kind) {
    case "usd_amount":
      return FORMAT_USD_MILLIONS;
    case "usd_per_share":
      return FORMAT_USD_PER_SHARE;
    case "percent":
      return FORMAT_PERCENT;
    case "date":
      return FORMAT_DATE;
    case "shares_per_1000_usd":
      return FORMAT_CONVERSION_RATE;
    case "count":
      return "0";
    default:
      return undefined;
  }
}

/**
 * One field of one record as a plan cell. A coded value (instrument, class, use of proceeds,
 * settlement, …) is written in words ("Convertible senior notes"): these are values for a
 * person to read; MINERDEBT functions keep the codes, and FIELDS() lists both.
 */
export function fieldCell(record: FinancingCore, def: FieldDef<FieldName>): PlanCell {
  const value = toCellValue(def, fieldValue(record, def.name));
  if (value === null || value === "") return EMPTY;
  if (def.kind === "enum" && typeof value === "string") return textCell(codeLabel(value));
  if (typeof value === "boolean") return booleanCell(value);
  if (typeof value === "number") return numberCell(value, formatForField(def));
  return textCell(value);
}

export interface OfferingsTableInput {
  /** In the order the pane lists them. */
  readonly records: readonly FinancingCore[];
  readonly version: DatasetVersion;
  /** The filters in words (describeFilters). */
  readonly filters: string;
  readonly fields?: readonly FieldName[];
}

/** Note row, then a table: header + one row per financing; the source column is hyperlinked. */
export function offeringsTablePlan(input: OfferingsTableInput): InsertPlan {
  if (input.records.length === 0) throw new Error("No financings match the filters: nothing to insert");
  const defs = (input.fields ?? TABLE_FIELDS).map((name) => findField(name));
  const cols = defs.length;
  const note: PlanCell[] = [
    textCell(provenanceNote(input.version, `Financings: ${input.filters}. "In sums" marks the records totals count (new money, listed issuer, known amount)`, UNITS_NOTE)),
    ...Array.from({ length: cols - 1 }, () => EMPTY),
  ];
  const header = defs.map((def) => textCell(fieldHeading(def.name)));
  const hyperlinks: PlanHyperlink[] = [];
  const urlColumn = defs.findIndex((def) => def.kind === "url");
  const rows = input.records.map((record, index) => {
    const row = defs.map((def) => fieldCell(record, def));
    if (urlColumn >= 0) {
      const cell = row[urlColumn];
      const url = cell.kind === "text" ? httpsUrl(cell.value) : null;
      if (url) hyperlinks.push({ cell: { row: index + 2, col: urlColumn }, url });
    }
    return row;
  });
  const tableRows = rows.length + 1;
  return {
    label: `Offerings table (${rows.length} ${rows.length === 1 ? "financing" : "financings"})`,
    cells: [note, header, ...rows],
    styles: [{ range: { row: 0, col: 0, rows: 1, cols }, role: "note" }],
    tables: [{ name: OFFERINGS_TABLE_NAME, style: TABLE_STYLE, range: { row: 1, col: 0, rows: tableRows, cols } }],
    hyperlinks,
    autofit: { row: 1, col: 0, rows: tableRows, cols },
    columns: defs.map((def) => (def.kind === "url" ? { width: 45 } : {})),
  };
}
