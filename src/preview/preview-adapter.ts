// The task pane's WorkbookAdapter for the preview page: executes the same insert plans the Excel
// adapter does (placed by the shared layoutPlan), but into the preview's HyperFormula workbook.
// Same contract: the block goes at the selection's top-left cell, or A1 of a new "MinerDebt" sheet;
// an occupied footprint or an overlapped table is a conflict and nothing is written; one insert is
// one batch and a failure leaves the workbook as it was.
import type { RawCellContent } from "hyperformula";
import type { InsertPlan } from "../taskpane/plans/types";
import { PlanError, layoutPlan, parseTopLeft, uniqueName, uniqueSheetName, type PlanLayout } from "../taskpane/plans/layout";
import type { DealsRowAppendResult, DealsTableCreateResult, DealsTableRead, InsertResult, InsertTarget, WorkbookAdapter } from "../taskpane/excel/workbook";
import { DEALS_SHEET_BASE_NAME, DEALS_TABLE_NAME } from "../taskpane/excel/dealsTable";
import type { DealsTableColumn } from "../taskpane/plans/dealsTable";
import { NEW_SHEET_BASE_NAME } from "../taskpane/excel/excelAdapter";
import { rectToA1, rectsOverlap, sheetReference, type PreviewWorkbook, type Rect } from "./workbook";

function rectFromAddress(address: string): Rect {
  const [first, last = first] = address.split(":");
  const start = parseTopLeft(first);
  const end = parseTopLeft(last);
  if (!start || !end) throw new PlanError(`Bad address ${address}`);
  return {
    row: start.position.row,
    col: start.position.col,
    rows: end.position.row - start.position.row + 1,
    cols: end.position.col - start.position.col + 1,
  };
}

/** Column width in characters → pixels of the preview grid (about 7 px per character of its font). */
const PIXELS_PER_CHARACTER = 7;

function contentsOf(layout: PlanLayout): RawCellContent[][] {
  return layout.values.map((row, r) =>
    row.map((value, c) => {
      if (value === null) return undefined as unknown as RawCellContent;
      // Text cells are text even when they look like a formula or a number ("@" in Excel).
      if (typeof value === "string" && layout.numberFormats[r][c] === "@") return `'${value}`;
      return value;
    }),
  );
}

export interface PreviewAdapterOptions {
  /** Called after every successful insert (the page uses it to scroll the grid to the block). */
  onInserted?: (sheet: number, block: Rect) => void;
}

export function createPreviewAdapter(workbook: PreviewWorkbook, options: PreviewAdapterOptions = {}): WorkbookAdapter {
  function write(sheet: number, layout: PlanLayout, block: Rect, tableNames: string[], chartNames: string[]): void {
    workbook.writeBlock(sheet, { row: block.row, col: block.col }, contentsOf(layout));
    layout.numberFormats.forEach((row, r) =>
      row.forEach((format, c) => {
        if (format !== null) workbook.setFormat(sheet, block.row + r, block.col + c, format);
      }),
    );
    for (const style of layout.styles) workbook.setRole(sheet, rectFromAddress(style.address), style.role);
    layout.tables.forEach((table, index) => workbook.addTable(sheet, { name: tableNames[index], style: table.style, rect: rectFromAddress(table.address) }));
    for (const link of layout.hyperlinks) {
      const at = rectFromAddress(link.address);
      workbook.setHyperlink(sheet, at.row, at.col, link.url);
    }
    layout.charts.forEach((chart, index) => {
      const topLeft = rectFromAddress(chart.topLeft);
      const bottomRight = rectFromAddress(chart.bottomRight);
      workbook.addChart(sheet, {
        name: chartNames[index],
        type: chart.type,
        title: chart.title,
        data: rectFromAddress(chart.dataAddress),
        seriesBy: chart.seriesBy,
        position: { row: topLeft.row, col: topLeft.col, rows: bottomRight.row - topLeft.row + 1, cols: bottomRight.col - topLeft.col + 1 },
        ...(chart.valueAxisFormat ? { valueAxisFormat: chart.valueAxisFormat } : {}),
      });
    });
    workbook.settle();
    if (layout.autofitAddress) workbook.autofit(sheet, rectFromAddress(layout.autofitAddress));
    for (const width of layout.columnWidths) {
      const column = rectFromAddress(width.address.split(":")[0] + "1");
      workbook.setColumnWidth(sheet, column.col, width.characters * PIXELS_PER_CHARACTER + 10);
    }
  }

  async function insertPlan(plan: InsertPlan, target: InsertTarget): Promise<InsertResult> {
    let layout: PlanLayout;
    try {
      layoutPlan(plan, { row: 0, col: 0 });
    } catch (error) {
      return { status: "error", code: "InvalidPlan", message: error instanceof Error ? error.message : String(error) };
    }
    const rows = plan.cells.length;
    const cols = plan.cells[0].length;
    let sheet: number;
    let createdSheet = false;
    let anchor = { row: 0, col: 0 };
    if (target === "selection") {
      sheet = workbook.activeSheet;
      const selection = workbook.getSelection();
      anchor = { row: Math.min(selection.anchor.row, selection.focus.row), col: Math.min(selection.anchor.col, selection.focus.col) };
      const footprint: Rect = { ...anchor, rows, cols };
      const sheetName = workbook.sheet(sheet).name;
      const address = `${sheetReference(sheetName)}!${rectToA1(footprint)}`;
      const occupied = workbook.firstOccupied(sheet, footprint);
      const table = workbook.sheet(sheet).tables.find((candidate) => rectsOverlap(candidate.rect, footprint));
      if (occupied || table) {
        const what = occupied ? `holds data (${rectToA1({ ...occupied, rows: 1, cols: 1 })})` : `overlaps table ${table!.name}`;
        return {
          status: "conflict",
          address,
          message: `${plan.label} needs ${address} (${rows} × ${cols} cells), which ${what}. Nothing was overwritten.`,
        };
      }
    } else {
      const name = uniqueSheetName(NEW_SHEET_BASE_NAME, workbook.sheets().map((record) => record.name));
      sheet = workbook.addSheet(name);
      createdSheet = true;
    }

    const block: Rect = { ...anchor, rows, cols };
    const existingCharts = workbook.sheet(sheet).charts.map((chart) => chart.name);
    const tableNames: string[] = [];
    for (const table of plan.tables ?? []) tableNames.push(uniqueName(table.name, [...workbook.tableNames(), ...tableNames]));
    const chartNames: string[] = [];
    for (const chart of plan.charts ?? []) chartNames.push(uniqueName(chart.name, [...existingCharts, ...chartNames]));

    const before = snapshot(workbook, sheet);
    try {
      layout = layoutPlan(plan, anchor);
      write(sheet, layout, block, tableNames, chartNames);
    } catch (error) {
      // One batch: undo whatever part of the insert landed.
      if (createdSheet) workbook.removeSheet(sheet);
      else restore(workbook, sheet, block, before);
      return { status: "error", code: error instanceof PlanError ? "InvalidPlan" : "Unknown", message: `The insert failed and was undone: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (createdSheet) workbook.activateSheet(sheet);
    workbook.select({ row: block.row, col: block.col }, { row: block.row + rows - 1, col: block.col + cols - 1 });
    options.onInserted?.(sheet, block);
    const sheetName = workbook.sheet(sheet).name;
    return { status: "inserted", address: `${sheetReference(sheetName)}!${layout.address}`, sheet: sheetName };
  }

  async function insertFormulaAtSelection(formula: string, target: InsertTarget): Promise<InsertResult> {
    if (!/^=MINERDEBT\.[A-Z][A-Z0-9]*\(/.test(formula)) {
      return { status: "error", code: "InvalidPlan", message: `Only MINERDEBT formulas are inserted; refused ${JSON.stringify(formula.slice(0, 40))}` };
    }
    return insertPlan({ label: "The formula", cells: [[{ kind: "formula", parts: [formula] }]] }, target);
  }

  /** Cell contents as the Excel adapter writes them: text in an "@" column stays text. */
  function rowContents(values: readonly unknown[], formats: readonly string[]): RawCellContent[] {
    return values.map((value, c) => {
      if (value === null || value === undefined || value === "") return null;
      if (typeof value === "string") return formats[c] === "@" || !/^[0-9.+-]/.test(value) ? `'${value}` : value;
      return value as RawCellContent;
    });
  }

  async function createDealsTable(columns: readonly DealsTableColumn[], example: readonly (string | number | boolean)[]): Promise<DealsTableCreateResult> {
    if (workbook.findTable(DEALS_TABLE_NAME)) return { status: "exists", message: `The workbook already has a ${DEALS_TABLE_NAME} table; nothing was changed.` };
    const name = uniqueSheetName(DEALS_SHEET_BASE_NAME, workbook.sheets().map((record) => record.name));
    const sheet = workbook.addSheet(name);
    const formats = columns.map((column) => column.numberFormat);
    columns.forEach((column, c) => {
      workbook.setFormat(sheet, 0, c, "@");
      workbook.setFormat(sheet, 1, c, column.numberFormat);
    });
    workbook.writeBlock(sheet, { row: 0, col: 0 }, [columns.map((column) => `'${column.name}`), rowContents(example, formats)]);
    const rect: Rect = { row: 0, col: 0, rows: 2, cols: columns.length };
    workbook.addTable(sheet, { name: DEALS_TABLE_NAME, style: "TableStyleMedium2", rect });
    workbook.autofit(sheet, rect);
    workbook.activateSheet(sheet);
    return { status: "created", sheet: name, address: `${name}!${rectToA1(rect)}` };
  }

  async function readDealsTable(): Promise<DealsTableRead> {
    const found = workbook.findTable(DEALS_TABLE_NAME);
    if (!found) return { status: "absent" };
    const { sheet, table } = found;
    const values: unknown[][] = [];
    for (let r = 0; r < table.rect.rows; r++) {
      const row: unknown[] = [];
      for (let c = 0; c < table.rect.cols; c++) {
        const value = workbook.value(sheet, table.rect.row + r, table.rect.col + c);
        // An error cell as the Excel adapter reports it (valueTypes "Error").
        row.push(typeof value === "string" && /^#[A-Z]/.test(value) && workbook.view(sheet, table.rect.row + r, table.rect.col + c).kind === "error" ? { code: value } : (value ?? ""));
      }
      values.push(row);
    }
    return { status: "found", values, address: `${sheetReference(workbook.sheet(sheet).name)}!${rectToA1(table.rect)}` };
  }

  async function appendDealRow(row: Readonly<Record<string, string | number | boolean | null>>): Promise<DealsRowAppendResult> {
    const found = workbook.findTable(DEALS_TABLE_NAME);
    if (!found) return { status: "error", code: "ItemNotFound", message: `There is no ${DEALS_TABLE_NAME} table in this workbook: create it first.` };
    const { sheet, table } = found;
    const names: string[] = [];
    for (let c = 0; c < table.rect.cols; c++) names.push(String(workbook.value(sheet, table.rect.row, table.rect.col + c) ?? "").trim().toLowerCase());
    const missing = Object.keys(row).filter((name) => row[name] !== null && row[name] !== "" && !names.includes(name));
    if (missing.length > 0) return { status: "error", code: "MissingColumn", message: `The ${DEALS_TABLE_NAME} table has no ${missing.join(", ")} column; nothing was written.` };
    const at = table.rect.row + table.rect.rows;
    const block: Rect = { row: at, col: table.rect.col, rows: 1, cols: table.rect.cols };
    if (workbook.firstOccupied(sheet, block)) return { status: "error", code: "Conflict", message: `The row below the ${DEALS_TABLE_NAME} table holds data; move it, then add the financing again. Nothing was written.` };
    const formats = names.map((_, c) => workbook.format(sheet, at - 1, table.rect.col + c) ?? "General");
    formats.forEach((format, c) => workbook.setFormat(sheet, at, table.rect.col + c, format));
    workbook.writeBlock(sheet, { row: at, col: table.rect.col }, [rowContents(names.map((name) => row[name] ?? ""), formats)]);
    table.rect = { ...table.rect, rows: table.rect.rows + 1 };
    workbook.nameTable(sheet, table);
    return { status: "appended", row: table.rect.rows };
  }

  return {
    isAvailable: true,
    unavailableReason: null,
    selectedAddress: async () => workbook.selectedAddress(),
    insertPlan,
    insertFormulaAtSelection,
    createDealsTable,
    readDealsTable,
    appendDealRow,
  };
}

interface SheetSnapshot {
  formats: Map<string, string>;
  roles: Map<string, unknown>;
  hyperlinks: Map<string, string>;
  columnWidths: Map<number, number>;
  tables: number;
  charts: number;
}

function snapshot(workbook: PreviewWorkbook, sheet: number): SheetSnapshot {
  const record = workbook.sheet(sheet);
  return {
    formats: new Map(record.formats),
    roles: new Map(record.roles),
    hyperlinks: new Map(record.hyperlinks),
    columnWidths: new Map(record.columnWidths),
    tables: record.tables.length,
    charts: record.charts.length,
  };
}

function restore(workbook: PreviewWorkbook, sheet: number, block: Rect, before: SheetSnapshot): void {
  const record = workbook.sheet(sheet);
  // The footprint was empty before the insert (checked above), so clearing it restores it.
  workbook.clear(sheet, block);
  record.formats = before.formats;
  record.roles = before.roles as typeof record.roles;
  record.hyperlinks = before.hyperlinks;
  record.columnWidths = before.columnWidths;
  record.tables.splice(before.tables);
  record.charts.splice(before.charts);
  workbook.notify();
}
