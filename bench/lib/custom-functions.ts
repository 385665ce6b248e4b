/**
 * The part of Excel's custom-functions runtime global the functions layer touches: the Error
 * class with its codes, and associate() (which the built bundle calls; the source does not).
 */
export const ERROR_CODES = { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!" } as const;

class CustomFunctionsError extends Error {
  constructor(
    readonly code: string = ERROR_CODES.invalidValue,
    message?: string,
  ) {
    super(message);
  }
}

export interface CustomFunctionsShim {
  Error: typeof CustomFunctionsError;
  ErrorCode: typeof ERROR_CODES;
  associate(id: string | Record<string, unknown>, fn?: unknown): void;
  registered: Map<string, unknown>;
}

export function installCustomFunctionsShim(): CustomFunctionsShim {
  const registered = new Map<string, unknown>();
  const shim: CustomFunctionsShim = {
    Error: CustomFunctionsError,
    ErrorCode: ERROR_CODES,
    registered,
    associate(id, fn) {
      if (typeof id === "string") registered.set(id.toUpperCase(), fn);
      else for (const [key, value] of Object.entries(id)) registered.set(key.toUpperCase(), value);
    },
  };
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = shim;
  return shim;
}
