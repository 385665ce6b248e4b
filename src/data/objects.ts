/**
 * Object.fromEntries is ES2019; functions.js must run on ES2016 engines (the JavaScript-only
 * custom functions runtime of older Windows builds, docs/taskpane.md), with no polyfills.
 */
export function fromPairs<K extends string, V>(pairs: readonly (readonly [K, V])[]): Record<K, V> {
  const out = {} as Record<K, V>;
  for (const [key, value] of pairs) out[key] = value;
  return out;
}
