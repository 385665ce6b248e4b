// events.jsonl validation (src/data/validate-events.ts) through the data build: a bad event
// fails the build naming the financing, the date, the field and the rule.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildDataset, type DataTexts } from "../../src/data/build/generate";
import { REPO } from "./helpers";

const read = (...parts: string[]) => readFileSync(join(REPO, ...parts), "utf8");

function texts(events: string): DataTexts {
  return {
    financings: read("data", "financings.jsonl"),
    sectorAggregates: read("data", "sector-aggregates.jsonl"),
    issuers: read("data", "issuers.jsonl"),
    coverage: read("data", "coverage.json"),
    events,
    dataset: read("data", "dataset.json"),
    acknowledgedProblems: read("data", "acknowledged-problems.json"),
  };
}

const GOOD = {
  financing_id: "MARA-2021-11-CVT-2026",
  date: "2026-01-07",
  event: "outstanding_reported",
  principal_change_usd: null,
  principal_outstanding_usd: 48_080_000,
  consideration: null,
  related_financing_id: null,
  source: { url: "https://www.sec.gov/x", publisher: "SEC EDGAR", title: null, date: null },
  quote: "The notes outstanding were $48.08 million.",
  confidence: "high",
  derived: [],
  notes: null,
};

function problems(...events: Record<string, unknown>[]) {
  const result = buildDataset(texts(events.map((event) => JSON.stringify(event)).join("\n")));
  return result.triage.errors.map(({ file, field, rule, id }) => ({ file, field, rule, id }));
}

describe("events.jsonl validation", () => {
  it("accepts the committed events and a well-formed one, with a plain http source", () => {
    expect(buildDataset(texts(read("data", "events.jsonl"))).triage.errors).toEqual([]);
    expect(problems(GOOD, { ...GOOD, date: "2026-02", event: "repurchase", principal_change_usd: -8_000_000, principal_outstanding_usd: null, source: { ...GOOD.source, url: "http://archive.fast-edgar.com/x/R35.htm" } })).toEqual([]);
  });

  it("rejects an unknown financing_id or related_financing_id", () => {
    expect(problems({ ...GOOD, financing_id: "MARA-2021-11-CVT-2027" })).toEqual([{ file: "events.jsonl", field: "financing_id", rule: "financing_ref", id: "MARA-2021-11-CVT-2027 2026-01-07 outstanding_reported" }]);
    expect(problems({ ...GOOD, related_financing_id: "NOPE" })).toEqual([expect.objectContaining({ field: "related_financing_id", rule: "financing_ref" })]);
  });

  it.each([["2026-13"], ["2026-02-30"], ["Jan 2026"], ["2026Q1"]])("rejects the date %p (ISO, YYYY-MM or YYYY only)", (date) => {
    expect(problems({ ...GOOD, date })).toEqual([expect.objectContaining({ field: "date", rule: "iso_date" })]);
  });

  it("rejects a negative snapshot and a snapshot without its amount", () => {
    expect(problems({ ...GOOD, principal_outstanding_usd: -1 })).toEqual([expect.objectContaining({ field: "principal_outstanding_usd", rule: "non_negative" })]);
    expect(problems({ ...GOOD, principal_outstanding_usd: null })).toEqual([expect.objectContaining({ field: "principal_outstanding_usd", rule: "required" })]);
  });

  it("rejects changes that take principal below zero, and a repurchase that raises it", () => {
    const repurchase = { ...GOOD, event: "repurchase", principal_outstanding_usd: null };
    // $747.5M issued: $700M then $50M repurchased is $2.5M too many.
    expect(problems({ ...repurchase, date: "2023-01-01", principal_change_usd: -700_000_000 }, { ...repurchase, date: "2023-06-01", principal_change_usd: -50_000_000 })).toEqual([
      { file: "events.jsonl", field: "principal_change_usd", rule: "event_balance", id: "MARA-2021-11-CVT-2026 2023-06-01 repurchase" },
    ]);
    expect(problems({ ...repurchase, principal_change_usd: 5 })).toEqual([expect.objectContaining({ field: "principal_change_usd", rule: "event_sign" })]);
  });

  it("rejects events out of order, an unknown kind and a missing source URL", () => {
    expect(problems(GOOD, { ...GOOD, date: "2025-01-01" })).toEqual([expect.objectContaining({ field: "date", rule: "event_order" })]);
    expect(problems({ ...GOOD, event: "buyback" })).toEqual([expect.objectContaining({ field: "event", rule: "enum" })]);
    expect(problems({ ...GOOD, source: { ...GOOD.source, url: "" } })).toEqual([expect.objectContaining({ field: "source[0].url", rule: "type" })]);
    expect(problems({ ...GOOD, extra: 1 })).toEqual([expect.objectContaining({ field: "extra", rule: "schema" })]);
  });
});
