/**
 * Argument checks shared by every calculation (word choices and value quoting come from
 * src/checks, which the data layer uses too: one message format for every closed list). Each check names the argument as the analyst sees
 * it in Excel (snake_case, SPEC §4) and echoes the bad value, so "#VALUE!" comes with a message a
 * person can act on: "conversion_price must be > 0, got -5".
 */
import { invalidArgument, noAnswer } from "../errors";
import { shown } from "../checks/choice";

// The word-choice check is shared with the data layer; it lives in the neutral src/checks.
export { choice, shown } from "../checks/choice";

/** Optional numeric inputs arrive as null from Excel (omitted argument) or undefined from code. */
export type Optional<T> = T | null | undefined;

/** A finite number, or a #VALUE! error naming the argument. */
export function finiteNumber(name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw invalidArgument(`${name} must be a finite number, got ${shown(value)}`);
  }
  return value;
}

export function positive(name: string, value: unknown): number {
  const x = finiteNumber(name, value);
  if (!(x > 0)) throw invalidArgument(`${name} must be > 0, got ${shown(x)}`);
  return x;
}

export function nonNegative(name: string, value: unknown): number {
  const x = finiteNumber(name, value);
  if (!(x >= 0)) throw invalidArgument(`${name} must be ≥ 0, got ${shown(x)}`);
  return x;
}

/**
 * A number in [min, max]. `hint` explains the unit when a value is likely a percent typed as a
 * whole number (5 for 5%): the message then says "a fraction: 5% is 0.05".
 */
export function inRange(name: string, value: unknown, min: number, max: number, hint = ""): number {
  const x = finiteNumber(name, value);
  if (x < min || x > max) {
    const suffix = hint ? ` (${hint})` : "";
    throw invalidArgument(`${name} must be between ${min} and ${max}${suffix}, got ${shown(x)}`);
  }
  return x;
}

/** Rates, yields, volatilities are fractions; a typed percent number gets a pointed message. */
export const FRACTION_HINT = "a fraction: 5% is 0.05";

export function integerInRange(name: string, value: unknown, min: number, max: number): number {
  const x = finiteNumber(name, value);
  if (!Number.isInteger(x) || x < min || x > max) {
    throw invalidArgument(`${name} must be a whole number from ${min} to ${max}, got ${shown(x)}`);
  }
  return x;
}

/** Optional argument: null/undefined → the default, otherwise the given check applies. */
export function orDefault<T>(value: Optional<T>, fallback: T): T {
  return value === null || value === undefined ? fallback : value;
}

export function isAbsent(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

/** The last guard before a number leaves the module: never NaN or ±Infinity. */
export function finiteResult(what: string, value: number): number {
  if (!Number.isFinite(value)) {
    throw noAnswer(`${what} has no finite value for these inputs`);
  }
  // -0 reads oddly in a cell; it is 0.
  return value === 0 ? 0 : value;
}
