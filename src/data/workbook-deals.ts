/**
 * The user's own financings, from a workbook table (normally MinerDebtDeals[#All], passed as the
 * `my_deals` argument or read by the task pane): cell values → financing records, checked by the
 * dataset's own rules (financing-rules.ts), then overlaid on the bundled records (view.ts).
 *
 * Cells are read by header name (column order free, unknown columns ignored), blank rows are
 * skipped, dates are Excel serials or ISO text, percent fields are percent numbers as in the
 * data files (4.5 = 4.5 %). A bad row is #VALUE! naming its row and field; rows are numbered as
 * in the range, the header being row 1 (on the sheet the pane creates, the sheet's row number).
 *
 * Parsing is memoised on the table's content (a hash, confirmed cell by cell): 500 formulas passing
 * the same 200-row table parse it once, and Excel hands each call a fresh array, so identity alone
 * would never hit.
 */
import { invalidArgument, isMinerDebtError } from "../errors";
import { bundledView } from "./dataset";
import type { FieldDef } from "./fields";
import { checkFinancingRecord, STORED_FIELDS } from "./financing-rules";
import { excelSerialToIsoDate, isIsoDate, quarterOfIsoDate } from "./quarters";
import type { ValidationRule } from "./validate";
import { overlay, type DatasetView, type WorkbookFinancing } from "./view";
import type { InstrumentClass } from "./types";

/** Headers a table must have; a row needs a date in at least one of the date columns too. */
const REQUIRED_COLUMNS = ["id", "issuer", "ticker", "instrument", "amount_usd", "source_url"];
const DATE_COLUMNS = ["priced_date", "closed_date"];

/** The dataset's coarse class of each instrument (the data files pair them so, without exception). */
export const INSTRUMENT_CLASS_OF: Readonly<Record<string, InstrumentClass>> = {
  convertible_senior_notes: "convertible",
  convertible_secured_notes: "convertible",
  convertible_notes: "convertible",
  exchangeable_notes: "convertible",
  senior_secured_notes: "secured_notes",
  senior_notes: "unsecured_notes",
  term_loan: "loan",
  credit_facility: "credit_facility",
  btc_backed_credit_facility: "bitcoin_backed_loan",
  equipment_financing: "equipment_financing",
  preferred_stock: "convertible_preferred",
  other: "other",
};

// ---------------------------------------------------------------------------------------
// Cells

const ERROR_TEXT = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|BUSY!|CONNECT!|UNKNOWN!|PYTHON!|EXTERNAL!)$/;

/** A formula error in a cell: "#DIV/0!" as range.values gives it, or a CustomFunctions.Error-like object. */
function errorIn(cell: unknown): string | null {
  if (typeof cell === "string") return ERROR_TEXT.test(cell.trim()) ? cell.trim() : null;
  if (typeof cell === "object" && cell !== null && !Array.isArray(cell)) {
    const code = (cell as { code?: unknown }).code;
    return typeof code === "string" ? code : "an error";
  }
  return null;
}

function isBlankCell(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/** Digits with optional US thousands separators, a decimal part, a "$" and a trailing "%". */
const NUMBER_TEXT = /^[+-]?\$?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?%?$/;

function numberFrom(cell: unknown): unknown {
  if (typeof cell !== "string") return cell;
  const text = cell.trim();
  if (!NUMBER_TEXT.test(text) || !/\d/.test(text)) return text;
  return Number(text.replace(/[$,%]/g, ""));
}

function booleanFrom(cell: unknown): unknown {
  if (typeof cell !== "string") return cell;
  const text = cell.trim().toLowerCase();
  if (text === "true" || text === "yes") return true;
  if (text === "false" || text === "no") return false;
  return cell;
}

function dateFrom(cell: unknown): unknown {
  if (typeof cell === "number" && Number.isInteger(cell) && cell > 0) {
    try {
      return excelSerialToIsoDate(cell);
    } catch {
      return cell;
    }
  }
  return typeof cell === "string" ? cell.trim() : cell;
}

/** A cell as the stored value of its field (what the data files would hold), before the rules run. */
function storedValue(def: FieldDef, cell: unknown): unknown {
  if (isBlankCell(cell)) return null;
  switch (def.kind) {
    case "text":
      return typeof cell === "number" ? String(cell) : typeof cell === "string" ? cell.trim() : cell;
    case "enum":
      return typeof cell === "string" ? cell.trim().toLowerCase() : cell;
    case "boolean":
      return booleanFrom(cell);
    case "date":
    case "partial_date":
      return dateFrom(cell);
    case "quarter":
      return typeof cell === "string" ? cell.trim().toUpperCase() : cell;
    case "text_list":
      return typeof cell === "string" ? cell.split(";").map((part) => part.trim()).filter((part) => part !== "") : cell;
    default:
      return numberFrom(cell);
  }
}

function shownCell(cell: unknown): string {
  return typeof cell === "string" ? JSON.stringify(cell) : String(cell);
}

// ---------------------------------------------------------------------------------------
// Rows

const STORED_BY_NAME: ReadonlyMap<string, FieldDef> = new Map(STORED_FIELDS.map((def) => [def.name, def]));

interface Columns {
  /** Field name → column index in the range. */
  index: Map<string, number>;
}

function readHeader(header: readonly unknown[], argName: string): Columns {
  const index = new Map<string, number>();
  header.forEach((cell, c) => {
    const error = errorIn(cell);
    if (error) throw invalidArgument(`${argName} row 1, column ${c + 1}: the header holds ${error}`);
    if (typeof cell !== "string") return;
    const name = cell.trim().toLowerCase();
    if (!STORED_BY_NAME.has(name) && name !== "source_url") return; // unknown columns are the user's own
    const first = index.get(name);
    if (first !== undefined) throw invalidArgument(`${argName} row 1: column ${name} appears twice (columns ${first + 1} and ${c + 1})`);
    index.set(name, c);
  });
  for (const name of REQUIRED_COLUMNS) {
    if (!index.has(name)) throw invalidArgument(`${argName} row 1: the header has no ${name} column (pass the whole table with its header, e.g. MinerDebtDeals[#All])`);
  }
  if (!DATE_COLUMNS.some((name) => index.has(name))) throw invalidArgument(`${argName} row 1: the header needs a priced_date or closed_date column`);
  return { index };
}

function cycleOf(quarter: unknown): string | null {
  if (typeof quarter !== "string") return null;
  const year = Number(quarter.slice(0, 4));
  if (year >= 2023) return "2023-";
  return year >= 2020 ? "2020-2022" : null;
}

/** Host name of a URL as the source's publisher (the rules require one). */
function publisherOf(url: string): string {
  const match = /^https?:\/\/([^/?#]+)/i.exec(url);
  return match ? match[1].replace(/^www\./i, "") : "workbook";
}

class RowProblems {
  readonly problems: { field: string; rule: ValidationRule; reason: string }[] = [];
  add(field: string, rule: ValidationRule, reason: string): void {
    this.problems.push({ field, rule, reason });
  }
}

/** A reason as a cell message reads it: the sources rules speak of the source_url column. */
function phrase(field: string, reason: string): string {
  if (field === "sources" || field.startsWith("sources[")) {
    if (reason.startsWith("no source listed")) return "source_url is required (an https URL)";
    if (reason.startsWith("no https source")) return "source_url must be an https URL (plain http is not accepted)";
    return `source_url ${reason}`;
  }
  if (reason === "must not be null") return `${field} is required`;
  return `${field} ${reason}`;
}

/** One data row → a workbook financing (every stored field set, defaults where a cell is blank). */
function readRow(cells: readonly unknown[], columns: Columns, row: number, argName: string): WorkbookFinancing {
  const record: Record<string, unknown> = {};
  for (const def of STORED_FIELDS) {
    const c = columns.index.get(def.name);
    const cell = c === undefined ? null : cells[c];
    const error = errorIn(cell);
    if (error) throw invalidArgument(`${argName} row ${row}: ${def.name} (column ${(c as number) + 1}) holds ${error}; fix the cell's formula`);
    record[def.name] = storedValue(def, cell);
  }
  const urlColumn = columns.index.get("source_url") as number;
  const urlCell = cells[urlColumn];
  const urlError = errorIn(urlCell);
  if (urlError) throw invalidArgument(`${argName} row ${row}: source_url (column ${urlColumn + 1}) holds ${urlError}; fix the cell's formula`);
  const url = isBlankCell(urlCell) ? null : String(urlCell).trim();
  // What the data files state and the table leaves implicit, derived the same way the data does.
  if (record.instrument_class === null && typeof record.instrument === "string") record.instrument_class = INSTRUMENT_CLASS_OF[record.instrument] ?? null;
  if (record.listed === null) record.listed = record.ticker !== null;
  if (record.new_money === null) record.new_money = true;
  if (record.confidence === null) record.confidence = "medium";
  if (record.derived === null) record.derived = [];
  if (record.quarter === null) {
    const dated = [record.priced_date, record.closed_date].find((value) => typeof value === "string" && isIsoDate(value));
    if (typeof dated === "string") record.quarter = quarterOfIsoDate(dated);
  }
  if (record.cycle === null) record.cycle = cycleOf(record.quarter);
  record.sources = url === null ? [] : [{ url, publisher: publisherOf(url), title: null, date: null }];
  const out = new RowProblems();
  if (record.priced_date === null && record.closed_date === null) out.add("priced_date", "required", "is required (or closed_date): a financing needs a date");
  checkFinancingRecord(out, record);
  if (out.problems.length > 0) {
    const [first] = out.problems;
    const more = out.problems.length > 1 ? ` (and ${out.problems.length - 1} more problem${out.problems.length > 2 ? "s" : ""} in this row)` : "";
    throw invalidArgument(`${argName} row ${row}: ${phrase(first.field, first.reason)}${more}`);
  }
  record.origin = "workbook";
  record.row = row;
  return Object.freeze(record) as unknown as WorkbookFinancing;
}

/**
 * A my_deals table → its financings, in table order. Throws #VALUE! naming the row (and the
 * field or cell) of the first problem: a missing required header, a duplicate id, a cell holding
 * a formula error, or a value the dataset's rules reject.
 */
export function parseWorkbookDeals(table: unknown, argName = "my_deals"): WorkbookFinancing[] {
  if (!Array.isArray(table) || table.length === 0 || !table.every((row) => Array.isArray(row))) {
    throw invalidArgument(`${argName} must be a range with a header row, e.g. MinerDebtDeals[#All], got ${shownCell(table)}`);
  }
  const rows = table as readonly unknown[][];
  const columns = readHeader(rows[0], argName);
  const deals: WorkbookFinancing[] = [];
  const seen = new Map<string, number>();
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r];
    if (cells.every(isBlankCell)) continue;
    const deal = readRow(cells, columns, r + 1, argName);
    const first = seen.get(deal.id);
    if (first !== undefined) throw invalidArgument(`${argName} row ${r + 1}: id ${deal.id} is also in row ${first}; each row needs its own id`);
    seen.set(deal.id, r + 1);
    deals.push(deal);
  }
  return deals;
}

// ---------------------------------------------------------------------------------------
// The view a data function reads, memoised on the table's content

const VIEW_MEMO_LIMIT = 8;
interface Remembered {
  table: readonly (readonly unknown[])[];
  argName: string;
  result: DatasetView | Error;
}
/** By content hash; a hit is confirmed cell by cell, so a collision can never return another table's view. */
const viewMemo = new Map<number, Remembered[]>();
let remembered = 0;
let parseCount = 0;

/** A cell's content as a hashable primitive (an error object by its code). */
function cellKey(cell: unknown): unknown {
  return typeof cell === "object" && cell !== null ? `#${String((cell as { code?: unknown }).code)}` : cell;
}

/**
 * FNV-1a over a sample of the cells' content: every number and boolean, and each text's length
 * and first, middle and last characters. A hit is confirmed cell by cell (sameContent), so the
 * hash only has to be cheap and spread tables apart; hashing every character cost 0.17 ms a call
 * for a 200-row table (20,000 characters), more than the rest of QUARTER.
 */
function contentHash(table: readonly (readonly unknown[])[]): number {
  let hash = 0x811c9dc5;
  const mix = (n: number) => {
    hash = Math.imul(hash ^ n, 0x01000193);
  };
  for (const row of table) {
    mix(row.length);
    for (const raw of row) {
      const cell = cellKey(raw);
      if (typeof cell === "string") {
        const n = cell.length;
        mix(n + 1);
        if (n > 0) mix(cell.charCodeAt(0) ^ (cell.charCodeAt(n >> 1) << 8) ^ (cell.charCodeAt(n - 1) << 16));
      } else if (typeof cell === "number") {
        mix(2);
        mix(cell | 0);
        mix(Math.round((cell % 1) * 1e9));
        mix(Math.floor(cell / 4294967296));
      } else mix(cell === true ? 3 : cell === false ? 4 : 5);
    }
  }
  return hash >>> 0;
}

function sameContent(a: readonly (readonly unknown[])[], b: readonly (readonly unknown[])[]): boolean {
  if (a.length !== b.length) return false;
  for (let r = 0; r < a.length; r++) {
    const x = a[r];
    const y = b[r];
    if (x.length !== y.length) return false;
    for (let c = 0; c < x.length; c++) {
      const p = cellKey(x[c]);
      const q = cellKey(y[c]);
      // null and undefined are both an empty cell
      if (p !== q && !(p == null && q == null)) return false;
    }
  }
  return true;
}

function omittedTable(table: unknown): boolean {
  if (table === null || table === undefined) return true;
  // An omitted matrix argument can arrive as [[null]] or [[""]] (a reference to an empty cell).
  return Array.isArray(table) && table.length === 1 && Array.isArray(table[0]) && table[0].length === 1 && isBlankCell(table[0][0]);
}

/**
 * The dataset a data function answers from: the bundled view when `my_deals` is omitted, else
 * the bundled records overlaid with the table's rows. The same content gives the same view
 * object (so its indexes and memos are shared by every formula passing that table); a bad table
 * throws the same error each time without being parsed again. Keyed on content, not identity:
 * Excel hands every call a fresh array.
 */
export function workbookView(table: unknown, argName = "my_deals", base: () => DatasetView = bundledView): DatasetView {
  if (omittedTable(table)) return base();
  if (!Array.isArray(table) || !table.every((row) => Array.isArray(row))) return overlay(base(), parseWorkbookDeals(table, argName));
  const rows = table as readonly (readonly unknown[])[];
  const hash = contentHash(rows);
  const bucket = viewMemo.get(hash);
  let hit = bucket?.find((entry) => entry.argName === argName && sameContent(entry.table, rows));
  if (!hit) {
    parseCount++;
    let result: DatasetView | Error;
    try {
      result = overlay(base(), parseWorkbookDeals(rows, argName));
    } catch (error) {
      if (!isMinerDebtError(error)) throw error;
      result = error;
    }
    if (remembered >= VIEW_MEMO_LIMIT) {
      viewMemo.clear();
      remembered = 0;
    }
    // A copy: the caller may reuse or change its array after the call.
    hit = { table: rows.map((row) => row.slice()), argName, result };
    viewMemo.set(hash, [...(viewMemo.get(hash) ?? []), hit]);
    remembered++;
  }
  if (hit.result instanceof Error) throw hit.result;
  return hit.result;
}

/** How many tables workbookView() has parsed rather than served from its memo (tests and bench read it). */
export function workbookParseCount(): number {
  return parseCount;
}
