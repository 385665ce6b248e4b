export type { InsertResult, InsertTarget, WorkbookAdapter } from "./workbook";
export { createExcelAdapter, describeExcelError, NEW_SHEET_BASE_NAME, type ExcelRun } from "./excelAdapter";
export { REQUIRED_EXCEL_API, OLD_EXCEL_REASON } from "./requirements";
export { createUnavailableAdapter, OUTSIDE_EXCEL_REASON } from "./unavailableAdapter";
export { AdapterProvider, useWorkbook } from "./AdapterContext";
