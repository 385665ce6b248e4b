/**
 * Speed of the data layer's hot paths (not a test: numbers depend on the machine).
 *
 *   npx tsx scripts/bench-data.ts
 *
 * QUARTER() is recalculated for every cell that uses it, so the goal is ≥ 1,000,000 calls/s
 * with filters once the arguments have been seen (memoised), and a cold first call that
 * builds the indexes in well under a frame.
 */
import { performance } from "node:perf_hooks";
import { aggregate, quarterTotal } from "../src/data/aggregate";
import { queryFinancings } from "../src/data/query";

const ARGUMENTS: [unknown, unknown, unknown, unknown][] = [
  ["2024Q4", null, null, null],
  ["Q3 2025", "MARA, WULF", "convertible", null],
  ["TTM", "", "non_convertible", "count"],
  ["2025", "bitf", null, "net_proceeds_disclosed"],
  ["2024Q3:2025Q2", "CIFR;IREN", "all", "amount"],
  [45883, null, "secured_notes", null],
  ["LQ-1", "KEEL", null, "count"],
  ["3Q25", "riot", "bitcoin_backed_loan", null],
];

/** As the functions layer passes them: issuer lists as fresh arrays on every call. */
const AS_ARRAYS = ARGUMENTS.map(([period, issuer, cls, measure]) => [period, typeof issuer === "string" && issuer !== "" ? issuer.split(/[,;]/) : null, cls, measure] as const);

function rate(label: string, calls: number, run: () => void): void {
  const start = performance.now();
  run();
  const seconds = (performance.now() - start) / 1000;
  console.log(`${label}: ${Math.round(calls / seconds).toLocaleString("en-US")} calls/s (${calls.toLocaleString("en-US")} calls in ${(seconds * 1000).toFixed(0)} ms)`);
}

const coldStart = performance.now();
quarterTotal("2024Q4");
console.log(`first QUARTER call (decode + indexes): ${(performance.now() - coldStart).toFixed(2)} ms`);

const calls = 5_000_000;
let sink = 0;
rate("QUARTER, 8 filtered argument sets, memoised", calls, () => {
  for (let i = 0; i < calls; i++) {
    const [period, issuer, cls, measure] = ARGUMENTS[i & 7];
    sink += quarterTotal(period, issuer, cls, measure);
  }
});

rate("QUARTER, same with a new issuer array per call", calls, () => {
  for (let i = 0; i < calls; i++) {
    const [period, issuer, cls, measure] = AS_ARRAYS[i & 7];
    sink += quarterTotal(period, issuer ? [...issuer] : null, cls, measure);
  }
});

const uncached = 20_000;
rate("aggregate, fresh normalised query each call (no memo hit)", uncached, () => {
  for (let i = 0; i < uncached; i++) sink += aggregate({ period: `${2021 + (i % 6)}Q${(i % 4) + 1}`, issuers: i % 2 ? "MARA" : null }, "amount").count;
});

rate("queryFinancings, issuer + class filter", 20_000, () => {
  for (let i = 0; i < 20_000; i++) sink += queryFinancings({ issuers: "IREN", instrumentClass: "convertible" }).length;
});

if (!Number.isFinite(sink)) process.exitCode = 1;
