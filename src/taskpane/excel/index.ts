export type { InsertResult, InsertTarget, WorkbookAdapter } from "./workbook";
export { createExcelAdapter, describeExcelError, NEW_SHEET_BASE_NAME, type ExcelRun } from "./excelAdapter";
export { createUnavailableAdapter, OUTSIDE_EXCEL_REASON } from "./unavailableAdapter";
export { AdapterProvider, useWorkbook } from "./AdapterContext";
