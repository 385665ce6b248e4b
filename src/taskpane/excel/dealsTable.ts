/**
 * The MinerDebtDeals table in Excel: create it on its own sheet, read it, append a row. Part of
 * the Excel adapter (excelAdapter.ts wires these into the WorkbookAdapter); the same contract as
 * its inserts: nothing existing is ever overwritten, text cells are "@" before their value, each
 * operation is at most one read and one write sync, and a failure is a result, never a throw.
 *
 * - create: sync 1 reads the sheet and table names (a table named MinerDebtDeals anywhere →
 *   "exists", nothing written); sync 2 adds a new sheet "MinerDebt Deals" (or "… (2)"), writes
 *   the header and the example row at A1, sets number formats and the drop-down lists of the
 *   enumerated columns, and makes the block a table named MinerDebtDeals.
 * - read: ONE sync. The table is asked for by name; when it does not exist Excel fails that sync
 *   with ItemNotFound, which is the answer "no table" (no second round trip to ask first).
 * - append: sync 1 reads the table's header and size (the columns are matched by header name,
 *   so a user who reordered or added columns keeps them); sync 2 adds the row at the table's
 *   end through `table.rows.add` (Excel grows the table, its formats and its validation).
 */
import type { DealsTableColumn } from "../plans/dealsTable";
import { RUN_OPTIONS, describeExcelError, type ExcelRun } from "./excelAdapter";
import { columnLetters, uniqueSheetName } from "../plans/layout";
import type { DealsTableCreateResult, DealsTableRead, DealsRowAppendResult } from "./workbook";

export const DEALS_TABLE_NAME = "MinerDebtDeals";
export const DEALS_SHEET_BASE_NAME = "MinerDebt Deals";

function errorCodeOf(error: unknown): string | null {
  return error && typeof error === "object" && "code" in error ? String((error as { code: unknown }).code) : null;
}

/** A cell value the table gets: numbers and booleans as they are, text (already "@") as text. */
export type DealsCell = string | number | boolean;

export async function createDealsTable(run: ExcelRun, columns: readonly DealsTableColumn[], example: readonly DealsCell[]): Promise<DealsTableCreateResult> {
  try {
    return await run(RUN_OPTIONS, async (context): Promise<DealsTableCreateResult> => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const tables = context.workbook.tables;
      tables.load("items/name");
      await context.sync(); // sync 1: read
      const existing = tables.items.find((table) => table.name.toLowerCase() === DEALS_TABLE_NAME.toLowerCase());
      if (existing) return { status: "exists", message: `The workbook already has a ${DEALS_TABLE_NAME} table; nothing was changed.` };
      const sheetName = uniqueSheetName(DEALS_SHEET_BASE_NAME, sheets.items.map((sheet) => sheet.name));
      const sheet = sheets.add(sheetName);
      const lastColumn = columnLetters(columns.length - 1);
      const block = sheet.getRange(`A1:${lastColumn}2`);
      // Formats first: a text cell must be "@" before its value arrives.
      block.numberFormat = [columns.map(() => "@"), columns.map((column) => column.numberFormat)];
      block.values = [columns.map((column) => column.name), [...example]];
      columns.forEach((column, c) => {
        if (!column.list) return;
        const letters = columnLetters(c);
        sheet.getRange(`${letters}2:${letters}2`).dataValidation.rule = { list: { inCellDropDown: true, source: column.list.join(",") } };
      });
      const table = sheet.tables.add(`'${sheetName.replace(/'/g, "''")}'!A1:${lastColumn}2`, true);
      table.name = DEALS_TABLE_NAME;
      table.style = "TableStyleMedium2";
      sheet.getRange(`A1:${lastColumn}2`).format.autofitColumns();
      sheet.activate();
      await context.sync(); // sync 2: write
      return { status: "created", sheet: sheetName, address: `${sheetName}!A1:${lastColumn}2` };
    });
  } catch (error) {
    return { status: "error", ...describeExcelError(error) };
  }
}

/** The table's cells (header first), with error cells as { code } so the parser names them. */
export async function readDealsTable(run: ExcelRun): Promise<DealsTableRead> {
  try {
    return await run(RUN_OPTIONS, async (context): Promise<DealsTableRead> => {
      const table = context.workbook.tables.getItem(DEALS_TABLE_NAME);
      const range = table.getRange();
      range.load("values, valueTypes, address");
      await context.sync(); // the only sync
      const values = range.values.map((row, r) => row.map((value, c) => (range.valueTypes[r][c] === "Error" ? { code: String(value) } : value)));
      return { status: "found", values, address: range.address };
    });
  } catch (error) {
    if (errorCodeOf(error) === "ItemNotFound") return { status: "absent" };
    return { status: "error", ...describeExcelError(error) };
  }
}

/** Append one row; `row` maps column names to values (columns the table lacks are reported). */
export async function appendDealRow(run: ExcelRun, row: Readonly<Record<string, DealsCell | null>>): Promise<DealsRowAppendResult> {
  try {
    return await run(RUN_OPTIONS, async (context): Promise<DealsRowAppendResult> => {
      const table = context.workbook.tables.getItem(DEALS_TABLE_NAME);
      const header = table.getHeaderRowRange();
      header.load("values");
      const body = table.getRange();
      body.load("rowCount, address");
      await context.sync(); // sync 1: read the header
      const names = header.values[0].map((cell) => String(cell).trim().toLowerCase());
      const missing = Object.keys(row).filter((name) => row[name] !== null && row[name] !== "" && !names.includes(name));
      if (missing.length > 0) {
        return { status: "error", code: "MissingColumn", message: `The ${DEALS_TABLE_NAME} table has no ${missing.join(", ")} column; add it to the header (or use a new table), nothing was written.` };
      }
      const values = names.map((name) => row[name] ?? "");
      // Text stays text: the new row takes the table column's number format ("@" for text
      // columns, set when the table was created), as a table row added by Excel does.
      table.rows.add(undefined, [values]);
      await context.sync(); // sync 2: write
      return { status: "appended", row: body.rowCount + 1 };
    });
  } catch (error) {
    if (errorCodeOf(error) === "ItemNotFound") return { status: "error", code: "ItemNotFound", message: `There is no ${DEALS_TABLE_NAME} table in this workbook: create it first.` };
    return { status: "error", ...describeExcelError(error) };
  }
}
