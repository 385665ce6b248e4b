/**
 * Argument checks shared by every calculation. Each check names the argument as the analyst sees
 * it in Excel (snake_case, SPEC §4) and echoes the bad value, so "#VALUE!" comes with a message a
 * person can act on: "conversion_price must be > 0, got -5".
 */
import { invalidArgument, noAnswer } from "../errors";

/** Optional numeric inputs arrive as null from Excel (omitted argument) or undefined from code. */
export type Optional<T> = T | null | undefined;

function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return String(value);
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (typeof value === "boolean") return String(value);
  return typeof value;
}

/** A finite number, or a #VALUE! error naming the argument. */
export function finiteNumber(name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw invalidArgument(`${name} must be a finite number, got ${show(value)}`);
  }
  return value;
}

export function positive(name: string, value: unknown): number {
  const x = finiteNumber(name, value);
  if (!(x > 0)) throw invalidArgument(`${name} must be > 0, got ${show(x)}`);
  return x;
}

export function nonNegative(name: string, value: unknown): number {
  const x = finiteNumber(name, value);
  if (!(x >= 0)) throw invalidArgument(`${name} must be ≥ 0, got ${show(x)}`);
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
    throw invalidArgument(`${name} must be between ${min} and ${max}${suffix}, got ${show(x)}`);
  }
  return x;
}

/** Rates, yields, volatilities are fractions; a typed percent number gets a pointed message. */
export const FRACTION_HINT = "a fraction: 5% is 0.05";

export function integerInRange(name: string, value: unknown, min: number, max: number): number {
  const x = finiteNumber(name, value);
  if (!Number.isInteger(x) || x < min || x > max) {
    throw invalidArgument(`${name} must be a whole number from ${min} to ${max}, got ${show(x)}`);
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

/**
 * A case-insensitive choice among `allowed` (spaces and hyphens read as underscores, so
 * "Net-Share" finds "net_share"). The error lists the allowed values.
 */
export function choice<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value === "string") {
    // Fast path for the exact spelling (recalculation-heavy sheets call this millions of times).
    for (let k = 0; k < allowed.length; k++) if (allowed[k] === value) return allowed[k];
    const key = value.trim().toLowerCase().replace(/[\s-]+/g, "_");
    const found = allowed.find((option) => option === key);
    if (found !== undefined) return found;
  }
  const list = allowed.map((option) => `"${option}"`).join(", ");
  throw invalidArgument(`${name} must be one of ${list}, got ${show(value)}`);
}

/** The last guard before a number leaves the module: never NaN or ±Infinity. */
export function finiteResult(what: string, value: number): number {
  if (!Number.isFinite(value)) {
    throw noAnswer(`${what} has no finite value for these inputs`);
  }
  // -0 reads oddly in a cell; it is 0.
  return value === 0 ? 0 : value;
}
