// src/data/collateral.ts and src/data/cycles.ts on cases the rule must decide, and the outcome
// lists the task pane links to, checked against the JSONL read with fs (./helpers).
import { collateralKind } from "../../src/data/collateral";
import { cycleSummaries } from "../../src/data/cycles";
import { getFinancing } from "../../src/data/dataset";
import type { FinancingCore } from "../../src/data/types";
import { qualifies, rawFinancings } from "./helpers";

const base = getFinancing("MARA-2021-11-CVT-2026");
const withTerms = (terms: Partial<FinancingCore>): FinancingCore => ({ ...base, ...terms });

describe("collateralKind", () => {
  it.each([
    [{ secured: null, collateral: "bitcoin" }, "unknown"],
    [{ secured: false, collateral: null }, "other"],
    [{ secured: true, instrument_class: "equipment_financing", collateral: null }, "mining_or_bitcoin"],
    [{ secured: true, instrument_class: "bitcoin_backed_loan", collateral: "details not read" }, "mining_or_bitcoin"],
    [{ secured: true, instrument_class: "loan", collateral: "12,000 Antminer S19 units" }, "mining_or_bitcoin"],
    [{ secured: true, instrument_class: "loan", collateral: "650 BTC" }, "mining_or_bitcoin"],
    [{ secured: true, instrument_class: "loan", collateral: "mining rigs at the site" }, "mining_or_bitcoin"],
    [{ secured: true, instrument_class: "credit_facility", collateral: "project assets of two mining data centers" }, "other"],
    [{ secured: true, instrument_class: "secured_notes", collateral: "GPUs and contracted cash flows" }, "other"],
    [{ secured: true, instrument_class: "loan", collateral: "substantially all assets" }, "other"],
    [{ secured: true, instrument_class: "loan", collateral: null }, "unknown"],
    [{ secured: true, instrument_class: "secured_notes", collateral: "not specified in sources read" }, "unknown"],
  ] as [Partial<FinancingCore>, string][])("%p → %s", (terms, kind) => {
    expect(collateralKind(withTerms(terms))).toBe(kind);
  });
});

describe("cycleSummaries", () => {
  const counted = rawFinancings().filter(qualifies);

  it("lists the ids in each outcome group, so the pane can link to them", () => {
    for (const summary of cycleSummaries()) {
      const inCycle = counted.filter((record) => record.cycle === summary.cycle);
      const ids = (outcomes: (string | null)[]) => inCycle.filter((record) => outcomes.includes(record.outcome)).map((record) => record.id).sort();
      expect([...summary.outcomes.collateral_seized].sort()).toEqual(ids(["defaulted_collateral_seized"]));
      expect([...summary.outcomes.repaid_or_refinanced].sort()).toEqual(ids(["repaid", "refinanced"]));
      expect([...summary.outcomes.not_researched].sort()).toEqual(ids([null]));
      expect(Object.values(summary.outcomes).flat().sort()).toEqual(inCycle.map((record) => record.id).sort());
    }
  });

  it("reports the 2020-2022 seizure the story is about", () => {
    const then = cycleSummaries().find((summary) => summary.cycle === "2020-2022");
    const seized = counted.filter((record) => record.cycle === "2020-2022" && record.outcome === "defaulted_collateral_seized");
    expect(seized.length).toBeGreaterThan(0);
    expect(then?.outcomes.collateral_seized).toEqual(expect.arrayContaining(seized.map((record) => record.id)));
  });
});
