/**
 * The DETAIL tier for the task pane: notes, outcome notes, use of proceeds, derivations,
 * full sources (url, publisher, title, date), and the sector figures' quotes. Loaded on demand
 * with a dynamic import so webpack puts detail.json in its own chunk, out of the start-up
 * path. Deliberately NOT re-exported by src/data/index.ts: the functions bundle imports the
 * barrel and must not pull in a chunk loader or this data.
 */
import { notAvailable } from "../errors";
import { allFinancings, allSectorFigures, getFinancing, renamedIssuers } from "./dataset";
import { DETAIL_FINANCING_COLUMNS, type DetailFile, type SourceTuple } from "./layout";
import type { Financing, IssuerInfo, SectorFigure, Source } from "./types";

export interface FullDataset {
  /** coverage.json's note: the coverage in words. */
  coverageNote: string;
  financings: readonly Financing[];
  byId: ReadonlyMap<string, Financing>;
  sectorFigures: readonly SectorFigure[];
  issuers: readonly IssuerInfo[];
}

let pending: Promise<FullDataset> | null = null;

function fromTuple([url, publisher, title, date]: SourceTuple): Source {
  return { url, publisher, title, date };
}

/** Join core records with the detail file (same record order, checked). */
export function mergeDetail(detail: DetailFile): FullDataset {
  const core = allFinancings();
  const columns = detail.financings.columns;
  if (columns.sources.length !== core.length) {
    throw notAvailable(`detail data holds ${columns.sources.length} financings but core data ${core.length}: rebuild the data`);
  }
  const financings = core.map((record, i): Financing => {
    const extra: Record<string, unknown> = {};
    for (const name of DETAIL_FINANCING_COLUMNS) extra[name] = columns[name][i];
    const sources = (columns.sources[i] as SourceTuple[]).map(fromTuple);
    return Object.freeze({ ...record, ...extra, sources }) as unknown as Financing;
  });
  const sectorColumns = detail.sectorFigures.columns;
  const sectorFigures = allSectorFigures().map(
    (figure, i): SectorFigure =>
      Object.freeze({
        ...figure,
        source: fromTuple(sectorColumns.source[i] as SourceTuple),
        quote: sectorColumns.quote[i] as string | null,
        additional_sources: (sectorColumns.additional_sources[i] as SourceTuple[]).map(fromTuple),
        notes: sectorColumns.notes[i] as string | null,
      }),
  );
  const issuers = renamedIssuers().map((issuer, i): IssuerInfo => ({ ...issuer, ...detail.issuers[i] }));
  return { coverageNote: detail.coverageNote, financings, byId: new Map(financings.map((record) => [record.id, record])), sectorFigures, issuers };
}

/** Load the detail tier once (later calls share the same promise). */
export function loadFullDataset(): Promise<FullDataset> {
  pending ??= import("./generated/detail.json").then((module) => mergeDetail((module.default ?? module) as unknown as DetailFile));
  return pending;
}

/** One financing with every field (notes, sources with titles, …). Unknown id → NA. */
export async function loadFinancing(id: unknown): Promise<Financing> {
  const core = getFinancing(id);
  const full = await loadFullDataset();
  return full.byId.get(core.id) as Financing;
}
