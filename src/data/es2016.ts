/**
 * Small stand-ins for built-ins newer than ES2016: functions.js must run on ES2016 engines (the
 * JavaScript-only custom functions runtime of older Windows builds, docs/taskpane.md), with no
 * polyfills; test/functions/es2016-bundle.test.ts rejects the built-ins themselves.
 */

/** Object.fromEntries (ES2019). */
export function fromPairs<K extends string, V>(pairs: readonly (readonly [K, V])[]): Record<K, V> {
  const out = {} as Record<K, V>;
  for (const [key, value] of pairs) out[key] = value;
  return out;
}

/** String(n).padStart(2, "0") (ES2017) for a day or month number: 7 → "07", 12 → "12". */
export function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
