/**
 * The one module that calls Excel.run. It executes insert plans (../plans) in two syncs at
 * the active cell (three on a new sheet):
 *
 *   1. read: the active cell, whether the plan's footprint holds any value or formula,
 *      overlaps a table or holds merged cells, whether it is formatted, sheet protection,
 *      existing sheet/table/chart names, column widths;
 *   (new sheet only: add the sheet and sync, so that Excel on the web can activate it —
 *      office-js #930 — and a range on it can be selected, office-js #5118;)
 *   2. write: number formats, values/formulas, styles, tables, hyperlinks, column widths,
 *      charts, selection — all queued, then sent together.
 *
 * Every run passes `delayForCellEdit`, so an insert waits while the user is typing in a cell
 * instead of failing. Anything that can be known to fail (protected sheet, occupied or merged
 * cells, name clashes, no room at the sheet's edge) is caught before a single write.
 *
 * Excel does not roll a failed batch back: operations queued before the failing one stay
 * applied. So if the write sync throws anyway, a clean-up run removes what this insert
 * created (the new sheet, or the tables/charts it named) and the footprint's contents and
 * hyperlinks — formats and merges too only when sync 1 showed the footprint unformatted —
 * and the result is an error message. Only on that failure path are more syncs spent.
 */
import type { InsertPlan } from "../plans/types";
import { PlanError, columnLetters, layoutPlan, parseTopLeft, uniqueName, uniqueSheetName, type PlanLayout } from "../plans/layout";
import { queueWrites } from "./queueWrites";
import { describeExcelError } from "./excelErrors";
import { MERGED_AREAS_API, OLD_EXCEL_REASON, REQUIRED_EXCEL_API, officeIsSetSupported, type IsSetSupported } from "./requirements";
import { createUnavailableAdapter } from "./unavailableAdapter";
import type { InsertResult, InsertTarget, WorkbookAdapter } from "./workbook";
import { appendDealRow, createDealsTable, readDealsTable } from "./dealsTable";

export { describeExcelError } from "./excelErrors";

/** Excel.run's (options, batch) form, injectable so tests can pass a fake Excel object model. */
export type ExcelRun = <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Wait while the user edits a cell rather than fail (Excel.RunOptions.delayForCellEdit). */
export const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

/** The sheet a "new sheet" insert creates ("MinerDebt", "MinerDebt (2)", …). */
export const NEW_SHEET_BASE_NAME = "MinerDebt";

interface WriteReport {
  sheetName: string;
  createdSheet: boolean;
  tableNames: string[];
  chartNames: string[];
  blockAddress: string;
  /** Sync 1 found no formatting and no merges in the footprint: clearing formats loses nothing. */
  footprintWasBlank: boolean;
  /** Column widths (points) before the insert, by column address ("C:C"), to put back. */
  columnWidths: { address: string; points: number }[];
}

function qualified(sheetName: string, address: string): string {
  return /^[A-Za-z0-9_.]+$/.test(sheetName) ? `${sheetName}!${address}` : `'${sheetName.replace(/'/g, "''")}'!${address}`;
}

/**
 * The adapter inside Excel. `run` and `isSetSupported` default to Office's; a client without
 * ExcelApi REQUIRED_EXCEL_API gets the unavailable adapter with the reason, not exceptions.
 */
export function createExcelAdapter(
  run: ExcelRun = (options, batch) => Excel.run(options, batch),
  isSetSupported: IsSetSupported = officeIsSetSupported,
): WorkbookAdapter {
  if (!isSetSupported("ExcelApi", REQUIRED_EXCEL_API)) return createUnavailableAdapter(OLD_EXCEL_REASON);
  const canCheckMerges = isSetSupported("ExcelApi", MERGED_AREAS_API);

  /** Undo what a failed write sync may have left (see the module comment). Best effort. */
  async function cleanUp(report: WriteReport): Promise<boolean> {
    try {
      await run(RUN_OPTIONS, async (context) => {
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
        const block = sheet.getRange(report.blockAddress);
        if (report.footprintWasBlank) {
          block.clear("All");
        } else {
          // Formats and merges that were there before the insert stay; only what it wrote goes.
          block.clear("Contents");
          block.clear("Hyperlinks");
        }
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
      return await run(RUN_OPTIONS, async (context): Promise<InsertResult> => {
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
        let formatted: Excel.Range | null = null;
        let merged: Excel.RangeAreas | null = null;
        let overlapping: Excel.TableScopedCollection | null = null;
        const widthProbes: Excel.RangeFormat[] = [];
        if (target === "selection") {
          active = sheets.getActiveWorksheet();
          active.load("name");
          active.protection.load("protected");
          active.charts.load("items/name");
          // The active cell, not getSelectedRange: that throws when a chart, a shape or
          // several areas are selected (office-js #2268).
          anchor = workbook.getActiveCell();
          anchor.load("address");
          footprint = anchor.getResizedRange(rows - 1, cols - 1);
          footprint.load("address");
          used = footprint.getUsedRangeOrNullObject(true);
          used.load("address");
          formatted = footprint.getUsedRangeOrNullObject(false);
          formatted.load("address");
          overlapping = footprint.getTables(false);
          overlapping.load("items/name");
          if (canCheckMerges) {
            merged = footprint.getMergedAreasOrNullObject();
            merged.load("address");
          }
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
        let footprintWasBlank = true;
        if (target === "selection" && active && anchor && footprint && used && formatted && overlapping) {
          if (active.protection.protected) {
            return { status: "error", ...describeExcelError({ code: "SheetProtected" }) };
          }
          const mergedAddress = merged && !merged.isNullObject ? merged.address : null;
          if (!used.isNullObject || overlapping.items.length > 0 || mergedAddress) {
            const what = !used.isNullObject
              ? `holds data (${used.address})`
              : overlapping.items.length > 0
                ? `overlaps table ${overlapping.items[0].name}`
                : `contains merged cells (${mergedAddress}), which a table cannot cover`;
            return {
              status: "conflict",
              address: footprint.address,
              message: `${plan.label} needs ${footprint.address} (${rows} × ${cols} cells), which ${what}. Nothing was overwritten.`,
            };
          }
          // Merges are known absent only where they could be checked.
          footprintWasBlank = formatted.isNullObject && canCheckMerges;
          const placed = parseTopLeft(anchor.address);
          if (!placed) throw new PlanError(`Could not read the active cell's address (${anchor.address})`);
          layout = layoutPlan(plan, placed.position);
          sheet = active;
          sheetName = active.name;
          const takenCharts = active.charts.items.map((chart) => chart.name);
          chartNames = [];
          for (const chart of plan.charts ?? []) chartNames.push(uniqueName(chart.name, [...takenCharts, ...chartNames]));
        } else {
          sheetName = uniqueSheetName(NEW_SHEET_BASE_NAME, sheets.items.map((item) => item.name));
          sheet = sheets.add(sheetName);
          // Sync before activating: Excel on the web may not activate a sheet added in the same
          // batch (office-js #930), and select() on an inactive sheet fails (office-js #5118).
          await context.sync(); // new sheet only: sync 2
          layout = layoutPlan(plan, { row: 0, col: 0 });
          chartNames = [];
          for (const chart of plan.charts ?? []) chartNames.push(uniqueName(chart.name, chartNames));
        }

        const anchorColumn = parseTopLeft(layout.address)?.position.col ?? 0;
        const columnWidths = widthProbes.map((format, i) => {
          const letters = columnLetters(anchorColumn + i);
          return { address: `${letters}:${letters}`, points: format.columnWidth };
        });
        report = { sheetName, createdSheet: target === "newSheet", tableNames, chartNames, blockAddress: layout.address, footprintWasBlank, columnWidths };
        queueWrites(sheet, layout, plan.autofit, { tables: tableNames, charts: chartNames }, target === "newSheet");
        await context.sync(); // write
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

  /** The selected range; when a chart, shape or several areas are selected, the active cell. */
  async function selectedAddress(): Promise<string | null> {
    const read = (pick: (workbook: Excel.Workbook) => Excel.Range) =>
      run(RUN_OPTIONS, async (context) => {
        const range = pick(context.workbook);
        range.load("address");
        await context.sync();
        return range.address;
      });
    try {
      return await read((workbook) => workbook.getSelectedRange());
    } catch {
      try {
        return await read((workbook) => workbook.getActiveCell());
      } catch {
        return null;
      }
    }
  }

  return {
    isAvailable: true,
    unavailableReason: null,
    selectedAddress,
    insertPlan,
    insertFormulaAtSelection,
    createDealsTable: (columns, example) => createDealsTable(run, columns, example),
    readDealsTable: () => readDealsTable(run),
    appendDealRow: (row) => appendDealRow(run, row),
  };
}
