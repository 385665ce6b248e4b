/** Shared assertions for the calculation tests. */
import { MinerDebtError, MinerDebtErrorCode } from "../../src/errors";

/**
 * Runs `call` and checks it throws a MinerDebtError with `code` whose message names `argument`
 * (snake_case, as the analyst typed it in Excel).
 */
export function expectMinerDebtError(call: () => unknown, code: MinerDebtErrorCode, argument: string): void {
  let thrown: unknown;
  try {
    call();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(MinerDebtError);
  const error = thrown as MinerDebtError;
  expect(error.code).toBe(code);
  expect(error.message).toContain(argument);
}

/** |actual − expected| ≤ tolerance, with a readable failure. */
export function expectClose(actual: number, expected: number, tolerance: number): void {
  if (!(Math.abs(actual - expected) <= tolerance)) {
    throw new Error(`expected ${actual} to be within ${tolerance} of ${expected} (diff ${actual - expected})`);
  }
}

/** Number of decimals a stated figure was given with (76.17 → 2, 11 → 0). */
export function statedDecimals(text: string): number {
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}
