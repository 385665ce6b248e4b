/**
 * The bundled dataset at run time: decodes src/data/generated/core.json (validated at build
 * time) into records on first use, not at module load, so opening a workbook costs only the
 * JSON parse. Lookups by id and the dataset's quarter span are built once, lazily.
 */
import coreJson from "./generated/core.json";
import { notAvailable, invalidArgument } from "../errors";
import { CORE_FINANCING_FIELDS, LAYOUT_FORMAT, unpackColumn, type CoreFile } from "./layout";
import { nthUrl } from "./links";
import { recordSourceUrls } from "./fields";
import type { QuarterLabel } from "./quarters";
import { didYouMean } from "../checks/suggest";
import { makeView, type DatasetView } from "./view";
import type { DatasetCoverage, DatasetVersion, FinancingCore, IssuerInfo, SectorFigureCore } from "./types";

const CORE = coreJson as unknown as CoreFile;

let bundled: DatasetView | null = null;

function decodeFinancings(): FinancingCore[] {
  const { count, columns } = CORE.financings;
  if (CORE.format !== LAYOUT_FORMAT || columns.length !== CORE_FINANCING_FIELDS.length) {
    throw notAvailable(`core data (format ${CORE.format}, ${columns.length} columns) does not match this code (format ${LAYOUT_FORMAT}, ${CORE_FINANCING_FIELDS.length} columns): rebuild the data`);
  }
  const unpacked = CORE_FINANCING_FIELDS.map((def, c) => unpackColumn(def, columns[c], count));
  const records: FinancingCore[] = [];
  for (let i = 0; i < count; i++) {
    const record: Record<string, unknown> = {};
    CORE_FINANCING_FIELDS.forEach((def, c) => {
      record[def.name] = unpacked[c][i];
    });
    records.push(Object.freeze(record) as unknown as FinancingCore);
  }
  return records;
}

/** The bundled records as a view (decoded on first use). */
export function bundledView(): DatasetView {
  return (bundled ??= makeView(decodeFinancings(), new Set(), false));
}

/** Every financing, in stored order (grouped by instrument class, then id: see build/generate.ts). */
export function allFinancings(view: DatasetView = bundledView()): readonly FinancingCore[] {
  return view.financings;
}

export function financingIds(view: DatasetView = bundledView()): string[] {
  return view.financings.map((record) => record.id);
}

/** One financing by id (case-insensitive); blank → VALUE; unknown → NA with the closest id. */
export function getFinancing(id: unknown, view: DatasetView = bundledView()): FinancingCore {
  // A number typed in the cell is looked up as its digits (and not found, with a suggestion).
  const text = typeof id === "string" || typeof id === "number" ? String(id).trim().toUpperCase() : "";
  if (text === "") throw invalidArgument("id is required, e.g. WULF-2024-10-CVT-2030 (OFFERINGS() lists them)");
  const record = view.byId.get(text);
  if (record) return record;
  throw notAvailable(`No financing with id "${String(id)}".${didYouMean(text, view.byId.keys())}`);
}

/** The latest quarter any financing is dated in: what "LQ" means. */
export function latestQuarter(view: DatasetView = bundledView()): QuarterLabel | null {
  return view.latest;
}

export function earliestQuarter(view: DatasetView = bundledView()): QuarterLabel | null {
  return view.earliest;
}

/**
 * SOURCE(id, [n]): URL of the n-th source (1-based, default 1) as listed in the data.
 * Needs the LINKS tier (links.ts): NA until loadSourceLinks() or registerSourceLinks() ran.
 */
export function sourceUrl(id: unknown, n: unknown = 1, view: DatasetView = bundledView()): string {
  const record = getFinancing(id, view);
  return nthUrl(record.id, () => recordSourceUrls(record), n);
}

/**
 * VERSION(): how far the data reaches (coverage.json), the record count, and the date the data
 * last changed (data/dataset.json, set by the refresh script). Coverage leads: "as of" alone
 * reads as "covers deals up to", which it does not.
 */
export function datasetVersion(): DatasetVersion {
  const financings = CORE.financings.count;
  const through = CORE.coverage.financingsThrough;
  return { asOf: CORE.asOf, financings, financingsThrough: through, label: `financings through ${through} · ${financings} financings · updated ${CORE.asOf}` };
}

/** coverage.json: financings priced or closed up to financingsThrough were searched for. */
export function datasetCoverage(): DatasetCoverage {
  return CORE.coverage;
}

let sectorFigures: readonly SectorFigureCore[] | null = null;

/** Published sector figures, in file order. */
export function allSectorFigures(): readonly SectorFigureCore[] {
  if (sectorFigures) return sectorFigures;
  const { count, columns } = CORE.sectorFigures;
  const figures: SectorFigureCore[] = [];
  for (let i = 0; i < count; i++) {
    figures.push(
      Object.freeze({
        metric: columns.metric[i] as string,
        scope: columns.scope[i] as string,
        period: columns.period[i] as string,
        value: columns.value[i] as number,
        qualifier: columns.qualifier[i] as SectorFigureCore["qualifier"],
        confidence: columns.confidence[i] as SectorFigureCore["confidence"],
        source: { url: columns.source[i] as string },
      }),
    );
  }
  sectorFigures = Object.freeze(figures);
  return sectorFigures;
}

/** Renamed issuers (current ticker, former tickers, names) without the event text. */
export function renamedIssuers(): readonly Pick<IssuerInfo, "ticker" | "aliases" | "names">[] {
  return CORE.issuers;
}
