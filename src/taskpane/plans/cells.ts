/**
 * Building blocks for insert plans: cells, number formats and Excel string literals.
 * Pure functions; values are never rounded or rescaled except where a comment says how.
 */
import type { FormulaPart, PlanCell, PlanRef } from "./types";

/** USD held in full units, displayed in millions: 1234500000 shows "$1,234.5m". */
export const FORMAT_USD_MILLIONS = '$#,##0.0,,"m"';
/** USD per share (conversion, cap and reference prices): 2 to 4 decimals, as stated. */
export const FORMAT_USD_PER_SHARE = "$#,##0.00##";
/** A fraction shown as a percent (coupon 0.0375 shows "3.75%"). */
export const FORMAT_PERCENT = "0.00%";
/** Dates as Excel serials shown ISO-style, the same in every locale. */
export const FORMAT_DATE = "yyyy-mm-dd";
/** Share counts. */
export const FORMAT_SHARES = "#,##0";
/** Shares per $1,000 principal, as stated in indentures (4 decimals). */
export const FORMAT_CONVERSION_RATE = "0.0000";
/** Plain USD with no scaling (inputs such as principal). */
export const FORMAT_USD = "$#,##0";
/** Excel's number format that stores whatever is written as text. */
export const FORMAT_TEXT = "@";

export const EMPTY: PlanCell = { kind: "empty" };

/** An empty cell pre-formatted for a value a formula will spill into it. */
export function spillCell(format: string | undefined): PlanCell {
  return format === undefined ? EMPTY : { kind: "empty", format };
}

export function textCell(value: string): PlanCell {
  return { kind: "text", value };
}

export function numberCell(value: number, format?: string): PlanCell {
  if (!Number.isFinite(value)) throw new RangeError(`A plan cell must hold a finite number, got ${value}`);
  return format === undefined ? { kind: "number", value } : { kind: "number", value, format };
}

export function booleanCell(value: boolean): PlanCell {
  return { kind: "boolean", value };
}

/** A cell that is blank when the value is null (the dataset's "not disclosed"). */
export function optionalNumber(value: number | null | undefined, format?: string): PlanCell {
  return value === null || value === undefined ? EMPTY : numberCell(value, format);
}

export function optionalText(value: string | null | undefined): PlanCell {
  return value === null || value === undefined || value === "" ? EMPTY : textCell(value);
}

export function formulaCell(parts: readonly FormulaPart[], format?: string): PlanCell {
  return format === undefined ? { kind: "formula", parts } : { kind: "formula", parts, format };
}

export function ref(row: number, col: number): { ref: PlanRef } {
  return { ref: { row, col } };
}

/** An Excel string literal: the text in double quotes, inner quotes doubled ("a""b"). */
export function excelString(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/**
 * A MINERDEBT function call with the given arguments. Arguments are formula parts already
 * (use excelString for text, String(n) for numbers, ref() for cells); trailing omitted
 * arguments (undefined) are dropped and inner ones left empty, as Excel expects.
 */
export function minerDebtCall(functionName: string, args: readonly (FormulaPart | undefined)[]): FormulaPart[] {
  if (!/^[A-Z][A-Z0-9]*$/.test(functionName)) throw new Error(`Not a MINERDEBT function name: ${functionName}`);
  let last = args.length - 1;
  while (last >= 0 && args[last] === undefined) last--;
  const parts: FormulaPart[] = [`=MINERDEBT.${functionName}(`];
  for (let i = 0; i <= last; i++) {
    if (i > 0) parts.push(",");
    const arg = args[i];
    if (arg !== undefined) parts.push(arg);
  }
  parts.push(")");
  return parts;
}

/** A number written into a formula: plain decimal notation, never NaN/Infinity. */
export function formulaNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`A formula argument must be a finite number, got ${value}`);
  return String(value);
}

/** The https URL, or null for anything else (only https links reach a workbook). */
export function httpsUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}
