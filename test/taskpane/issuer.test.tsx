/** @jest-environment jsdom */
/**
 * The deal view's outstanding and events, and the Issuer view (capital stack with bases,
 * maturity wall, overhang across share prices, events, "Insert capital stack") against the
 * fake adapter. Expected figures are read from data/*.jsonl with fs.
 */
import "@testing-library/jest-dom";
jest.mock("@fluentui/react-charts", () => require("./support/chartsMock"));
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { INSTRUMENT_CLASS_LABELS } from "../../src/taskpane/model/labels";
import { layoutPlan } from "../../src/taskpane/plans/layout";
import { FakeAdapter, fakeServices, renderPane } from "./support/pane";
import { rawEvents, rawFinancings } from "./support/jsonl";

jest.setTimeout(30_000);

const MARA_2026 = "MARA-2021-11-CVT-2026";

describe("deal view: outstanding and events", () => {
  test("shows the principal outstanding with its basis and every event, http sources as text", async () => {
    renderPane({ adapter: new FakeAdapter(), services: fakeServices(), initialDealId: MARA_2026 });
    const section = await screen.findByTestId("deal-debt");
    const events = rawEvents().filter((e) => e.financing_id === MARA_2026);
    const snapshot = events.filter((e) => e.event === "outstanding_reported").pop()!;
    // $48,080,000 → "$48.1m", the basis the snapshot's date.
    expect(within(section).getByTestId("deal-outstanding")).toHaveTextContent(
      `$${(snapshot.principal_outstanding_usd! / 1e6).toFixed(1)}m (reported ${snapshot.date})`,
    );
    const items = within(section).getAllByRole("listitem");
    expect(items).toHaveLength(events.length);
    items.forEach((item, i) => expect(item.textContent?.startsWith(`${events[i].date} · `)).toBe(true));
    await waitFor(() => expect(within(section).getAllByText(/“/).length).toBeGreaterThan(0));
    for (const link of within(section).queryAllByRole("link")) expect(link.getAttribute("href")).toMatch(/^https:\/\//);
  });

  test("an http (archive) source is shown as text, never as a link", async () => {
    const http = rawEvents().find((e) => e.source.url.startsWith("http://"))!;
    renderPane({ adapter: new FakeAdapter(), services: fakeServices(), initialDealId: http.financing_id });
    const section = await screen.findByTestId("deal-debt");
    // Sources arrive with the LINKS tier (a lazy chunk): until then each event says "Source: loading…".
    await waitFor(() => expect(section).toHaveTextContent(http.source.url));
    expect(section).not.toHaveTextContent("Source: loading…");
    expect(within(section).queryAllByRole("link").map((l) => l.getAttribute("href"))).not.toContain(http.source.url);
  });
});

describe("Issuer view", () => {
  async function openMaraFromDeal(adapter = new FakeAdapter()) {
    renderPane({ adapter, services: fakeServices(), initialDealId: MARA_2026 });
    const name = rawFinancings().find((f) => f.id === MARA_2026)!.issuer;
    const heading = await screen.findByRole("heading", { name });
    fireEvent.click(within(heading).getByRole("button"));
    await screen.findByTestId("issuer-view");
    return adapter;
  }

  test("opens from the issuer's name and lists the capital stack with each basis", async () => {
    await openMaraFromDeal();
    const stack = screen.getByTestId("capital-stack");
    const rows = stack.querySelectorAll("[data-financing]");
    const ids = [...rows].map((row) => row.getAttribute("data-financing"));
    expect(ids).toContain(MARA_2026);
    const row = stack.querySelector(`[data-financing="${MARA_2026}"]`) as HTMLElement;
    expect(row).toHaveTextContent("$48.1m");
    expect(row).toHaveTextContent("reported 2026-01-07");
    // Ordered by maturity: MARA's 2026 notes first.
    expect(ids[0]).toBe(MARA_2026);
    const chart = await screen.findByTestId("stacked-bar-chart");
    const bars = JSON.parse(chart.getAttribute("data-chart") as string) as { xAxisPoint: string; chartData: { legend: string; data: number }[] }[];
    const y2026 = bars.find((bar) => bar.xAxisPoint === "2026")!;
    expect(y2026.chartData.find((d) => d.legend === INSTRUMENT_CLASS_LABELS.convertible)?.data).toBeCloseTo(48.08, 6);
  });

  test("the overhang chart sums each convertible's shares (physical: principal ÷ conversion price above it)", async () => {
    await openMaraFromDeal();
    fireEvent.change(within(screen.getByTestId("issuer-view")).getByLabelText(/Shares outstanding/), { target: { value: "370,000,000" } });
    const chart = await screen.findByTestId("line-chart");
    const lines = JSON.parse(chart.getAttribute("data-chart") as string) as { data: { x: number; y: number }[] }[];
    // Latest reported balances (events.jsonl) and conversion prices (financings.jsonl) of MARA's converts.
    const converts = rawFinancings().filter((f) => f.ticker === "MARA" && f.instrument_class === "convertible" && f.maturity_date! > "2026-06-16");
    const balance = (id: string) => rawEvents().filter((e) => e.financing_id === id && e.event === "outstanding_reported").pop()!.principal_outstanding_usd!;
    for (const point of lines[0].data) {
      const shares = converts.filter((f) => point.x > f.conversion_price_usd!).reduce((sum, f) => sum + balance(f.id) / f.conversion_price_usd!, 0);
      expect(point.y).toBeCloseTo((shares / 370e6) * 100, 8);
    }
  });

  test("Insert capital stack writes live DEBTSTACK and OVERHANG formulas on the input cells, with room for the spill", async () => {
    const adapter = await openMaraFromDeal();
    const insert = screen.getByRole("button", { name: "Insert capital stack" });
    expect(insert).toHaveAttribute("aria-disabled", "true");
    fireEvent.change(within(screen.getByTestId("issuer-view")).getByLabelText(/Shares outstanding/), { target: { value: "370000000" } });
    fireEvent.change(within(screen.getByTestId("issuer-view")).getByLabelText(/Share price/), { target: { value: "30" } });
    fireEvent.click(insert);
    expect(await screen.findByText(/Inserted/)).toBeInTheDocument();
    const layout = layoutPlan(adapter.calls[0].plan!, { row: 0, col: 0 });
    expect(layout.values.slice(2, 5).map((row) => row.slice(0, 2))).toEqual([
      ["As of (date)", "2026-06-16"],
      ["Share price (USD)", 30],
      ["Shares outstanding", 370e6],
    ]);
    const formulas = layout.values.flat().filter((v): v is string => typeof v === "string" && v.startsWith("="));
    expect(formulas).toEqual([
      '=MINERDEBT.OVERHANG("MARA",$B$4,$B$5,"physical",TRUE,$B$3,"fraction")',
      '=MINERDEBT.OVERHANG("MARA",$B$4,$B$5,"as_terms",TRUE,$B$3,"fraction")',
      '=MINERDEBT.OVERHANG("MARA",$B$4,$B$5,"as_terms",TRUE,$B$3,"shares")',
      '=MINERDEBT.DEBTSTACK("MARA",$B$3,TRUE)',
    ]);
    // Header + one row per instrument listed in the pane, 11 columns wide.
    const stackRows = screen.getByTestId("capital-stack").querySelectorAll("[data-financing]").length;
    const formulaRow = layout.values.findIndex((row) => row[0] === '=MINERDEBT.DEBTSTACK("MARA",$B$3,TRUE)');
    expect(layout.rows - formulaRow).toBe(1 + stackRows);
    expect(layout.cols).toBe(11);
  });
});
