/** @jest-environment jsdom */
/**
 * The Issuer view opens from an issuer's name anywhere in the pane (issue 17): the Explore list
 * (mouse and keyboard, without opening the deal), the issuer filter, the Cycles lists, the
 * user's MinerDebtDeals rows, the deal view; Back returns to where it was opened, as it was.
 * Names, tickers and ids come from data/financings.jsonl (support/jsonl.ts) or the test's own rows.
 */
import "@testing-library/jest-dom";
jest.mock("@fluentui/react-charts", () => require("./support/chartsMock"));
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { createExcelAdapter } from "../../src/taskpane/excel/excelAdapter";
import { DEALS_TABLE_COLUMNS, exampleRow } from "../../src/taskpane/plans/dealsTable";
import { layoutPlan } from "../../src/taskpane/plans/layout";
import { FakeWorkbook } from "./support/fakeExcel";
import { FakeAdapter, renderPane } from "./support/pane";
import { countsUnderRule, rawFinancings } from "./support/jsonl";

jest.setTimeout(60_000);

const MARA_2026 = "MARA-2021-11-CVT-2026";
/** The deal's issuer as recorded then. */
const maraName = () => rawFinancings().find((f) => f.id === MARA_2026)!.issuer;
/** The issuer's name now: on its latest dated record (what the filter list and the Issuer view show). */
const maraNow = () => rawFinancings().filter((f) => f.ticker === "MARA" && f.quarter !== null).sort((a, b) => (a.quarter! < b.quarter! ? -1 : a.quarter! > b.quarter! ? 1 : 0)).pop()!.issuer;

async function gridRow(id: string): Promise<HTMLElement> {
  await waitFor(() => expect(document.querySelector(`[data-deal-id="${id}"]`)).not.toBeNull());
  return document.querySelector(`[data-deal-id="${id}"]`) as HTMLElement;
}

/** The Issuer view's heading "<name> (<ticker>)" (the title of issuer-view). */
async function issuerHeading(): Promise<HTMLElement> {
  const view = await screen.findByTestId("issuer-view");
  return within(view).getByRole("heading", { level: 2 });
}

function tickMara() {
  fireEvent.click(screen.getByRole("checkbox", { name: /^MARA\b/ }));
}

describe("from the Explore list", () => {
  test("a click on the issuer opens the Issuer view, not the deal; Back returns to the list as it was", async () => {
    renderPane({ adapter: new FakeAdapter() });
    tickMara();
    const main = screen.getByRole("tabpanel");
    const maraRows = rawFinancings().filter((f) => f.ticker === "MARA" && f.listed);
    await waitFor(() => expect(screen.getAllByRole("row", { name: /open deal/ })).toHaveLength(maraRows.length));
    main.scrollTop = 640;
    const link = within(await gridRow(MARA_2026)).getByRole("button", { name: "Open MARA's capital stack" });
    fireEvent.click(link);
    expect(await issuerHeading()).toHaveTextContent(`${maraNow()} (MARA)`);
    // The deal did not open (no Deal tab), and the view starts at the top.
    expect(screen.queryByTestId("deal-tab")).toBeNull();
    await waitFor(() => expect(main.scrollTop).toBe(0));

    fireEvent.click(screen.getByRole("button", { name: "← Back to Explore" }));
    await waitFor(() => expect(screen.queryByTestId("issuer-view")).toBeNull());
    // The filter and the list are as they were, scrolled back, focus on the issuer's cell.
    expect(screen.getByRole("checkbox", { name: /^MARA\b/ })).toBeChecked();
    expect(screen.getAllByRole("row", { name: /open deal/ })).toHaveLength(maraRows.length);
    await waitFor(() => expect(main.scrollTop).toBe(640));
    await waitFor(() => expect(document.activeElement?.getAttribute("role")).toBe("gridcell"));
    expect(document.activeElement?.closest("[data-deal-id]")?.getAttribute("data-deal-id")).toBe(MARA_2026);
    expect(document.activeElement).toContainElement(within(document.activeElement as HTMLElement).getByRole("button", { name: "Open MARA's capital stack" }));
  });

  test("a click elsewhere in the row still opens the deal", async () => {
    renderPane({ adapter: new FakeAdapter() });
    const row = await gridRow(MARA_2026);
    fireEvent.click(within(row).getAllByRole("gridcell")[1]);
    expect(await screen.findByRole("heading", { name: maraName() })).toBeInTheDocument();
    expect(screen.queryByTestId("issuer-view")).toBeNull();
  });

  test("keyboard: Enter on the issuer's cell opens the issuer, Enter on another cell the deal", async () => {
    renderPane({ adapter: new FakeAdapter() });
    const [issuerCell, dateCell] = within(await gridRow(MARA_2026)).getAllByRole("gridcell");
    issuerCell.focus();
    fireEvent.keyDown(issuerCell, { key: "Enter" });
    expect(await issuerHeading()).toHaveTextContent("(MARA)");
    expect(screen.queryByTestId("deal-tab")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "← Back to Explore" }));
    await waitFor(() => expect(issuerCell).toHaveFocus());

    fireEvent.keyDown(dateCell, { key: " " });
    expect(await screen.findByRole("heading", { name: maraName() })).toBeInTheDocument();
    expect(screen.queryByTestId("issuer-view")).toBeNull();
  });

  test("a private borrower has no ticker: plain text, and Enter on its cell opens the deal", async () => {
    renderPane({ adapter: new FakeAdapter() });
    fireEvent.click(screen.getByRole("checkbox", { name: /Include private borrowers/ }));
    const borrower = rawFinancings().find((f) => f.ticker === null && f.quarter !== null)!;
    const [issuerCell] = within(await gridRow(borrower.id)).getAllByRole("gridcell");
    expect(issuerCell).toHaveTextContent(borrower.issuer);
    expect(within(issuerCell).queryByRole("button")).toBeNull();
    fireEvent.keyDown(issuerCell, { key: "Enter" });
    expect(await screen.findByRole("heading", { name: borrower.issuer })).toBeInTheDocument();
    expect(screen.queryByTestId("issuer-view")).toBeNull();
  });
});

describe("from the issuer filter", () => {
  test("exactly one issuer picked: a link to its capital stack; two: none", async () => {
    renderPane({ adapter: new FakeAdapter() });
    const name = `Open ${maraNow()}'s capital stack`;
    const filters = screen.getByRole("region", { name: "Filters" });
    expect(within(filters).queryByRole("button", { name: /capital stack/ })).toBeNull();
    tickMara();
    const link = within(filters).getByRole("button", { name });
    fireEvent.click(screen.getByRole("checkbox", { name: /^CLSK\b/ }));
    expect(within(filters).queryByRole("button", { name: /capital stack/ })).toBeNull();
    fireEvent.click(screen.getByRole("checkbox", { name: /^CLSK\b/ }));
    fireEvent.click(within(filters).getByRole("button", { name }));
    expect(link).not.toBeInTheDocument();
    expect(await issuerHeading()).toHaveTextContent("(MARA)");
  });
});

describe("from the Cycles tab", () => {
  test("a financing's issuer opens the Issuer view; Back returns to the open list, focus on the name", async () => {
    renderPane({ adapter: new FakeAdapter(), initialTab: "cycles" });
    const seized = rawFinancings().filter((r) => r.cycle === "2020-2022" && r.outcome === "defaulted_collateral_seized" && countsUnderRule(r));
    fireEvent.click(await screen.findByRole("button", { name: `Collateral seized, 2020-2022: ${seized.length} financings, show the list` }));
    const region = screen.getByRole("region", { name: `Collateral seized · 2020-2022 (${seized.length})` });
    const listed = seized.find((r) => r.ticker !== null)!;
    const item = within(region).getAllByRole("listitem").find((li) => li.textContent?.includes(listed.id))!;
    // The id opens the deal, the name the issuer.
    expect(within(item).getByRole("button", { name: `Open deal ${listed.id}` })).toBeInTheDocument();
    const link = within(item).getByRole("button", { name: `Open ${listed.issuer}'s capital stack` });
    fireEvent.click(link);
    expect(await issuerHeading()).toHaveTextContent(listed.issuer);
    expect(screen.getByRole("tab", { name: "Cycles" })).toHaveAttribute("aria-selected", "true");
    fireEvent.click(screen.getByRole("button", { name: "← Back to Cycles" }));
    expect(await screen.findByRole("region", { name: /Collateral seized · 2020-2022/ })).toBeVisible();
    await waitFor(() => expect(link).toHaveFocus());
  });
});

describe("from the deal view", () => {
  test("in the Cycles tab too: Back to Cycles returns to that deal, its own Back still to the list", async () => {
    renderPane({ adapter: new FakeAdapter(), initialTab: "cycles" });
    const seized = rawFinancings().filter((r) => r.cycle === "2020-2022" && r.outcome === "defaulted_collateral_seized" && countsUnderRule(r));
    const listed = seized.find((r) => r.ticker !== null)!;
    fireEvent.click(await screen.findByRole("button", { name: `Collateral seized, 2020-2022: ${seized.length} financings, show the list` }));
    fireEvent.click(screen.getByRole("button", { name: `Open deal ${listed.id}` }));
    const heading = await screen.findByRole("heading", { name: listed.issuer });
    fireEvent.click(within(heading).getByRole("button"));
    expect(await issuerHeading()).toHaveTextContent(listed.issuer);
    fireEvent.click(screen.getByRole("button", { name: "← Back to Cycles" }));
    await waitFor(() => expect(screen.queryByTestId("issuer-view")).toBeNull());
    expect(screen.getByRole("heading", { name: listed.issuer })).toBeVisible();
    fireEvent.click(screen.getByRole("button", { name: /Back to the list/ }));
    expect(await screen.findByRole("region", { name: /Collateral seized · 2020-2022/ })).toBeInTheDocument();
  });


  test("Back returns to the deal with the calculator's input kept", async () => {
    renderPane({ adapter: new FakeAdapter(), initialDealId: MARA_2026 });
    fireEvent.change(await screen.findByLabelText(/Shares outstanding/), { target: { value: "370,000,000" } });
    const heading = await screen.findByRole("heading", { name: maraName() });
    fireEvent.click(within(heading).getByRole("button"));
    await issuerHeading();
    fireEvent.click(screen.getByRole("button", { name: "← Back to the deal" }));
    await waitFor(() => expect(screen.queryByTestId("issuer-view")).toBeNull());
    expect(screen.getByRole("heading", { name: maraName() })).toBeVisible();
    expect(screen.getByLabelText(/Shares outstanding/)).toHaveValue("370,000,000");
  });

  test("the tab it was opened over goes back to it, like Back", async () => {
    renderPane({ adapter: new FakeAdapter(), initialDealId: MARA_2026 });
    fireEvent.click(within(await screen.findByTestId("deal-debt")).getByRole("button", { name: `Open ${maraName()}'s capital stack, maturities and overhang` }));
    await issuerHeading();
    fireEvent.click(screen.getByRole("tab", { name: "Deal" }));
    await waitFor(() => expect(screen.queryByTestId("issuer-view")).toBeNull());
    expect(screen.getByTestId("deal-debt")).toBeVisible();
  });
});

describe("from the user's MinerDebtDeals rows", () => {
  test("a workbook row's issuer opens its Issuer view, with the workbook's rows in the stack and my_deals in the insert", async () => {
    const book = new FakeWorkbook();
    const adapter = createExcelAdapter(book.run, book.isSetSupported);
    await adapter.createDealsTable!(DEALS_TABLE_COLUMNS, await exampleRow());
    // 46083 is 2026-03-02 as an Excel serial: before the coverage end (the Issuer view's date).
    await adapter.appendDealRow!({ id: "MARA-2026-03-LOAN-2029", issuer: maraName(), ticker: "MARA", instrument: "term_loan", priced_date: 46083, amount_usd: 100_000_000, amount_basis: "priced", source_url: "https://example.com/mara-loan" });
    await adapter.appendDealRow!({ id: "TEST-2026-03-LOAN-2029", issuer: "Example Miner Inc.", ticker: "TEST", instrument: "term_loan", priced_date: 46083, amount_usd: 50_000_000, amount_basis: "priced", source_url: "https://example.com/test-loan" });
    renderPane({ adapter });

    // A ticker only the workbook knows: its Issuer view is the workbook's row.
    const mine = await gridRow("TEST-2026-03-LOAN-2029");
    expect(within(mine).getByTestId("workbook-marker")).toHaveTextContent("yours");
    fireEvent.click(within(mine).getByRole("button", { name: "Open TEST's capital stack" }));
    expect(await issuerHeading()).toHaveTextContent("Example Miner Inc. (TEST)");
    const testStack = screen.getByTestId("capital-stack");
    expect([...testStack.querySelectorAll("[data-financing]")].map((row) => row.getAttribute("data-financing"))).toEqual(["TEST-2026-03-LOAN-2029"]);
    expect(testStack.querySelector("[data-financing]")).toHaveTextContent("$50.0m");
    fireEvent.click(screen.getByRole("button", { name: "← Back to Explore" }));

    // A dataset issuer: the workbook's row joins the dataset's, and the insert reads the table too.
    const yours = await gridRow("MARA-2026-03-LOAN-2029");
    fireEvent.click(within(yours).getByRole("button", { name: "Open MARA's capital stack" }));
    expect(await issuerHeading()).toHaveTextContent("(MARA)");
    const stack = screen.getByTestId("capital-stack");
    expect(stack.querySelector('[data-financing="MARA-2026-03-LOAN-2029"]')).toHaveTextContent("$100.0m");
    expect(stack.querySelector(`[data-financing="${MARA_2026}"]`)).toHaveTextContent("$48.1m");
  });

  test("Insert capital stack passes the MinerDebtDeals table as my_deals when the workbook has one", async () => {
    // The adapter's read answers with the table (its header and the example row).
    const adapter = Object.assign(new FakeAdapter(), {
      readDealsTable: async () => ({ status: "found" as const, address: "'MinerDebt Deals'!A1:U2", values: [DEALS_TABLE_COLUMNS.map((column) => column.name), await exampleRow()] }),
    });
    renderPane({ adapter, initialIssuer: "MARA" });
    const view = await screen.findByTestId("issuer-view");
    // Once read, Explore (open under the Issuer view) counts the table's row.
    await screen.findByText(/1 financing from your MinerDebtDeals table/);
    fireEvent.change(within(view).getByLabelText(/Shares outstanding/), { target: { value: "370000000" } });
    fireEvent.change(within(view).getByLabelText(/Share price/), { target: { value: "30" } });
    fireEvent.click(within(view).getByRole("button", { name: "Insert capital stack" }));
    await waitFor(() => expect(adapter.calls).toHaveLength(1));
    const formulas = layoutPlan(adapter.calls[0].plan!, { row: 0, col: 0 }).values.flat().filter((v): v is string => typeof v === "string" && v.startsWith("="));
    expect(formulas).toHaveLength(4);
    for (const formula of formulas) expect(formula.endsWith(",MinerDebtDeals[#All])")).toBe(true);
  });
});
