// A stand-in for the custom functions runtime's global `CustomFunctions`: the Error class, the
// ErrorCode values Excel uses, and associate() recording what a bundle registers.
import linksJson from "../../../src/data/generated/links.json";
import { registerSourceLinks, sourceLinksLoaded } from "../../../src/data/links";
import type { LinksFile } from "../../../src/data/layout";

export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class CustomFunctionsError extends Error {
  readonly code: string;
  constructor(code: string = ErrorCode.invalidValue, message?: string) {
    super(message);
    this.name = "CustomFunctions.Error";
    this.code = code;
  }
}

export interface CustomFunctionsShim {
  Error: typeof CustomFunctionsError;
  ErrorCode: typeof ErrorCode;
  associate(id: string | Record<string, unknown>, fn?: unknown): void;
  registered: Map<string, unknown>;
}

export function createCustomFunctionsShim(): CustomFunctionsShim {
  const registered = new Map<string, unknown>();
  return {
    Error: CustomFunctionsError,
    ErrorCode,
    registered,
    associate(id, fn) {
      if (typeof id === "string") registered.set(id, fn);
      else for (const [key, value] of Object.entries(id)) registered.set(key, value);
    },
  };
}

/** Installs the shim as the global the functions module reads at call time. */
/**
 * The source modules in jest stand for a runtime that has already fetched the source-links file
 * (the fetch on first use is tested on the built bundle: built-bundle.test.ts).
 */
export function registerBundledSourceLinks(): void {
  if (!sourceLinksLoaded()) registerSourceLinks(linksJson as unknown as LinksFile);
}

export function installCustomFunctionsShim(): CustomFunctionsShim {
  const shim = createCustomFunctionsShim();
  (globalThis as unknown as { CustomFunctions: CustomFunctionsShim }).CustomFunctions = shim;
  return shim;
}

/** `fn` throws a CustomFunctions.Error with this code whose message holds every fragment (text or pattern). */
export function expectError(fn: () => unknown, code: string, ...fragments: (string | RegExp)[]): void {
  const error = excelErrorOf(fn);
  expect(error.code).toBe(code);
  for (const fragment of fragments) {
    if (typeof fragment === "string") expect(error.message).toContain(fragment);
    else expect(error.message).toMatch(fragment);
  }
}

/** Calls `fn` and returns the CustomFunctions.Error it throws (fails the test if it returns or throws anything else). */
export function excelErrorOf(fn: () => unknown): { code: string; message: string } {
  let result: unknown;
  try {
    result = fn();
  } catch (error) {
    if (error instanceof CustomFunctionsError) return { code: error.code, message: error.message };
    throw new Error(`expected a CustomFunctions.Error, got ${String(error)}`);
  }
  throw new Error(`expected a CustomFunctions.Error, got the result ${JSON.stringify(result)}`);
}

/** A valid Excel value: finite number, text, boolean, or a non-empty rectangular table of those. */
export function isExcelValue(value: unknown): boolean {
  const cell = (v: unknown) => (typeof v === "number" && Number.isFinite(v)) || typeof v === "string" || typeof v === "boolean";
  if (!Array.isArray(value)) return cell(value);
  if (value.length === 0 || !Array.isArray(value[0]) || value[0].length === 0) return false;
  const width = value[0].length;
  return value.every((row) => Array.isArray(row) && row.length === width && row.every(cell));
}
