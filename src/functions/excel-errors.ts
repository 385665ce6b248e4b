// Errors and results as Excel sees them. Every custom function runs its body through `excel()`:
// the core's MinerDebtError becomes a CustomFunctions.Error with the matching code, anything
// unexpected becomes #VALUE! with a message (never a crash), and the result is checked to be a
// value Excel can show: a finite number, text, a boolean, or a rectangular table of those.
import { isMinerDebtError, type MinerDebtErrorCode } from "../errors";
import { isSourceLinksNotLoaded } from "../data/links";
import { fetchSourceLinks } from "./source-links";

/** The part of the custom functions runtime's global this module uses (no @types package ships it). */
interface CustomFunctionsError extends Error {
  code: string;
}
declare const CustomFunctions: {
  Error: new (code: string, message?: string) => CustomFunctionsError;
  ErrorCode: { invalidValue: string; notAvailable: string; invalidNumber: string };
};

/** A value that may appear in a cell (a table holds only these). */
export type CellValue = string | number | boolean;

const CODE_NAMES: Record<MinerDebtErrorCode, "invalidValue" | "notAvailable" | "invalidNumber"> = {
  VALUE: "invalidValue",
  NA: "notAvailable",
  NUM: "invalidNumber",
};

function excelError(code: MinerDebtErrorCode, message: string): CustomFunctionsError {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode[CODE_NAMES[code]], message);
}

function isCustomFunctionsError(error: unknown): boolean {
  return typeof CustomFunctions !== "undefined" && error instanceof CustomFunctions.Error;
}

/** Any thrown value as the CustomFunctions.Error Excel shows. */
export function toExcelError(fn: string, error: unknown): Error {
  if (isCustomFunctionsError(error)) return error as Error;
  if (isMinerDebtError(error)) return excelError(error.code, error.message);
  // A bug, not a user error: still a message in the cell rather than a crashed function.
  const detail = error instanceof Error ? error.message : String(error);
  return excelError("VALUE", `${fn}: internal error (${detail}); please report it`);
}

/** A result fails these checks only through a bug in the core: #NUM! says the math gave no answer. */
function checkCell(fn: string, value: unknown, where: string): CellValue {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw excelError("NUM", `${fn}: the result${where} is not a finite number`);
    // -0 shows as 0 but is still a distinct JS value; normalise so tests and Excel agree.
    return value === 0 ? 0 : value;
  }
  if (typeof value === "string" || typeof value === "boolean") return value;
  throw excelError("VALUE", `${fn}: the result${where} is ${value === null ? "null" : typeof value}, not a cell value`);
}

function checkResult(fn: string, result: unknown): unknown {
  if (!Array.isArray(result)) return checkCell(fn, result, "");
  if (result.length === 0) throw excelError("NA", `${fn}: no rows`);
  const width = Array.isArray(result[0]) ? result[0].length : -1;
  if (width < 1) throw excelError("VALUE", `${fn}: the result is not a table`);
  return result.map((row: unknown, r: number) => {
    if (!Array.isArray(row) || row.length !== width) throw excelError("VALUE", `${fn}: row ${r + 1} of the result has the wrong width`);
    return row.map((cell: unknown, c: number) => checkCell(fn, cell, ` at row ${r + 1}, column ${c + 1}`));
  });
}

/**
 * Runs a custom function's body: Excel gets a checked value or a CustomFunctions.Error, nothing
 * else. A body that needed the source links before they were fetched (./source-links) runs
 * again once they are: the result is then a promise, which Excel's runtime accepts from any
 * custom function (functions.json has no "async" flag; metadata cannot declare a union type).
 */
export function excel<T>(fn: string, body: () => T): T {
  let result: unknown;
  try {
    result = checkResult(fn, body());
  } catch (error) {
    if (isSourceLinksNotLoaded(error)) {
      return fetchSourceLinks().then(
        () => excel(fn, body),
        (failure: unknown) => {
          throw toExcelError(fn, failure);
        },
      ) as unknown as T;
    }
    throw toExcelError(fn, error);
  }
  return result as T;
}
