/**
 * The field catalogue: ONE definition of every field a user can ask for. The model's types
 * are checked against it (below), validation reads each field's kind from it, FIELDS() lists
 * it, DEAL()/OFFERINGS() look fields up in it, and the task pane labels columns with it.
 *
 * `kind` is precise enough to convert values mechanically (toCellValue): percent numbers
 * become fractions, dates become Excel serials, USD amounts scale with `units`, while
 * per-share prices never scale. `tier` says where the value lives: "core" (loaded with the
 * functions bundle), "links" (source URLs, a lazily loaded chunk: await loadSourceLinks()
 * before reading them) or "detail" (long text, task pane only).
 */
import { choice } from "../checks/choice";
import { invalidArgument, notAvailable } from "../errors";
import { codeLabel } from "./labels";
import { firstHttpsUrl, sourceUrlsOf } from "./links";
import { isoDateToExcelSerial } from "./quarters";
import { didYouMean } from "../checks/suggest";
import {
  AMOUNT_BASES,
  CONFIDENCES,
  CYCLES,
  INSTRUMENTS,
  INSTRUMENT_CLASSES,
  OUTCOMES,
  SETTLEMENTS,
  USE_CATEGORIES,
  type Financing,
  type FinancingCore,
} from "./types";

export type FieldKind =
  | "text"
  | "enum"
  | "boolean"
  /** Canonical quarter label "2025Q3", returned as text. */
  | "quarter"
  /** ISO date YYYY-MM-DD; cell functions return an Excel serial. */
  | "date"
  /** ISO date or ISO month ("2023-02") where only the month is known; returned as text. */
  | "partial_date"
  /** An amount of money in USD; cell functions divide by the `units` divisor. */
  | "usd_amount"
  /** USD per share; never scaled by `units`. */
  | "usd_per_share"
  /** Stored as a percent number (37.5); cell functions return the fraction (0.375). */
  | "percent"
  /** Shares per $1,000 principal, as stated in the indenture. */
  | "shares_per_1000_usd"
  /** A list of sentences; cell functions join them with "; ". */
  | "text_list"
  /** An https URL, returned as text. */
  | "url"
  /** A whole number of things. */
  | "count";

export type FieldTier = "core" | "links" | "detail";

export interface FieldDef<N extends string = string> {
  readonly name: N;
  readonly description: string;
  readonly kind: FieldKind;
  /** Allowed values of an enum field (closed). */
  readonly values?: readonly string[];
  readonly tier: FieldTier;
  /** May the stored value be null ("" in a cell)? */
  readonly nullable: boolean;
  /** False for values computed from the record (source_url, counts_in_sums). */
  readonly stored: boolean;
}

interface FieldOptions {
  values?: readonly string[];
  tier?: FieldTier;
  nullable?: boolean;
  stored?: boolean;
}

function field<N extends string>(name: N, kind: FieldKind, description: string, options: FieldOptions = {}): FieldDef<N> {
  return {
    name,
    description,
    kind,
    values: options.values,
    tier: options.tier ?? "core",
    nullable: options.nullable ?? true,
    stored: options.stored ?? true,
  };
}

const required = { nullable: false } as const;

/** In the order FIELDS() lists them (the order of financings.jsonl). */
export const FIELD_CATALOGUE = [
  field("id", "text", "Stable key TICKER-YYYY-MM-KIND-MATURITYYEAR (KIND: CVT, SSN, SN, LOAN, CF, BTCL, EQF, PREF, OTHER; NA = unknown)", required),
  field("issuer", "text", "The public company (parent): its legal name when the deal priced (renames: issuers.jsonl)", required),
  field("borrower", "text", "The subsidiary or vehicle that is the legal obligor, where a source names one; blank when the issuer itself borrows or the entity is not named"),
  field("ticker", "text", "Ticker when the deal priced (a renamed issuer keeps its old ticker on older deals); blank for private borrowers"),
  field("listed", "boolean", "TRUE for public companies; FALSE for private borrowers kept as 2021-cycle context", required),
  field("exchange", "text", "Listing exchange(s)"),
  field("instrument", "enum", "Instrument type", { values: INSTRUMENTS, nullable: false }),
  field("instrument_class", "enum", "Coarse class for filters and charts", { values: INSTRUMENT_CLASSES, nullable: false }),
  field("secured", "boolean", "Whether the financing is secured"),
  field("collateral", "text", "What secures it (bitcoin, ASIC miners, data-center assets, …)"),
  field("announced_date", "date", "Date announced"),
  field("priced_date", "date", "Date priced"),
  field("closed_date", "date", "Date closed"),
  field("quarter", "quarter", "Calendar quarter of pricing, else closing (e.g. 2025Q3); blank where no date is known"),
  field("cycle", "enum", "Borrowing cycle: 2020-2022 (the ASIC-lien cycle) or 2023-", { values: CYCLES }),
  field("new_money", "boolean", "FALSE for exchanges, extensions and plan-of-reorganisation issuance (excluded from sums)", required),
  field("not_new_money_reason", "text", "Why a record is not new money"),
  field("amount_usd", "usd_amount", "Money this record raised (what sums add up); amount_basis says which amount it is"),
  field("amount_basis", "enum", "What amount_usd is: issued incl. option, priced, commitment, commitment increment (an upsize), or drawn", { values: AMOUNT_BASES }),
  field("principal_launch_usd", "usd_amount", "Principal as announced at launch"),
  field("principal_priced_usd", "usd_amount", "Principal as priced (for an upsize: the increment)"),
  field("option_usd", "usd_amount", "Initial purchasers' option to buy more notes"),
  field("option_exercised_usd", "usd_amount", "Part of the option exercised"),
  field("principal_final_usd", "usd_amount", "Confirmed final principal (for a facility: total size after an amendment)"),
  field("facility_total_usd", "usd_amount", "For a facility amendment: the facility's total size after it"),
  field("coupon_pct", "percent", "Annual coupon (0 for zero-coupon); blank for floating or unknown rates"),
  field("maturity_date", "date", "Maturity date"),
  field("conversion_rate_per_1000", "shares_per_1000_usd", "Conversion rate: shares per $1,000 principal"),
  field("conversion_price_usd", "usd_per_share", "Initial conversion price per share"),
  field("conversion_premium_pct", "percent", "Conversion premium over the reference share price"),
  field("reference_price_usd", "usd_per_share", "Reference share price the premium is measured from"),
  field("capped_call_cap_price_usd", "usd_per_share", "Capped call cap price per share"),
  field("capped_call_cap_premium_pct", "percent", "Capped call cap premium over the reference share price"),
  field("capped_call_cost_usd", "usd_amount", "Cost of the capped call transactions"),
  field("settlement", "enum", "Conversion settlement: issuer's election of cash, shares or a combination; or principal in cash and the excess in cash or shares", { values: SETTLEMENTS }),
  field("net_proceeds_usd", "usd_amount", "Estimated net proceeds without the purchasers' option"),
  field("net_proceeds_with_option_usd", "usd_amount", "Estimated net proceeds if the purchasers' option is exercised in full"),
  field("use_of_proceeds", "text", "Use of proceeds as stated", { tier: "detail" }),
  field("use_category", "enum", "Use of proceeds category", { values: USE_CATEGORIES }),
  field("lender_or_counterparty", "text", "Lender or counterparty (loans and facilities)"),
  field("outcome", "enum", "What became of it, where a source says so (blank where not researched)", { values: OUTCOMES }),
  field("outcome_note", "text", "How the outcome is known", { tier: "detail" }),
  field("outcome_date", "partial_date", "Date of the outcome: ISO date, or ISO month where the source gives only the month"),
  field("confidence", "enum", "high: press-release text or agreeing sources; medium: one secondary source; low: sources conflict (see notes)", { values: CONFIDENCES, nullable: false }),
  field("derived", "text_list", "Fields computed by exact arithmetic from stated values", { tier: "detail", nullable: false }),
  field("notes", "text", "Caveats, conflicts, context", { tier: "detail" }),
  field("source_url", "url", "First https source (SOURCE(id, n) returns each listed source)", { tier: "links", stored: false }),
  field("source_count", "count", "Number of sources listed", { tier: "links", nullable: false, stored: false }),
  field("counts_in_sums", "boolean", "TRUE when the record counts in sums: new money, listed issuer and a known amount", { stored: false }),
  field("origin", "enum", "dataset (the bundled data) or workbook (a row of the table passed as my_deals)", { values: ["dataset", "workbook"], nullable: false, stored: false }),
] as const satisfies readonly FieldDef[];

export type FieldName = (typeof FIELD_CATALOGUE)[number]["name"];
export type FieldValue = string | number | boolean | null | readonly string[];

// Compile-time check that the catalogue and the model agree: every stored field has an entry.
type AssertNever<T extends never> = T;
export type CatalogueCoversModel = AssertNever<Exclude<keyof Financing, FieldName | "sources">>;
export type ModelCoversCatalogue = AssertNever<
  Exclude<FieldName, keyof Financing | "source_url" | "source_count" | "counts_in_sums" | "origin">
>;

const BY_NAME: ReadonlyMap<string, FieldDef<FieldName>> = new Map(
  FIELD_CATALOGUE.map((def): [string, FieldDef<FieldName>] => [def.name, def]),
);

/** Fields listed by default in OFFERINGS() when `fields` is omitted. */
export const DEFAULT_OFFERING_FIELDS: readonly FieldName[] = [
  "id",
  "issuer",
  "ticker",
  "quarter",
  "priced_date",
  "instrument",
  "amount_usd",
  "coupon_pct",
  "maturity_date",
  "conversion_price_usd",
  "use_category",
  "source_url",
];

/** Fields cell functions can return (CORE and LINKS tiers). */
export function cellFields(): readonly FieldDef<FieldName>[] {
  return FIELD_CATALOGUE.filter((def) => def.tier !== "detail");
}

/** "type/unit" as FIELDS() shows it, by kind (an enum also lists its values). */
const TYPE_LABELS: Readonly<Record<FieldKind, string>> = {
  text: "text",
  count: "number",
  enum: "text: ",
  boolean: "boolean",
  quarter: "text (quarter, e.g. 2025Q3)",
  date: "date → Excel serial",
  partial_date: "text (ISO date or month)",
  usd_amount: "USD (scaled by units)",
  usd_per_share: "USD per share",
  percent: "percent → fraction",
  shares_per_1000_usd: "shares per $1,000 principal",
  text_list: "text (entries separated by '; ')",
  url: "text (https URL)",
};

/** An enum lists each code with the words (in brackets) the pane and its value tables show for it. */
export function fieldTypeLabel(def: FieldDef): string {
  return TYPE_LABELS[def.kind] + (def.values ?? []).map((code) => `${code} (${codeLabel(code)})`).join(", ");
}

/** Look a field up by name (case-insensitive). Unknown → VALUE with a suggestion. */
export function findField(name: unknown, argName = "field"): FieldDef<FieldName> {
  const text = typeof name === "string" ? name.trim().toLowerCase() : "";
  const def = BY_NAME.get(text);
  if (def) return def;
  if (text === "") throw invalidArgument(`${argName} is required: one of the names FIELDS() lists`);
  throw invalidArgument(`${argName}: unknown field "${String(name)}".${didYouMean(text, BY_NAME.keys())} FIELDS() lists them all.`);
}

/** A field cell functions can return; a DETAIL-tier field is NA with where to find it. */
export function findCellField(name: unknown, argName = "field"): FieldDef<FieldName> {
  const def = findField(name, argName);
  if (def.tier === "detail") {
    throw notAvailable(`${def.name} is long text kept out of cell functions to keep workbooks fast; open the deal in the MinerDebt task pane`);
  }
  return def;
}

/** "id, amount_usd , coupon_pct" → cell fields; empty → DEFAULT_OFFERING_FIELDS. */
export function parseFieldList(list: unknown, argName = "fields"): FieldDef<FieldName>[] {
  if (list === null || list === undefined || (typeof list === "string" && list.trim() === "")) {
    return DEFAULT_OFFERING_FIELDS.map((name) => findField(name));
  }
  if (typeof list !== "string") throw invalidArgument(`${argName} must be a comma-separated list of field names`);
  return list
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => findCellField(part, argName));
}

/** The rule of every sum (SPEC §3): new money, a listed issuer, and a known amount. */
export function countsInSums(financing: FinancingCore): boolean {
  return financing.new_money && financing.listed && financing.amount_usd !== null;
}

/** A record's source URLs: a full record (or a workbook row) carries them; a core record reads the LINKS tier. */
export function recordSourceUrls(financing: FinancingCore | Financing): readonly string[] {
  return "sources" in financing ? financing.sources.map((source) => source.url) : sourceUrlsOf(financing.id);
}

/**
 * The raw stored value of a field (percent fields stay percent numbers; dates stay ISO text).
 * source_url/source_count of a core record read the LINKS tier (NA until loaded); a DETAIL
 * field of a core record is NA: load the full record (detail.ts) first.
 */
export function fieldValue(financing: FinancingCore | Financing, name: FieldName): FieldValue {
  switch (name) {
    case "source_url":
      return firstHttpsUrl(recordSourceUrls(financing));
    case "source_count":
      return recordSourceUrls(financing).length;
    case "counts_in_sums":
      return countsInSums(financing);
    case "origin":
      // A workbook row carries origin "workbook" (view.ts); bundled records carry none.
      return (financing as { origin?: string }).origin === "workbook" ? "workbook" : "dataset";
    default: {
      if (!(name in financing)) {
        throw notAvailable(`${name} of ${financing.id} is in the detail data, which is not loaded here`);
      }
      return (financing as unknown as Record<string, FieldValue>)[name];
    }
  }
}

/** USD, USDm or USDbn: the divisor amounts are shown in. */
export interface Units {
  name: "USD" | "USDm" | "USDbn";
  divisor: number;
}

const UNITS: readonly Units[] = [
  { name: "USD", divisor: 1 },
  { name: "USDm", divisor: 1e6 },
  { name: "USDbn", divisor: 1e9 },
];

export function parseUnits(input: unknown, argName = "units"): Units {
  const name = choice(argName, input, ["USD", "USDm", "USDbn"] as const, "USD");
  return UNITS.find((units) => units.name === name) as Units;
}

/**
 * A raw value as a cell shows it, mechanically from the kind: percent → fraction,
 * date → Excel serial, USD amount → divided by the units divisor, list → "; "-joined text.
 * null stays null (the functions layer shows "").
 */
export function toCellValue(def: FieldDef, raw: FieldValue, units: Units = UNITS[0]): string | number | boolean | null {
  if (raw === null) return null;
  if (Array.isArray(raw)) return raw.join("; ");
  switch (def.kind) {
    case "date":
      return isoDateToExcelSerial(raw as string);
    case "percent":
      return (raw as number) / 100;
    case "usd_amount":
      return (raw as number) / units.divisor;
    default:
      return raw as string | number | boolean;
  }
}
