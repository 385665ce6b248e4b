/**
 * Issue 14: what a first real sideload hits that the fake did not model before. Each test
 * sets the fake (support/fakeExcel.ts) up the way real Excel behaves — sources in
 * docs/taskpane.md "Excel platform behaviour" — and checks the adapter copes.
 */
import { allFinancings, datasetVersion, loadSourceLinks } from "../../src/data";
import { createExcelAdapter, describeExcelError } from "../../src/taskpane/excel/excelAdapter";
import { REQUIRED_EXCEL_API } from "../../src/taskpane/excel/requirements";
import { offeringsTablePlan } from "../../src/taskpane/plans/offeringsTable";
import { EMPTY, numberCell, textCell } from "../../src/taskpane/plans/cells";
import type { InsertPlan } from "../../src/taskpane/plans/types";
import { FakeWorkbook, autofitWidth, parseRect } from "./support/fakeExcel";

beforeAll(() => loadSourceLinks());

function realTablePlan(n = 5): InsertPlan {
  return offeringsTablePlan({ records: allFinancings().slice(0, n), version: datasetVersion(), filters: "test" });
}

/** A small table under a long note, with a chart: the shape of the quarterly summary insert. */
function noteTableChartPlan(): InsertPlan {
  return {
    label: "Summary",
    cells: [
      [textCell("N".repeat(300)), EMPTY, EMPTY, EMPTY],
      [textCell("Quarter"), textCell("Convertible"), EMPTY, EMPTY],
      [textCell("2025Q1"), numberCell(5), EMPTY, EMPTY],
      [textCell("2025Q2"), numberCell(7), EMPTY, EMPTY],
    ],
    styles: [{ range: { row: 0, col: 0, rows: 1, cols: 4 }, role: "note" }],
    tables: [{ name: "MinerDebtQuarterly", style: "TableStyleMedium2", range: { row: 1, col: 0, rows: 3, cols: 2 } }],
    autofit: { row: 1, col: 0, rows: 3, cols: 2 },
    charts: [{ type: "columnStacked", title: "By quarter", name: "MinerDebtChart", data: { row: 1, col: 0, rows: 3, cols: 2 }, seriesBy: "columns", position: { row: 1, col: 2, rows: 3, cols: 2 } }],
  };
}

function adapterFor(book: FakeWorkbook) {
  return createExcelAdapter(book.run, book.isSetSupported);
}

describe("1. autofit sizes whole columns", () => {
  test("the provenance note above the table does not stretch its column", async () => {
    const book = new FakeWorkbook({ selection: "A1" });
    const plan = realTablePlan();
    const result = await adapterFor(book).insertPlan(plan, "selection");
    expect(result.status).toBe("inserted");
    const sheet = book.sheet("Sheet1");
    const note = String(sheet.valueAt("A1"));
    expect(note.length).toBeGreaterThan(200); // the note is written, in full
    // Column A is as wide as its widest table cell (header and ids), not as the note.
    const tableCells: string[] = [];
    for (let row = 2; row <= plan.cells.length; row++) tableCells.push(String(sheet.valueAt(`A${row}`)));
    const widest = Math.max(...tableCells.map(autofitWidth));
    expect(sheet.columnWidths.get(0)).toBe(widest);
    expect(widest).toBeLessThan(autofitWidth(note) / 2);
  });

  test("the same for a plan with a chart beside a small table", async () => {
    const book = new FakeWorkbook({ selection: "B2" });
    expect((await adapterFor(book).insertPlan(noteTableChartPlan(), "selection")).status).toBe("inserted");
    expect(book.sheet("Sheet1").columnWidths.get(1)).toBe(Math.max(autofitWidth("Quarter"), autofitWidth("2025Q1")));
    expect(book.syncCount).toBe(2);
  });
});

describe("3. insert on a new sheet", () => {
  test("the new sheet is activated after a sync, the table is on it and the block selected (3 syncs)", async () => {
    const book = new FakeWorkbook({ sheets: ["Sheet1"], selection: "D4" });
    const result = await adapterFor(book).insertPlan(noteTableChartPlan(), "newSheet");
    expect(result).toEqual({ status: "inserted", address: "MinerDebt!A1:D4", sheet: "MinerDebt" });
    expect(book.activeSheet).toBe("MinerDebt");
    expect(book.selection).toBe("A1:D4");
    expect(book.sheet("MinerDebt").tables.map((t) => t.name)).toEqual(["MinerDebtQuarterly"]);
    expect(book.sheet("Sheet1").tables).toEqual([]);
    expect(book.sheet("MinerDebt").charts).toHaveLength(1);
    expect(book.syncCount).toBe(3);
  });

  test("a bare address string for tables.add would land on the active sheet (the fake models Excel)", async () => {
    const book = new FakeWorkbook({ sheets: ["Sheet1", "Other"], active: "Sheet1" });
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("Other").tables.add("A1:B3", true);
      await context.sync();
    });
    expect(book.sheet("Sheet1").tables).toHaveLength(1);
    expect(book.sheet("Other").tables).toHaveLength(0);
  });
});

describe("5. cell-edit mode", () => {
  test("the insert waits while a cell is being edited, then goes ahead", async () => {
    const book = new FakeWorkbook({ selection: "B2" });
    book.cellEditMode = true;
    const pending = adapterFor(book).insertPlan(realTablePlan(2), "selection");
    const first = await Promise.race([pending.then((result) => ({ finished: result })), book.whenWaitingForCellEdit().then(() => "waiting" as const)]);
    expect(first).toBe("waiting");
    expect(book.sheet("Sheet1").cells.size).toBe(0);
    book.endCellEdit();
    expect((await pending).status).toBe("inserted");
    expect(book.runOptions.every((options) => options.delayForCellEdit === true)).toBe(true);
  });

  test.each(["InvalidOperationInCellEditMode", "InvalidOperation"])("%s gets the edit-mode advice", (code) => {
    expect(describeExcelError({ code, message: "x" }).message).toMatch(/Press Enter or Esc/);
  });
});

describe("6. a failed write keeps what was in the footprint before", () => {
  test("formats already in the footprint survive the clean-up; the insert's values, table and chart go", async () => {
    const book = new FakeWorkbook({ selection: "B2" });
    const sheet = book.sheet("Sheet1");
    const kept = sheet.ensure(2, 1); // B3, inside the footprint, empty but formatted
    kept.fill = "#FFFF00";
    kept.bold = true;
    book.failOn = { op: "charts.add", code: "GeneralException" };
    const result = await adapterFor(book).insertPlan(noteTableChartPlan(), "selection");
    expect(result).toEqual({ status: "error", code: "GeneralException", message: expect.stringMatching(/removed/) });
    expect(sheet.cell("B3")).toEqual(expect.objectContaining({ fill: "#FFFF00", bold: true, value: "" }));
    expect(sheet.nonEmpty()).toEqual([]);
    expect(sheet.tables).toEqual([]);
    expect(sheet.charts).toEqual([]);
    expect([...sheet.cells.values()].every((cell) => cell.hyperlink === null)).toBe(true);
  });

  test("merged cells in the footprint are a conflict found in the read, and stay merged", async () => {
    const book = new FakeWorkbook({ selection: "B2" });
    const sheet = book.sheet("Sheet1");
    sheet.merges.push(parseRect("C4:D4"));
    const before = sheet.snapshot();
    const result = await adapterFor(book).insertPlan(noteTableChartPlan(), "selection");
    expect(result.status).toBe("conflict");
    if (result.status === "conflict") expect(result.message).toMatch(/merged cells \(Sheet1!C4:D4\)/);
    expect(book.applied).toEqual([]);
    expect(book.syncCount).toBe(1);
    expect(sheet.snapshot()).toBe(before);
  });

  test("a client without ExcelApi 1.13 cannot check merges: the write fails with a clear message and the merge stays", async () => {
    const book = new FakeWorkbook({ selection: "B2", apiVersion: "1.12" });
    const sheet = book.sheet("Sheet1");
    sheet.merges.push(parseRect("B3:C3"));
    const result = await adapterFor(book).insertPlan(noteTableChartPlan(), "selection");
    expect(result).toEqual({ status: "error", code: "MergedRangeConflict", message: expect.stringMatching(/merged cells.*removed/s) });
    expect(sheet.merges).toEqual([parseRect("B3:C3")]);
    expect(sheet.nonEmpty()).toEqual([]);
  });
});

describe("7. requirement sets", () => {
  test(`a client older than ExcelApi ${REQUIRED_EXCEL_API} gets a message instead of a failing insert`, async () => {
    const book = new FakeWorkbook({ apiVersion: "1.8" });
    const adapter = adapterFor(book);
    expect(adapter.isAvailable).toBe(false);
    expect(adapter.unavailableReason).toMatch(/ExcelApi 1\.9/);
    const result = await adapter.insertPlan(realTablePlan(2), "selection");
    expect(result).toEqual({ status: "error", code: "NoWorkbook", message: expect.stringMatching(/ExcelApi 1\.9/) });
    expect(book.runCount).toBe(0);
  });

  test("ExcelApi 1.9 to 1.12: inserts work without the optional merged-cells check", async () => {
    const book = new FakeWorkbook({ selection: "C3", apiVersion: "1.9" });
    expect((await adapterFor(book).insertPlan(realTablePlan(3), "selection")).status).toBe("inserted");
    expect(book.syncCount).toBe(2);
  });
});

describe("9. a selection that is not a range", () => {
  test.each(["chart", "shape", "multipleAreas"] as const)("with a %s selected, the insert goes to the active cell", async (kind) => {
    const book = new FakeWorkbook({ selection: "E7", activeCell: "E7", selectionKind: kind });
    const adapter = adapterFor(book);
    const result = await adapter.insertPlan(realTablePlan(2), "selection");
    expect(result).toEqual(expect.objectContaining({ status: "inserted", sheet: "Sheet1" }));
    if (result.status === "inserted") expect(result.address.startsWith("Sheet1!E7:")).toBe(true);
  });

  test("selectedAddress falls back to the active cell", async () => {
    const book = new FakeWorkbook({ selection: "B2:C9", activeCell: "C9", selectionKind: "chart" });
    expect(await adapterFor(book).selectedAddress()).toBe("Sheet1!C9");
  });

  test("the active cell beats the selection's top-left when a range is selected from its bottom-right", async () => {
    const book = new FakeWorkbook({ selection: "B2:D5", activeCell: "D5" });
    const result = await adapterFor(book).insertFormulaAtSelection("=MINERDEBT.VERSION()", "selection");
    expect(result).toEqual({ status: "inserted", address: "Sheet1!D5", sheet: "Sheet1" });
  });

  test("no cell at all (another window has the focus): say what to select", () => {
    expect(describeExcelError({ code: "InvalidSelection", message: "The current selection is invalid for this operation." }).message).toMatch(/Click a cell/);
  });
});
