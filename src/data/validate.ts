/**
 * Validation of the dataset files (SPEC §3). Pure: takes parsed JSON values, returns every
 * problem, each naming the record id, the field and the reason. Runs at build time
 * (scripts/build-data.ts fails the build on any problem) and in tests; the functions bundle
 * never imports it (it loads data generated from records that passed).
 */
import { checkFinancingRecord, checkSources, isNumber, isRow, show, text, type Row } from "./financing-rules";
import { isIsoDate } from "./quarters";
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

// The record rules live in financing-rules.ts (they ship in the functions bundle for my_deals);
// validate-events.ts and the tests read these from here.
export { CONVERSION_PRICE_TOLERANCE, PREMIUM_TOLERANCE_USD, checkSources, isRow, show } from "./financing-rules";

const TICKER_FORMAT = /^[A-Z0-9.]{1,10}$/;

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

/** Every rule of SPEC §3 over financings.jsonl. */
export function validateFinancings(lines: readonly JsonLine[]): ValidationProblem[] {
  const out = new Collector("financings.jsonl", 0, "?");
  const seen = new Map<string, number>();
  forEachObject(out, lines, (row) => (typeof row.id === "string" ? row.id : "?"), (value, line) => {
    if (typeof value.id === "string") {
      const first = seen.get(value.id);
      if (first !== undefined) out.add("id", "unique_id", `duplicate id (first on line ${first})`);
      else seen.set(value.id, line);
    }
    checkFinancingRecord(out, value);
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
