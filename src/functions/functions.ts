// MINERDEBT custom functions. Each function here only adapts Excel arguments to the pure core
// (src/data, src/calc) and its results and errors back to Excel. custom-functions-metadata reads
// the JSDoc below to generate functions.json, and appends CustomFunctions.associate calls.
import { datasetVersion } from "../data";

/**
 * Dataset version: its as-of date and number of financings, e.g. "2026-11-21 · 126 financings".
 * @customfunction
 * @returns The dataset's as-of date and number of financings.
 */
export function version(): string {
  return datasetVersion().label;
}
