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
import { rankSources, sourceKind, sourceRank, sourceSite } from "../../src/data/sources";
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
  it("are NA until loaded, then every URL, ranked best first (the data's order within a rank)", async () => {
    expect(sourceLinksLoaded()).toBe(false);
    expectError(() => sourceUrl("WULF-2024-10-CVT-2030"), "NA", "not loaded");
    await loadSourceLinks();
    expect(sourceLinksLoaded()).toBe(true);
    for (const record of raw) {
      const urls = record.sources.map((source: { url: string }) => source.url);
      const stored = sourceUrlsOf(record.id);
      expect([...stored].sort()).toEqual([...urls].sort());
      // Ranks never decrease; the order within a rank is the JSONL's (rankSources is stable).
      const ranks = rankSources(record.sources).map((source) => sourceRank(source));
      expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
      expect(stored).toEqual(rankSources(record.sources).map((source) => source.url));
    }
    const wulf = raw.find((record) => record.id === "WULF-2024-10-CVT-2030");
    expect(sourceUrl("wulf-2024-10-cvt-2030")).toBe(sourceUrlsOf("WULF-2024-10-CVT-2030")[0]);
    expect(sourceUrl("WULF-2024-10-CVT-2030", null)).toBe(sourceUrl("WULF-2024-10-CVT-2030", 1));
    expect(sourceUrlsOf("WULF-2024-10-CVT-2030")).toHaveLength(wulf?.sources.length);
  });

  it("put a primary copy before a summary of it (the issue's cases, checked by hand in the JSONL)", async () => {
    await loadSourceLinks();
    // Each lists a filing summary first and the SEC filing later.
    for (const [id, summaryHost] of [
      ["HUT-2024-01-BTCL-NA", "secwatch.observer"],
      ["HUT-2025-08-BTCL-NA", "stocktitan.net"],
      ["CIFR-2025-11-SSN-2030-TAP", "stocktitan.net"],
      ["KEEL-2026-XX-CVT-2032", "secwatch.observer"],
    ]) {
      const record = raw.find((r) => r.id === id);
      expect(record?.sources[0].url).toContain(summaryHost);
      expect(sourceUrl(id)).toMatch(/^https:\/\/www\.sec\.gov\//);
    }
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

describe("source kinds (sources.ts)", () => {
  it("ranks filings, company IR, newswires, press, then summaries", () => {
    const kind = (url: string, publisher: string) => sourceKind({ url, publisher });
    expect(kind("https://www.sec.gov/Archives/edgar/data/1/x.htm", "SEC EDGAR (8-K)")).toBe("filing");
    expect(kind("https://investors.terawulf.com/news/x", "TeraWulf IR (8-K)")).toBe("company");
    expect(kind("https://ir.mara.com/news/x", "MARA IR / SEC 8-K Ex.99.1")).toBe("company");
    expect(kind("https://www.globenewswire.com/news-release/x", "GlobeNewswire")).toBe("newswire");
    expect(kind("https://www.newswire.ca/news-releases/x", "CNW / Newswire.ca (company release)")).toBe("newswire");
    expect(kind("https://theminermag.com/news/x", "TheMinerMag")).toBe("press");
    // A copy of a release elsewhere is press, not the newswire.
    expect(kind("https://www.stocktitan.net/news/x", "GlobeNewswire (StockTitan copy)")).toBe("press");
    expect(kind("https://www.stocktitan.net/sec-filings/x", "StockTitan (8-K summary)")).toBe("summary");
    expect(kind("https://secwatch.observer/filing/x.md", "SecWatch")).toBe("summary");
    expect(kind("https://allmind.ai/x", "Allmind")).toBe("summary");
    expect(kind("https://news.futunn.com/x", "Futu (AI summary of SEC 8-K)")).toBe("summary");
    expect(kind("https://www.ainvest.com/x", "AInvest")).toBe("press");
    expect(sourceSite("https://WWW.Sec.gov/x")).toBe("sec.gov");
    expect(sourceSite("http://archive.fast-edgar.com/x")).toBe("archive.fast-edgar.com");
  });
});

describe("rankSources", () => {
  it("is a stable sort by rank", () => {
    const source = (url: string, publisher: string) => ({ url, publisher });
    const list = [
      source("https://secwatch.observer/a", "SecWatch (8-K summary)"),
      source("https://theminermag.com/b", "TheMinerMag"),
      source("https://www.sec.gov/c", "SEC EDGAR"),
      source("https://coindesk.com/d", "CoinDesk"),
      source("https://www.globenewswire.com/e", "GlobeNewswire"),
    ];
    expect(rankSources(list).map((s) => s.url.slice(-1))).toEqual(["c", "e", "b", "d", "a"]);
  });
});
