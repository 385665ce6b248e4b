// The part of Excel's custom functions runtime that src/functions/functions.ts uses: the global
// `CustomFunctions` with `Error`, `ErrorCode` and `associate`. Behaviour follows the runtime in
// @microsoft/office-js (dist/custom-functions-runtime.js): the code defaults to #VALUE!, and Excel
// shows a custom message only for #VALUE! and #N/A. This module must be evaluated before the
// functions module (the preview entry imports it first), because that module's appended
// `CustomFunctions.associate(...)` calls run as soon as it loads.

export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Error codes for which Excel displays the function's message (others show the code only). */
export const CODES_WITH_MESSAGE: ReadonlySet<string> = new Set([ErrorCode.invalidValue, ErrorCode.notAvailable]);

export class CustomFunctionError extends Error {
  readonly code: string;

  constructor(code?: string, message?: string) {
    super(message ?? "");
    Object.setPrototypeOf(this, CustomFunctionError.prototype);
    this.name = "CustomFunctions.Error";
    this.code = code || ErrorCode.invalidValue;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFunction = (...args: any[]) => unknown;

const associations = new Map<string, AnyFunction>();

function associate(idOrMappings: string | Record<string, AnyFunction>, fn?: AnyFunction): void {
  if (typeof idOrMappings === "string") {
    if (typeof fn !== "function") throw new TypeError(`CustomFunctions.associate("${idOrMappings}") needs a function`);
    associations.set(idOrMappings.toUpperCase(), fn);
    return;
  }
  for (const [id, mapped] of Object.entries(idOrMappings)) associate(id, mapped);
}

/** Functions registered through CustomFunctions.associate, by upper-case id. */
export function associatedFunctions(): ReadonlyMap<string, AnyFunction> {
  return associations;
}

/** Duck-typed, so an error made by another copy of the runtime (office.js) is still recognised. */
export function isCustomFunctionError(value: unknown): value is { code: string; message: string } {
  if (value instanceof CustomFunctionError) return true;
  if (typeof value !== "object" || value === null) return false;
  const code = (value as { code?: unknown }).code;
  return typeof code === "string" && code.startsWith("#") && Object.values(ErrorCode).includes(code as ErrorCodeValue);
}

export function installCustomFunctionsShim(): void {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    Error: CustomFunctionError,
    ErrorCode,
    associate,
  };
}

installCustomFunctionsShim();
