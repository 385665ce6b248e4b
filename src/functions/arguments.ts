// Excel's argument conventions, in one place. Excel passes an omitted optional argument as
// null, a cell reference as its value (a 1×1 range as [[value]] where a parameter takes
// ranges), an empty cell as "" or null, and text where a user typed "1,000" or "TRUE" into a
// text-formatted cell. Each reader below takes the raw argument and the parameter's name (for
// the message) and returns a typed value, or throws a VALUE error naming both.
import { shown } from "../checks/choice";
import { MinerDebtError, invalidArgument, isMinerDebtError } from "../errors";
import type { DatasetView } from "../data/view";
import { workbookView } from "../data/workbook-deals";

export { shown };

/** A single value: a 1×1 range becomes its cell; a bigger range is an error. */
export function single(value: unknown, name: string): unknown {
  if (!Array.isArray(value)) return value;
  if (value.length === 1) {
    const row = value[0];
    if (!Array.isArray(row)) return row;
    if (row.length === 1 && !Array.isArray(row[0])) return row[0];
  }
  throw invalidArgument(`${name} takes one value, got ${shown(value)}`);
}

/** Omitted: null/undefined (no argument), "" or blank text (an empty cell). */
export function omitted(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

// Optional sign and "$", digits with US-style thousands separators ("1,000,000") or none,
// a decimal part, an exponent, and a trailing "%" (which divides by 100, as Excel does).
const NUMBER_TEXT = /^([+-]?)\$?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(e[+-]?\d+)?(%?)$/i;

function parseNumberText(text: string): number | null {
  const match = NUMBER_TEXT.exec(text.trim());
  if (!match) return null;
  const value = Number(`${match[1]}${match[2].replace(/,/g, "")}${match[3] ?? ""}`);
  return match[4] === "%" ? value / 100 : value;
}

function toNumber(value: unknown, name: string): number {
  let parsed: number | null = null;
  if (typeof value === "number") parsed = value;
  else if (typeof value === "string") parsed = parseNumberText(value);
  if (parsed === null || !Number.isFinite(parsed)) {
    throw invalidArgument(`${name} must be a number, got ${shown(value)}`);
  }
  return parsed;
}

/**
 * A required number: a number, or text such as "1000", " 12.5 ", "1,000", "$25", "37.5%".
 * Ranges and bounds are the core's to check (src/calc, src/data), with their own messages.
 */
export function number(value: unknown, name: string): number {
  // Fast path: what Excel passes for a number cell (QUARTER/DILUTION run millions of times).
  if (typeof value === "number" && Number.isFinite(value)) return value;
  const cell = single(value, name);
  if (omitted(cell)) throw invalidArgument(`${name} is required (a number)`);
  return toNumber(cell, name);
}

/** An optional number: omitted or "" → `fallback`. */
export function optionalNumber<F extends number | null>(value: unknown, name: string, fallback: F): number | F {
  if (value === null || value === undefined) return fallback;
  const cell = single(value, name);
  return omitted(cell) ? fallback : toNumber(cell, name);
}

/** An optional number for the calculation module: omitted or "" → null (its default applies). */
export function maybe(value: unknown, name: string): number | null {
  return optionalNumber(value, name, null);
}

/** TRUE/FALSE, 1/0, or the text "true"/"false"/"1"/"0" (any case); omitted → `fallback`. */
export function flag(value: unknown, name: string, fallback: boolean): boolean {
  if (typeof value === "boolean") return value;
  const cell = single(value, name);
  if (omitted(cell)) return fallback;
  if (typeof cell === "boolean") return cell;
  if (cell === 1 || cell === 0) return cell === 1;
  if (typeof cell === "string") {
    const text = cell.trim().toLowerCase();
    if (text === "true" || text === "1") return true;
    if (text === "false" || text === "0") return false;
  }
  throw invalidArgument(`${name} must be TRUE or FALSE, got ${shown(cell)}`);
}

/** Required text (a number typed in the cell counts as its digits); blank is an error. */
export function text(value: unknown, name: string, hint = ""): string {
  const cell = single(value, name);
  if (omitted(cell)) throw invalidArgument(`${name} is required${hint ? `: ${hint}` : ""}`);
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "number") return String(cell);
  throw invalidArgument(`${name} must be text, got ${shown(cell)}`);
}

/** Optional text; omitted or blank → null. */
export function optionalText(value: unknown, name: string): string | null {
  const cell = single(value, name);
  if (omitted(cell)) return null;
  return text(cell, name);
}

/** The cells of an argument: a value, a row of values or a 2-D range, as one flat list. */
function cellsOf(value: unknown): unknown[] {
  // Not Array.prototype.flat: functions.js must run on ES2016 engines (docs/taskpane.md).
  if (!Array.isArray(value)) return [value];
  const cells: unknown[] = [];
  for (const row of value) {
    if (Array.isArray(row)) for (const cell of row) cells.push(cell);
    else cells.push(row);
  }
  return cells;
}

/**
 * A list argument (tickers, field names): text with items separated by commas or semicolons,
 * or a range of cells each holding items. Omitted or all blank → null.
 */
export function list(value: unknown, name: string): string[] | null {
  const cells = cellsOf(value);
  const items: string[] = [];
  for (const cell of cells) {
    if (omitted(cell)) continue;
    if (typeof cell !== "string") throw invalidArgument(`${name} must be text such as "MARA, RIOT", got ${shown(cell)}`);
    for (const item of cell.split(/[,;]/)) if (item.trim() !== "") items.push(item.trim());
  }
  return items.length === 0 ? null : items;
}

/**
 * Runs a parser from the core for one argument; a message that does not already name the
 * argument gets its name in front ("issuer: Unknown ticker …"), so every error says which one.
 */
export function named<T>(name: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (isMinerDebtError(error) && !error.message.startsWith(name)) {
      throw new MinerDebtError(error.code, `${name}: ${error.message}`);
    }
    throw error;
  }
}

// Excel passes a linked data type cell (e.g. Stocks) to an `any` parameter as an entity
// object on CustomFunctionsRuntime 1.4+ (custom-functions-data-types-concepts): { type:
// "LinkedEntity", basicValue: "#VALUE!", text: "MARA Holdings Inc (XNAS:MARA)", properties:
// { "Ticker symbol": { type: "String", basicValue: "MARA" }, … } }. Its ticker is the issuer.

/**
 * One cell of an issuer argument: a data-type entity (a Stocks cell) becomes its "Ticker
 * symbol" property, else its basic value when that is text and not an error; anything else
 * is returned as it is, for list() to accept or to reject with its message.
 */
export function entityTicker(cell: unknown): unknown {
  if (cell === null || typeof cell !== "object" || Array.isArray(cell)) return cell;
  const entity = cell as { basicValue?: unknown; properties?: Record<string, { basicValue?: unknown } | undefined> };
  const ticker = entity.properties?.["Ticker symbol"]?.basicValue ?? entity.basicValue;
  return typeof ticker === "string" && ticker[0] !== "#" ? ticker : cell;
}

/**
 * An issuer argument as one comma list of tickers ("MARA, riot"), from text, a range of
 * tickers, or Stocks data-type cells; null when omitted (all issuers). The caller checks the
 * tickers against the dataset.
 */
export function issuerTickers(value: unknown, name = "issuer"): string | null {
  if (typeof value === "string") return value;
  const cells = cellsOf(value).map(entityTicker);
  return list(cells, name)?.join(",") ?? null;
}

/**
 * The `my_deals` argument: the records a data function answers from. Omitted → the bundled
 * dataset; a table (normally MinerDebtDeals[#All]) → the bundled records overlaid with its rows,
 * parsed once per table content (src/data/workbook-deals.ts).
 */
export function dealsView(my_deals: unknown): DatasetView {
  return workbookView(my_deals, "my_deals");
}
