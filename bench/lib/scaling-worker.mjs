// One measurement of the growth benchmark, in a fresh process (see bench/scaling.ts):
//   node scaling-worker.mjs data <functions bundle (CommonJS, synthetic data)>
//   node scaling-worker.mjs cbprice <dist/functions.js>
// Prints one JSON object.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { addinHostFetch, customFunctionsGlobal } from "./custom-functions.mjs";
import { performance } from "node:perf_hooks";
import { FULL_TIMING, firstCalls, once, throughput, timed, weeklyDate } from "./timing.mjs";

const [mode, file] = process.argv.slice(2);
const CustomFunctions = customFunctionsGlobal();
globalThis.CustomFunctions = CustomFunctions;
const timing = { minMs: FULL_TIMING.minMs, samples: 3 };

if (mode === "cbprice") {
  vm.runInThisContext(readFileSync(file, "utf8"), { filename: "functions.js" });
  const cbprice = CustomFunctions.registered.get("CBPRICE");
  const out = [50, 100, 200, 500, 1000, 2000].map((steps) => {
    const args = [40, 50, 0, 5, 0.6, 0.04, 0.05, null, 3, 1.3, 3, steps, null];
    return { steps, ms: throughput(() => cbprice(...args), timing).msPerCall, value: cbprice(...args) };
  });
  process.stdout.write(`${JSON.stringify({ cbprice: out })}\n`);
} else {
  // The bundle fetches its source links on first use (bench/scaling.ts builds it with their URL).
  globalThis.fetch = addinHostFetch(path.dirname(file));
  const loaded = once(() => createRequire(import.meta.url)(file));
  const f = loaded.value;
  const first = once(() => f.quarter("2024Q4", null, null, null));
  const tickers = f.issuers().slice(1).map((row) => row[0]).filter((ticker) => ticker !== "");
  // SERIES ends with an "undated" row where records have no quarter: quarters only.
  const quarters = f.series(null, null, "none", null, null).slice(1).map((row) => row[0]).filter((label) => /^\d{4}Q[1-4]$/.test(label));
  const records = f.version().match(/(\d+) financings/)[1] * 1;

  const memoArgs = [
    ["Q3 2025", "MARA, WULF", "convertible", null],
    ["TTM", null, "non_convertible", "count"],
    ["2025", "bitf", null, "net_proceeds_disclosed"],
    ["2024Q3:2025Q2", "CIFR, IREN", "all", "amount"],
  ];
  const quarterMemoised = throughput((i) => f.quarter(...memoArgs[i & 3]), timing).callsPerSec;

  // Arguments new on every call (a range, an issuer, a class), so the memo never answers.
  const classes = ["all", "convertible", "non_convertible", "secured_notes", "loan"];
  let n = 0;
  const fresh = () => {
    const k = n++;
    const a = k % quarters.length;
    const b = Math.floor(k / quarters.length) % quarters.length;
    const rest = Math.floor(k / (quarters.length * quarters.length));
    const t = rest % (tickers.length + 1);
    return [`${quarters[Math.min(a, b)]}:${quarters[Math.max(a, b)]}`, t === tickers.length ? null : tickers[t], classes[Math.floor(rest / (tickers.length + 1)) % classes.length], null];
  };
  // Distinct argument sets only: stop after 300 ms or when they run out, whichever is first.
  const combinations = quarters.length * quarters.length * (tickers.length + 1) * classes.length;
  fresh();
  f.quarter(...fresh());
  const uncached = timed(() => {
    const started = performance.now();
    let calls = 0;
    while (performance.now() - started < 300 && n < combinations) {
      f.quarter(...fresh());
      calls++;
    }
    return calls;
  });
  const quarterUncached = Math.round((uncached.value / uncached.ms) * 1000);

  await f.source(f.offerings(null, null, null, null, "id", false)[0][0]);
  const rows = f.offerings(null, null, null, null, null, null, null).length - 1;
  const offeringsAllRows = throughput(() => f.offerings(null, null, null, null, null, null, null), { minMs: 200, samples: 3 }).callsPerSec;
  // OUTSTANDING memoised, and the first call with a new as_of date of OUTSTANDING, MATURITIES and
  // OVERHANG (median of 11 dates never asked before: every balance recomputed under the rule).
  const outstandingArgs = [[null, null, null, null], ["2025-10-15", null, null, "USDbn"], ["2024-10-15", "MARA, RIOT", "convertible", null], ["2026Q1", "HUT", null, "USDm"]];
  for (const args of outstandingArgs) f.outstanding(...args); // fill the memo first: at 100× a miss outlasts a sample
  const outstandingMemoised = throughput((i) => f.outstanding(...outstandingArgs[i & 3]), timing).callsPerSec;
  const outstandingFirstMs = firstCalls((k) => f.outstanding(weeklyDate(2023, k), null, null, null), 11).msPerCall;
  const maturitiesFirstMs = firstCalls((k) => f.maturities(null, null, null, null, weeklyDate(2024, k), null), 11).msPerCall;
  const overhangFirstMs = firstCalls((k) => f.overhang("MARA", 30, 370_000_000, null, null, weeklyDate(2025, k), null), 11).msPerCall;
  process.stdout.write(
    `${JSON.stringify({ records, loadMs: loaded.ms, firstCallMs: first.ms, quarterMemoised, quarterUncached, offeringsRows: rows, offeringsAllRows, outstandingMemoised, outstandingFirstMs, maturitiesFirstMs, overhangFirstMs })}\n`,
  );
}
