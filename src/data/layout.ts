/**
 * The layout of the generated data modules (src/data/generated/*.json), shared by the
 * generator (build time) and the loaders (run time).
 *
 * Columnar: one array per field, all in record order. It gzips smaller than an array of
 * objects because field names are written once and each column holds similar values
 * (measured sizes in docs/data.md). Which field goes to which file comes from the catalogue's
 * `tier`, so the split has one definition.
 */
import { FIELD_CATALOGUE } from "./fields";

export const LAYOUT_FORMAT = 1;

/** Stored CORE fields, in catalogue order: the financing columns of core.json. */
export const CORE_FINANCING_COLUMNS: readonly string[] = FIELD_CATALOGUE.filter((def) => def.stored && def.tier === "core").map((def) => def.name);
/** Stored DETAIL fields: the financing columns of detail.json (plus the sources' details). */
export const DETAIL_FINANCING_COLUMNS: readonly string[] = FIELD_CATALOGUE.filter((def) => def.stored && def.tier === "detail").map((def) => def.name);

export type Column = readonly unknown[];

/** core.json: the fields cell functions need, loaded with the functions bundle. */
export interface CoreFile {
  format: number;
  asOf: string;
  financings: {
    count: number;
    /** CORE_FINANCING_COLUMNS. */
    columns: Record<string, Column>;
  };
  sectorFigures: {
    count: number;
    /** metric, scope, period, value, qualifier, confidence, source (URL). */
    columns: Record<string, Column>;
  };
  /** Renamed issuers: current ticker, former tickers, names (current first). */
  issuers: { ticker: string; aliases: string[]; names: string[] }[];
}

/** links.json: per financing id, its source URLs in order (lazy; see links.ts). */
export interface LinksFile {
  format: number;
  ids: string[];
  sources: string[][];
}

/** A source: [url, publisher, title, date]. */
export type SourceTuple = [string, string, string | null, string | null];

/** detail.json: long text for the task pane, lazy-loaded. Same record order as core.json. */
export interface DetailFile {
  format: number;
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
