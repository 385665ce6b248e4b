import {
  DEFAULT_OFFERING_FIELDS,
  FIELD_CATALOGUE,
  cellFields,
  countsInSums,
  fieldTypeLabel,
  fieldValue,
  findCellField,
  findField,
  parseFieldList,
  parseUnits,
  toCellValue,
} from "../../src/data/fields";
import { getFinancing } from "../../src/data/dataset";
import { loadFullDataset } from "../../src/data/detail";
import { loadSourceLinks, sourceUrlsOf } from "../../src/data/links";
import { expectError, rawFinancings } from "./helpers";

const raw = rawFinancings();

describe("the field catalogue", () => {
  it("has exactly one stored field per JSONL field (sources aside)", () => {
    const jsonKeys = Object.keys(raw[0]).filter((key) => key !== "sources");
    for (const record of raw) expect(Object.keys(record).filter((key) => key !== "sources")).toEqual(jsonKeys);
    expect(FIELD_CATALOGUE.filter((def) => def.stored).map((def) => def.name)).toEqual(jsonKeys);
    expect(new Set(FIELD_CATALOGUE.map((def) => def.name)).size).toBe(FIELD_CATALOGUE.length);
  });

  it("types each field precisely enough to convert it mechanically", () => {
    const kind = (name: string) => findField(name).kind;
    for (const def of FIELD_CATALOGUE) {
      if (def.name.endsWith("_pct")) expect(def.kind).toBe("percent");
      if (def.name.endsWith("_date") && def.name !== "outcome_date") expect(def.kind).toBe("date");
    }
    expect(kind("outcome_date")).toBe("partial_date");
    expect(["conversion_price_usd", "reference_price_usd", "capped_call_cap_price_usd"].map(kind)).toEqual(["usd_per_share", "usd_per_share", "usd_per_share"]);
    expect(["amount_usd", "option_usd", "net_proceeds_usd", "capped_call_cost_usd"].map(kind)).toEqual(["usd_amount", "usd_amount", "usd_amount", "usd_amount"]);
    expect(kind("conversion_rate_per_1000")).toBe("shares_per_1000_usd");
    expect(fieldTypeLabel(findField("coupon_pct"))).toBe("percent → fraction");
    expect(fieldTypeLabel(findField("maturity_date"))).toBe("date → Excel serial");
    expect(fieldTypeLabel(findField("amount_usd"))).toBe("USD (scaled by units)");
    expect(fieldTypeLabel(findField("settlement"))).toBe(
      "text: cash_shares_or_combination (Cash, shares or both (issuer's choice)), " +
        "cash_up_to_principal_then_cash_or_shares (Principal in cash, excess in cash or shares)",
    );
    expect(fieldTypeLabel(findField("instrument"))).toContain("btc_backed_credit_facility (BTC-backed credit facility)");
    expect(fieldTypeLabel(findField("instrument"))).toContain("convertible_senior_notes (Convertible senior notes)");
    for (const def of FIELD_CATALOGUE) expect(fieldTypeLabel(def).length).toBeGreaterThan(3);
  });

  it("offers the borrower (a named subsidiary) as a cell field next to the issuer (the parent)", () => {
    const borrower = findCellField("Borrower");
    expect(borrower).toMatchObject({ name: "borrower", kind: "text", tier: "core", nullable: true });
    const wulf = getFinancing("WULF-2025-10-SSN-2030");
    expect([fieldValue(wulf, "issuer"), fieldValue(wulf, "borrower")]).toEqual(["TeraWulf Inc.", "WULF Compute LLC"]);
    expect(fieldValue(getFinancing("WULF-2024-10-CVT-2030"), "borrower")).toBeNull();
    // No issuer name carries a bracketed note any more: the subsidiary is in borrower.
    for (const record of raw) expect(record.issuer).not.toMatch(/[()[\];]/);
  });

  it("gives every field a description", () => {
    for (const def of FIELD_CATALOGUE) expect(def.description.length).toBeGreaterThan(10);
  });

  it("keeps long text out of cell functions", () => {
    const detail = FIELD_CATALOGUE.filter((def) => def.tier === "detail").map((def) => def.name);
    expect(detail).toEqual(["use_of_proceeds", "outcome_note", "derived", "notes"]);
    expect(cellFields().map((def) => def.name)).not.toContain("notes");
    expectError(() => findCellField("notes"), "NA", "task pane");
  });
});

describe("looking fields up", () => {
  it("finds a field case-insensitively; unknown → VALUE with a suggestion", () => {
    expect(findField(" Coupon_PCT ").name).toBe("coupon_pct");
    expectError(() => findField("coupon"), "VALUE", 'Did you mean "coupon_pct"?');
    expectError(() => findField(""), "VALUE", "field is required");
  });

  it("parses a fields list, defaulting to the standard columns", () => {
    expect(parseFieldList(null).map((def) => def.name)).toEqual(DEFAULT_OFFERING_FIELDS);
    expect(parseFieldList(" id , amount_usd;coupon_pct ").map((def) => def.name)).toEqual(["id", "amount_usd", "coupon_pct"]);
    expectError(() => parseFieldList("id, notes"), "NA", "notes");
    expectError(() => parseFieldList("id, amount"), "VALUE", "amount_usd");
  });
});

describe("values", () => {
  it("returns the raw stored value of every stored core field", () => {
    for (const record of raw) {
      const core = getFinancing(record.id);
      for (const def of FIELD_CATALOGUE) if (def.stored && def.tier === "core") expect(fieldValue(core, def.name)).toEqual(record[def.name]);
    }
  });

  it("answers detail fields of a core record with NA, and reads them once the detail is loaded", async () => {
    const core = getFinancing("WULF-2024-10-CVT-2030");
    expectError(() => fieldValue(core, "notes"), "NA", "detail");
    const full = (await loadFullDataset()).byId.get("WULF-2024-10-CVT-2030");
    expect(full && fieldValue(full, "notes")).toBe(raw.find((record) => record.id === "WULF-2024-10-CVT-2030")?.notes);
  });

  it("computes source_url (first https source), source_count and counts_in_sums", async () => {
    await loadSourceLinks();
    for (const record of raw) {
      const core = getFinancing(record.id);
      // The best-ranked https source (sources.ts): the first https one in the stored order.
      const https = sourceUrlsOf(record.id).find((url) => url.startsWith("https://"));
      expect(fieldValue(core, "source_url")).toBe(https ?? null);
      expect(https === undefined || record.sources.some((source: { url: string }) => source.url === https)).toBe(true);
      expect(fieldValue(core, "source_count")).toBe(record.sources.length);
      expect(fieldValue(core, "counts_in_sums")).toBe(record.new_money && record.listed && record.amount_usd !== null);
      expect(countsInSums(core)).toBe(fieldValue(core, "counts_in_sums"));
    }
    expect(fieldValue(getFinancing("CANG-2024-11-BTCL-2026"), "source_url")).toBeNull();
  });

  it("converts for cells: percent → fraction, date → serial, USD by units, per-share prices unscaled", () => {
    const mara = getFinancing("MARA-2021-11-CVT-2026");
    const usdm = parseUnits("usdm");
    expect(toCellValue(findField("conversion_premium_pct"), fieldValue(mara, "conversion_premium_pct"))).toBe(0.375);
    expect(toCellValue(findField("coupon_pct"), fieldValue(mara, "coupon_pct"))).toBe(0.01);
    expect(toCellValue(findField("amount_usd"), fieldValue(mara, "amount_usd"), usdm)).toBe(747.5);
    expect(toCellValue(findField("amount_usd"), fieldValue(mara, "amount_usd"), parseUnits("USDbn"))).toBe(0.7475);
    expect(toCellValue(findField("conversion_price_usd"), fieldValue(mara, "conversion_price_usd"), usdm)).toBe(76.17);
    const wulf = getFinancing("WULF-2024-10-CVT-2030");
    expect(wulf.maturity_date).toBe("2030-02-01");
    expect(toCellValue(findField("maturity_date"), wulf.maturity_date)).toBe(47515); // Excel DATE(2030,2,1)
    expect(toCellValue(findField("coupon_pct"), null)).toBeNull();
    expect(toCellValue(findField("derived"), ["a", "b"])).toBe("a; b");
    expect(toCellValue(findField("listed"), true)).toBe(true);
    expect(toCellValue(findField("outcome_date"), "2023-02")).toBe("2023-02");
  });

  it("parses units", () => {
    expect(parseUnits(null)).toEqual({ name: "USD", divisor: 1 });
    expect(parseUnits("USDbn").divisor).toBe(1e9);
    expectError(() => parseUnits("EUR"), "VALUE", '"USD", "USDm" or "USDbn"');
  });
});
