/** @jest-environment jsdom */
/**
 * The "Then vs now" tab against a fake adapter. Expected figures are computed here from
 * data/financings.jsonl (read with fs) under SPEC §3, not by the code under test; the inserted
 * plan is checked against what MINERDEBT.CYCLES returns.
 */
import "@testing-library/jest-dom";
import { fireEvent, screen, within } from "@testing-library/react";
import { layoutPlan } from "../../src/taskpane/plans/layout";
import { FakeAdapter, renderPane } from "./support/pane";
import { countsUnderRule, rawFinancings, type RawFinancing } from "./support/jsonl";
import { installCustomFunctionsShim } from "../functions/support/custom-functions";

jest.setTimeout(30_000);

const counted = rawFinancings().filter(countsUnderRule);
const byCycle = (cycle: string) => counted.filter((r) => r.cycle === cycle);
const amount = (records: RawFinancing[]) => records.reduce((sum, r) => sum + (r.amount_usd as number), 0);
const pct = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)}%`;
const millions = (usd: number) => `$${(usd / 1e6).toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 })}m`;

async function openTab() {
  const adapter = new FakeAdapter();
  renderPane({ adapter, initialTab: "cycles" });
  await screen.findByRole("heading", { name: "Then vs now" });
  return adapter;
}

describe("Then vs now tab", () => {
  test("a 100%-stacked bar per cycle, its segments the class shares of the amount", async () => {
    await openTab();
    for (const [cycle, label] of [["2020-2022", "2020-2022"], ["2023-", "2023 onward"]]) {
      const records = byCycle(cycle);
      const total = amount(records);
      const bar = screen.getByTestId(`cycle-bar-${label}`);
      const convertible = amount(records.filter((r) => r.instrument_class === "convertible"));
      const loans = amount(records.filter((r) => r.instrument_class === "loan" || r.instrument_class === "credit_facility"));
      const segments = [...bar.querySelectorAll<HTMLElement>("[data-group]")];
      const widths = segments.map((s) => Number(s.dataset.share));
      expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(Number(bar.querySelector<HTMLElement>("[data-group=convertible]")?.dataset.share ?? 0)).toBeCloseTo(convertible / total, 12);
      expect(Number(bar.querySelector<HTMLElement>("[data-group=loans_and_facilities]")?.dataset.share ?? 0)).toBeCloseTo(loans / total, 12);
      expect(bar).toHaveAccessibleName(new RegExp(`^${label}, share of the amount: Convertible notes ${pct(convertible, total).replace(".", "\\.")}`));
      expect(screen.getByText(`${records.length} financings · ${millions(total)}`, { exact: false })).toBeInTheDocument();
    }
  });

  test("coupon, collateral and use figures, each with the share of the amount it could use", async () => {
    await openTab();
    const table = screen.getByTestId("cycles-figures");
    const rowOf = (name: string) => within(table).getByRole("row", { name: new RegExp(`^${name}`) });
    const now = byCycle("2023-");
    const nowTotal = amount(now);
    const known = now.filter((r) => r.coupon_pct !== null);
    const weighted = known.reduce((sum, r) => sum + (r.amount_usd as number) * (r.coupon_pct as number), 0) / amount(known);
    const coupon = rowOf("Weighted coupon");
    expect(coupon).toHaveTextContent(`${weighted.toFixed(2)}%`);
    expect(coupon).toHaveTextContent(`${pct(amount(known), nowTotal)} known`);
    expect(within(coupon).getByTitle(`Coupon known for ${pct(amount(known), nowTotal)} of the amount`)).toBeInTheDocument();
    const convertibles = now.filter((r) => r.instrument_class === "convertible");
    const convertiblesKnown = convertibles.filter((r) => r.coupon_pct !== null);
    const zero = amount(convertiblesKnown.filter((r) => r.coupon_pct === 0));
    expect(rowOf("Zero-coupon")).toHaveTextContent(pct(zero, amount(convertiblesKnown)));
    const ai = amount(now.filter((r) => r.use_category === "ai_hpc"));
    expect(rowOf("AI/HPC use")).toHaveTextContent(pct(ai, nowTotal));
    expect(rowOf("AI/HPC use")).toHaveTextContent(`${pct(amount(now.filter((r) => r.use_category !== null)), nowTotal)} known`);
    // 2020-2022: its only convertible pays a coupon, so 0.0% zero-coupon, with every coupon known.
    const thenConvertibles = byCycle("2020-2022").filter((r) => r.instrument_class === "convertible");
    expect(thenConvertibles.every((r) => r.coupon_pct !== null && r.coupon_pct > 0)).toBe(true);
    expect(within(rowOf("Zero-coupon")).getAllByRole("cell")[0]).toHaveTextContent(/^0\.0%$/);
  });

  test("an outcome count opens the list of those financings, and a financing opens its deal", async () => {
    await openTab();
    const seized = byCycle("2020-2022").filter((r) => r.outcome === "defaulted_collateral_seized");
    expect(seized.length).toBeGreaterThan(0);
    const outcomes = screen.getByTestId("cycles-outcomes");
    const restructured = byCycle("2020-2022").filter((r) => r.outcome === "restructured");
    expect(within(outcomes).getByRole("row", { name: /^Restructured/ })).toHaveTextContent(String(restructured.length));
    fireEvent.click(screen.getByRole("button", { name: `Collateral seized, 2020-2022: ${seized.length} financings, show the list` }));
    const region = screen.getByRole("region", { name: `Collateral seized · 2020-2022 (${seized.length})` });
    const items = within(region).getAllByRole("listitem");
    expect(items.map((item) => within(item).getByRole("button", { name: /^Open deal / }).getAttribute("aria-label"))).toEqual(
      expect.arrayContaining(seized.map((r) => `Open deal ${r.id}`)),
    );
    expect(items).toHaveLength(seized.length);
    fireEvent.click(within(region).getByRole("button", { name: `Open deal ${seized[0].id}` }));
    expect(await screen.findByRole("heading", { name: seized[0].issuer })).toBeInTheDocument();
    expect(screen.getByText(new RegExp(seized[0].id))).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: /Back to the list/ }));
    expect(await screen.findByRole("region", { name: /Collateral seized · 2020-2022/ })).toBeInTheDocument();
  });

  test("Insert comparison writes a live CYCLES formula and a 100% stacked bar chart on its class columns", async () => {
    const adapter = await openTab();
    fireEvent.click(screen.getByRole("button", { name: "Insert comparison" }));
    expect(await screen.findByText(/CYCLES comparison and chart at Sheet1!A1:B2/)).toBeInTheDocument();
    expect(adapter.calls).toHaveLength(1);
    expect(adapter.calls[0].target).toBe("selection");
    const plan = adapter.calls[0].plan!;
    // What CYCLES returns today decides the spill area the plan reserves.
    installCustomFunctionsShim();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cycles = (require("../../src/functions/functions") as typeof import("../../src/functions/functions")).cycles(null, null);
    const layout = layoutPlan(plan, { row: 4, col: 2 });
    expect(layout.values[1][0]).toBe("=MINERDEBT.CYCLES()");
    expect(plan.cells[1]).toHaveLength(cycles[0].length);
    // Header row + one row per cycle, all inside the block (so the no-overwrite check covers the spill).
    expect(plan.cells.slice(1, 1 + cycles.length).every((row) => row.length === cycles[0].length)).toBe(true);
    const chart = plan.charts?.[0];
    expect(chart).toMatchObject({ type: "barStacked100", seriesBy: "columns", data: { row: 1, col: 0, rows: cycles.length, cols: 7 } });
    // The charted columns are the cycle and the six class shares.
    expect(cycles[0].slice(0, 7)).toEqual(["cycle", ...["convertible", "secured_notes", "loans_and_facilities", "bitcoin_backed", "equipment_financing", "other"].map((c) => `${c} (fraction of amount)`)]);
    // The chart sits below the spill, inside the block.
    expect(chart!.position.row).toBeGreaterThan(cycles.length);
    expect(chart!.position.row + chart!.position.rows).toBeLessThanOrEqual(plan.cells.length);
  });

  test("a workbook with data at the selection: asks, then inserts on a new sheet", async () => {
    const adapter = new FakeAdapter().answer({ status: "conflict", address: "Sheet1!A1:Y24", message: "The block needs Sheet1!A1:Y24, which holds data (B3)." });
    renderPane({ adapter, initialTab: "cycles" });
    fireEvent.click(await screen.findByRole("button", { name: "Insert comparison" }));
    const dialog = await screen.findByRole("alertdialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "Insert on a new sheet" }));
    expect(await screen.findByText(/at MinerDebt!A1:B2/)).toBeInTheDocument();
    expect(adapter.calls.map((c) => c.target)).toEqual(["selection", "newSheet"]);
  });
});
