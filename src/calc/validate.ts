/**
 * Argument checks shared by every calculation (and, for word choices, by the data layer: one
 * message format for every closed list). Each check names the argument as the analyst sees
 * it in Excel (snake_case, SPEC §4) and echoes the bad value, so "#VALUE!" comes with a message a
 * person can act on: "conversion_price must be > 0, got -5".
 */
import { didYouMean } from "../data/suggest";
import { invalidArgument, noAnswer } from "../errors";

/** Optional numeric inputs arrive as null from Excel (omitted argument) or undefined from code. */
export type Optional<T> = T | null | undefined;

/**
 * How a value is quoted in a message, as an Excel user reads it: text in quotes, TRUE/FALSE,
 * "nothing" for an omitted argument, a range by its shape.
 */
export function shown(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return `a ${value.length}×${Array.isArray(value[0]) ? value[0].length : 1} range`;
  return String(value);
}

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

/** '"a", "b" or "c"': the allowed values as a message lists them. */
function listed(values: readonly string[]): string {
  const quoted = values.map((v) => `"${v}"`);
  return quoted.length < 2 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
}

/** Case and separators do not matter in a word: " Net-Share" → "net_share". */
function wordKey(text: string): string {
  return text.trim().toLowerCase().replace(/[\s-]+/g, "_");
}

/**
 * One of a closed list of words, case-insensitive; spaces and hyphens count as underscores
 * ("Net Share" = "net-share" = "net_share"). Omitted (null, undefined or blank text) →
 * `fallback`, or an error listing the allowed values (with the closest one) if there is none.
 */
export function choice<T extends string, F extends T | null = T>(name: string, value: unknown, allowed: readonly T[], fallback?: F): T | F {
  // Fast path: the exact spelling (formulas repeat the same words down a column).
  const exact = allowed.indexOf(value as T);
  if (exact >= 0) return allowed[exact];
  const key = typeof value === "string" ? wordKey(value) : value;
  if (key === null || key === undefined || key === "") {
    if (fallback !== undefined) return fallback;
    throw invalidArgument(`${name} is required: ${listed(allowed)}`);
  }
  const found = allowed.find((option) => wordKey(option) === key);
  if (found === undefined) {
    throw invalidArgument(`${name} must be ${listed(allowed)}; got ${shown(value)}.${typeof key === "string" ? didYouMean(key, allowed) : ""}`);
  }
  return found;
}

/** The last guard before a number leaves the module: never NaN or ±Infinity. */
export function finiteResult(what: string, value: number): number {
  if (!Number.isFinite(value)) {
    throw noAnswer(`${what} has no finite value for these inputs`);
  }
  // -0 reads oddly in a cell; it is 0.
  return value === 0 ? 0 : value;
}
