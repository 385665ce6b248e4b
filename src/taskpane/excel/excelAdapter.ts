/**
 * The one module that calls Excel.run. It executes insert plans (../plans) in two syncs:
 *
 *   1. read: the selection's top-left cell, whether the plan's footprint holds any value or
 *      formula or overlaps a table, sheet protection, existing sheet/table/chart names;
 *   2. write: number formats, values/formulas, styles, tables, hyperlinks, column widths,
 *      charts, selection — all queued, then sent together.
 *
 * So an insert costs two context.sync calls whatever its row count. Anything that can be
 * known to fail (protected sheet, occupied cells, name clashes, no room at the sheet's edge,
 * cell-edit mode — which already fails the read) is caught before a single write.
 *
 * Excel does not roll a failed batch back: operations queued before the failing one stay
 * applied. So if the write sync throws anyway, a clean-up run removes what this insert may
 * have created (the new sheet, or the tables/charts it named, and the footprint's contents
 * and formats — the footprint was empty of values before, as sync 1 showed) and the result
 * is an error message. Only on that failure path are more syncs spent.
 */
import type { CellRole, InsertPlan, PlanChartType } from "../plans/types";
import { PlanError, columnLetters, layoutPlan, parseTopLeft, uniqueName, uniqueSheetName, type PlanLayout } from "../plans/layout";
import type { InsertResult, InsertTarget, WorkbookAdapter } from "./workbook";

/** Excel.run's shape, injectable so tests can pass a fake Excel object model. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The sheet a "new sheet" insert creates ("MinerDebt", "MinerDebt (2)", …). */
export const NEW_SHEET_BASE_NAME = "MinerDebt";

/** Excel column widths are in points; one character of the default font is about this many. */
const POINTS_PER_CHARACTER = 5.6;

/** Excel.ChartType names for the plan's chart types. */
const EXCEL_CHART_TYPES: Record<PlanChartType, "ColumnStacked" | "BarStacked100" | "Line"> = {
  columnStacked: "ColumnStacked",
  barStacked100: "BarStacked100",
  line: "Line",
};

const ROLE_FORMATS: Record<CellRole, { bold?: boolean; italic?: boolean; color?: string; size?: number; fill?: string }> = {
  note: { italic: true, color: "#595959", size: 9 },
  title: { bold: true, size: 12 },
  heading: { bold: true, fill: "#D9E1F2" },
  // Financial-model convention: hard-coded inputs in blue on light yellow.
  input: { color: "#0000FF", fill: "#FFF2CC" },
};

interface WriteReport {
  sheetName: string;
  createdSheet: boolean;
  tableNames: string[];
  chartNames: string[];
  blockAddress: string;
  /** Column widths (points) before the insert, by column address ("C:C"), to put back. */
  columnWidths: { address: string; points: number }[];
}

/** An error with Excel's `code` (OfficeExtension.Error), or any other thrown value. */
function errorCode(error: unknown): string {
  if (error && typeof error === "object" && "code" in error && typeof (error as { code: unknown }).code === "string") {
    return (error as { code: string }).code;
  }
  return error instanceof PlanError ? "InvalidPlan" : "Unknown";
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === "object" && "message" in error) return String((error as { message: unknown }).message);
  return String(error);
}

/** What the message bar says for an Excel failure: what happened and what to do. */
export function describeExcelError(error: unknown): { code: string; message: string } {
  const code = errorCode(error);
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return { code, message: "Excel is editing a cell. Press Enter or Esc to finish editing, then insert again." };
    case "AccessDenied":
      return { code, message: "Excel refused the change: the sheet or workbook may be protected or read-only. Unprotect it (Review > Unprotect Sheet) or insert on a new sheet." };
    case "SheetProtected":
      return { code, message: "The active sheet is protected, so nothing was written. Unprotect it (Review > Unprotect Sheet) or insert on a new sheet." };
    case "InvalidPlan":
      return { code, message: errorText(error) };
    case "InvalidArgument":
    case "InvalidReference":
      return { code, message: `Excel rejected the insert (${code}): ${errorText(error)}. Nothing was written; try another cell or a new sheet.` };
    case "ItemAlreadyExists":
      return { code, message: "Excel says a table, chart or sheet with the same name already exists. Nothing was written; try again." };
    default:
      return { code, message: `Excel could not complete the insert (${code}): ${errorText(error)}` };
  }
}

function applyRole(range: Excel.Range, role: CellRole): void {
  const look = ROLE_FORMATS[role];
  if (look.bold) range.format.font.bold = true;
  if (look.italic) range.format.font.italic = true;
  if (look.color) range.format.font.color = look.color;
  if (look.size) range.format.font.size = look.size;
  if (look.fill) range.format.fill.color = look.fill;
}

/** Queue every write of a placed plan on `sheet` (nothing is sent until the caller syncs). */
function queueWrites(
  sheet: Excel.Worksheet,
  layout: PlanLayout,
  names: { tables: readonly string[]; charts: readonly string[] },
  activate: boolean,
): void {
  const block = sheet.getRange(layout.address);
  // Formats first: a text cell must be "@" before its value arrives, or Excel parses "=…", "+…", "-…".
  block.numberFormat = layout.numberFormats;
  block.formulas = layout.values;
  for (const style of layout.styles) applyRole(sheet.getRange(style.address), style.role);
  layout.tables.forEach((table, index) => {
    const created = sheet.tables.add(table.address, true);
    created.name = names.tables[index];
    created.style = table.style;
  });
  for (const link of layout.hyperlinks) {
    sheet.getRange(link.address).hyperlink = { address: link.url, textToDisplay: link.url, screenTip: link.url };
  }
  if (layout.autofitAddress) sheet.getRange(layout.autofitAddress).format.autofitColumns();
  for (const width of layout.columnWidths) {
    sheet.getRange(width.address).format.columnWidth = Math.round(width.characters * POINTS_PER_CHARACTER);
  }
  layout.charts.forEach((chart, index) => {
    const created = sheet.charts.add(
      EXCEL_CHART_TYPES[chart.type],
      sheet.getRange(chart.dataAddress),
      chart.seriesBy === "columns" ? "Columns" : "Rows",
    );
    created.name = names.charts[index];
    created.title.text = chart.title;
    created.legend.position = "Bottom";
    if (chart.valueAxisFormat) created.axes.valueAxis.numberFormat = chart.valueAxisFormat;
    created.setPosition(chart.topLeft, chart.bottomRight);
  });
  if (activate) sheet.activate();
  block.select();
}

function qualified(sheetName: string, address: string): string {
  return /^[A-Za-z0-9_.]+$/.test(sheetName) ? `${sheetName}!${address}` : `'${sheetName.replace(/'/g, "''")}'!${address}`;
}

export function createExcelAdapter(run: ExcelRun = (batch) => Excel.run(batch)): WorkbookAdapter {
  /** Undo what a failed write sync may have left (see the module comment). Best effort. */
  async function cleanUp(report: WriteReport): Promise<boolean> {
    try {
      await run(async (context) => {
        const sheets = context.workbook.worksheets;
        if (report.createdSheet) {
          const sheet = sheets.getItemOrNullObject(report.sheetName);
          sheet.load("name");
          await context.sync();
          if (!sheet.isNullObject) sheet.delete();
          await context.sync();
          return;
        }
        const sheet = sheets.getItem(report.sheetName);
        const tables = report.tableNames.map((name) => sheet.tables.getItemOrNullObject(name));
        const charts = report.chartNames.map((name) => sheet.charts.getItemOrNullObject(name));
        // Any load tells whether a *OrNullObject result is null (isNullObject is set on sync).
        for (const item of [...tables, ...charts]) item.load("name");
        await context.sync();
        for (const table of tables) if (!table.isNullObject) table.delete();
        for (const chart of charts) if (!chart.isNullObject) chart.delete();
        sheet.getRange(report.blockAddress).clear("All");
        for (const width of report.columnWidths) sheet.getRange(width.address).format.columnWidth = width.points;
        await context.sync();
      });
      return true;
    } catch {
      return false;
    }
  }

  async function insertPlan(plan: InsertPlan, target: InsertTarget): Promise<InsertResult> {
    let report: WriteReport | null = null;
    try {
      // A malformed plan is refused before Excel is touched.
      layoutPlan(plan, { row: 0, col: 0 });
      return await run(async (context): Promise<InsertResult> => {
        const workbook = context.workbook;
        const sheets = workbook.worksheets;
        sheets.load("items/name");
        const tables = workbook.tables;
        tables.load("items/name");
        const rows = plan.cells.length;
        const cols = plan.cells[0].length;

        let active: Excel.Worksheet | null = null;
        let anchor: Excel.Range | null = null;
        let footprint: Excel.Range | null = null;
        let used: Excel.Range | null = null;
        let overlapping: Excel.TableScopedCollection | null = null;
        const widthProbes: Excel.RangeFormat[] = [];
        if (target === "selection") {
          active = sheets.getActiveWorksheet();
          active.load("name");
          active.protection.load("protected");
          active.charts.load("items/name");
          anchor = workbook.getSelectedRange().getCell(0, 0);
          anchor.load("address");
          footprint = anchor.getResizedRange(rows - 1, cols - 1);
          footprint.load("address");
          used = footprint.getUsedRangeOrNullObject(true);
          used.load("address");
          overlapping = footprint.getTables(false);
          overlapping.load("items/name");
          // Autofit and fixed widths change whole columns: remember them in case of a failure.
          if (plan.autofit || plan.columns?.some((column) => column.width !== undefined)) {
            for (let i = 0; i < cols; i++) {
              const format = anchor.getOffsetRange(0, i).format;
              format.load("columnWidth");
              widthProbes.push(format);
            }
          }
        }
        await context.sync(); // sync 1: read

        const tableNames: string[] = [];
        const takenTables = tables.items.map((table) => table.name);
        for (const table of plan.tables ?? []) {
          const name = uniqueName(table.name, [...takenTables, ...tableNames]);
          tableNames.push(name);
        }

        let sheet: Excel.Worksheet;
        let sheetName: string;
        let layout: PlanLayout;
        let chartNames: string[];
        if (target === "selection" && active && anchor && footprint && used && overlapping) {
          if (active.protection.protected) {
            return { status: "error", ...describeExcelError({ code: "SheetProtected" }) };
          }
          if (!used.isNullObject || overlapping.items.length > 0) {
            const what = !used.isNullObject ? `holds data (${used.address})` : `overlaps table ${overlapping.items[0].name}`;
            return {
              status: "conflict",
              address: footprint.address,
              message: `${plan.label} needs ${footprint.address} (${rows} × ${cols} cells), which ${what}. Nothing was overwritten.`,
            };
          }
          const placed = parseTopLeft(anchor.address);
          if (!placed) throw new PlanError(`Could not read the selected cell's address (${anchor.address})`);
          layout = layoutPlan(plan, placed.position);
          sheet = active;
          sheetName = active.name;
          const takenCharts = active.charts.items.map((chart) => chart.name);
          chartNames = [];
          for (const chart of plan.charts ?? []) chartNames.push(uniqueName(chart.name, [...takenCharts, ...chartNames]));
        } else {
          sheetName = uniqueSheetName(NEW_SHEET_BASE_NAME, sheets.items.map((item) => item.name));
          sheet = sheets.add(sheetName);
          layout = layoutPlan(plan, { row: 0, col: 0 });
          chartNames = [];
          for (const chart of plan.charts ?? []) chartNames.push(uniqueName(chart.name, chartNames));
        }

        const anchorColumn = parseTopLeft(layout.address)?.position.col ?? 0;
        const columnWidths = widthProbes.map((format, i) => {
          const letters = columnLetters(anchorColumn + i);
          return { address: `${letters}:${letters}`, points: format.columnWidth };
        });
        report = { sheetName, createdSheet: target === "newSheet", tableNames, chartNames, blockAddress: layout.address, columnWidths };
        queueWrites(sheet, layout, { tables: tableNames, charts: chartNames }, target === "newSheet");
        await context.sync(); // sync 2: write
        return { status: "inserted", address: qualified(sheetName, layout.address), sheet: sheetName };
      });
    } catch (error) {
      const described = describeExcelError(error);
      if (report === null) return { status: "error", ...described };
      const cleaned = await cleanUp(report);
      return {
        status: "error",
        code: described.code,
        message: cleaned
          ? `${described.message} The partial insert was removed; the sheet is as it was.`
          : `${described.message} Some cells of ${qualified((report as WriteReport).sheetName, (report as WriteReport).blockAddress)} may have been written: undo (Ctrl+Z) or clear them.`,
      };
    }
  }

  async function insertFormulaAtSelection(formula: string, target: InsertTarget): Promise<InsertResult> {
    if (!/^=MINERDEBT\.[A-Z][A-Z0-9]*\(/.test(formula)) {
      return { status: "error", code: "InvalidPlan", message: `Only MINERDEBT formulas are inserted; refused ${JSON.stringify(formula.slice(0, 40))}` };
    }
    return insertPlan({ label: "The formula", cells: [[{ kind: "formula", parts: [formula] }]] }, target);
  }

  async function selectedAddress(): Promise<string | null> {
    try {
      return await run(async (context) => {
        const range = context.workbook.getSelectedRange();
        range.load("address");
        await context.sync();
        return range.address;
      });
    } catch {
      return null;
    }
  }

  return {
    isAvailable: true,
    unavailableReason: null,
    selectedAddress,
    insertPlan,
    insertFormulaAtSelection,
  };
}
