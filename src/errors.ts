/**
 * The one error type the pure core (src/data, src/calc) throws. It carries the Excel error a
 * custom function should show, so the functions layer maps errors without guessing:
 *   VALUE → #VALUE! (a bad argument), NA → #N/A (not found / not disclosed), NUM → #NUM! (no answer).
 * It knows nothing of Office: src/functions translates `code` into CustomFunctions.Error.
 */
export type MinerDebtErrorCode = "VALUE" | "NA" | "NUM";

export class MinerDebtError extends Error {
  readonly code: MinerDebtErrorCode;

  constructor(code: MinerDebtErrorCode, message: string) {
    super(message);
    this.name = "MinerDebtError";
    this.code = code;
  }
}

/** A bad argument: "conversion_price must be > 0, got -5". */
export function invalidArgument(message: string): MinerDebtError {
  return new MinerDebtError("VALUE", message);
}

/** Not found or not disclosed in the sources. */
export function notAvailable(message: string): MinerDebtError {
  return new MinerDebtError("NA", message);
}

/** The math has no answer (no root in range, overflow). */
export function noAnswer(message: string): MinerDebtError {
  return new MinerDebtError("NUM", message);
}

export function isMinerDebtError(error: unknown): error is MinerDebtError {
  return error instanceof MinerDebtError;
}
