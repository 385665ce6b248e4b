// The outstanding rule (src/data/outstanding.ts) on hand-made timelines: every expected figure
// and basis is written out by hand from the timeline, not computed by the rule.
import { effectiveOrder, firstNegativeStep, outstandingAt, periodEnd, type OutstandingRecord } from "../../src/data/outstanding";
import type { EventFigures, EventKind } from "../../src/data/event-types";

const NOTES: OutstandingRecord = {
  amount_usd: 747_500_000,
  amount_basis: "issued_incl_option",
  principal_final_usd: 747_500_000,
  principal_priced_usd: 650_000_000,
  new_money: true,
  maturity_date: "2026-12-01",
};
const FACILITY: OutstandingRecord = {
  amount_usd: 300_000_000,
  amount_basis: "commitment",
  principal_final_usd: null,
  principal_priced_usd: 300_000_000,
  new_money: true,
  maturity_date: null,
};

function ev(date: string, event: EventKind, change: number | null, after: number | null = null, more: Partial<EventFigures> = {}): EventFigures {
  return { date, event, principal_change_usd: change, principal_outstanding_usd: after, figure_derived: false, facility_level: false, ...more };
}

const at = (record: OutstandingRecord, events: EventFigures[], asOf: string) => {
  const { value, basis } = outstandingAt(record, effectiveOrder(events), asOf);
  return { value, basis };
};

describe("outstanding rule", () => {
  it("starts notes at the final issued principal (never the launch or priced size)", () => {
    expect(at(NOTES, [], "2022-01-01")).toEqual({ value: 747_500_000, basis: "issued, no later report" });
    expect(at({ ...NOTES, principal_final_usd: null, amount_usd: null }, [], "2022-01-01")).toEqual({ value: 650_000_000, basis: "issued, no later report" });
  });

  it("repurchase then snapshot: the repurchase adjusts, the later snapshot sets the balance", () => {
    const events = [ev("2023-09-08", "exchange", -417_000_000), ev("2024-11-20", "repurchase", -212_000_000), ev("2026-01-07", "outstanding_reported", null, 48_080_000)];
    expect(at(NOTES, events, "2023-09-07")).toEqual({ value: 747_500_000, basis: "issued, no later report" });
    expect(at(NOTES, events, "2023-09-08")).toEqual({ value: 330_500_000, basis: "issued, adjusted by 1 event" });
    expect(at(NOTES, events, "2025-06-30")).toEqual({ value: 118_500_000, basis: "issued, adjusted by 2 events" });
    expect(at(NOTES, events, "2026-03-31")).toEqual({ value: 48_080_000, basis: "reported 2026-01-07" });
  });

  it("a snapshot followed by an event: reported, adjusted", () => {
    const events = [ev("2024-03-31", "outstanding_reported", null, 100_000_000), ev("2024-06-15", "repurchase", -40_000_000)];
    expect(at(NOTES, events, "2024-07-01")).toEqual({ value: 60_000_000, basis: "reported 2024-03-31, adjusted by 1 event" });
  });

  it("a derived snapshot is never shown as reported", () => {
    const events = [ev("2025-08-31", "outstanding_reported", null, 450_000_000, { figure_derived: true })];
    expect(at(NOTES, events, "2025-09-30")).toEqual({ value: 450_000_000, basis: "derived from report 2025-08-31" });
  });

  it("exchange into a new series: the old notes go down, the new series (no principal of its own) comes into being with the exchange", () => {
    const old = [ev("2025-07-21", "exchange", -2_110_000)];
    const newSeries: OutstandingRecord = { ...NOTES, amount_usd: null, amount_basis: "priced", principal_final_usd: null, principal_priced_usd: null, new_money: false, maturity_date: "2030-06-30" };
    const created = [ev("2025-07-21", "exchange", 2_110_000), ev("2025-09-30", "outstanding_reported", null, 2_200_000)];
    expect(at(NOTES, old, "2025-08-01")).toEqual({ value: 745_390_000, basis: "issued, adjusted by 1 event" });
    expect(at(newSeries, [], "2025-08-01")).toEqual({ value: null, basis: "principal not in sources" });
    expect(at({ ...newSeries, new_money: true }, created, "2025-08-01")).toEqual({ value: null, basis: "principal not in sources" });
    expect(at(newSeries, created, "2025-08-01")).toEqual({ value: 2_110_000, basis: "issued per 1 event" });
    expect(at(newSeries, created, "2025-10-01")).toEqual({ value: 2_200_000, basis: "reported 2025-09-30" });
  });

  it("conversion to zero", () => {
    const events = [ev("2024-03-31", "outstanding_reported", null, 260_000_000), ev("2024-07-10", "conversion", -260_000_000, 0)];
    expect(at(NOTES, events, "2024-07-09")).toEqual({ value: 260_000_000, basis: "reported 2024-03-31" });
    expect(at(NOTES, events, "2024-07-10")).toEqual({ value: 0, basis: "reported 2024-03-31, adjusted by 1 event" });
  });

  it("facility drawn and repaid: only drawdowns count, never the commitment", () => {
    const events = [ev("2025-04-02", "drawdown", 50_000_000, 50_000_000), ev("2025-10-10", "amendment", null), ev("2025-10-10", "drawdown", 50_000_000, 100_000_000), ev("2026-02-06", "repayment", -100_000_000, 0)];
    expect(at(FACILITY, events, "2025-03-31")).toEqual({ value: 0, basis: "commitment, no drawdown in sources" });
    expect(at(FACILITY, events, "2025-06-30")).toEqual({ value: 50_000_000, basis: "drawn per 1 event" });
    expect(at(FACILITY, events, "2025-12-31")).toEqual({ value: 100_000_000, basis: "drawn per 2 events" });
    expect(at(FACILITY, events, "2026-03-31")).toEqual({ value: 0, basis: "drawn per 3 events" });
    // A draw with only the change stated starts from nothing drawn.
    expect(at(FACILITY, [ev("2025-12-22", "drawdown", 70_000_000)], "2025-12-31")).toEqual({ value: 70_000_000, basis: "drawn per 1 event" });
  });

  it("a re-papering record of a drawn amount (new_money false) does not count that amount again", () => {
    const extension: OutstandingRecord = { ...FACILITY, amount_basis: "drawn", amount_usd: 65_000_000, new_money: false };
    expect(at(extension, [], "2024-09-30")).toEqual({ value: 0, basis: "commitment, no drawdown in sources" });
    expect(at(extension, [ev("2024-12-31", "outstanding_reported", null, 65_000_000, { facility_level: true })], "2024-12-31")).toEqual({ value: 65_000_000, basis: "reported 2024-12-31" });
    expect(at({ ...extension, new_money: true }, [], "2024-09-30")).toEqual({ value: 65_000_000, basis: "drawn, no later report" });
  });

  it("maturity passed: 0, unless a later event shows the debt lived on", () => {
    expect(at(NOTES, [], "2026-12-01")).toEqual({ value: 747_500_000, basis: "issued, no later report" });
    expect(at(NOTES, [], "2026-12-02")).toEqual({ value: 0, basis: "past maturity, settlement not in sources" });
    const extended = [ev("2027-03-31", "outstanding_reported", null, 10_000_000)];
    expect(at(NOTES, extended, "2027-06-30")).toEqual({ value: 10_000_000, basis: "reported 2027-03-31" });
    const settled = [ev("2026-12-01", "repaid_at_maturity", -747_500_000, 0)];
    expect(at(NOTES, settled, "2027-01-01")).toEqual({ value: 0, basis: "issued, adjusted by 1 event" });
  });

  it("an event without an amount leaves a principal event's balance not known; a default without figures changes nothing", () => {
    const events = [ev("2024-04-30", "repayment", null), ev("2024-07-09", "repayment", null, 0)];
    expect(at(NOTES, [ev("2024-01-10", "default", null)], "2024-05-01")).toEqual({ value: 747_500_000, basis: "issued, no later report" });
    expect(at(NOTES, events, "2024-05-01")).toEqual({ value: null, basis: "not known after repayment 2024-04-30 (amount not in sources)" });
    expect(at(NOTES, events, "2024-07-09")).toEqual({ value: 0, basis: "issued, adjusted by 1 event" });
  });

  it("reads a month or year date as the end of that month or year", () => {
    expect(periodEnd("2024-02")).toBe("2024-02-29");
    expect(periodEnd("2024")).toBe("2024-12-31");
    expect(periodEnd("2024-02-10")).toBe("2024-02-10");
    const events = [ev("2024", "conversion", -5_000_000, 15_000_000), ev("2024-07", "conversion", -3_000_000)];
    const start = [ev("2023-07", "repayment", -7_000_000, 23_000_000)];
    expect(at(NOTES, [...start, ...events], "2024-07-30")).toEqual({ value: 23_000_000, basis: "issued, adjusted by 1 event" });
    expect(at(NOTES, [...start, ...events], "2024-08-01")).toEqual({ value: 20_000_000, basis: "issued, adjusted by 2 events" });
    expect(at(NOTES, [...start, ...events], "2025-01-01")).toEqual({ value: 15_000_000, basis: "issued, adjusted by 3 events" });
  });

  it("finds a change that would take principal below zero", () => {
    expect(firstNegativeStep(NOTES, [ev("2024-01-01", "repurchase", -700_000_000), ev("2024-06-01", "repurchase", -100_000_000)])).toEqual([
      ev("2024-06-01", "repurchase", -100_000_000),
      47_500_000,
    ]);
    expect(firstNegativeStep(NOTES, [ev("2024-01-01", "outstanding_reported", null, 10), ev("2024-06-01", "repurchase", -10, 0)])).toBeNull();
    // A commitment's balance is not known before its first stated figure: a repayment with its balance after stated is fine.
    expect(firstNegativeStep(FACILITY, [ev("2022-12", "repayment", -30_000_000, 0)])).toBeNull();
  });
});
