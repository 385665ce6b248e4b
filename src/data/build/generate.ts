/**
 * Build time only: read the JSONL texts, validate them, and produce the generated modules.
 * Used by scripts/build-data.ts, scripts/refresh-data.ts and the staleness test; never
 * imported by the add-in's bundles. Pure (text in, text out) so the test can regenerate in
 * memory and compare with the committed files.
 */
import type { Financing, IssuerInfo, SectorFigure, Source } from "../types";

/** coverage.json as stored (validated before generation). */
export interface CoverageRecord {
  financings_through: string;
  searched_on: string;
  note: string;
}
import {
  CORE_FINANCING_COLUMNS,
  CORE_FINANCING_FIELDS,
  DETAIL_FINANCING_COLUMNS,
  LAYOUT_FORMAT,
  SECTOR_CORE_COLUMNS,
  packColumn,
  type CoreFile,
  type DetailFile,
  type LinksFile,
  type SourceTuple,
} from "../layout";
import { unpackLinks } from "../links-format";
import { rankSources } from "../sources";
import { isIsoDate } from "../quarters";
import type { FinancingEvent } from "../event-types";
import { validateEvents } from "../validate-events";
import { generateEventFiles } from "./events-file";
import {
  parseJsonLines,
  triageProblems,
  validateDataset,
  type AcknowledgedProblem,
  type DatasetLines,
  type JsonLine,
  type ProblemTriage,
  type ValidationProblem,
} from "../validate";

/** The repo's data/ files as text. */
export interface DataTexts {
  financings: string;
  sectorAggregates: string;
  issuers: string;
  /** data/coverage.json: {"financings_through", "searched_on", "note"} */
  coverage: string;
  /** data/events.jsonl: post-issuance events. */
  events: string;
  /** data/dataset.json: {"asOf": "YYYY-MM-DD"} */
  dataset: string;
  /** data/acknowledged-problems.json: AcknowledgedProblem[] */
  acknowledgedProblems: string;
}

export const GENERATED_FILES = ["core.json", "links.json", "detail.json", "events.json", "events-detail.json"] as const;
export type GeneratedFileName = (typeof GENERATED_FILES)[number];

export interface ParsedDataset {
  lines: DatasetLines;
  events: readonly JsonLine[];
  asOf: string;
  acknowledgements: AcknowledgedProblem[];
  /** Problems found while parsing files (bad JSON, bad dataset.json). */
  parseProblems: ValidationProblem[];
}

export interface BuildResult {
  triage: ProblemTriage;
  /** Present only when there is no error and no stale acknowledgement. */
  files: Record<GeneratedFileName, string> | null;
  financings: readonly Financing[];
}

function metaProblem(field: string, reason: string): ValidationProblem {
  return { file: "financings.jsonl", line: 0, id: "data/dataset.json", field, rule: "schema", reason };
}

export function parseDataTexts(texts: DataTexts): ParsedDataset {
  const financings = parseJsonLines(texts.financings, "financings.jsonl");
  const sectorFigures = parseJsonLines(texts.sectorAggregates, "sector-aggregates.jsonl");
  const issuers = parseJsonLines(texts.issuers, "issuers.jsonl");
  const events = parseJsonLines(texts.events, "events.jsonl");
  const parseProblems = [...financings.problems, ...sectorFigures.problems, ...issuers.problems, ...events.problems];
  // undefined: not parsed (the parse problem is reported here, not again by validation)
  let coverage: unknown = undefined;
  try {
    if (texts.coverage.trim() === "") throw new Error("the file is missing or empty");
    coverage = JSON.parse(texts.coverage);
  } catch (error) {
    parseProblems.push({ file: "coverage.json", line: 1, id: "coverage", field: "(file)", rule: "json", reason: `not valid JSON: ${(error as Error).message}` });
  }
  let asOf = "";
  try {
    const meta = JSON.parse(texts.dataset) as { asOf?: unknown };
    if (typeof meta.asOf === "string" && isIsoDate(meta.asOf)) asOf = meta.asOf;
    else parseProblems.push(metaProblem("asOf", `must be a date YYYY-MM-DD, got ${JSON.stringify(meta.asOf)}`));
  } catch (error) {
    parseProblems.push(metaProblem("(file)", `not valid JSON: ${(error as Error).message}`));
  }
  let acknowledgements: AcknowledgedProblem[] = [];
  try {
    const parsed = JSON.parse(texts.acknowledgedProblems) as unknown;
    if (!Array.isArray(parsed)) throw new Error("must be a list");
    acknowledgements = parsed as AcknowledgedProblem[];
  } catch (error) {
    parseProblems.push({ ...metaProblem("(file)", `not valid: ${(error as Error).message}`), id: "data/acknowledged-problems.json" });
  }
  return {
    lines: { financings: financings.lines, sectorFigures: sectorFigures.lines, issuers: issuers.lines, coverage },
    events: events.lines,
    asOf,
    acknowledgements,
    parseProblems,
  };
}

function sourceTuple(source: Source): SourceTuple {
  return [source.url, source.publisher, source.title ?? null, source.date ?? null];
}

function columns<T>(rows: readonly T[], names: readonly string[], pick: (row: T, name: string) => unknown): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const name of names) out[name] = rows.map((row) => pick(row, name));
  return out;
}

/** The generated files' text for validated records (deterministic: same input, same bytes). */
export function generateFiles(
  records: readonly Financing[],
  sectorFigures: readonly SectorFigure[],
  issuers: readonly IssuerInfo[],
  asOf: string,
  coverage: CoverageRecord,
  /** Each event's source URL, in events.jsonl's order (stored after the financings' in links.json). */
  eventSourceUrls: readonly string[] = [],
): Record<"core.json" | "links.json" | "detail.json", string> {
  // Sources best first (sources.ts): SOURCE(id), source_url and the pane read them in this order.
  const financings = storageOrder(records).map((record) => ({ ...record, sources: rankSources(record.sources) }));
  // links.json holds no ids: the loaders read them from core.json's first column.
  if (CORE_FINANCING_COLUMNS[0] !== "id") throw new Error(`core.json's first column must be id, not ${CORE_FINANCING_COLUMNS[0]}`);
  const field = (row: Financing, name: string) => (row as unknown as Record<string, unknown>)[name];
  const core: CoreFile = {
    format: LAYOUT_FORMAT,
    asOf,
    coverage: { financingsThrough: coverage.financings_through, searchedOn: coverage.searched_on },
    financings: {
      count: financings.length,
      columns: CORE_FINANCING_FIELDS.map((def) => packColumn(def, financings.map((row) => field(row, def.name)))),
    },
    sectorFigures: {
      count: sectorFigures.length,
      columns: columns(sectorFigures, SECTOR_CORE_COLUMNS, (row, name) =>
        name === "source" ? row.source.url : (row as unknown as Record<string, unknown>)[name],
      ),
    },
    issuers: issuers.map((issuer) => ({ ticker: issuer.ticker, aliases: [...issuer.aliases], names: [...issuer.names] })),
  };
  const detail: DetailFile = {
    format: LAYOUT_FORMAT,
    coverageNote: coverage.note,
    financings: {
      columns: {
        ...columns(financings, DETAIL_FINANCING_COLUMNS, field),
        sources: financings.map((row) => row.sources.map(sourceTuple)),
      },
    },
    sectorFigures: {
      columns: {
        source: sectorFigures.map((row) => sourceTuple(row.source)),
        quote: sectorFigures.map((row) => row.quote),
        additional_sources: sectorFigures.map((row) => row.additional_sources.map(sourceTuple)),
        notes: sectorFigures.map((row) => row.notes),
      },
    },
    issuers: issuers.map((issuer) => ({ event: issuer.event, sources: issuer.sources.map((source) => ({ url: source.url, publisher: source.publisher })) })),
  };
  const links = packLinks(financings.map((row) => row.sources.map((source) => source.url)), eventSourceUrls);
  const text = (value: unknown) => `${JSON.stringify(value)}\n`;
  return { "core.json": text(core), "links.json": text(links), "detail.json": text(detail) };
}

/**
 * The order records are stored in (the same in all three files): by instrument class, then id.
 * Similar records side by side make every column more repetitive, and the functions bundle
 * 0.3 KB smaller in gzip than the JSONL's order. No result depends on it: every list the
 * product shows is sorted (oldest first, by ticker, …) and lookups go by id.
 */
function storageOrder(records: readonly Financing[]): Financing[] {
  const key = (record: Financing) => `${record.instrument_class} ${record.id}`;
  return [...records].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * links.json (see LinksFile): each distinct URL once, in order of first use, without
 * "https://"; per financing, then per event, "" for the next new URL or the base-36 index of an earlier one.
 */
export function packLinks(financingSources: readonly (readonly string[])[], eventSourceUrls: readonly string[] = []): LinksFile {
  const sourceLists = [...financingSources, ...eventSourceUrls.map((url) => [url])];
  const index = new Map<string, number>();
  const urls: string[] = [];
  const records = sourceLists.map((list) => {
    if (list.length === 0) throw new Error("a financing without sources cannot be stored in links.json");
    return list
      .map((url) => {
        if (/\s/.test(url) || url === "") throw new Error(`source URL ${JSON.stringify(url)} is empty or holds whitespace`);
        const seen = index.get(url);
        if (seen !== undefined) return seen.toString(36);
        index.set(url, urls.length);
        urls.push(url.startsWith("https://") ? url.slice("https://".length) : url);
        return "";
      })
      .join(",");
  });
  const file: LinksFile = { format: LAYOUT_FORMAT, count: financingSources.length, events: eventSourceUrls.length, urls: urls.join(" "), sources: records.join(";") };
  // Exact or nothing: the stored form must give back every list as it was.
  const back = unpackLinks(file);
  sourceLists.forEach((list, i) => {
    if (back[i].length !== list.length || back[i].some((url, j) => url !== list[j])) throw new Error(`links.json would not give back the sources of ${i < financingSources.length ? `financing ${i + 1}` : `event ${i - financingSources.length + 1}`}`);
  });
  return file;
}

/**
 * All five generated files for validated records and events: links.json carries the events'
 * source URLs after the financings', and events.json points at core.json's records by index.
 */
export function generateDataFiles(
  records: readonly Financing[],
  sectorFigures: readonly SectorFigure[],
  issuers: readonly IssuerInfo[],
  asOf: string,
  coverage: CoverageRecord,
  events: readonly FinancingEvent[],
): Record<GeneratedFileName, string> {
  const files = generateFiles(records, sectorFigures, issuers, asOf, coverage, events.map((event) => event.source.url));
  return { ...files, ...generateEventFiles(events, storageOrder(records).map((record) => record.id)) };
}

/** Parse, validate and (when clean) generate. */
export function buildDataset(texts: DataTexts): BuildResult {
  const parsed = parseDataTexts(texts);
  const problems = [...parsed.parseProblems, ...validateDataset(parsed.lines), ...validateEvents(parsed.events, parsed.lines.financings)];
  const triage = triageProblems(problems, parsed.acknowledgements);
  const financings = parsed.lines.financings.map((line) => line.value as Financing);
  if (triage.errors.length > 0 || triage.stale.length > 0) return { triage, files: null, financings };
  const sectorFigures = parsed.lines.sectorFigures.map((line) => line.value as SectorFigure);
  const issuers = parsed.lines.issuers.map((line) => line.value as IssuerInfo);
  const events = parsed.events.map((line) => line.value as FinancingEvent);
  return { triage, files: generateDataFiles(financings, sectorFigures, issuers, parsed.asOf, parsed.lines.coverage as CoverageRecord, events), financings };
}
