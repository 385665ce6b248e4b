/**
 * The Excel adapter against a hand-written fake of the Excel object model (support/fakeExcel.ts:
 * queued operations applied at sync, non-transactional batches, Excel's parsing of typed
 * strings). See excel-adapter.mock.test.ts for the same writes checked with office-addin-mock.
 */
import { createExcelAdapter } from "../../src/taskpane/excel/excelAdapter";
import { textCell, numberCell, formulaCell, EMPTY, minerDebtCall, ref, FORMAT_USD_MILLIONS, FORMAT_PERCENT, FORMAT_DATE } from "../../src/taskpane/plans/cells";
import type { InsertPlan, PlanCell } from "../../src/taskpane/plans/types";
import { cyclesComparisonPlan } from "../../src/taskpane/plans/cyclesComparison";
import { datasetVersion } from "../../src/data";
import { FakeWorkbook } from "./support/fakeExcel";

/** A table plan like the offerings insert: note row, header, n data rows, a link column. */
function tablePlan(n: number, texts: string[] = []): InsertPlan {
  const header: PlanCell[] = ["ID", "Amount", "Coupon", "Priced", "Source"].map(textCell);
  const rows: PlanCell[][] = [];
  for (let i = 0; i < n; i++) {
    rows.push([
      textCell(texts[i] ?? `DEAL-${i}`),
      numberCell(1_000_000 * (i + 1), FORMAT_USD_MILLIONS),
      numberCell(0.0375, FORMAT_PERCENT),
      numberCell(45_000 + i, FORMAT_DATE),
      textCell(`https://example.com/${i}`),
    ]);
  }
  return {
    label: "Test table",
    cells: [[textCell("Provenance note"), EMPTY, EMPTY, EMPTY, EMPTY], header, ...rows],
    styles: [{ range: { row: 0, col: 0, rows: 1, cols: 5 }, role: "note" }],
    tables: [{ name: "MinerDebtTest", style: "TableStyleMedium2", range: { row: 1, col: 0, rows: n + 1, cols: 5 } }],
    hyperlinks: rows.map((_, i) => ({ cell: { row: i + 2, col: 4 }, url: `https://example.com/${i}` })),
    autofit: { row: 1, col: 0, rows: n + 1, cols: 5 },
    columns: [{}, {}, {}, {}, { width: 40 }],
  };
}

describe("Excel adapter: insertPlan", () => {
  test("writes values, number formats, a styled table and hyperlinks at the selection", async () => {
    const book = new FakeWorkbook({ selection: "C5" });
    const adapter = createExcelAdapter(book.run, book.isSetSupported);
    const result = await adapter.insertPlan(tablePlan(3), "selection");
    expect(result).toEqual({ status: "inserted", address: "Sheet1!C5:G9", sheet: "Sheet1" });
    const sheet = book.sheet("Sheet1");
    expect(sheet.valueAt("C5")).toBe("Provenance note");
    expect(sheet.cell("C5")?.italic).toBe(true);
    expect(sheet.valueAt("D7")).toBe(1_000_000);
    expect(sheet.cell("D7")?.numberFormat).toBe('$#,##0.0,,"m"');
    expect(sheet.cell("E7")?.numberFormat).toBe("0.00%");
    expect(sheet.valueAt("E7")).toBe(0.0375);
    expect(sheet.cell("F9")?.numberFormat).toBe("yyyy-mm-dd");
    expect(sheet.valueAt("F9")).toBe(45_002);
    expect(sheet.cell("C7")?.numberFormat).toBe("@");
    expect(sheet.tables).toEqual([{ name: "MinerDebtTest", style: "TableStyleMedium2", rect: { row: 5, col: 2, rows: 4, cols: 5 } }]);
    expect(sheet.cell("G8")?.hyperlink).toEqual(expect.objectContaining({ address: "https://example.com/1" }));
    expect(sheet.autofitted).toEqual(["C6:G9"]);
    expect(sheet.columnWidths.get(6)).toBeGreaterThan(100);
    expect(book.selection).toBe("C5:G9");
    // Cells outside the footprint untouched.
    expect(sheet.cell("B5")).toBeUndefined();
    expect(sheet.cell("H5")).toBeUndefined();
  });

  test.each([10, 1000])("one read sync + one write sync for %i rows", async (n) => {
    const book = new FakeWorkbook();
    const result = await createExcelAdapter(book.run, book.isSetSupported).insertPlan(tablePlan(n), "selection");
    expect(result.status).toBe("inserted");
    expect(book.syncCount).toBe(2);
    expect(book.runCount).toBe(1);
    expect(book.sheet("Sheet1").valueAt(`B${n + 2}`)).toBe(1_000_000 * n);
  });

  test("a non-empty footprint is a conflict and nothing is written", async () => {
    const book = new FakeWorkbook({ selection: "B2" });
    const sheet = book.sheet("Sheet1");
    sheet.ensure(4, 3).value = "keep me"; // D5, inside B2:F6
    const before = sheet.snapshot();
    const result = await createExcelAdapter(book.run, book.isSetSupported).insertPlan(tablePlan(3), "selection");
    expect(result.status).toBe("conflict");
    if (result.status === "conflict") {
      expect(result.address).toBe("Sheet1!B2:F6");
      expect(result.message).toMatch(/D5/);
    }
    expect(sheet.snapshot()).toBe(before);
    expect(book.applied).toEqual([]);
    expect(book.syncCount).toBe(1);
  });

  test("a formula in the footprint counts as content; a cell just past it does not", async () => {
    const book = new FakeWorkbook({ selection: "A1" });
    const sheet = book.sheet("Sheet1");
    sheet.ensure(5, 5).value = "outside"; // F6: the 5×5 block of 3 rows ends at E5
    expect((await createExcelAdapter(book.run, book.isSetSupported).insertPlan(tablePlan(3), "selection")).status).toBe("inserted");
    const other = new FakeWorkbook({ selection: "A1" });
    const cell = other.sheet("Sheet1").ensure(2, 2);
    cell.formula = "=1+1";
    cell.value = 2;
    expect((await createExcelAdapter(other.run, other.isSetSupported).insertPlan(tablePlan(3), "selection")).status).toBe("conflict");
  });

  test("a footprint overlapping an existing (empty) table is a conflict", async () => {
    const book = new FakeWorkbook({ selection: "A1" });
    book.sheet("Sheet1").tables.push({ name: "Existing", rect: { row: 3, col: 3, rows: 4, cols: 2 }, style: "TableStyleLight1" });
    const result = await createExcelAdapter(book.run, book.isSetSupported).insertPlan(tablePlan(3), "selection");
    expect(result.status).toBe("conflict");
    if (result.status === "conflict") expect(result.message).toMatch(/Existing/);
  });

  test("after a conflict, a new sheet receives the insert at A1 and becomes active", async () => {
    const book = new FakeWorkbook({ sheets: ["Sheet1", "MinerDebt"], selection: "A1" });
    book.sheet("Sheet1").ensure(0, 0).value = "x";
    const adapter = createExcelAdapter(book.run, book.isSetSupported);
    expect((await adapter.insertPlan(tablePlan(2), "selection")).status).toBe("conflict");
    const result = await adapter.insertPlan(tablePlan(2), "newSheet");
    expect(result).toEqual({ status: "inserted", address: "'MinerDebt (2)'!A1:E4", sheet: "MinerDebt (2)" });
    expect(book.activeSheet).toBe("MinerDebt (2)");
    expect(book.sheet("MinerDebt (2)").valueAt("A3")).toBe("DEAL-0");
    expect(book.sheet("Sheet1").valueAt("A1")).toBe("x");
  });

  test("table names are made unique across the workbook", async () => {
    const book = new FakeWorkbook({ sheets: ["Sheet1", "Other"], selection: "A1" });
    book.sheet("Other").tables.push({ name: "MinerDebtTest", rect: { row: 0, col: 0, rows: 2, cols: 1 }, style: "x" });
    expect((await createExcelAdapter(book.run, book.isSetSupported).insertPlan(tablePlan(1), "selection")).status).toBe("inserted");
    expect(book.sheet("Sheet1").tables[0].name).toBe("MinerDebtTest2");
  });

  test("text that looks like a formula lands as text; without the adapter's escape it would not", async () => {
    const hostile = ["=HYPERLINK(\"https://evil.example\",\"click\")", "-1+2", "+SUM(A1:A2)", "@SUM(1)", "=1+2"];
    const book = new FakeWorkbook({ selection: "A1" });
    expect((await createExcelAdapter(book.run, book.isSetSupported).insertPlan(tablePlan(hostile.length, hostile), "selection")).status).toBe("inserted");
    const sheet = book.sheet("Sheet1");
    hostile.forEach((text, i) => {
      const cell = sheet.cell(`A${i + 3}`)!;
      expect(cell.formula).toBeNull();
      expect(cell.value).toBe(text);
      expect(cell.numberFormat).toBe("@");
    });
    // The fake parses typed strings as Excel does: written without "@", these become formulas.
    const raw = new FakeWorkbook();
    await raw.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange("A1:B1").values = [["-1+2", "=HYPERLINK(\"x\")"]];
      await context.sync();
    });
    expect(raw.sheet("Sheet1").cell("A1")?.formula).toBe("=-1+2");
    expect(raw.sheet("Sheet1").cell("B1")?.formula).toBe("=HYPERLINK(\"x\")");
  });

  test("formulas referencing block cells get absolute addresses at the insert position", async () => {
    const plan: InsertPlan = {
      label: "Scenario",
      cells: [
        [textCell("Principal"), numberCell(1e9)],
        [textCell("Dilution"), formulaCell(minerDebtCall("DILUTION", [ref(0, 1), "20", "300000000"]), FORMAT_PERCENT)],
      ],
    };
    const book = new FakeWorkbook({ selection: "D10" });
    expect((await createExcelAdapter(book.run, book.isSetSupported).insertPlan(plan, "selection")).status).toBe("inserted");
    expect(book.sheet("Sheet1").cell("E11")?.formula).toBe("=MINERDEBT.DILUTION($E$10,20,300000000)");
    expect(book.sheet("Sheet1").cell("E11")?.numberFormat).toBe("0.00%");
  });

  test("a chart is bound to the plan's data range and placed over its cells", async () => {
    const plan: InsertPlan = {
      label: "Summary",
      cells: [
        [textCell("Quarter"), textCell("Convertible"), EMPTY, EMPTY],
        [textCell("2025Q1"), numberCell(5), EMPTY, EMPTY],
        [textCell("2025Q2"), numberCell(7), EMPTY, EMPTY],
      ],
      charts: [{ type: "columnStacked", title: "By quarter", name: "MinerDebtChart", data: { row: 0, col: 0, rows: 3, cols: 2 }, seriesBy: "columns", position: { row: 0, col: 2, rows: 3, cols: 2 }, valueAxisFormat: FORMAT_USD_MILLIONS }],
    };
    const book = new FakeWorkbook({ selection: "B2" });
    expect((await createExcelAdapter(book.run, book.isSetSupported).insertPlan(plan, "selection")).status).toBe("inserted");
    expect(book.sheet("Sheet1").charts).toEqual([
      { name: "MinerDebtChart", type: "ColumnStacked", dataRect: { row: 1, col: 1, rows: 3, cols: 2 }, seriesBy: "Columns", title: "By quarter", position: ["D2", "E4"], valueAxisFormat: FORMAT_USD_MILLIONS, legendPosition: "Bottom" },
    ]);
    expect(book.syncCount).toBe(2);
  });
});

describe("Excel adapter: the Then vs now comparison", () => {
  test("writes the live CYCLES formula, pre-formats its spill area and binds a 100% stacked bar chart to its first seven columns", async () => {
    const plan = cyclesComparisonPlan({ cycles: 2, version: datasetVersion() });
    const book = new FakeWorkbook({ selection: "B2" });
    const result = await createExcelAdapter(book.run, book.isSetSupported).insertPlan(plan, "selection");
    expect(result.status).toBe("inserted");
    const sheet = book.sheet("Sheet1");
    expect(sheet.cell("B3")?.formula).toBe("=MINERDEBT.CYCLES()");
    // Spill rows (B4:Z5): class shares as %, financings as a count, the amount in $m.
    expect(sheet.cell("C4")?.numberFormat).toBe("0.0%");
    expect(sheet.cell("I5")?.numberFormat).toBe("#,##0");
    expect(sheet.cell("J5")?.numberFormat).toBe('$#,##0.0,,"m"');
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]).toMatchObject({ type: "BarStacked100", dataRect: { row: 2, col: 1, rows: 3, cols: 7 }, seriesBy: "Columns", valueAxisFormat: "0%" });
    expect(book.syncCount).toBe(2);
  });

  test("the fake refuses a chart type Excel does not have (so a wrong mapping fails here)", async () => {
    const plan = cyclesComparisonPlan({ cycles: 2, version: datasetVersion() });
    const wrong = { ...plan, charts: plan.charts!.map((chart) => ({ ...chart, type: "stacked100" as never })) };
    const book = new FakeWorkbook({ selection: "B2" });
    const result = await createExcelAdapter(book.run, book.isSetSupported).insertPlan(wrong, "selection");
    expect(result.status).toBe("error");
    // The same plan with its real type goes in: only the chart type made the difference.
    expect((await createExcelAdapter(book.run, book.isSetSupported).insertPlan(plan, "selection")).status).toBe("inserted");
    expect(book.sheet("Sheet1").charts.map((chart) => chart.type)).toEqual(["BarStacked100"]);
  });
});

describe("Excel adapter: failures leave the sheet as it was", () => {
  test("cell-edit mode on a host that ignores delayForCellEdit: the read fails, nothing is written, the message says what to do", async () => {
    const book = new FakeWorkbook();
    book.cellEditMode = true;
    const ignoringOptions = <T>(_options: unknown, batch: (context: Excel.RequestContext) => Promise<T>) => book.run(batch);
    const result = await createExcelAdapter(ignoringOptions, book.isSetSupported).insertPlan(tablePlan(3), "selection");
    expect(result).toEqual({ status: "error", code: "InvalidOperationInCellEditMode", message: expect.stringMatching(/Press Enter or Esc/) });
    expect(book.sheet("Sheet1").cells.size).toBe(0);
  });

  test("a protected sheet is detected before writing", async () => {
    const book = new FakeWorkbook();
    book.sheet("Sheet1").protected = true;
    const result = await createExcelAdapter(book.run, book.isSetSupported).insertPlan(tablePlan(3), "selection");
    expect(result.status).toBe("error");
    if (result.status === "error") {
      expect(result.code).toBe("SheetProtected");
      expect(result.message).toMatch(/protected/);
    }
    expect(book.applied).toEqual([]);
  });

  test.each(["hyperlink", "tables.add", "charts.add", "select"])("the write sync failing at %s: the partial insert is removed", async (op) => {
    const book = new FakeWorkbook({ selection: "B3" });
    const sheet = book.sheet("Sheet1");
    sheet.ensure(0, 0).value = "A1 stays";
    sheet.ensure(20, 1).numberFormat = "0.0"; // formatting outside the footprint stays
    const before = sheet.snapshot();
    const plan = tablePlan(4);
    const withChart: InsertPlan = {
      ...plan,
      charts: [{ type: "columnStacked", title: "t", name: "MinerDebtChart", data: { row: 1, col: 0, rows: 5, cols: 2 }, seriesBy: "columns", position: { row: 1, col: 2, rows: 3, cols: 2 } }],
    };
    book.failOn = { op, code: "GeneralException" };
    const result = await createExcelAdapter(book.run, book.isSetSupported).insertPlan(withChart, "selection");
    expect(result.status).toBe("error");
    if (result.status === "error") {
      expect(result.code).toBe("GeneralException");
      expect(result.message).toMatch(/the sheet is as it was/);
    }
    expect(sheet.snapshot()).toBe(before);
    expect(book.applied.length).toBeGreaterThan(0); // the fake did apply a partial batch, and it was undone
  });

  test("if the clean-up fails too, the message says which cells may hold a partial insert", async () => {
    const book = new FakeWorkbook({ selection: "B3" });
    book.failOn = { op: "tables.add", code: "GeneralException" };
    book.afterFailure = () => {
      book.sheet("Sheet1").protected = true; // the clean-up's clear is refused
    };
    const result = await createExcelAdapter(book.run, book.isSetSupported).insertPlan(tablePlan(2), "selection");
    expect(result).toEqual({ status: "error", code: "GeneralException", message: expect.stringMatching(/Sheet1!B3:F6 may have been written: undo \(Ctrl\+Z\)/) });
  });

  test("a failure while writing to a new sheet removes that sheet", async () => {
    const book = new FakeWorkbook();
    book.failOn = { op: "table.style", code: "AccessDenied" };
    const result = await createExcelAdapter(book.run, book.isSetSupported).insertPlan(tablePlan(2), "newSheet");
    expect(result.status).toBe("error");
    if (result.status === "error") expect(result.message).toMatch(/protected or read-only/);
    expect(book.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  test("no room at the sheet's edge: an error, no writes", async () => {
    const book = new FakeWorkbook({ selection: "A1048575" });
    const result = await createExcelAdapter(book.run, book.isSetSupported).insertPlan(tablePlan(3), "selection");
    expect(result.status).toBe("error");
    expect(book.applied).toEqual([]);
  });

  test("a malformed plan is refused before Excel is touched", async () => {
    const book = new FakeWorkbook();
    const bad: InsertPlan = { label: "Bad", cells: [[textCell("a")], [textCell("b"), textCell("c")]] };
    const result = await createExcelAdapter(book.run, book.isSetSupported).insertPlan(bad, "selection");
    expect(result).toEqual({ status: "error", code: "InvalidPlan", message: expect.stringMatching(/row 2 has 2 cells/) });
    expect(book.runCount).toBe(0);
  });
});

describe("Excel adapter: insertFormulaAtSelection and selectedAddress", () => {
  test("writes a MINERDEBT formula into an empty selected cell", async () => {
    const book = new FakeWorkbook({ selection: "C3:D4" });
    const adapter = createExcelAdapter(book.run, book.isSetSupported);
    expect(await adapter.selectedAddress()).toBe("Sheet1!C3:D4");
    const result = await adapter.insertFormulaAtSelection("=MINERDEBT.VERSION()", "selection");
    expect(result).toEqual({ status: "inserted", address: "Sheet1!C3", sheet: "Sheet1" });
    expect(book.sheet("Sheet1").cell("C3")?.formula).toBe("=MINERDEBT.VERSION()");
    expect(book.syncCount).toBe(1 + 2);
  });

  test("refuses to overwrite the selected cell", async () => {
    const book = new FakeWorkbook({ selection: "C3" });
    book.sheet("Sheet1").ensure(2, 2).value = 42;
    const result = await createExcelAdapter(book.run, book.isSetSupported).insertFormulaAtSelection("=MINERDEBT.VERSION()", "selection");
    expect(result.status).toBe("conflict");
    expect(book.sheet("Sheet1").valueAt("C3")).toBe(42);
  });

  test("refuses anything but a MINERDEBT formula", async () => {
    const book = new FakeWorkbook();
    const result = await createExcelAdapter(book.run, book.isSetSupported).insertFormulaAtSelection("=WEBSERVICE(\"https://x\")", "selection");
    expect(result.status).toBe("error");
    expect(book.runCount).toBe(0);
  });
});
