/**
 * Checks that the data layer and the calculations share (neither imports the other): how a value
 * is quoted in a message, and one of a closed list of words. Messages name the argument as the
 * analyst sees it in Excel and echo the bad value.
 */
import { invalidArgument } from "../errors";
import { didYouMean } from "./suggest";

/**
 * How a value is quoted in a message, as an Excel user reads it: text in quotes, TRUE/FALSE,
 * "nothing" for an omitted argument, a range by its shape, a data-type value by its type.
 */
export function shown(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return `a ${value.length}×${Array.isArray(value[0]) ? value[0].length : 1} range`;
  // A data-type value (an entity, an image…) arrives as an object: say which, not "[object Object]".
  if (typeof value === "object") return `a data-type value (${String((value as { type?: unknown }).type ?? "object")})`;
  return String(value);
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
