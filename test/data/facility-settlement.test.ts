// Facility groups settled in one pass (src/data/debt.ts settleGroup) against the rule as each
// record used to apply it itself: look through its siblings in record order and give its balance
// to the first one reporting at facility level no earlier than the record's own last figure.
// That per-record rule is written out again here, so the one-pass settlement must match it
// figure for figure and basis for basis: on hand-made groups (ties, undated figures, zero and
// unknown balances) and on every financing of the dataset at every date its events change.
import { bundledView } from "../../src/data/dataset";
import { effectiveEventsOf, allEvents } from "../../src/data/events";
import { isDebt, issueDate, outstandingFigure, settleGroup } from "../../src/data/debt";
import { canonicalTicker } from "../../src/data/issuers";
import { outstandingAt, periodEnd, type OutstandingFigure } from "../../src/data/outstanding";
import type { FinancingCore } from "../../src/data/types";

type Figure = OutstandingFigure | null;

/** The per-record rule: `own(x)` is each record's own figure. */
function perRecord(record: FinancingCore, siblings: readonly FinancingCore[], own: (x: FinancingCore) => Figure): Figure {
  const mine = own(record);
  if (mine === null || mine.value === 0) return mine;
  for (const sibling of siblings) {
    if (sibling === record) continue;
    const theirs = own(sibling);
    if (theirs?.facilityLevel && theirs.lastFigureDate !== null && (mine.lastFigureDate === null || theirs.lastFigureDate >= mine.lastFigureDate)) {
      return { value: 0, basis: `in ${sibling.id}'s facility-level balance`, lastFigureDate: mine.lastFigureDate, facilityLevel: false };
    }
  }
  return mine;
}

function member(id: string): FinancingCore {
  return { id } as FinancingCore;
}

function fig(value: number | null, lastFigureDate: string | null, facilityLevel: boolean): OutstandingFigure {
  return { value, basis: `own ${value}`, lastFigureDate, facilityLevel };
}

describe("facility groups settled in one pass", () => {
  it("matches the per-record rule on hand-made groups, ties and undated figures included", () => {
    // Each member's own figure; every combination of three to five members below.
    const kinds: Figure[] = [
      null,
      fig(0, "2024-06-30", true),
      fig(50, "2024-06-30", true),
      fig(60, "2024-06-30", true), // the same date: a tie
      fig(70, "2024-12-31", true),
      fig(80, "2024-03-31", false),
      fig(90, "2024-12-31", false),
      fig(100, null, false),
      fig(null, "2025-03-31", false),
      fig(null, "2025-03-31", true),
    ];
    let groups = 0;
    let settled = 0;
    const combine = (prefix: number[], size: number) => {
      if (prefix.length === size) {
        groups++;
        const group = prefix.map((_, i) => member(`R${i}`));
        const own = new Map(group.map((record, i): [FinancingCore, Figure] => [record, kinds[prefix[i]]]));
        const figures = new Map(own);
        settleGroup(group, figures);
        for (const record of group) {
          const expected = perRecord(record, group, (x) => own.get(x) ?? null);
          expect([record.id, figures.get(record)]).toEqual([record.id, expected]);
          if (expected !== own.get(record)) settled++;
        }
        return;
      }
      for (let k = 0; k < kinds.length; k++) combine([...prefix, k], size);
    };
    combine([], 3);
    for (const first of [2, 3, 4]) for (const second of [3, 4, 7, 8]) combine([first, second], 4);
    expect(groups).toBe(1000 + 12 * 100);
    expect(settled).toBeGreaterThan(1000);
  });

  it("a group of one, or with no facility-level figure, keeps its own figures", () => {
    const one = member("ONLY");
    const figures = new Map<FinancingCore, Figure>([[one, fig(10, "2024-06-30", true)]]);
    settleGroup([one], figures);
    expect(figures.get(one)).toEqual(fig(10, "2024-06-30", true));
    const [a, b] = [member("A"), member("B")];
    const none = new Map<FinancingCore, Figure>([
      [a, fig(10, "2024-06-30", false)],
      [b, fig(20, null, false)],
    ]);
    settleGroup([a, b], none);
    expect([none.get(a), none.get(b)]).toEqual([fig(10, "2024-06-30", false), fig(20, null, false)]);
  });

  it("gives every financing of the dataset the per-record figure at every date its events change", () => {
    const view = bundledView();
    const own = (asOf: string) => (record: FinancingCore): Figure => {
      if (!isDebt(record)) return null;
      const issued = issueDate(record);
      if (issued === null || issued > asOf) return null;
      return outstandingAt(record, effectiveEventsOf(record.id), asOf);
    };
    // Siblings: the same issuer, instrument and lender, on a commitment or drawn basis (README: FACILITY-LEVEL).
    const keyOf = (r: FinancingCore) =>
      r.lender_or_counterparty === null || r.ticker === null || !["commitment", "commitment_increment", "drawn"].includes(r.amount_basis as string)
        ? null
        : `${canonicalTicker(r.ticker, view)}|${r.instrument}|${r.lender_or_counterparty}`;
    const dates = new Set<string>(["2020-12-31", "2023-06-30", "2099-12-31"]);
    for (const event of allEvents()) {
      const end = periodEnd(event.date);
      dates.add(end);
      dates.add(new Date(Date.parse(`${end}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10));
    }
    let facilityLevelSettled = 0;
    for (const asOf of dates) {
      const ownAt = own(asOf);
      for (const record of view.financings) {
        const key = keyOf(record);
        const siblings = key === null ? [] : view.financings.filter((other) => keyOf(other) === key);
        const expected = perRecord(record, siblings, ownAt);
        const actual = outstandingFigure(record, asOf, view);
        if (JSON.stringify(actual) !== JSON.stringify(expected)) expect([asOf, record.id, actual]).toEqual([asOf, record.id, expected]);
        if (expected?.basis.endsWith("facility-level balance")) facilityLevelSettled++;
      }
    }
    // Not vacuous: the dataset has sibling records whose balance a facility-level report carries.
    expect(facilityLevelSettled).toBeGreaterThan(0);
  });
});
