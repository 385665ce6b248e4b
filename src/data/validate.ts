/**
 * Validation of the dataset files (SPEC §3). Pure: takes parsed JSON values, returns every
 * problem, each naming the record id, the field and the reason. Runs at build time
 * (scripts/build-data.ts fails the build on any problem) and in tests; the functions bundle
 * never imports it (it loads data generated from records that passed).
 */
import { FIELD_CATALOGUE, type FieldDef } from "./fields";
import { isIsoDate, isIsoPartialDate, isQuarterLabel, quarterOfIsoDate, quarterOrdinal } from "./quarters";
import { CONFIDENCES, QUALIFIERS } from "./types";

export type DataFile = "financings.jsonl" | "sector-aggregates.jsonl" | "issuers.jsonl" | "coverage.json" | "events.jsonl";

export type ValidationRule =
  | "json"
  | "schema"
  | "required"
  | "type"
  | "enum"
  | "id_format"
  | "unique_id"
  | "iso_date"
  | "quarter"
  | "non_negative"
  | "conversion_price"
  | "conversion_premium"
  | "cap_premium"
  | "https_source"
  | "ticker"
  | "coverage"
  | "financing_ref"
  | "event_order"
  | "event_sign"
  | "event_balance";

export interface ValidationProblem {
  file: DataFile;
  /** 1-based line in the file. */
  line: number;
  /** Record id (financings), ticker (issuers) or "metric | period" (sector figures). */
  id: string;
  field: string;
  rule: ValidationRule;
  reason: string;
}

/** One parsed line of a JSONL file. */
export interface JsonLine {
  line: number;
  value: unknown;
}

/**
 * conversion_price_usd ≈ 1000 / conversion_rate_per_1000 within 0.2% (SPEC §3): the price is
 * stated rounded (often to the cent, "approximately $9.75") from the exact rate.
 */
export const CONVERSION_PRICE_TOLERANCE = 0.002;

/**
 * |conversion price − reference price × (1 + premium)| ≤ one cent. Why a cent: issuers set the
 * rate from reference × (1 + premium), round the rate to 4 decimals and state the price rounded
 * to the cent, so two roundings of at most half a cent each separate the stated price from the
 * exact product. The real data peaks at $0.005 (MARA-2021-11-CVT-2026: 55.40 × 1.375 = 76.175,
 * stated 76.17 via the rate 13.1277). A premium off by even 0.1 point moves a $5 price by half a
 * cent and a $50 price by 5 cents, so a wrong premium or reference price is still caught.
 * The same test applies to the capped call's cap price and cap premium.
 */
export const PREMIUM_TOLERANCE_USD = 0.01;

const ID_FORMAT = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
const TICKER_FORMAT = /^[A-Z0-9.]{1,10}$/;

type Row = Record<string, unknown>;

export function isRow(value: unknown): value is Row {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

function isNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** Split JSONL text into parsed lines; a line that is not JSON is a problem, blank lines are skipped. */
export function parseJsonLines(text: string, file: DataFile): { lines: JsonLine[]; problems: ValidationProblem[] } {
  const lines: JsonLine[] = [];
  const problems: ValidationProblem[] = [];
  text.split("\n").forEach((raw, index) => {
    if (raw.trim() === "") return;
    try {
      lines.push({ line: index + 1, value: JSON.parse(raw) });
    } catch (error) {
      problems.push({ file, line: index + 1, id: "?", field: "(line)", rule: "json", reason: `not valid JSON: ${(error as Error).message}` });
    }
  });
  return { lines, problems };
}

export class Collector {
  readonly problems: ValidationProblem[] = [];
  constructor(
    private readonly file: DataFile,
    private line: number,
    private id: string,
  ) {}

  at(line: number, id: string): void {
    this.line = line;
    this.id = id;
  }

  add(field: string, rule: ValidationRule, reason: string): void {
    this.problems.push({ file: this.file, line: this.line, id: this.id, field, rule, reason });
  }
}

/** Visit each line that is a JSON object (others are a problem), with the collector set to its id. */
export function forEachObject(out: Collector, lines: readonly JsonLine[], idOf: (row: Row) => string, visit: (row: Row, line: number) => void): void {
  for (const { line, value } of lines) {
    out.at(line, "?");
    if (!isRow(value)) {
      out.add("(line)", "type", "each line must be a JSON object");
      continue;
    }
    out.at(line, idOf(value));
    visit(value, line);
  }
}

/** Closed schema for files without a catalogue: exactly these keys. */
export function checkKeys(out: Collector, row: Row, keys: readonly string[]): void {
  for (const key of Object.keys(row)) if (!keys.includes(key)) out.add(key, "schema", "unknown field");
  for (const key of keys) if (!(key in row)) out.add(key, "schema", "missing field");
}

const URL_FORMAT = /^https?:\/\/[^\s/]+\.[^\s]*$/;

/** A list of {url, publisher, title?, date?} objects with at least one https URL. */
export function checkSources(out: Collector, field: string, value: unknown, needsHttps: boolean, optionalKeys = true): void {
  if (!Array.isArray(value)) return out.add(field, "type", `must be a list of sources, got ${show(value)}`);
  if (needsHttps && value.length === 0) return out.add(field, "https_source", "no source listed; at least one https source is required");
  value.forEach((source, index) => {
    const where = `${field}[${index}]`;
    if (!isRow(source)) return out.add(where, "type", `must be an object with url and publisher, got ${show(source)}`);
    if (typeof source.url !== "string" || !URL_FORMAT.test(source.url)) out.add(`${where}.url`, "type", `must be an http(s) URL, got ${show(source.url)}`);
    if (typeof source.publisher !== "string" || source.publisher.trim() === "") out.add(`${where}.publisher`, "required", "publisher is required");
    if (optionalKeys) {
      if (source.title !== null && typeof source.title !== "string") out.add(`${where}.title`, "type", `must be text or null, got ${show(source.title)}`);
      if (source.date !== null && !(typeof source.date === "string" && isIsoPartialDate(source.date))) {
        out.add(`${where}.date`, "iso_date", `must be an ISO date, month or year (or null), got ${show(source.date)}`);
      }
    }
  });
  if (needsHttps && value.length > 0 && !value.some((source) => isRow(source) && typeof source.url === "string" && source.url.startsWith("https://"))) {
    out.add(field, "https_source", "no https source: every listed URL is plain http");
  }
}

const POSITIVE_FIELDS = new Set(["conversion_rate_per_1000", "conversion_price_usd", "reference_price_usd", "capped_call_cap_price_usd"]);

/** Type, enum, date and sign of one catalogued field. */
function checkField(out: Collector, def: FieldDef, value: unknown): void {
  if (value === null) {
    if (!def.nullable) out.add(def.name, "required", "must not be null");
    return;
  }
  switch (def.kind) {
    case "text":
      if (typeof value !== "string") out.add(def.name, "type", `must be text, got ${show(value)}`);
      else if (value.trim() === "") out.add(def.name, "type", "empty text: use null for unknown");
      return;
    case "enum":
      if (typeof value !== "string" || !(def.values ?? []).includes(value)) {
        out.add(def.name, "enum", `${show(value)} is not one of ${(def.values ?? []).join(", ")}`);
      }
      return;
    case "boolean":
      if (typeof value !== "boolean") out.add(def.name, "type", `must be true/false, got ${show(value)}`);
      return;
    case "quarter":
      if (typeof value !== "string" || !isQuarterLabel(value)) out.add(def.name, "quarter", `must look like 2025Q3, got ${show(value)}`);
      return;
    case "date":
      if (typeof value !== "string" || !isIsoDate(value)) out.add(def.name, "iso_date", `must be a real date written YYYY-MM-DD, got ${show(value)}`);
      return;
    case "partial_date":
      if (typeof value !== "string" || !(isIsoDate(value) || (/^\d{4}-\d{2}$/.test(value) && isIsoPartialDate(value)))) {
        out.add(def.name, "iso_date", `must be an ISO date YYYY-MM-DD or month YYYY-MM, got ${show(value)}`);
      }
      return;
    case "usd_amount":
    case "usd_per_share":
    case "percent":
    case "shares_per_1000_usd":
    case "count":
      if (!isNumber(value)) return out.add(def.name, "type", `must be a number, got ${show(value)}`);
      if (POSITIVE_FIELDS.has(def.name) ? value <= 0 : value < 0) {
        out.add(def.name, "non_negative", `must be ${POSITIVE_FIELDS.has(def.name) ? "> 0" : "≥ 0"}, got ${value}`);
      }
      return;
    case "text_list":
      if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) out.add(def.name, "type", `must be a list of text, got ${show(value)}`);
      return;
    case "url":
      return;
  }
}

const STORED_FIELDS = FIELD_CATALOGUE.filter((def) => def.stored);
const FINANCING_KEYS = new Set<string>([...STORED_FIELDS.map((def) => def.name), "sources"]);

function num(row: Row, field: string): number | null {
  const value = row[field];
  return isNumber(value) ? value : null;
}

function text(row: Row, field: string): string | null {
  const value = row[field];
  return typeof value === "string" ? value : null;
}

/** `quarter` is the quarter of priced_date, else closed_date; neither → it may not precede the announcement. */
function checkQuarter(out: Collector, row: Row): void {
  const quarter = text(row, "quarter");
  if (quarter !== null && !isQuarterLabel(quarter)) return; // already reported
  for (const field of ["priced_date", "closed_date"]) {
    const date = text(row, field);
    if (date === null || !isIsoDate(date)) continue;
    const expected = quarterOfIsoDate(date);
    if (quarter !== expected) out.add("quarter", "quarter", `is ${show(quarter)} but ${field} ${date} is in ${expected}`);
    return;
  }
  const announced = text(row, "announced_date");
  if (quarter !== null && announced !== null && isIsoDate(announced) && quarterOrdinal(quarter) < quarterOrdinal(quarterOfIsoDate(announced))) {
    out.add("quarter", "quarter", `is ${quarter}, before announced_date ${announced}`);
  }
}

function checkConversionTerms(out: Collector, row: Row): void {
  const rate = num(row, "conversion_rate_per_1000");
  const price = num(row, "conversion_price_usd");
  if (rate !== null && price !== null && rate > 0) {
    const implied = 1000 / rate;
    const gap = Math.abs(price - implied) / implied;
    if (gap > CONVERSION_PRICE_TOLERANCE) {
      out.add("conversion_price_usd", "conversion_price", `${price} differs from 1000 / conversion_rate_per_1000 (${rate}) = ${implied.toFixed(4)} by ${(gap * 100).toFixed(2)}% (> 0.2%)`);
    }
  }
  const reference = num(row, "reference_price_usd");
  if (reference === null) return;
  const checks: [string, number | null, string, number | null, ValidationRule][] = [
    ["conversion_price_usd", price ?? (rate !== null && rate > 0 ? 1000 / rate : null), "conversion_premium_pct", num(row, "conversion_premium_pct"), "conversion_premium"],
    ["capped_call_cap_price_usd", num(row, "capped_call_cap_price_usd"), "capped_call_cap_premium_pct", num(row, "capped_call_cap_premium_pct"), "cap_premium"],
  ];
  for (const [priceField, stated, premiumField, premium, rule] of checks) {
    if (stated === null || premium === null) continue;
    const implied = reference * (1 + premium / 100);
    if (Math.abs(stated - implied) > PREMIUM_TOLERANCE_USD) {
      out.add(premiumField, rule, `${premium}% over reference_price_usd ${reference} gives ${implied.toFixed(4)}, but ${priceField} is ${stated} (more than one cent apart)`);
    }
  }
}

/** Every rule of SPEC §3 over financings.jsonl. */
export function validateFinancings(lines: readonly JsonLine[]): ValidationProblem[] {
  const out = new Collector("financings.jsonl", 0, "?");
  const seen = new Map<string, number>();
  forEachObject(out, lines, (row) => (typeof row.id === "string" ? row.id : "?"), (value, line) => {
    if (typeof value.id === "string") {
      if (!ID_FORMAT.test(value.id)) out.add("id", "id_format", `must be upper-case letters, digits and single hyphens, got ${show(value.id)}`);
      const first = seen.get(value.id);
      if (first !== undefined) out.add("id", "unique_id", `duplicate id (first on line ${first})`);
      else seen.set(value.id, line);
    }
    for (const key of Object.keys(value)) {
      if (!FINANCING_KEYS.has(key)) out.add(key, "schema", "unknown field (not in the field catalogue, src/data/fields.ts)");
    }
    for (const def of STORED_FIELDS) {
      if (!(def.name in value)) out.add(def.name, "schema", "missing field (write null for unknown)");
      else checkField(out, def, value[def.name]);
    }
    if (!("sources" in value)) out.add("sources", "schema", "missing field");
    else checkSources(out, "sources", value.sources, true);
    if (value.listed === true && value.ticker === null) out.add("ticker", "ticker", "a listed issuer needs its ticker");
    checkQuarter(out, value);
    checkConversionTerms(out, value);
  });
  return out.problems;
}

const SECTOR_KEYS = ["metric", "scope", "period", "value", "qualifier", "source", "quote", "additional_sources", "confidence", "notes"];

/** sector-aggregates.jsonl: closed qualifier and confidence, non-negative values, https sources. */
export function validateSectorFigures(lines: readonly JsonLine[]): ValidationProblem[] {
  const out = new Collector("sector-aggregates.jsonl", 0, "?");
  const seen = new Map<string, number>();
  forEachObject(out, lines, (row) => `${String(row.metric)} | ${String(row.period)}`, (value, line) => {
    checkKeys(out, value, SECTOR_KEYS);
    if (typeof value.metric !== "string" || !/^[a-z0-9_]+$/.test(value.metric)) out.add("metric", "type", `must be a snake_case name, got ${show(value.metric)}`);
    for (const key of ["scope", "period"]) {
      if (typeof value[key] !== "string" || (value[key] as string).trim() === "") out.add(key, "required", "must be non-empty text");
    }
    if (!isNumber(value.value)) out.add("value", "type", `must be a number, got ${show(value.value)}`);
    else if (value.value < 0) out.add("value", "non_negative", `must be ≥ 0, got ${value.value}`);
    if (!(QUALIFIERS as readonly unknown[]).includes(value.qualifier)) out.add("qualifier", "enum", `${show(value.qualifier)} is not one of ${QUALIFIERS.join(", ")}`);
    if (!(CONFIDENCES as readonly unknown[]).includes(value.confidence)) out.add("confidence", "enum", `${show(value.confidence)} is not one of ${CONFIDENCES.join(", ")}`);
    for (const key of ["quote", "notes"]) {
      if (value[key] !== null && typeof value[key] !== "string") out.add(key, "type", `must be text or null, got ${show(value[key])}`);
    }
    checkSources(out, "source", [value.source], true);
    if ("additional_sources" in value) checkSources(out, "additional_sources", value.additional_sources, false);
    const key = `${String(value.metric)} | ${String(value.period)} | ${String(value.scope)}`;
    const first = seen.get(key);
    if (first !== undefined) out.add("period", "unique_id", `same metric, scope and period as line ${first}`);
    else seen.set(key, line);
  });
  return out.problems;
}

const ISSUER_KEYS = ["ticker", "aliases", "names", "event", "sources"];

/** issuers.jsonl: tickers and aliases well-formed, each ticker claimed by one issuer only. */
export function validateIssuers(lines: readonly JsonLine[]): ValidationProblem[] {
  const out = new Collector("issuers.jsonl", 0, "?");
  const owner = new Map<string, string>();
  forEachObject(out, lines, (row) => (typeof row.ticker === "string" ? row.ticker : "?"), (value) => {
    const ticker = typeof value.ticker === "string" ? value.ticker : "?";
    checkKeys(out, value, ISSUER_KEYS);
    const aliases = Array.isArray(value.aliases) ? value.aliases : [];
    if (!Array.isArray(value.aliases)) out.add("aliases", "type", "must be a list of tickers");
    for (const [field, symbol] of [["ticker", value.ticker], ...aliases.map((alias): [string, unknown] => ["aliases", alias])] as [string, unknown][]) {
      if (typeof symbol !== "string" || !TICKER_FORMAT.test(symbol)) {
        out.add(field, "ticker", `must be an upper-case ticker, got ${show(symbol)}`);
        continue;
      }
      const claimed = owner.get(symbol);
      if (claimed !== undefined) out.add(field, "ticker", `${symbol} is already a ticker of ${claimed}`);
      else owner.set(symbol, ticker);
    }
    if (!Array.isArray(value.names) || value.names.length === 0 || value.names.some((name) => typeof name !== "string" || name.trim() === "")) {
      out.add("names", "required", "must list at least one name (current first)");
    }
    if (typeof value.event !== "string") out.add("event", "type", `must be text, got ${show(value.event)}`);
    checkSources(out, "sources", value.sources, true, false);
  });
  return out.problems;
}

const COVERAGE_KEYS = ["financings_through", "searched_on", "note"];

/**
 * coverage.json: ISO `financings_through` no later than `searched_on`, and no financing dated
 * after it (a record past the stated edge would make "not known" periods look covered).
 */
export function validateCoverage(value: unknown, financings: readonly JsonLine[]): ValidationProblem[] {
  const out = new Collector("coverage.json", 1, "coverage");
  if (value === undefined) return []; // the file did not parse: already reported
  if (!isRow(value)) {
    out.add("(file)", "type", "must be a JSON object with financings_through, searched_on and note");
    return out.problems;
  }
  checkKeys(out, value, COVERAGE_KEYS);
  const through = value.financings_through;
  const searched = value.searched_on;
  for (const [key, date] of [["financings_through", through], ["searched_on", searched]] as const) {
    if (typeof date !== "string" || !isIsoDate(date)) out.add(key, "iso_date", `must be a real date written YYYY-MM-DD, got ${show(date)}`);
  }
  if (typeof value.note !== "string" || value.note.trim() === "") out.add("note", "required", "must be non-empty text");
  if (typeof through !== "string" || !isIsoDate(through)) return out.problems;
  if (typeof searched === "string" && isIsoDate(searched) && searched < through) {
    out.add("searched_on", "coverage", `${searched} is before financings_through ${through}: a search cannot cover later dates`);
  }
  const late: ValidationProblem[] = [];
  for (const { line, value: row } of financings) {
    if (!isRow(row)) continue;
    const field = text(row, "priced_date") !== null ? "priced_date" : "closed_date";
    const dated = text(row, field);
    if (dated !== null && isIsoDate(dated) && dated > through) {
      const id = typeof row.id === "string" ? row.id : "?";
      late.push({ file: "financings.jsonl", line, id, field, rule: "coverage", reason: `${dated} is after coverage.json's financings_through ${through}` });
    }
  }
  return [...out.problems, ...late];
}

export interface DatasetLines {
  financings: readonly JsonLine[];
  sectorFigures: readonly JsonLine[];
  issuers: readonly JsonLine[];
  /** coverage.json, parsed (undefined when it did not parse). */
  coverage: unknown;
}

export function validateDataset(data: DatasetLines): ValidationProblem[] {
  return [
    ...validateFinancings(data.financings),
    ...validateSectorFigures(data.sectorFigures),
    ...validateIssuers(data.issuers),
    ...validateCoverage(data.coverage, data.financings),
  ];
}

/** "financings.jsonl:12 CANG-2024-11-BTCL-2026 · sources: no https source …" */
export function formatProblem(problem: ValidationProblem): string {
  return `${problem.file}:${problem.line} ${problem.id} · ${problem.field}: ${problem.reason} [${problem.rule}]`;
}

/**
 * A problem the maintainers have looked at and accepted for now, with the reason. Kept in
 * data/acknowledged-problems.json so it is reviewed in git, printed on every build, and
 * reported as stale once the data no longer has it — never a silent skip.
 */
export interface AcknowledgedProblem {
  file: DataFile;
  id: string;
  field: string;
  rule: ValidationRule;
  reason: string;
}

export interface ProblemTriage {
  /** Problems that fail the build. */
  errors: ValidationProblem[];
  /** Problems matched by an acknowledgement (printed as warnings). */
  acknowledged: ValidationProblem[];
  /** Acknowledgements that match no problem any more (they fail the build too). */
  stale: AcknowledgedProblem[];
}

export function triageProblems(problems: readonly ValidationProblem[], acknowledgements: readonly AcknowledgedProblem[]): ProblemTriage {
  const matches = (problem: ValidationProblem, ack: AcknowledgedProblem) =>
    problem.file === ack.file && problem.id === ack.id && problem.field === ack.field && problem.rule === ack.rule;
  const errors: ValidationProblem[] = [];
  const acknowledged: ValidationProblem[] = [];
  for (const problem of problems) {
    (acknowledgements.some((ack) => matches(problem, ack)) ? acknowledged : errors).push(problem);
  }
  const stale = acknowledgements.filter((ack) => !problems.some((problem) => matches(problem, ack)));
  return { errors, acknowledged, stale };
}
