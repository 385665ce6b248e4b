/**
 * The task pane's only door to a workbook. Components receive a WorkbookAdapter through
 * React context (see AdapterContext.tsx) and never call Excel themselves, so:
 * - in Excel, excelAdapter.ts executes insert plans with Excel.run;
 * - outside Office, unavailableAdapter.ts explains that inserts need Excel;
 * - tests pass a fake, and a preview (a HyperFormula grid in a browser page) can implement it.
 *
 * Contract for every implementation (free of Office types on purpose):
 * - `insertPlan(plan, "selection")` places the plan's top-left cell at the active cell (in
 *   Excel: workbook.getActiveCell, which answers even when a chart or shape is selected). If any cell of the block's footprint holds a value or formula, or
 *   the footprint overlaps a table, nothing is written and the result is "conflict"; the UI
 *   then asks, and may call again with "newSheet" (a new sheet named "MinerDebt", "MinerDebt (2)", …,
 *   plan placed at A1).
 * - One insert is one batch: every write of a plan is sent together (Excel: one read sync +
 *   one write sync, whatever the row count; on a new sheet one more sync after adding it). A failure leaves the sheet as it was and
 *   returns status "error" with a message a person can act on; a conflict or an error never
 *   throws.
 * - Text cells are written as text (number format "@" set before the value), so data that
 *   starts with =, +, - or @ is never evaluated. Only MINERDEBT formulas are written.
 */
import type { InsertPlan } from "../plans/types";
import type { DealsTableColumn } from "../plans/dealsTable";

/** Where an insert goes: at the selection, or at A1 of a new sheet. */
export type InsertTarget = "selection" | "newSheet";

export type InsertResult =
  /** `address` is the written block with its sheet, e.g. "Sheet1!C5:K20". */
  | { readonly status: "inserted"; readonly address: string; readonly sheet: string }
  /** The footprint (`address`) holds something; nothing was written. */
  | { readonly status: "conflict"; readonly address: string; readonly message: string }
  /** Nothing was written (or what was written has been removed again). `code` is Excel's error code when there is one. */
  | { readonly status: "error"; readonly code: string; readonly message: string };

/** Creating the MinerDebtDeals table (excel/dealsTable.ts): never over an existing table or cells. */
export type DealsTableCreateResult =
  | { readonly status: "created"; readonly sheet: string; readonly address: string }
  | { readonly status: "exists"; readonly message: string }
  | { readonly status: "error"; readonly code: string; readonly message: string };

/** Reading it: the cells with the header first (error cells as { code }), or "absent". */
export type DealsTableRead =
  | { readonly status: "found"; readonly values: unknown[][]; readonly address: string }
  | { readonly status: "absent" }
  | { readonly status: "error"; readonly code: string; readonly message: string };

/** Appending a row: its 1-based row in the table (the header is row 1). */
export type DealsRowAppendResult =
  | { readonly status: "appended"; readonly row: number }
  | { readonly status: "error"; readonly code: string; readonly message: string };

export interface WorkbookAdapter {
  /** False outside Excel: inserts are disabled and `unavailableReason` says why. */
  readonly isAvailable: boolean;
  /** Shown next to disabled insert buttons when `isAvailable` is false. */
  readonly unavailableReason: string | null;
  /** The selected range with its sheet ("Sheet1!B3:D7"), or null when there is none / no workbook. */
  selectedAddress(): Promise<string | null>;
  /** Write a plan (see the contract above). */
  insertPlan(plan: InsertPlan, target: InsertTarget): Promise<InsertResult>;
  /**
   * Write one MINERDEBT formula ("=MINERDEBT.VERSION()") into the selected cell (or A1 of a new
   * sheet), with the same no-overwrite rule on that cell. A formula that spills needs room: Excel
   * shows #SPILL! rather than overwrite.
   */
  insertFormulaAtSelection(formula: string, target: InsertTarget): Promise<InsertResult>;
  /**
   * The user's own financings (issue 16), absent where there is no workbook. Create the
   * MinerDebtDeals table on a new sheet (an existing one is left alone: "exists"); read it in
   * one sync; append one row, matched to the table's columns by header name.
   */
  createDealsTable?(columns: readonly DealsTableColumn[], example: readonly (string | number | boolean)[]): Promise<DealsTableCreateResult>;
  readDealsTable?(): Promise<DealsTableRead>;
  appendDealRow?(row: Readonly<Record<string, string | number | boolean | null>>): Promise<DealsRowAppendResult>;
}
