// The preview's formula engine and workbook, with a stand-in functions module (the real one runs in
// the end-to-end suite): Excel's argument and result conventions, errors, spills that follow their
// inputs, and the preview adapter's no-overwrite rule.
import { CustomFunctionError, ErrorCode } from "../../src/preview/custom-functions-shim";
import { HIDDEN_MESSAGE_PREFIX, registerCustomFunctions, resolveFunctions, type CustomFunctionsMetadataFile } from "../../src/preview/formula-engine";
import { createPreviewAdapter } from "../../src/preview/preview-adapter";
import { PreviewWorkbook } from "../../src/preview/workbook";
import { formatValue } from "../../src/preview/number-format";

const calls: unknown[][] = [];

const standIn = {
  echo: (...args: unknown[]) => {
    calls.push(args);
    return JSON.stringify(args);
  },
  rows: (count: unknown) => {
    const n = Number(count);
    if (!Number.isInteger(n) || n < 1) throw new CustomFunctionError(ErrorCode.invalidValue, `count must be a whole number ≥ 1, got ${String(count)}`);
    return [["n", "square"], ...Array.from({ length: n }, (_, i) => [i + 1, (i + 1) ** 2])];
  },
  fail: (code: unknown) => {
    if (code === "bug") throw new Error("boom");
    if (code === "nan") return Number.NaN;
    throw new CustomFunctionError(String(code), `failed with ${String(code)}`);
  },
  sum: (matrix: unknown) => (matrix as number[][]).flat().reduce((total, value) => total + (typeof value === "number" ? value : 0), 0),
  wide: () => [[1, 2]],
};

const metadata: CustomFunctionsMetadataFile = {
  functions: [
    { id: "ECHO", name: "ECHO", parameters: [{ name: "a" }, { name: "b", optional: true }, { name: "c", optional: true }] },
    { id: "ROWS", name: "ROWS", parameters: [{ name: "count" }], result: { dimensionality: "matrix" } },
    { id: "FAIL", name: "FAIL", parameters: [{ name: "code" }] },
    { id: "SUM", name: "SUM", parameters: [{ name: "matrix", dimensionality: "matrix" }] },
    { id: "WIDE", name: "WIDE", parameters: [] },
  ],
};

registerCustomFunctions(resolveFunctions(metadata, { exports: standIn, associations: new Map() }));

function sheetWith(inputs: Record<string, string>): { workbook: PreviewWorkbook; sheet: number } {
  const workbook = new PreviewWorkbook();
  const sheet = workbook.activeSheet;
  for (const [address, text] of Object.entries(inputs)) {
    const col = address.charCodeAt(0) - 65;
    const row = Number(address.slice(1)) - 1;
    workbook.enterInput(sheet, row, col, text);
  }
  return { workbook, sheet };
}

describe("arguments, as Excel passes them", () => {
  test("omitted optional arguments arrive as null; empty cells as null; a one-cell reference as its value", () => {
    const { workbook, sheet } = sheetWith({ A1: "7", C1: '=MINERDEBT.ECHO(A1)', C2: "=MINERDEBT.ECHO(B1,,5)", C3: '=MINERDEBT.ECHO(TRUE,"x")' });
    expect(workbook.value(sheet, 0, 2)).toBe("[7,null,null]");
    expect(workbook.view(sheet, 1, 2)).toMatchObject({ text: "[null,null,5]" });
    expect(workbook.value(sheet, 2, 2)).toBe('[true,"x",null]');
  });

  test("a range for a matrix parameter arrives as a 2-D array", () => {
    const { workbook, sheet } = sheetWith({ A1: "1", A2: "2", B1: "3", B2: "x", C1: "=MINERDEBT.SUM(A1:B2)" });
    expect(workbook.value(sheet, 0, 2)).toBe(6);
  });

  test("an error in an argument propagates without calling the function", () => {
    const before = calls.length;
    const { workbook, sheet } = sheetWith({ A1: "=1/0", B1: "=MINERDEBT.ECHO(A1)" });
    expect(workbook.value(sheet, 0, 1)).toBe("#DIV/0!");
    expect(calls.length).toBe(before);
  });

  test("dates are Excel 1900-system serials; TRUE and FALSE are literals", () => {
    // Serials as Excel gives them: 1900-01-01 is 1, 1900-03-01 is 61 (after Excel's 1900-02-29), 2025-03-31 is 45747.
    const { workbook, sheet } = sheetWith({ A1: "2025-03-31", A2: "=DATE(1900,1,1)", A3: "=DATE(1900,3,1)", A4: "=IF(TRUE,1,2)", A5: "=NOT(FALSE)" });
    expect([0, 1, 2, 3, 4].map((row) => workbook.value(sheet, row, 0))).toEqual([45747, 1, 61, 1, true]);
    expect(workbook.view(sheet, 0, 0).text).toBe("2025-03-31");
  });

  test("function names are case-insensitive, unknown ones are #NAME?", () => {
    const { workbook, sheet } = sheetWith({ A1: "=minerdebt.echo(1)", A2: "=MINERDEBT.NOPE(1)" });
    expect(workbook.value(sheet, 0, 0)).toBe("[1,null,null]");
    expect(workbook.value(sheet, 1, 0)).toBe("#NAME?");
  });
});

describe("errors, as Excel shows them", () => {
  test("#VALUE! and #N/A keep the function's message", () => {
    const { workbook, sheet } = sheetWith({ A1: "=MINERDEBT.ROWS(0)", A2: `=MINERDEBT.FAIL("${ErrorCode.notAvailable}")` });
    const bad = workbook.view(sheet, 0, 0);
    expect(bad).toMatchObject({ text: "#VALUE!", kind: "error", message: "count must be a whole number ≥ 1, got 0" });
    expect(workbook.view(sheet, 1, 0)).toMatchObject({ text: "#N/A", message: "failed with #N/A" });
  });

  test("Excel drops the message of other codes: the preview says so", () => {
    const { workbook, sheet } = sheetWith({ A1: `=MINERDEBT.FAIL("${ErrorCode.invalidNumber}")` });
    const view = workbook.view(sheet, 0, 0);
    expect(view.text).toBe("#NUM!");
    expect(view.message).toBe(`${HIDDEN_MESSAGE_PREFIX}failed with #NUM!`);
  });

  test("an unhandled exception is a bare #VALUE!; NaN is #NUM!", () => {
    const { workbook, sheet } = sheetWith({ A1: '=MINERDEBT.FAIL("bug")', A2: '=MINERDEBT.FAIL("nan")' });
    expect(workbook.view(sheet, 0, 0)).toMatchObject({ text: "#VALUE!", message: "A value used in the formula is of the wrong data type." });
    expect(workbook.view(sheet, 1, 0).text).toBe("#NUM!");
  });

  test("a table from a function whose metadata declares a single value is #VALUE!", () => {
    const { workbook, sheet } = sheetWith({ A1: "=MINERDEBT.WIDE()" });
    expect(workbook.view(sheet, 0, 0).text).toBe("#VALUE!");
    expect(workbook.view(sheet, 0, 0).message).toMatch(/declares a single value/);
  });
});

describe("spills", () => {
  test("a table result spills; dependants read the spilled cells", () => {
    const { workbook, sheet } = sheetWith({ A1: "3", B1: "=MINERDEBT.ROWS(A1)", E1: "=SUM(C2:C10)" });
    expect([0, 1, 2, 3].map((row) => workbook.value(sheet, row, 1))).toEqual(["n", 1, 2, 3]);
    expect(workbook.value(sheet, 3, 2)).toBe(9);
    expect(workbook.value(sheet, 0, 4)).toBe(1 + 4 + 9);
    expect(workbook.view(sheet, 2, 2).spilled).toBe(true);
  });

  test("when the input changes, the spill grows and shrinks with the result", () => {
    const { workbook, sheet } = sheetWith({ A1: "2", B1: "=MINERDEBT.ROWS(A1)", E1: "=SUM(C2:C10)" });
    workbook.enterInput(sheet, 0, 0, "5");
    expect(workbook.value(sheet, 5, 2)).toBe(25);
    expect(workbook.value(sheet, 0, 4)).toBe(1 + 4 + 9 + 16 + 25);
    workbook.enterInput(sheet, 0, 0, "1");
    expect(workbook.value(sheet, 1, 2)).toBe(1);
    expect(workbook.value(sheet, 2, 1)).toBeNull();
    expect(workbook.value(sheet, 0, 4)).toBe(1);
  });

  test("a blocked spill is #SPILL!; clearing the blocker spills again", () => {
    const { workbook, sheet } = sheetWith({ B3: "x", B1: "=MINERDEBT.ROWS(3)" });
    expect(workbook.value(sheet, 0, 1)).toBe("#SPILL!");
    workbook.clear(sheet, { row: 2, col: 1, rows: 1, cols: 1 });
    expect(workbook.value(sheet, 2, 1)).toBe(2);
  });

  test("an error result shows in the formula cell only", () => {
    const { workbook, sheet } = sheetWith({ A1: "3", B1: "=MINERDEBT.ROWS(A1)" });
    workbook.enterInput(sheet, 0, 0, "0");
    expect(workbook.value(sheet, 0, 1)).toBe("#VALUE!");
    expect(workbook.value(sheet, 1, 1)).toBeNull();
  });
});

describe("number formats (Excel's rendering)", () => {
  test.each([
    [1234500000, '$#,##0.0,,"m"', "$1,234.5m"],
    [0.0375, "0.00%", "3.75%"],
    [45747, "yyyy-mm-dd", "2025-03-31"],
    [12.5, "$#,##0.00##", "$12.50"],
    [12.34567, "$#,##0.00##", "$12.3457"],
    [-5, "#,##0;(#,##0)", "(5)"],
    [123456789012, "General", "1.23457E+11"],
    [0.1 + 0.2, "General", "0.3"],
  ])("%p with %p shows %p", (value, format, shown) => {
    expect(formatValue(value, format)).toBe(shown);
  });
});

describe("preview adapter", () => {
  const plan = {
    label: "Test block",
    cells: [
      [{ kind: "text" as const, value: "=1+2" }, { kind: "number" as const, value: 0.25, format: "0.0%" }],
      [{ kind: "formula" as const, parts: ["=MINERDEBT.ROWS(2)"] }, { kind: "empty" as const }],
    ],
    hyperlinks: [],
  };

  test("writes at the selection: text stays text, numbers get their format, formulas evaluate", async () => {
    const workbook = new PreviewWorkbook();
    const adapter = createPreviewAdapter(workbook);
    workbook.select({ row: 4, col: 2 });
    const result = await adapter.insertPlan(plan, "selection");
    expect(result).toEqual({ status: "inserted", address: "Sheet1!C5:D6", sheet: "Sheet1" });
    const sheet = workbook.activeSheet;
    expect(workbook.value(sheet, 4, 2)).toBe("=1+2");
    expect(workbook.view(sheet, 4, 3).text).toBe("25.0%");
    expect(workbook.value(sheet, 6, 2)).toBe(1);
    expect(await adapter.selectedAddress()).toBe("Sheet1!C5:D6");
  });

  test("an occupied footprint is a conflict and nothing is written; a new sheet is named MinerDebt", async () => {
    const workbook = new PreviewWorkbook();
    const adapter = createPreviewAdapter(workbook);
    const sheet = workbook.activeSheet;
    workbook.enterInput(sheet, 1, 1, "keep");
    const conflict = await adapter.insertPlan(plan, "selection");
    expect(conflict.status).toBe("conflict");
    expect(workbook.value(sheet, 0, 0)).toBeNull();
    expect(workbook.value(sheet, 1, 1)).toBe("keep");
    const placed = await adapter.insertPlan(plan, "newSheet");
    expect(placed).toEqual({ status: "inserted", address: "MinerDebt!A1:B2", sheet: "MinerDebt" });
    const second = await adapter.insertPlan(plan, "newSheet");
    expect(second).toMatchObject({ status: "inserted", sheet: "MinerDebt (2)", address: "'MinerDebt (2)'!A1:B2" });
  });

  test("only MINERDEBT formulas are inserted at the selection", async () => {
    const adapter = createPreviewAdapter(new PreviewWorkbook());
    expect(await adapter.insertFormulaAtSelection("=SUM(1,2)", "selection")).toMatchObject({ status: "error", code: "InvalidPlan" });
  });
});

describe("the MinerDebtDeals table in the preview (issue 16)", () => {
  const columns = [
    { name: "id", numberFormat: "@" },
    { name: "amount_usd", numberFormat: "#,##0" },
    { name: "notes", numberFormat: "@" },
  ];

  test("create puts the table on its own sheet; MinerDebtDeals[#All] in a formula reads it and follows its growth", async () => {
    const workbook = new PreviewWorkbook();
    const adapter = createPreviewAdapter(workbook);
    const first = workbook.activeSheet;
    workbook.enterInput(first, 0, 0, "=MINERDEBT.SUM(MinerDebtDeals[#All])");
    expect(workbook.value(first, 0, 0)).toBe("#NAME?");
    expect(await adapter.readDealsTable!()).toEqual({ status: "absent" });
    const created = await adapter.createDealsTable!(columns, ["WULF-2025-08-CVT-2031", 1000, "=1+1"]);
    expect(created).toEqual({ status: "created", sheet: "MinerDebt Deals", address: "MinerDebt Deals!A1:C2" });
    expect((await adapter.createDealsTable!(columns, ["X", 1, ""])).status).toBe("exists");
    const deals = workbook.sheetByName("MinerDebt Deals")!.id;
    // Text stays text, even when it looks like a formula.
    expect(workbook.value(deals, 1, 2)).toBe("=1+1");
    workbook.enterInput(first, 1, 0, "=MINERDEBT.SUM(MinerDebtDeals[#All])");
    expect(workbook.value(first, 1, 0)).toBe(1000);
    expect(await adapter.appendDealRow!({ id: "TEST-2026-11-CVT-2031", amount_usd: 500 })).toEqual({ status: "appended", row: 3 });
    expect(workbook.value(first, 1, 0)).toBe(1500);
    const read = await adapter.readDealsTable!();
    expect(read).toMatchObject({ status: "found", address: "'MinerDebt Deals'!A1:C3" });
    if (read.status === "found") expect(read.values[2]).toEqual(["TEST-2026-11-CVT-2031", 500, ""]);
    expect((await adapter.appendDealRow!({ id: "X", other: "y" })).status).toBe("error");
  });
});

test("a second table gets a name Excel allows but that reads like a cell address (MinerDebtOfferings2); [#All] still reads it", async () => {
  const workbook = new PreviewWorkbook();
  const adapter = createPreviewAdapter(workbook);
  const tablePlan = {
    label: "Table",
    cells: [
      [{ kind: "text" as const, value: "amount" }],
      [{ kind: "number" as const, value: 5 }],
      [{ kind: "number" as const, value: 7 }],
    ],
    hyperlinks: [],
    tables: [{ name: "MinerDebtOfferings", style: "TableStyleMedium2", range: { row: 0, col: 0, rows: 3, cols: 1 } }],
  };
  expect((await adapter.insertPlan(tablePlan, "selection")).status).toBe("inserted");
  const placed = await adapter.insertPlan(tablePlan, "newSheet");
  expect(placed).toEqual({ status: "inserted", address: "MinerDebt!A1:A3", sheet: "MinerDebt" });
  expect(workbook.tableNames()).toEqual(["MinerDebtOfferings", "MinerDebtOfferings2"]);
  const sheet = workbook.activeSheet;
  workbook.enterInput(sheet, 5, 0, "=SUM(MinerDebtOfferings2[#All])");
  expect(workbook.value(sheet, 5, 0)).toBe(12);
});
