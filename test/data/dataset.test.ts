import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  allFinancings,
  allSectorFigures,
  datasetCoverage,
  datasetVersion,
  earliestQuarter,
  financingIds,
  getFinancing,
  latestQuarter,
  sourceUrl,
} from "../../src/data/dataset";
import { loadSourceLinks, sourceLinksLoaded, sourceUrlsOf } from "../../src/data/links";
import { REPO, expectError, rawFinancings, rawSectorFigures } from "./helpers";

const raw = rawFinancings();
const DETAIL_AND_LINKS = ["use_of_proceeds", "outcome_note", "notes", "derived", "sources"];

describe("the bundled core data", () => {
  it("holds every financing with every core field exactly as in the JSONL", () => {
    // Stored grouped by instrument class, then id (it gzips smaller); no result depends on the order.
    const core = allFinancings();
    expect(core).toHaveLength(raw.length);
    const byId = new Map(raw.map((record) => [record.id, record]));
    core.forEach((record) => {
      const expected = Object.fromEntries(Object.entries(byId.get(record.id) ?? {}).filter(([key]) => !DETAIL_AND_LINKS.includes(key)));
      expect(record).toEqual(expected);
    });
    expect([...financingIds()].sort()).toEqual(raw.map((record) => record.id).sort());
    const storageKey = (record: { instrument_class: unknown; id: unknown }) => `${String(record.instrument_class)} ${String(record.id)}`;
    expect(core.map(storageKey)).toEqual(raw.map((record) => storageKey({ instrument_class: record.instrument_class, id: record.id })).sort());
  });

  it("decodes once and hands out frozen records", () => {
    expect(allFinancings()).toBe(allFinancings());
    expect(Object.isFrozen(allFinancings()[0])).toBe(true);
  });

  it("knows the span of quarters in the data", () => {
    const quarters = raw.map((record) => record.quarter).filter((quarter): quarter is string => quarter !== null).sort();
    expect(earliestQuarter()).toBe(quarters[0]);
    expect(latestQuarter()).toBe(quarters[quarters.length - 1]);
    expect(latestQuarter()).toBe("2026Q2");
  });

  it("holds the published sector figures exactly", () => {
    const figures = allSectorFigures();
    rawSectorFigures().forEach((figure, i) => {
      expect(figures[i]).toEqual({
        metric: figure.metric,
        scope: figure.scope,
        period: figure.period,
        value: figure.value,
        qualifier: figure.qualifier,
        confidence: figure.confidence,
        source: { url: figure.source.url },
      });
    });
  });
});

describe("datasetCoverage", () => {
  it("is coverage.json's dates", () => {
    const coverage = JSON.parse(readFileSync(join(REPO, "data", "coverage.json"), "utf8")) as { financings_through: string; searched_on: string };
    expect(datasetCoverage()).toEqual({ financingsThrough: coverage.financings_through, searchedOn: coverage.searched_on });
    expect(datasetCoverage().financingsThrough).toBe("2026-06-16");
  });
});

describe("datasetVersion", () => {
  it("reports data/dataset.json's as-of date and the number of financings", () => {
    const asOf = (JSON.parse(readFileSync(join(REPO, "data", "dataset.json"), "utf8")) as { asOf: string }).asOf;
    const through = (JSON.parse(readFileSync(join(REPO, "data", "coverage.json"), "utf8")) as { financings_through: string }).financings_through;
    expect(datasetVersion()).toEqual({ asOf, financings: raw.length, financingsThrough: through, label: `financings through ${through} · ${raw.length} financings · updated ${asOf}` });
    expect(datasetVersion().label).toBe("financings through 2026-06-16 · 139 financings · updated 2026-12-02");
  });
});

describe("getFinancing", () => {
  it("finds a financing by id, case- and space-insensitively", () => {
    expect(getFinancing(" wulf-2024-10-cvt-2030 ").amount_usd).toBe(500000000);
  });

  it("answers an unknown id with NA and the closest id", () => {
    expectError(() => getFinancing("WULF-2024-10-CVT-2031"), "NA", 'Did you mean "WULF-2024-10-CVT-2030"?');
  });

  it("asks for an id when given none", () => {
    expectError(() => getFinancing(""), "VALUE", "id is required");
    expectError(() => getFinancing(null), "VALUE", "id is required");
  });
});

describe("source links (lazy tier)", () => {
  it("are NA until loaded, then every URL in the data's order", async () => {
    expect(sourceLinksLoaded()).toBe(false);
    expectError(() => sourceUrl("WULF-2024-10-CVT-2030"), "NA", "not loaded");
    await loadSourceLinks();
    expect(sourceLinksLoaded()).toBe(true);
    for (const record of raw) {
      expect(sourceUrlsOf(record.id)).toEqual(record.sources.map((source: { url: string }) => source.url));
    }
    const wulf = raw.find((record) => record.id === "WULF-2024-10-CVT-2030");
    expect(sourceUrl("wulf-2024-10-cvt-2030")).toBe(wulf?.sources[0].url);
    expect(sourceUrl("WULF-2024-10-CVT-2030", 2)).toBe(wulf?.sources[1].url);
    expect(sourceUrl("WULF-2024-10-CVT-2030", null)).toBe(wulf?.sources[0].url);
  });

  it("answers a source number past the list with NA, and a bad number with VALUE", async () => {
    await loadSourceLinks();
    const count = raw.find((record) => record.id === "CANG-2024-11-BTCL-2026")?.sources.length;
    expect(count).toBe(1);
    expectError(() => sourceUrl("CANG-2024-11-BTCL-2026", 2), "NA", "lists 1 source; there is no source 2");
    expectError(() => sourceUrl("CANG-2024-11-BTCL-2026", 0), "VALUE", "n must be a whole number ≥ 1");
    expectError(() => sourceUrl("CANG-2024-11-BTCL-2026", 1.5), "VALUE", "n must be");
    expectError(() => sourceUrl("NOPE-1", 1), "NA", "No financing");
  });
});
