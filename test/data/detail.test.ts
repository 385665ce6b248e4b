import { loadFinancing, loadFullDataset, mergeDetail } from "../../src/data/detail";
import type { DetailFile } from "../../src/data/layout";
import { rankSources } from "../../src/data/sources";
import { expectError, rawFinancings, rawIssuers, rawSectorFigures } from "./helpers";

describe("the full dataset (core + detail tiers)", () => {
  it("rebuilds every financing exactly as in financings.jsonl, sources and notes included", async () => {
    const full = await loadFullDataset();
    const byId = (records: Record<string, unknown>[]) => [...records].sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
    // Sources are stored best first (sources.ts): compare them as the ranked JSONL list.
    const ranked = rawFinancings().map((record) => ({ ...record, sources: rankSources(record.sources) }));
    expect(byId(full.financings.map((record) => ({ ...record })))).toEqual(byId(ranked));
    for (const record of rawFinancings()) expect([...(full.byId.get(record.id)?.sources ?? [])].sort((a, b) => (a.url < b.url ? -1 : 1))).toEqual([...record.sources].sort((a, b) => (a.url < b.url ? -1 : 1)));
  });

  it("rebuilds the sector figures and issuers exactly", async () => {
    const full = await loadFullDataset();
    expect(full.sectorFigures.map((figure) => ({ ...figure }))).toEqual(rawSectorFigures());
    expect(full.issuers).toEqual(rawIssuers());
  });

  it("loads once", async () => {
    expect(await loadFullDataset()).toBe(await loadFullDataset());
  });

  it("loads one financing by id; unknown id → NA", async () => {
    const record = await loadFinancing("keel-2026-xx-cvt-2032");
    expect(record.notes).toBe(rawFinancings().find((raw) => raw.id === "KEEL-2026-XX-CVT-2032")?.notes);
    await expect(loadFinancing("KEEL-2026-XX-CVT-2033")).rejects.toMatchObject({ code: "NA" });
  });

  it("refuses a detail file that does not match the core data", () => {
    const broken = { format: 1, financings: { columns: { sources: [] } }, sectorFigures: { columns: {} }, issuers: [] } as unknown as DetailFile;
    expectError(() => mergeDetail(broken), "NA", "rebuild the data");
  });
});
