/** @jest-environment jsdom */
/** The deal view: terms with units, sources, the dilution calculator, the scenario insert. */
import "@testing-library/jest-dom";
jest.mock("@fluentui/react-charts", () => require("./support/chartsMock"));
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { dilution, netShares } from "../../src/calc";
import { layoutPlan } from "../../src/taskpane/plans/layout";
import { FakeAdapter, fakeServices, renderPane } from "./support/pane";
import { rawFinancings } from "./support/jsonl";

jest.setTimeout(30_000);

const WULF = "WULF-2025-08-CVT-2031";

function resultRow(method: "physical" | "net_share" | "cash"): string[] {
  const table = screen.getByTestId("dilution-results");
  const row = table.querySelector(`[data-settlement="${method}"]`) as HTMLElement;
  return within(row).getAllByRole("cell").map((cell) => cell.textContent ?? "");
}

async function openWulf(adapter = new FakeAdapter(), services = fakeServices()) {
  renderPane({ adapter, services, initialDealId: WULF });
  await screen.findByRole("heading", { name: "TeraWulf Inc." });
  return { adapter, services };
}

function setInputs(shares: string, price: string) {
  fireEvent.change(screen.getByLabelText(/Shares outstanding/), { target: { value: shares } });
  fireEvent.change(screen.getByLabelText(/Share price \(USD\)/), { target: { value: price } });
}

describe("deal view", () => {
  test("a term sheet: analyst labels with units, values formatted for them, from financings.jsonl", async () => {
    await openWulf();
    const raw = rawFinancings().find((r) => r.id === WULF)!;
    /** The label (dt) and the value (dd) of a field's row. */
    const term = (field: string) => {
      const value = document.querySelector(`[data-field="${field}"]`) as HTMLElement | null;
      return value ? [value.previousElementSibling?.textContent, value.textContent] : null;
    };
    const amountM = (raw.amount_usd! / 1e6).toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 6 });
    expect(term("amount_usd")).toEqual(["Amount raised ($m)", `${amountM} (issued incl option)`]);
    expect(term("coupon_pct")).toEqual(["Coupon (%)", String(raw.coupon_pct)]);
    expect(term("conversion_price_usd")).toEqual(["Conversion price ($ per share)", String(raw.conversion_price_usd)]);
    expect(term("conversion_premium_pct")).toEqual(["Conversion premium (%)", String(raw.conversion_premium_pct)]);
    expect(term("maturity_date")).toEqual(["Maturity", raw.maturity_date]);
    expect(term("conversion_rate_per_1000")).toEqual(["Conversion rate (shares per $1,000)", String(raw.conversion_rate_per_1000)]);
    expect(term("capped_call_cap_price_usd")).toEqual(["Cap price ($ per share)", String(raw.capped_call_cap_price_usd)]);
    expect(term("instrument")).toBeNull(); // in the heading, not repeated
    expect(term("cycle")).toEqual(["Cycle", "Now (2023–)"]);
  });

  test("grouped like a term sheet, each field once, no field names as labels", async () => {
    await openWulf();
    await screen.findByRole("region", { name: "Sources" });
    const groups = screen.getAllByRole("region").map((region) => region.getAttribute("aria-label"));
    expect(groups).toEqual(expect.arrayContaining(["Offering", "Conversion terms", "Capped call", "Use of proceeds", "Outcome", "Notes", "Sources"]));
    const fields = [...document.querySelectorAll("[data-field]")].map((node) => node.getAttribute("data-field"));
    expect(new Set(fields).size).toBe(fields.length);
    const labels = [...document.querySelectorAll("dt")].map((node) => node.textContent ?? "");
    expect(new Set(labels.filter((l) => !["Category", "As stated", "Outcome", "Date", "How it is known"].includes(l))).size).toBe(
      labels.filter((l) => !["Category", "As stated", "Outcome", "Date", "How it is known"].includes(l)).length,
    );
    for (const label of labels) expect(label).not.toMatch(/ usd$|_| pct$/i);
    expect(screen.getAllByText("Outcome", { selector: "dt" })).toHaveLength(1);
    expect(screen.getAllByText(/^Use of proceeds$/, { selector: "h3" })).toHaveLength(1);
  });

  test("the tab list says a deal is open; Explore and Back both return to the list", async () => {
    await openWulf();
    expect(screen.getByRole("tab", { name: "Deal" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("tab", { name: "Explore" })).toHaveAttribute("aria-selected", "false");
    fireEvent.click(screen.getByRole("tab", { name: "Functions" }));
    expect(screen.getByRole("tab", { name: "Functions" })).toHaveAttribute("aria-selected", "true");
    fireEvent.click(screen.getByRole("tab", { name: "Deal" }));
    expect(await screen.findByRole("heading", { name: "TeraWulf Inc." })).toBeInTheDocument();
    fireEvent.click(screen.getByRole("tab", { name: "Explore" }));
    expect(await screen.findByRole("heading", { name: /^Financings \(/ })).toBeInTheDocument();
    expect(screen.queryByRole("tab", { name: "Deal" })).not.toBeInTheDocument();
  });

  test("sources (DETAIL data, loaded on open) are https links that open outside the pane", async () => {
    const { services } = await openWulf();
    const raw = rawFinancings().find((r) => r.id === WULF)!;
    const sources = await screen.findByRole("region", { name: "Sources" });
    const links = within(sources).getAllByRole("link");
    expect(links).toHaveLength(raw.sources.filter((s) => s.url.startsWith("https://")).length);
    for (const link of links) {
      expect(link.getAttribute("href")).toMatch(/^https:\/\//);
      expect(link).toHaveAttribute("target", "_blank");
      expect(link).toHaveAttribute("rel", "noopener noreferrer");
    }
    // Ranked best first: WULF's JSONL lists a release summary first; RTTNews on Nasdaq.com (its 2nd) leads.
    expect(raw.sources[0].publisher).toMatch(/summary/);
    fireEvent.click(links[0]);
    expect(services.opened).toEqual([raw.sources[1].url]);
    // Summaries are labelled as such.
    expect(within(sources).getAllByText(/summary of a filing or release, not the document itself/).length).toBe(raw.sources.filter((s) => /summary/.test(s.publisher)).length);
    expect(screen.getByRole("region", { name: "Use of proceeds" })).toHaveTextContent(String(raw.use_of_proceeds));
  });

  test("the calculator matches hand-computed numbers (no capped call, share price $20)", async () => {
    await openWulf();
    setInputs("400,000,000", "20");
    fireEvent.click(screen.getByLabelText("Apply the capped call"));
    // N = 1e9 / 12.43 = 80,450,522.93 shares; ÷ 400M = 20.11%.
    // Net share: N × (20 − 12.43) / 20 = 30,450,522.93; ÷ 400M = 7.61%. Cash: 0.
    expect(resultRow("physical")).toEqual(["Physical", "80,450,523", "20.11%"]);
    expect(resultRow("net_share")).toEqual(["Net share", "30,450,523", "7.61%"]);
    expect(resultRow("cash")).toEqual(["Cash", "0", "0.00%"]);
  });

  test("with the capped call, hand-computed and equal to src/calc", async () => {
    await openWulf();
    setInputs("400000000", "20");
    // Offset = N × (min(20, 18.76) − 12.43) / 20 = 25,462,590.51 shares.
    expect(resultRow("physical")).toEqual(["Physical", "54,987,932", "13.75%"]);
    expect(resultRow("net_share")).toEqual(["Net share", "4,987,932", "1.25%"]);
    for (const settlement of ["physical", "net_share", "cash"] as const) {
      const shares = netShares({ principal: 1e9, conversionPrice: 12.43, sharePrice: 20, settlement, capPrice: 18.76 });
      const ratio = dilution({ principal: 1e9, conversionPrice: 12.43, sharesOutstanding: 4e8, sharePrice: 20, settlement, capPrice: 18.76 });
      const row = resultRow(settlement);
      expect(row[1]).toBe(Math.round(shares).toLocaleString("en-US"));
      expect(row[2]).toBe(`${(ratio * 100).toFixed(2)}%`);
    }
  });

  test("shares outstanding is required and validated; the insert waits for it", async () => {
    await openWulf();
    const insert = screen.getByRole("button", { name: "Insert dilution scenario" });
    expect(insert).toHaveAttribute("aria-disabled", "true");
    expect(insert).toHaveAccessibleDescription(/shares outstanding/i);
    fireEvent.change(screen.getByLabelText(/Shares outstanding/), { target: { value: "-5" } });
    expect(await screen.findByText(/Enter shares outstanding as a positive number/)).toBeInTheDocument();
    expect(screen.queryByTestId("dilution-results")).not.toBeInTheDocument();
    fireEvent.change(screen.getByLabelText(/Shares outstanding/), { target: { value: "abc" } });
    expect(screen.getByText(/Enter shares outstanding as a positive number/)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText(/Shares outstanding/), { target: { value: "350,000,000" } });
    await waitFor(() => expect(screen.queryByText(/Enter shares outstanding as a positive number/)).not.toBeInTheDocument());
    expect(insert).not.toHaveAttribute("aria-disabled", "true");
  });

  test("the chart plots dilution across share prices from src/calc, with and without the cap", async () => {
    await openWulf();
    setInputs("400,000,000", "20");
    const chart = await screen.findByTestId("line-chart");
    const lines = JSON.parse(chart.getAttribute("data-chart") as string) as { legend: string; data: { x: number; y: number }[] }[];
    expect(lines.map((l) => l.legend)).toEqual(["Net share, no capped call", "Net share + capped call"]);
    for (const point of lines[1].data) {
      const expected = dilution({ principal: 1e9, conversionPrice: 12.43, sharesOutstanding: 4e8, sharePrice: point.x, settlement: "net_share", capPrice: 18.76 });
      expect(point.y).toBeCloseTo(expected * 100, 10);
    }
  });

  test("Insert dilution scenario writes live formulas that reference the input cells", async () => {
    const { adapter } = await openWulf();
    setInputs("400,000,000", "20");
    fireEvent.click(screen.getByRole("button", { name: "Insert dilution scenario" }));
    expect(await screen.findByText(/Inserted/)).toBeInTheDocument();
    const plan = adapter.calls[0].plan!;
    const layout = layoutPlan(plan, { row: 0, col: 0 });
    // Input block: labels in A, values in B (rows 3-7).
    expect(layout.values.slice(2, 7).map((row) => row.slice(0, 2))).toEqual([
      ["Principal (USD)", 1e9],
      ["Conversion price (USD per share)", 12.43],
      ["Cap price (USD per share)", 18.76],
      ["Shares outstanding", 4e8],
      ["Share price (USD)", 20],
    ]);
    const formulas = layout.values.flat().filter((v): v is string => typeof v === "string" && v.startsWith("="));
    expect(formulas).toContain('=MINERDEBT.DILUTION($B$3,$B$4,$B$6,$B$7,"physical")');
    expect(formulas).toContain('=MINERDEBT.DILUTION($B$3,$B$4,$B$6,$B$7,"net_share",$B$5)');
    expect(formulas).toContain('=MINERDEBT.NETSHARES($B$3,$B$4,$B$7,"cash",$B$5)');
    expect(formulas.every((f) => f.startsWith("=MINERDEBT.DILUTION(") || f.startsWith("=MINERDEBT.NETSHARES("))).toBe(true);
  });

  test("an unknown deal id says so instead of crashing", async () => {
    renderPane({ adapter: new FakeAdapter(), initialDealId: "NOPE-1" });
    expect(await screen.findByRole("alert")).toHaveTextContent(/No financing with id/);
  });
});
