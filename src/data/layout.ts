/**
 * The layout of the generated data modules (src/data/generated/*.json), shared by the
 * generator (build time) and the loaders (run time).
 *
 * Columnar: one column per field, all in record order, which gzips smaller than an array of
 * objects because field names are written once and each column holds similar values. The
 * functions bundle embeds core.json and links.json and must stay within its 35 KB gzip budget
 * (BENCHMARKS.md), so CORE columns are packed by kind and LINKS stores each URL once; sizes
 * in docs/data.md. Which field goes to which file comes from the catalogue's `tier`, so the
 * split has one definition.
 */
import { FIELD_CATALOGUE, type FieldDef } from "./fields";
import { TEXT_SEPARATOR, unpackTexts } from "./packed-texts";

/**
 * 3: core.json's financing columns are positional (catalogue order), no longer keyed by name.
 * 4: core.json holds the coverage window (coverage.json), detail.json its note.
 */
export const LAYOUT_FORMAT = 5;

/** Stored CORE fields, in catalogue order: the financing columns of core.json. */
export const CORE_FINANCING_FIELDS: readonly FieldDef[] = FIELD_CATALOGUE.filter((def) => def.stored && def.tier === "core");
export const CORE_FINANCING_COLUMNS: readonly string[] = CORE_FINANCING_FIELDS.map((def) => def.name);
/** Stored DETAIL fields: the financing columns of detail.json (plus the sources' details). */
export const DETAIL_FINANCING_COLUMNS: readonly string[] = FIELD_CATALOGUE.filter((def) => def.stored && def.tier === "detail").map((def) => def.name);

export type Column = readonly unknown[];

/**
 * A CORE financing column as stored, by the field's kind (see packing below):
 * - enum, boolean: a string with one character per record;
 * - date, number kinds: a string of comma-separated values, "" for null;
 * - anything else (text, quarter, …): the values joined by "|", "" for null; or, if a value
 *   holds a "|" or is empty, an array of strings or nulls as in the JSONL.
 */
export type PackedColumn = string | readonly (string | null)[];

/** core.json: the fields cell functions need, loaded with the functions bundle. */
export interface CoreFile {
  format: number;
  asOf: string;
  /** coverage.json's dates (the note is in detail.json). */
  coverage: { financingsThrough: string; searchedOn: string };
  financings: {
    count: number;
    /**
     * One PackedColumn per CORE_FINANCING_COLUMNS entry, in that (catalogue) order: the names
     * are not stored (−0.2 KB gzip in the functions bundle); LAYOUT_FORMAT and the data build
     * keep the order and the catalogue in step.
     */
    columns: readonly PackedColumn[];
  };
  sectorFigures: {
    count: number;
    /** metric, scope, period, value, qualifier, confidence, source (URL). */
    columns: Record<string, Column>;
  };
  /** Renamed issuers: current ticker, former tickers, names (current first). */
  issuers: { ticker: string; aliases: string[]; names: string[] }[];
}

/**
 * links.json: every financing's source URLs, in core.json's record order (no ids: they are in
 * core.json), then each event's, in events.jsonl's order. A URL cited several times is stored once.
 */
export interface LinksFile {
  format: number;
  /** Number of financings (as in core.json). */
  count: number;
  /** Number of events (as in events.json): the last `events` lists of `sources`, one URL each. */
  events: number;
  /**
   * Each distinct URL once, in order of first use, separated by a space (never part of a URL).
   * "https://" is left off; a URL with another scheme is written in full ("http://…").
   */
  urls: string;
  /**
   * Per financing, then per event (";" between them) its sources in order ("," between them): "" is
   * the next URL of `urls` not used before, a base-36 number is the index of a URL used earlier.
   */
  sources: string;
}

/** A source: [url, publisher, title, date]. */
export type SourceTuple = [string, string, string | null, string | null];

/** detail.json: long text for the task pane, lazy-loaded. Same record order as core.json. */
export interface DetailFile {
  format: number;
  /** coverage.json's note: the coverage in words. */
  coverageNote: string;
  financings: {
    /** DETAIL_FINANCING_COLUMNS plus `sources`: per record, a SourceTuple per source. */
    columns: Record<string, Column>;
  };
  sectorFigures: {
    /** source (SourceTuple), quote, additional_sources (SourceTuple[]), notes. */
    columns: Record<string, Column>;
  };
  /** In issuers order: the event and its sources. */
  issuers: { event: string; sources: { url: string; publisher: string }[] }[];
}

export const SECTOR_CORE_COLUMNS = ["metric", "scope", "period", "value", "qualifier", "confidence", "source"] as const;
export const SECTOR_DETAIL_COLUMNS = ["source", "quote", "additional_sources", "notes"] as const;

// ---------------------------------------------------------------------------------------
// Packing of CORE columns. Every packing is exact: the generator checks that each column
// unpacks to the values it was given, and the dataset tests compare every field with the JSONL.

const NULL_CHAR = ".";
const DAY_MS = 86_400_000;
/** Kinds stored as numbers (the catalogue's kinds with numeric values). */
const NUMBER_KINDS: ReadonlySet<string> = new Set(["usd_amount", "usd_per_share", "percent", "shares_per_1000_usd", "count"]);

export type Packing = "chars" | "days" | "numbers" | "texts";

/** How a CORE field's column is stored, from its kind. */
export function packingOf(def: FieldDef): Packing {
  if (def.kind === "enum" || def.kind === "boolean") return "chars";
  if (def.kind === "date") return "days";
  return NUMBER_KINDS.has(def.kind) ? "numbers" : "texts";
}

/** A stored column back to its values (null for a blank), `count` of them. */
export function unpackColumn(def: FieldDef, column: PackedColumn, count: number): unknown[] {
  const packing = packingOf(def);
  // A text column is one string (smaller in gzip than a JSON array), or an array kept as it was.
  if (packing === "texts" || typeof column !== "string") return unpackTexts(column);
  const out: unknown[] = new Array(count);
  if (packing === "chars") {
    for (let i = 0; i < count; i++) {
      const ch = column[i];
      out[i] = ch === NULL_CHAR ? null : def.kind === "boolean" ? ch === "1" : (def.values as readonly string[])[parseInt(ch, 36)];
    }
    return out;
  }
  const parts = column.split(",");
  for (let i = 0; i < count; i++) {
    const text = parts[i];
    if (text === "") out[i] = null;
    // Days since 1970-01-01 (UTC) back to the ISO date.
    else out[i] = packing === "days" ? new Date(Number(text) * DAY_MS).toISOString().slice(0, 10) : Number(text);
  }
  return out;
}

/** Shortest exact text for a number: whole numbers ending in 000 as "75e7" (= 750000000). */
function numberText(value: number): string {
  if (Number.isInteger(value) && value !== 0 && value % 1000 === 0) {
    let mantissa = value;
    let exponent = 0;
    while (mantissa % 10 === 0) {
      mantissa /= 10;
      exponent++;
    }
    return `${mantissa}e${exponent}`;
  }
  return String(value);
}

/** Build time: a column of values as stored. Throws if a value cannot be stored exactly. */
export function packColumn(def: FieldDef, values: readonly unknown[]): PackedColumn {
  const packing = packingOf(def);
  const fail = (value: unknown): never => {
    throw new Error(`cannot pack ${def.name} value ${JSON.stringify(value)} as ${packing}`);
  };
  let packed: PackedColumn;
  if (packing === "texts") {
    const texts = values.map((value) => (value === null || typeof value === "string" ? value : fail(value)));
    const joinable = texts.every((text) => text === null || (text !== "" && !text.includes(TEXT_SEPARATOR)));
    packed = joinable ? texts.map((text) => text ?? "").join(TEXT_SEPARATOR) : texts;
  } else if (packing === "chars") {
    packed = values
      .map((value) => {
        if (value === null) return NULL_CHAR;
        if (def.kind === "boolean") return value === true ? "1" : value === false ? "0" : fail(value);
        const index = (def.values ?? []).indexOf(value as string);
        return index >= 0 && index < 36 ? index.toString(36) : fail(value);
      })
      .join("");
  } else {
    packed = values
      .map((value) => {
        if (value === null) return "";
        if (packing === "days") return typeof value === "string" ? String(Date.parse(`${value}T00:00:00Z`) / DAY_MS) : fail(value);
        return typeof value === "number" && Number.isFinite(value) ? numberText(value) : fail(value);
      })
      .join(",");
  }
  const back = unpackColumn(def, packed, values.length);
  values.forEach((value, i) => {
    if (back[i] !== value) fail(value);
  });
  return packed;
}

