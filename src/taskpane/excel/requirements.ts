/**
 * The Excel API requirement sets the adapter relies on (docs/taskpane.md "Requirement sets").
 * manifest.xml declares REQUIRED_EXCEL_API, the highest set the insert path cannot do without;
 * anything newer is optional and checked with isSetSupported before use, so an older client
 * gets a message or a fallback, never an exception.
 */

/** Range.getTables (overlap check) is ExcelApi 1.9; ChartAxis.numberFormat 1.8, getActiveCell 1.7. */
export const REQUIRED_EXCEL_API = "1.9";
/** Range.getMergedAreasOrNullObject: the merged-cells check in the read sync. */
export const MERGED_AREAS_API = "1.13";

/** Office.context.requirements.isSetSupported's shape, injectable for tests. */
export type IsSetSupported = (name: string, minVersion: string) => boolean;

export function officeIsSetSupported(name: string, minVersion: string): boolean {
  try {
    return Office.context.requirements.isSetSupported(name, minVersion);
  } catch {
    return false;
  }
}

export const OLD_EXCEL_REASON =
  `Inserting needs Excel with the ExcelApi ${REQUIRED_EXCEL_API} requirement set (Microsoft 365, Excel 2021 or later, Excel on the web). ` +
  "This Excel is older: browse and copy figures here, or use the MINERDEBT functions.";
