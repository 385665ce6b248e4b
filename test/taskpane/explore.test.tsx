/** @jest-environment jsdom */
/**
 * The Explore tab against a fake adapter. Expected numbers are computed here from
 * data/financings.jsonl (read with fs), under SPEC §3, not by the code under test.
 */
import "@testing-library/jest-dom";
import fs from "fs";
import path from "path";
jest.mock("@fluentui/react-charts", () => require("./support/chartsMock"));
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { createUnavailableAdapter } from "../../src/taskpane/excel/unavailableAdapter";
import { FakeAdapter, renderPane } from "./support/pane";
import { countsUnderRule, rawFinancings } from "./support/jsonl";

jest.setTimeout(30_000);

/** "$51,835.7m": how the pane shows USD millions (one decimal, thousands separators). */
function millions(usd: number): string {
  return `$${(usd / 1e6).toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 })}m`;
}

async function gridRows(): Promise<HTMLElement[]> {
  return screen.findAllByRole("row", { name: /open deal/ });
}

describe("Explore tab", () => {
  test("the summary strip matches the dataset under the aggregation rule", async () => {
    renderPane({ adapter: new FakeAdapter() });
    const counted = rawFinancings().filter(countsUnderRule);
    const total = counted.reduce((sum, r) => sum + (r.amount_usd as number), 0);
    const convertible = counted.filter((r) => r.instrument_class === "convertible").reduce((sum, r) => sum + (r.amount_usd as number), 0);
    const listed = rawFinancings().filter((r) => r.listed);
    expect(screen.getByTestId("summary-total")).toHaveTextContent(millions(total));
    expect(screen.getByTestId("summary-count")).toHaveTextContent(`${counted.length} of ${listed.length}`);
    expect(screen.getByTestId("summary-convertible")).toHaveTextContent(`${((convertible / total) * 100).toFixed(1)}%`);
    expect(await gridRows()).toHaveLength(listed.length);
  });

  test("the quarterly chart shows each quarter's total under the rule", async () => {
    renderPane({ adapter: new FakeAdapter() });
    await screen.findByTestId("stacked-bar-chart");
    const expected = new Map<string, number>();
    for (const r of rawFinancings().filter(countsUnderRule)) {
      if (r.quarter) expected.set(r.quarter, (expected.get(r.quarter) ?? 0) + (r.amount_usd as number));
    }
    const bars = [...document.querySelectorAll<SVGGElement>("[data-quarter]")];
    for (const bar of bars) {
      const quarter = bar.getAttribute("data-quarter") as string;
      expect(bar.getAttribute("aria-label")).toContain(`${quarter}: total ${millions(expected.get(quarter) ?? 0)}`);
    }
    expect(bars.map((bar) => bar.getAttribute("data-quarter"))).toEqual(expect.arrayContaining([...expected.keys()]));
    // The last quarter of the coverage window says it is partial (coverage.json).
    const coverage = JSON.parse(fs.readFileSync(path.resolve(__dirname, "..", "..", "data", "coverage.json"), "utf8")) as { financings_through: string };
    const [year, month] = coverage.financings_through.split("-").map(Number);
    const lastQuarter = `${year}Q${Math.ceil(month / 3)}`;
    const partial = bars.filter((bar) => /partial/.test(bar.getAttribute("aria-label") ?? ""));
    expect(partial.map((bar) => bar.getAttribute("data-quarter"))).toEqual([lastQuarter]);
    expect(partial[0].getAttribute("aria-label")).toContain(`partial: financings known through ${coverage.financings_through}`);
    expect(screen.getByRole("list", { name: "Instrument classes" })).toHaveTextContent("Convertible notes");
  });

  test("filters change the grid: instrument class, use of proceeds, cycle", async () => {
    renderPane({ adapter: new FakeAdapter() });
    await gridRows();
    fireEvent.change(screen.getByLabelText("Instrument class"), { target: { value: "convertible" } });
    const converts = rawFinancings().filter((r) => r.listed && r.instrument_class === "convertible");
    await waitFor(async () => expect(await gridRows()).toHaveLength(converts.length));
    for (const row of await gridRows()) expect(converts.map((r) => r.id)).toContain(row.getAttribute("data-deal-id"));
    expect(screen.getByRole("heading", { name: `Financings (${converts.length})` })).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText("Use of proceeds"), { target: { value: "ai_hpc" } });
    const aiConverts = converts.filter((r) => r.use_category === "ai_hpc");
    await waitFor(async () => expect(await gridRows()).toHaveLength(aiConverts.length));
    const total = aiConverts.filter(countsUnderRule).reduce((sum, r) => sum + (r.amount_usd as number), 0);
    expect(screen.getByTestId("summary-total")).toHaveTextContent(millions(total));
    expect(screen.getByTestId("summary-convertible")).toHaveTextContent("100.0%");

    fireEvent.change(screen.getByLabelText("Instrument class"), { target: { value: "all" } });
    fireEvent.change(screen.getByLabelText("Use of proceeds"), { target: { value: "" } });
    fireEvent.change(screen.getByLabelText("Cycle"), { target: { value: "2020-2022" } });
    const oldCycle = rawFinancings().filter((r) => r.listed && r.cycle === "2020-2022");
    await waitFor(async () => expect(await gridRows()).toHaveLength(oldCycle.length));
  });

  test("quarter range: rows and totals keep to the chosen quarters", async () => {
    renderPane({ adapter: new FakeAdapter() });
    fireEvent.change(screen.getByLabelText("From quarter"), { target: { value: "2025Q1" } });
    fireEvent.change(screen.getByLabelText("To quarter"), { target: { value: "2025Q4" } });
    const inRange = rawFinancings().filter((r) => r.listed && r.quarter !== null && r.quarter >= "2025Q1" && r.quarter <= "2025Q4");
    await waitFor(async () => expect(await gridRows()).toHaveLength(inRange.length));
    const total = inRange.filter(countsUnderRule).reduce((sum, r) => sum + (r.amount_usd as number), 0);
    expect(screen.getByTestId("summary-total")).toHaveTextContent(millions(total));
    // A reversed range says so instead of failing.
    fireEvent.change(screen.getByLabelText("From quarter"), { target: { value: "2026Q1" } });
    expect(await screen.findByText(/“From” is after “To”/)).toBeInTheDocument();
  });

  test("an issuer's former ticker finds its deals under both tickers", async () => {
    renderPane({ adapter: new FakeAdapter() });
    fireEvent.change(screen.getByLabelText(/Issuers: type a ticker/), { target: { value: "bitf" } });
    const group = screen.getByRole("group", { name: /^Issuers/ });
    const boxes = within(group).getAllByRole("checkbox");
    expect(boxes).toHaveLength(1);
    expect(within(group).getByLabelText(/KEEL \(formerly BITF\)/)).toBeInTheDocument();
    fireEvent.click(boxes[0]);
    const bitfarms = rawFinancings().filter((r) => r.ticker === "KEEL" || r.ticker === "BITF");
    expect(bitfarms.some((r) => r.ticker === "BITF") && bitfarms.some((r) => r.ticker === "KEEL")).toBe(true);
    await waitFor(async () => expect(await gridRows()).toHaveLength(bitfarms.length));
    expect(screen.getByText("Selected: KEEL")).toBeInTheDocument();
  });

  test("private borrowers are listed on request but never summed", async () => {
    renderPane({ adapter: new FakeAdapter() });
    const before = screen.getByTestId("summary-total").textContent;
    fireEvent.click(screen.getByLabelText(/Include private borrowers/));
    await waitFor(async () => expect(await gridRows()).toHaveLength(rawFinancings().length));
    expect(screen.getByTestId("summary-total").textContent).toBe(before);
    expect(screen.getByText(/Private borrowers are listed below but not summed/)).toBeInTheDocument();
  });

  test("sorting by amount: the dataset's order, undisclosed amounts last in both directions", async () => {
    renderPane({ adapter: new FakeAdapter() });
    await gridRows();
    // Core Scientific and IREN have financings with undisclosed amounts (fewer rows: a faster test).
    fireEvent.click(screen.getByRole("checkbox", { name: /^CORZ\b/ }));
    fireEvent.click(screen.getByRole("checkbox", { name: /^IREN\b/ }));
    const expectedRows = rawFinancings().filter((r) => r.listed && (r.ticker === "CORZ" || r.ticker === "IREN")).length;
    await waitFor(async () => expect(await gridRows()).toHaveLength(expectedRows));
    const header = () => screen.getByRole("columnheader", { name: /Amount/ });
    const byId = new Map(rawFinancings().map((r) => [r.id, r.amount_usd]));
    const amounts = async () => (await gridRows()).map((row) => byId.get(row.getAttribute("data-deal-id") as string) ?? null);
    expect((await amounts()).some((a) => a === null)).toBe(true);
    for (const direction of ["ascending", "descending"] as const) {
      fireEvent.click(header().querySelector("button") ?? header());
      await waitFor(() => expect(header()).toHaveAttribute("aria-sort", direction));
      const shown = await amounts();
      const firstBlank = shown.indexOf(null);
      expect(shown.slice(firstBlank).every((a) => a === null)).toBe(true);
      const known = shown.slice(0, firstBlank) as number[];
      expect(known).toEqual([...known].sort((a, b) => (direction === "ascending" ? a - b : b - a)));
    }
  });

  test("the Date column holds dates only; the quarter has its own column", async () => {
    renderPane({ adapter: new FakeAdapter() });
    const rows = await gridRows();
    const raw = new Map(rawFinancings().map((r) => [r.id, r]));
    for (const row of rows) {
      const cells = [...row.querySelectorAll("[role=gridcell]")].map((cell) => cell.textContent);
      const source = raw.get(row.getAttribute("data-deal-id") as string)!;
      expect(cells[1]).toBe(source.priced_date ?? source.closed_date ?? source.announced_date ?? "—");
      expect(cells[1]).toMatch(/^(\d{4}-\d{2}-\d{2}|—)$/);
      expect(cells[4]).toBe(source.quarter ?? "—");
    }
  });
});

describe("Explore inserts", () => {
  test("Insert table sends an offerings table plan; progress, then a success message", async () => {
    let finish: (value: { status: "inserted"; address: string; sheet: string }) => void = () => undefined;
    const adapter = new FakeAdapter().answer(new Promise((resolve) => (finish = resolve)));
    renderPane({ adapter });
    fireEvent.click(screen.getByRole("button", { name: "Insert table" }));
    expect(await screen.findByText(/Inserting: Offerings table/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Insert as formulas" })).toHaveAttribute("aria-disabled", "true");
    await act(async () => finish({ status: "inserted", address: "Sheet1!B2:R126", sheet: "Sheet1" }));
    expect(await screen.findByText(/at Sheet1!B2:R126/)).toBeInTheDocument();
    const plan = adapter.calls[0].plan!;
    expect(adapter.calls[0].target).toBe("selection");
    expect(plan.tables?.[0].name).toBe("MinerDebtOfferings");
    expect(plan.cells.length).toBe(2 + rawFinancings().filter((r) => r.listed).length);
  });

  test("a conflict asks; 'Insert on a new sheet' inserts there", async () => {
    const adapter = new FakeAdapter().answer({ status: "conflict", address: "Sheet1!A1:Q20", message: "The block needs Sheet1!A1:Q20, which holds data (A3)." });
    renderPane({ adapter });
    fireEvent.click(screen.getByRole("button", { name: "Insert as formulas" }));
    const dialog = await screen.findByRole("alertdialog");
    expect(within(dialog).getByText(/holds data \(A3\)/)).toBeInTheDocument();
    // Focus moves into the dialog.
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    fireEvent.click(within(dialog).getByRole("button", { name: "Insert on a new sheet" }));
    expect(await screen.findByText(/at MinerDebt!A1:B2/)).toBeInTheDocument();
    expect(adapter.calls.map((c) => c.target)).toEqual(["selection", "newSheet"]);
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
  });

  test("Escape on the conflict dialog returns focus to the button that opened it", async () => {
    const adapter = new FakeAdapter().answer({ status: "conflict", address: "Sheet1!A1:B2", message: "Occupied." });
    renderPane({ adapter });
    const button = screen.getByRole("button", { name: "Insert table" });
    act(() => button.focus());
    fireEvent.click(button);
    const dialog = await screen.findByRole("alertdialog");
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    fireEvent.keyDown(document.activeElement as Element, { key: "Escape" });
    expect(await screen.findByText(/Cancelled: nothing was inserted/)).toBeInTheDocument();
    await waitFor(() => expect(button).toHaveFocus());
  });

  test("a conflict, then Cancel: nothing more is written", async () => {
    const adapter = new FakeAdapter().answer({ status: "conflict", address: "Sheet1!A1:B2", message: "Occupied." });
    renderPane({ adapter });
    fireEvent.click(screen.getByRole("button", { name: "Insert quarterly summary + chart" }));
    const dialog = await screen.findByRole("alertdialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(await screen.findByText(/Cancelled: nothing was inserted/)).toBeInTheDocument();
    expect(adapter.calls).toHaveLength(1);
    const plan = adapter.calls[0].plan!;
    expect(plan.charts?.[0].type).toBe("columnStacked");
  });

  test("an Excel failure shows the adapter's message in an error bar", async () => {
    const adapter = new FakeAdapter().answer({ status: "error", code: "InvalidOperationInCellEditMode", message: "Excel is editing a cell. Press Enter or Esc to finish editing, then insert again." });
    renderPane({ adapter });
    fireEvent.click(screen.getByRole("button", { name: "Insert table" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(/Not inserted/);
    expect(alert).toHaveTextContent(/Press Enter or Esc/);
  });

  test("the formulas preview shows the OFFERINGS formula for expressible filters, DEAL otherwise", async () => {
    renderPane({ adapter: new FakeAdapter() });
    expect(screen.getByTestId("formula-preview")).toHaveTextContent("=MINERDEBT.OFFERINGS()");
    fireEvent.change(screen.getByLabelText("Instrument class"), { target: { value: "convertible" } });
    expect(screen.getByTestId("formula-preview")).toHaveTextContent('=MINERDEBT.OFFERINGS(,,,"convertible")');
    fireEvent.change(screen.getByLabelText("Cycle"), { target: { value: "2023-" } });
    expect(screen.getByTestId("formula-preview")).toHaveTextContent(/DEAL\(id, field\).*no cycle argument/);
  });
});

describe("outside Excel", () => {
  test("renders everything, explains, and disables inserts with the reason", async () => {
    const adapter = createUnavailableAdapter();
    const spy = jest.spyOn(adapter, "insertPlan");
    renderPane({ adapter });
    expect(screen.getByTestId("outside-excel")).toHaveTextContent(/needs Excel/);
    const button = screen.getByRole("button", { name: "Insert table" });
    expect(button).toHaveAttribute("aria-disabled", "true");
    expect(button).toHaveAccessibleDescription(/needs Excel/);
    fireEvent.click(button);
    expect(spy).not.toHaveBeenCalled();
    expect(await gridRows()).not.toHaveLength(0);
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    // Said right under the buttons, not only in the banner at the top.
    const inserts = screen.getByRole("region", { name: "Insert into the workbook" });
    expect(within(inserts).getByTestId("insert-note")).toHaveTextContent(/These buttons need Excel/);
  });

  test("in Excel there is no such note", () => {
    renderPane({ adapter: new FakeAdapter() });
    expect(screen.queryByTestId("insert-note")).not.toBeInTheDocument();
  });
});

describe("keyboard", () => {
  test("Enter on a grid row opens the deal; Back returns focus to that row", async () => {
    renderPane({ adapter: new FakeAdapter() });
    const row = (await gridRows()).find((r) => r.getAttribute("data-deal-id") === "WULF-2025-08-CVT-2031")!;
    // The date cell: Enter on the issuer's cell opens the issuer (issuer-links.test.tsx).
    const cell = within(row).getAllByRole("gridcell")[1];
    cell.focus();
    fireEvent.keyDown(cell, { key: "Enter" });
    const heading = await screen.findByRole("heading", { name: "TeraWulf Inc." });
    await waitFor(() => expect(heading.parentElement).toHaveFocus());
    fireEvent.click(screen.getByRole("button", { name: /Back to Explore/ }));
    await waitFor(() => expect(document.activeElement?.closest("[data-deal-id]")?.getAttribute("data-deal-id")).toBe("WULF-2025-08-CVT-2031"));
  });

  test("every filter control has a label", () => {
    renderPane({ adapter: new FakeAdapter() });
    for (const label of ["From quarter", "To quarter", "Instrument class", "Use of proceeds", "Cycle"]) {
      expect(screen.getByLabelText(label).tagName).toBe("SELECT");
    }
    expect(screen.getByLabelText(/Issuers: type a ticker/)).toBeInTheDocument();
    expect(screen.getByLabelText(/Include private borrowers/)).toBeInTheDocument();
  });
});
