/**
 * The rules one financing record must satisfy (SPEC §3), as a record: field types, enums, dates,
 * signs, id form, the quarter rule, conversion terms and sources. One definition, two callers:
 * validate.ts checks every line of financings.jsonl at build time, and the workbook rows a user
 * passes as `my_deals` (workbook-deals.ts) are checked at run time by the same code, so a row
 * the data build would reject is rejected in the cell too. Small and pure on purpose: it ships
 * in the functions bundle, while the file-level checks (JSONL parsing, the other files, triage)
 * stay in validate.ts, which the bundle never imports.
 */
import { FIELD_CATALOGUE, type FieldDef } from "./fields";
import { isIsoDate, isIsoPartialDate, isQuarterLabel, quarterOfIsoDate, quarterOrdinal } from "./quarters";
import type { ValidationRule } from "./validate";

/** Where a rule reports a problem: the field and why (the caller knows the file, line and id). */
export interface ProblemSink {
  add(field: string, rule: ValidationRule, reason: string): void;
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

export const ID_FORMAT = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;

export type Row = Record<string, unknown>;

export function isRow(value: unknown): value is Row {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

export function isNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

const URL_FORMAT = /^https?:\/\/[^\s/]+\.[^\s]*$/;

/** A list of {url, publisher, title?, date?} objects with at least one https URL. */
export function checkSources(out: ProblemSink, field: string, value: unknown, needsHttps: boolean, optionalKeys = true): void {
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
function checkField(out: ProblemSink, def: FieldDef, value: unknown): void {
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

export const STORED_FIELDS = FIELD_CATALOGUE.filter((def) => def.stored);
export const FINANCING_KEYS = new Set<string>([...STORED_FIELDS.map((def) => def.name), "sources"]);

export function num(row: Row, field: string): number | null {
  const value = row[field];
  return isNumber(value) ? value : null;
}

export function text(row: Row, field: string): string | null {
  const value = row[field];
  return typeof value === "string" ? value : null;
}

/** `quarter` is the quarter of priced_date, else closed_date; neither → it may not precede the announcement. */
function checkQuarter(out: ProblemSink, row: Row): void {
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

function checkConversionTerms(out: ProblemSink, row: Row): void {
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


/**
 * Every rule for one financing record except uniqueness of its id (which needs the other
 * records): the caller checks that across its own file or table.
 */
export function checkFinancingRecord(out: ProblemSink, value: Row): void {
  if (typeof value.id === "string" && !ID_FORMAT.test(value.id)) {
    out.add("id", "id_format", `must be upper-case letters, digits and single hyphens, got ${show(value.id)}`);
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
}
