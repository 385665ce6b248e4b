/**
 * Quarters, periods and Excel dates. Pure: knows nothing of the dataset (callers pass the
 * latest quarter for "LQ"/"TTM") and nothing of Office (Excel serials are plain numbers).
 *
 * A quarter is carried as its canonical label "2025Q3"; arithmetic uses its ordinal
 * (year × 4 + quarter − 1), so ranges are integer intervals.
 */
import { invalidArgument } from "../errors";

export type QuarterLabel = string;

/** An inclusive range of quarters, from ≤ to. */
export interface QuarterRange {
  from: QuarterLabel;
  to: QuarterLabel;
}

export interface PeriodContext {
  /** The latest quarter present in the dataset: what "LQ" means (never today's date). */
  latestQuarter?: QuarterLabel | null;
  /** The argument name used in error messages. */
  argName?: string;
}

export const QUARTER_FORMATS =
  'a quarter such as "2025Q3", "2025-Q3", "Q3 2025", "3Q25" or "Q3-25", "LQ" or "LQ-1" (latest quarter in the dataset and the ones before), an ISO date such as "2025-08-14", or an Excel date';
export const PERIOD_FORMATS = `${QUARTER_FORMATS}; or a year "2025", an inclusive range "2024Q3:2025Q2", or "TTM" (the four quarters ending at LQ)`;

const CANONICAL = /^(\d{4})Q([1-4])$/;

export function isQuarterLabel(text: string): boolean {
  return CANONICAL.test(text);
}

export function quarterLabel(year: number, quarter: number): QuarterLabel {
  return `${year}Q${quarter}`;
}

/** 2025Q3 → 8102 (year × 4 + quarter − 1): consecutive quarters are consecutive integers. */
export function quarterOrdinal(label: QuarterLabel): number {
  const match = CANONICAL.exec(label);
  if (!match) throw invalidArgument(`"${label}" is not a quarter label like 2025Q3`);
  return Number(match[1]) * 4 + Number(match[2]) - 1;
}

export function quarterFromOrdinal(ordinal: number): QuarterLabel {
  return quarterLabel(Math.floor(ordinal / 4), (ordinal % 4) + 1);
}

/** Every quarter of an inclusive range, oldest first. */
export function quartersInRange(range: QuarterRange): QuarterLabel[] {
  const out: QuarterLabel[] = [];
  const last = quarterOrdinal(range.to);
  for (let q = quarterOrdinal(range.from); q <= last; q++) out.push(quarterFromOrdinal(q));
  return out;
}

// ---------------------------------------------------------------------------------------
// ISO dates and Excel serials (1900 date system)

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
/** Excel's day 0 for serials ≥ 61: 1899-12-30, so that 61 = 1900-03-01 (see below). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** Largest serial Excel accepts: 9999-12-31. */
export const MAX_EXCEL_SERIAL = 2_958_465;

/** The parts of a real calendar date written YYYY-MM-DD, or null. */
export function parseIsoDate(text: string): { year: number; month: number; day: number } | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return null;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  // Date.UTC maps years 0–99 to 1900–1999; the dataset's years are all ≥ 1900.
  if (year < 100 || day > lastDay) return null;
  return { year, month, day };
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== null;
}

/** An ISO date, or a reduced-precision ISO month "YYYY-MM" / year "YYYY" (real values). */
export function isIsoPartialDate(text: string): boolean {
  if (/^\d{4}$/.test(text)) return true;
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (month) return Number(month[2]) >= 1 && Number(month[2]) <= 12;
  return isIsoDate(text);
}

export function quarterOfIsoDate(text: string): QuarterLabel {
  const date = parseIsoDate(text);
  if (!date) throw invalidArgument(`"${text}" is not a real date written YYYY-MM-DD`);
  return quarterLabel(date.year, Math.ceil(date.month / 3));
}

/**
 * ISO date → Excel serial (1900 system). Excel counts 1900 as a leap year (Lotus 1-2-3
 * compatibility): serial 60 is the non-existent 1900-02-29, so from 1900-03-01 (61) on,
 * serials are days since 1899-12-30, and before it days since 1899-12-31.
 */
export function isoDateToExcelSerial(text: string): number {
  const date = parseIsoDate(text);
  if (!date) throw invalidArgument(`date must be a real date written YYYY-MM-DD, got "${text}"`);
  if (date.year < 1900) throw invalidArgument(`Excel dates start at 1900-01-01, got "${text}"`);
  const ms = Date.UTC(date.year, date.month - 1, date.day);
  const days = Math.round((ms - EXCEL_EPOCH_MS) / DAY_MS);
  return days >= 61 ? days : days - 1;
}

/** Excel serial (whole number, 1900 system) → ISO date. Serial 60 (1900-02-29) has none. */
export function excelSerialToIsoDate(serial: number): string {
  checkSerial(serial, "date");
  if (serial === 60) {
    throw invalidArgument("Excel date 60 is the fictitious 1900-02-29 (Excel's 1900 leap-year quirk)");
  }
  const days = serial > 60 ? serial : serial + 1;
  return new Date(EXCEL_EPOCH_MS + days * DAY_MS).toISOString().slice(0, 10);
}

function checkSerial(serial: number, argName: string): void {
  if (!Number.isFinite(serial) || !Number.isInteger(serial)) {
    throw invalidArgument(`${argName}: an Excel date must be a whole number, got ${serial}`);
  }
  if (serial < 1 || serial > MAX_EXCEL_SERIAL) {
    throw invalidArgument(`${argName}: an Excel date must be between 1 (1900-01-01) and ${MAX_EXCEL_SERIAL} (9999-12-31), got ${serial}`);
  }
}

function quarterOfSerial(serial: number, argName: string): QuarterLabel {
  checkSerial(serial, argName);
  // The fake 1900-02-29 still lies in 1900Q1.
  if (serial === 60) return "1900Q1";
  return quarterOfIsoDate(excelSerialToIsoDate(serial));
}

// ---------------------------------------------------------------------------------------
// Parsing what analysts type

const YEAR_FIRST = /^(\d{4})\s*[-/]?\s*Q\s*([1-4])$/i; // 2025Q3, 2025-Q3, 2025 Q3
const QUARTER_FIRST = /^Q\s*([1-4])\s*[-/]?\s*(\d{4}|\d{2})$/i; // Q3 2025, Q3-25, Q3/2025
const DIGIT_FIRST = /^([1-4])\s*Q\s*[-/]?\s*(\d{4}|\d{2})$/i; // 3Q25, 3Q 2025
const LATEST = /^LQ\s*(?:-\s*(\d{1,4}))?$/i; // LQ, LQ-1, LQ - 12
const YEAR = /^\d{4}$/;

/** Integers in this range typed into a cell are years, not 1905–1906 Excel dates. */
const YEAR_NUMBER_MIN = 1900;
const YEAR_NUMBER_MAX = 2200;

function fullYear(text: string): number {
  // Two-digit years are 20yy: the dataset starts in 2020.
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

function describe(input: unknown): string {
  if (typeof input === "string") return `"${input}"`;
  if (input === null || input === undefined) return "nothing";
  return String(input);
}

function quarterFromText(text: string, context: PeriodContext): QuarterLabel | null {
  let match = YEAR_FIRST.exec(text);
  if (match) return quarterLabel(Number(match[1]), Number(match[2]));
  match = QUARTER_FIRST.exec(text);
  if (match) return quarterLabel(fullYear(match[2]), Number(match[1]));
  match = DIGIT_FIRST.exec(text);
  if (match) return quarterLabel(fullYear(match[2]), Number(match[1]));
  if (isIsoDate(text)) return quarterOfIsoDate(text);
  match = LATEST.exec(text);
  if (match) {
    const latest = context.latestQuarter;
    if (!latest) throw invalidArgument(`${context.argName ?? "quarter"}: "LQ" needs a dataset with dated financings`);
    return quarterFromOrdinal(quarterOrdinal(latest) - Number(match[1] ?? 0));
  }
  return null;
}

/**
 * One quarter from any accepted format: quarter text, "LQ"/"LQ-n" (with context), ISO date
 * text, or an Excel date serial (a whole number). Anything else is a VALUE error.
 */
export function parseQuarter(input: unknown, context: PeriodContext = {}): QuarterLabel {
  const argName = context.argName ?? "quarter";
  if (typeof input === "number") {
    if (Number.isInteger(input) && input >= YEAR_NUMBER_MIN && input <= YEAR_NUMBER_MAX) {
      throw invalidArgument(`${argName}: ${input} looks like a year, not one quarter; write "${input}Q1" … "${input}Q4"`);
    }
    return quarterOfSerial(input, argName);
  }
  if (typeof input === "string") {
    const text = input.trim();
    if (YEAR.test(text)) {
      throw invalidArgument(`${argName}: "${text}" is a year, not one quarter; write "${text}Q1" … "${text}Q4"`);
    }
    const quarter = text === "" ? null : quarterFromText(text, context);
    if (quarter) return quarter;
  }
  throw invalidArgument(`${argName}: expected ${QUARTER_FORMATS}; got ${describe(input)}`);
}

function rangeEnd(text: string, side: "from" | "to", context: PeriodContext): QuarterLabel | null {
  const trimmed = text.trim();
  if (YEAR.test(trimmed)) return quarterLabel(Number(trimmed), side === "from" ? 1 : 4);
  return quarterFromText(trimmed, context);
}

/**
 * A period to sum over: any single quarter (see parseQuarter), a year ("2025" or the number
 * 2025), an inclusive range "2024Q3:2025Q2" (each side any quarter format or a year),
 * or "TTM" (the four quarters ending at the latest quarter in the dataset).
 */
export function parsePeriod(input: unknown, context: PeriodContext = {}): QuarterRange {
  const argName = context.argName ?? "period";
  const fail = () => invalidArgument(`${argName}: expected ${PERIOD_FORMATS}; got ${describe(input)}`);
  if (typeof input === "number") {
    if (Number.isInteger(input) && input >= YEAR_NUMBER_MIN && input <= YEAR_NUMBER_MAX) {
      return { from: quarterLabel(input, 1), to: quarterLabel(input, 4) };
    }
    const quarter = parseQuarter(input, { ...context, argName });
    return { from: quarter, to: quarter };
  }
  if (typeof input !== "string") throw fail();
  const text = input.trim();
  if (/^TTM$/i.test(text)) {
    const latest = parseQuarter("LQ", { ...context, argName });
    return { from: quarterFromOrdinal(quarterOrdinal(latest) - 3), to: latest };
  }
  const parts = text.split(":");
  if (parts.length === 2) {
    const from = rangeEnd(parts[0], "from", context);
    const to = rangeEnd(parts[1], "to", context);
    if (!from || !to) throw fail();
    if (quarterOrdinal(from) > quarterOrdinal(to)) {
      throw invalidArgument(`${argName}: the range "${text}" starts (${from}) after it ends (${to})`);
    }
    return { from, to };
  }
  if (parts.length > 2) throw fail();
  const single = rangeEnd(text, "from", context);
  if (!single) throw fail();
  if (YEAR.test(text)) return { from: single, to: quarterLabel(Number(text), 4) };
  return { from: single, to: single };
}
