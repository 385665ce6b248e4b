/** @jest-environment jsdom */
/**
 * The user's own financings in the pane: the adapter's MinerDebtDeals operations against the fake
 * Excel (tables that grow by rows.add, shifting what is below them; validation and number
 * formats that follow the table column; a missing table failing the sync), and the pane's create →
 * add → see-it-everywhere flow on top of them. Expected numbers come from data/financings.jsonl
 * (support/jsonl.ts) and the form's input, never from the code under test.
 */
import "@testing-library/jest-dom";
jest.mock("@fluentui/react-charts", () => require("./support/chartsMock"));
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { createExcelAdapter } from "../../src/taskpane/excel/excelAdapter";
import { DEALS_TABLE_COLUMNS, exampleRow } from "../../src/taskpane/plans/dealsTable";
import { offeringsFormulaText } from "../../src/taskpane/plans/offeringsFormula";
import { NO_FILTERS } from "../../src/taskpane/model/filters";
import { FakeWorkbook } from "./support/fakeExcel";
import { renderPane } from "./support/pane";
import { countsUnderRule, rawFinancings } from "./support/jsonl";

jest.setTimeout(60_000);

const ISSUE_COLUMNS = ["id", "issuer", "ticker", "instrument", "instrument_class", "priced_date", "closed_date", "amount_usd", "amount_basis", "new_money", "coupon_pct", "maturity_date", "conversion_rate_per_1000", "conversion_price_usd", "capped_call_cap_price_usd", "settlement", "use_category", "secured", "collateral", "source_url", "notes"];

function millions(usd: number): string {
  return `$${(usd / 1e6).toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 })}m`;
}

describe("MinerDebtDeals through the Excel adapter (fake Excel)", () => {
  test("create: a new sheet with the header, one example row, formats and drop-down lists; never twice", async () => {
    const book = new FakeWorkbook({ sheets: ["Sheet1"] });
    const adapter = createExcelAdapter(book.run, book.isSetSupported);
    const result = await adapter.createDealsTable!(DEALS_TABLE_COLUMNS, await exampleRow());
    expect(result).toEqual({ status: "created", sheet: "MinerDebt Deals", address: "MinerDebt Deals!A1:U2" });
    const sheet = book.sheet("MinerDebt Deals");
    expect(sheet.tables.map((t) => t.name)).toEqual(["MinerDebtDeals"]);
    const header = ISSUE_COLUMNS.map((_, c) => sheet.valueAt(`${String.fromCharCode(65 + c)}1`));
    expect([...header].sort()).toEqual([...ISSUE_COLUMNS].sort());
    const col = (name: string) => String.fromCharCode(65 + header.indexOf(name));
    // The example is the dataset's own record of WULF-2025-08-CVT-2031 (so it changes no figure).
    const wulf = rawFinancings().find((r) => r.id === "WULF-2025-08-CVT-2031")!;
    expect(sheet.valueAt(`${col("id")}2`)).toBe(wulf.id);
    expect(sheet.valueAt(`${col("amount_usd")}2`)).toBe(wulf.amount_usd);
    expect(sheet.cell(`${col("amount_usd")}2`)?.numberFormat).toBe("#,##0");
    expect(sheet.cell(`${col("priced_date")}2`)?.numberFormat).toBe("yyyy-mm-dd");
    expect(sheet.cell(`${col("issuer")}2`)?.numberFormat).toBe("@");
    const instrumentList = sheet.validations.find((v) => v.rect.col === header.indexOf("instrument"));
    expect(instrumentList?.source.split(",")).toContain("convertible_senior_notes");
    expect(sheet.validations.find((v) => v.rect.col === header.indexOf("new_money"))?.source).toBe("TRUE,FALSE");
    expect(book.syncCount).toBe(2);

    const before = book.sheets.map((s) => s.snapshot()).join();
    const again = await adapter.createDealsTable!(DEALS_TABLE_COLUMNS, await exampleRow());
    expect(again.status).toBe("exists");
    expect(book.sheets.map((s) => s.snapshot()).join()).toBe(before);
  });

  test("read: one sync, header first; no table is 'absent' in one sync too", async () => {
    const book = new FakeWorkbook();
    const adapter = createExcelAdapter(book.run, book.isSetSupported);
    expect(await adapter.readDealsTable!()).toEqual({ status: "absent" });
    expect(book.syncCount).toBe(1);
    await adapter.createDealsTable!(DEALS_TABLE_COLUMNS, await exampleRow());
    const syncs = book.syncCount;
    const read = await adapter.readDealsTable!();
    expect(book.syncCount - syncs).toBe(1);
    if (read.status !== "found") throw new Error(read.status);
    expect(read.values).toHaveLength(2);
    expect(read.values[0]).toEqual(DEALS_TABLE_COLUMNS.map((c) => c.name));
  });

  test("append: the row goes at the table's end by header name, what was below moves down, text stays text", async () => {
    const book = new FakeWorkbook();
    const adapter = createExcelAdapter(book.run, book.isSetSupported);
    await adapter.createDealsTable!(DEALS_TABLE_COLUMNS, await exampleRow());
    const sheet = book.sheet("MinerDebt Deals");
    sheet.ensure(2, 0).value = "my own note under the table"; // A3, right below the table
    sheet.ensure(2, 25).value = "outside the table's columns"; // Z3 stays
    const result = await adapter.appendDealRow!({ id: "TEST-2026-11-CVT-2031", issuer: "=HYPERLINK(\"x\")", ticker: "TEST", amount_usd: 5e8 });
    expect(result).toEqual({ status: "appended", row: 3 });
    expect(sheet.tables[0].rect.rows).toBe(3);
    expect(sheet.valueAt("A3")).toBe("TEST-2026-11-CVT-2031");
    const issuerCol = String.fromCharCode(65 + DEALS_TABLE_COLUMNS.findIndex((c) => c.name === "issuer"));
    expect(sheet.cell(`${issuerCol}3`)?.formula).toBeNull();
    expect(sheet.valueAt(`${issuerCol}3`)).toBe('=HYPERLINK("x")');
    expect(sheet.valueAt("A4")).toBe("my own note under the table");
    expect(sheet.valueAt("Z3")).toBe("outside the table's columns");
    const instrumentCol = DEALS_TABLE_COLUMNS.findIndex((c) => c.name === "instrument");
    expect(sheet.validations.find((v) => v.rect.col === instrumentCol)?.rect.rows).toBe(2);
    const unknown = await adapter.appendDealRow!({ id: "X", my_column: "y" });
    expect(unknown.status).toBe("error");
  });
});

describe("the pane with a MinerDebtDeals table", () => {
  test("create the table, add a financing, see it in the list, the summary, the formulas and the deal view", async () => {
    const book = new FakeWorkbook();
    renderPane({ adapter: createExcelAdapter(book.run, book.isSetSupported) });
    const counted = rawFinancings().filter(countsUnderRule);
    const total = counted.reduce((sum, r) => sum + (r.amount_usd as number), 0);
    expect(screen.getByTestId("summary-total")).toHaveTextContent(millions(total));

    const create = await screen.findByRole("button", { name: "Add your own financings" });
    // Enabled once the pane has read the workbook (one sync) and found no table.
    await waitFor(() => expect(create).toBeEnabled());
    fireEvent.click(create);
    expect(await screen.findByTestId("my-deals-message")).toHaveTextContent("Created the MinerDebtDeals table at MinerDebt Deals!A1:U2");
    // The example row is the dataset's own record: no figure changes.
    await waitFor(() => expect(screen.getByTestId("formula-preview")).toHaveTextContent("MinerDebtDeals[#All]"));
    expect(screen.getByTestId("summary-total")).toHaveTextContent(millions(total));

    fireEvent.click(screen.getByRole("button", { name: "Add a financing" }));
    const form = screen.getByRole("form", { name: "Add a financing" });
    const type = (label: string, value: string) => fireEvent.change(within(form).getByLabelText(label, { exact: false }), { target: { value } });
    type("Issuer", "Example Miner Inc.");
    type("Ticker", "test");
    type("Priced date", "2026-11-20");
    type("Amount (USD)", "-5");
    type("Source URL", "https://example.com/test-notes");
    fireEvent.click(within(form).getByRole("button", { name: "Add to MinerDebtDeals" }));
    expect(await screen.findByTestId("my-deals-message")).toHaveTextContent("Not added: amount_usd must be ≥ 0, got -5");
    const rowsBefore = book.sheet("MinerDebt Deals").tables[0].rect.rows;
    expect(rowsBefore).toBe(2);

    type("Amount (USD)", "500,000,000");
    type("Maturity date", "2031-12-01");
    fireEvent.click(within(form).getByRole("button", { name: "Add to MinerDebtDeals" }));
    await waitFor(() => expect(screen.getByTestId("my-deals-message")).toHaveTextContent("Added TEST-2026-11-CVT-2031 to MinerDebtDeals (row 3 of the table)."));
    expect(book.sheet("MinerDebt Deals").tables[0].rect.rows).toBe(3);
    await waitFor(() => expect(screen.getByTestId("summary-total")).toHaveTextContent(millions(total + 500_000_000)));

    const row = (await screen.findAllByRole("row", { name: /open deal/ })).find((r) => r.getAttribute("data-deal-id") === "TEST-2026-11-CVT-2031");
    expect(row).toBeDefined();
    expect(within(row!).getByTestId("workbook-marker")).toHaveTextContent("yours");
    fireEvent.click(row!);
    expect(await screen.findByRole("heading", { name: "Example Miner Inc." })).toBeInTheDocument();
    expect(screen.getByTestId("workbook-badge")).toHaveTextContent("Your row 3 of MinerDebtDeals");
    expect(await screen.findByText("https://example.com/test-notes", { exact: false })).toBeInTheDocument();
  });

  test("a bad row in the table is named, and the pane keeps to the dataset without touching the table", async () => {
    const book = new FakeWorkbook();
    const adapter = createExcelAdapter(book.run, book.isSetSupported);
    await adapter.createDealsTable!(DEALS_TABLE_COLUMNS, await exampleRow());
    await adapter.appendDealRow!({ id: "TEST-2026-11-CVT-2031", issuer: "Example", ticker: "TEST", instrument: "term_loan", priced_date: 46346, amount_usd: -5, source_url: "https://example.com/x" });
    const before = book.sheet("MinerDebt Deals").snapshot();
    renderPane({ adapter });
    expect(await screen.findByText(/MinerDebtDeals row 3: amount_usd must be ≥ 0, got -5/)).toBeInTheDocument();
    const counted = rawFinancings().filter(countsUnderRule);
    expect(screen.getByTestId("summary-total")).toHaveTextContent(millions(counted.reduce((sum, r) => sum + (r.amount_usd as number), 0)));
    expect(book.sheet("MinerDebt Deals").snapshot()).toBe(before);
  });

  test("Insert as formulas passes MinerDebtDeals[#All] as my_deals only when the table exists", () => {
    expect(offeringsFormulaText(NO_FILTERS)).toBe("=MINERDEBT.OFFERINGS()");
    expect(offeringsFormulaText(NO_FILTERS, true)).toBe("=MINERDEBT.OFFERINGS(,,,,,,,MinerDebtDeals[#All])");
  });
});
