/**
 * A dataset view: the financings every query, sum and lookup reads. The bundled records are one
 * view (bundledView() in dataset.ts); the bundled records overlaid with the rows of a workbook
 * table (`my_deals`, workbook-deals.ts) are another. Queries take a view instead of reading a
 * global, so a data function passes the view through and never merges records itself.
 *
 * Each view owns the indexes built from its records (sorted lists, per-quarter sums, ticker
 * maps, memos) in `derived()`: they live as long as the view and never mix two views' answers.
 */
import { quarterFromOrdinal, quarterOrdinal, type QuarterLabel } from "./quarters";
import type { Financing, FinancingCore } from "./types";

/** A financing read from a workbook row: a full record (no detail tier to load) and its row. */
export interface WorkbookFinancing extends Financing {
  readonly origin: "workbook";
  /** 1-based row in the my_deals range (the header is row 1). */
  readonly row: number;
}

export interface DatasetView {
  /** Bundled records in stored order (a corrected one in its place), then the added ones. */
  readonly financings: readonly FinancingCore[];
  readonly byId: ReadonlyMap<string, FinancingCore>;
  /** Ids whose record comes from the workbook (corrections and additions). */
  readonly workbookIds: ReadonlySet<string>;
  /** True when a my_deals table was given (even one with no rows): see coverage in the README. */
  readonly withWorkbook: boolean;
  /** The span of the records' quarters. */
  readonly earliest: QuarterLabel | null;
  readonly latest: QuarterLabel | null;
  /** Indexes and memos built from this view's records (see derived()). */
  readonly cache: Map<string, unknown>;
}

export function isWorkbookFinancing(record: FinancingCore): record is WorkbookFinancing {
  return (record as Partial<WorkbookFinancing>).origin === "workbook";
}

/** A view's lazily built index or memo, built once per view under `name`. */
export function derived<T>(view: DatasetView, name: string, build: () => T): T {
  const known = view.cache.get(name);
  if (known !== undefined) return known as T;
  const value = build();
  view.cache.set(name, value);
  return value;
}

export function makeView(financings: readonly FinancingCore[], workbookIds: ReadonlySet<string>, withWorkbook: boolean): DatasetView {
  let min = Infinity;
  let max = -Infinity;
  for (const record of financings) {
    if (record.quarter === null) continue;
    const ordinal = quarterOrdinal(record.quarter);
    min = Math.min(min, ordinal);
    max = Math.max(max, ordinal);
  }
  return {
    financings: Object.freeze(financings),
    byId: new Map(financings.map((record) => [record.id, record])),
    workbookIds,
    withWorkbook,
    earliest: Number.isFinite(min) ? quarterFromOrdinal(min) : null,
    latest: Number.isFinite(max) ? quarterFromOrdinal(max) : null,
    cache: new Map(),
  };
}

/**
 * The base records overlaid with workbook rows: a row whose id is a base id replaces that
 * record in place (a correction); any other row is added after the base records.
 */
export function overlay(base: DatasetView, rows: readonly WorkbookFinancing[]): DatasetView {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const merged: FinancingCore[] = base.financings.map((record) => byId.get(record.id) ?? record);
  for (const row of rows) if (!base.byId.has(row.id)) merged.push(row);
  return makeView(merged, new Set(byId.keys()), true);
}
