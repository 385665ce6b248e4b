/** The adapter outside Excel (a plain browser, or office.js missing): the pane works, inserts don't. */
import type { InsertResult, WorkbookAdapter } from "./workbook";

export const OUTSIDE_EXCEL_REASON = "Inserting into a workbook needs Excel: open MinerDebt from Excel (Home > Add-ins) to insert tables, charts and formulas.";

export function createUnavailableAdapter(reason: string = OUTSIDE_EXCEL_REASON): WorkbookAdapter {
  const refused = async (): Promise<InsertResult> => ({ status: "error", code: "NoWorkbook", message: reason });
  return {
    isAvailable: false,
    unavailableReason: reason,
    selectedAddress: async () => null,
    insertPlan: refused,
    insertFormulaAtSelection: refused,
  };
}
