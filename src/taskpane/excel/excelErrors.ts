/** What the message bar says for an Excel failure: what happened and what to do. */
import { PlanError } from "../plans/layout";

/** An error with Excel's `code` (OfficeExtension.Error), or any other thrown value. */
export function errorCode(error: unknown): string {
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

export const CELL_EDIT_MESSAGE = "Excel is editing a cell. Press Enter or Esc to finish editing, then insert again.";

export function describeExcelError(error: unknown): { code: string; message: string } {
  const code = errorCode(error);
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return { code, message: CELL_EDIT_MESSAGE };
    case "InvalidOperation":
      // Some hosts report cell-edit mode as a plain InvalidOperation; it is also what a batch
      // gets when Excel is busy with the user (a dialog, a drag): the same advice applies.
      return { code, message: `Excel refused the change. If a cell is being edited: ${CELL_EDIT_MESSAGE}` };
    case "InvalidSelection":
      return { code, message: "Excel has no cell to insert at (a chart, a shape or another workbook window may have the focus). Click a cell of the sheet, then insert again." };
    case "MergedRangeConflict":
      return { code, message: "A table cannot be placed over merged cells. Unmerge them (Home > Merge & Center), pick another cell, or insert on a new sheet." };
    case "ApiNotFound":
    case "ApiNotAvailable":
      return { code, message: `This version of Excel lacks a feature the insert needs (${errorText(error)}). Update Excel, or use Excel on the web.` };
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
