#!/usr/bin/env node
// Calls per second of the custom functions as Excel calls them: the shipped functions.js (the
// wrappers of src/functions/functions.ts, minified, data included) evaluated once in this
// process's own context with a CustomFunctions stand-in, then the functions it registered
// called with arguments as Excel passes them (omitted optional arguments are null).
//
// Same context on purpose: calling into a separate vm context costs more than the functions
// themselves (measured: DILUTION ~0.13M calls/s across contexts vs ~1.5M in one), which would
// measure Node's context switch, not MinerDebt.
//
//   node bench/lib/throughput.mjs <dist dir> [--quick]      prints one JSON object
import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { addinHostFetch, customFunctionsGlobal, loadSourceLinks } from "./custom-functions.mjs";
import { FULL_TIMING, QUICK_TIMING, consume, firstCalls, median, sinkValue, throughput, timed, weeklyDate } from "./timing.mjs";

const [dist] = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const quick = process.argv.includes("--quick");
const timing = quick ? QUICK_TIMING : FULL_TIMING;

const CustomFunctions = customFunctionsGlobal();
globalThis.CustomFunctions = CustomFunctions;
globalThis.fetch = addinHostFetch(dist);
vm.runInThisContext(readFileSync(path.join(dist, "functions.js"), "utf8"), { filename: "functions.js" });
await loadSourceLinks(CustomFunctions.registered);

function registered(id) {
  const fn = CustomFunctions.registered.get(id);
  if (typeof fn !== "function") throw new Error(`functions.js does not register ${id}`);
  return fn;
}

/** A bench bug, not a figure: every argument set must give a value. */
function checked(id, fn, args) {
  try {
    return fn(...args);
  } catch (error) {
    throw new Error(`${id}(${args.map((a) => JSON.stringify(a)).join(", ")}) threw: ${error.message}`);
  }
}

/** Throughput of `id` rotating over `argSets` (length a power of two). */
function measure(id, argSets, options = timing) {
  const fn = registered(id);
  for (const args of argSets) checked(id, fn, args);
  const mask = argSets.length - 1;
  return { ...throughput((i) => fn(...argSets[i & mask]), options), argumentSets: argSets.length };
}

const results = { functionsRegistered: CustomFunctions.registered.size };

// QUARTER: periods only, then filters as users type them (issuer lists, classes, measures,
// a date serial, relative periods). Memoised after the first call of each argument set.
results.quarterUnfiltered = measure("QUARTER", ["2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4", "LQ", "TTM", "2025"].map((p) => [p, null, null, null]));
results.quarterFiltered = measure("QUARTER", [
  ["Q3 2025", "MARA, WULF", "convertible", null],
  ["TTM", null, "non_convertible", "count"],
  ["2025", "bitf", null, "net_proceeds_disclosed"],
  ["2024Q3:2025Q2", "CIFR, IREN", "all", "amount"],
  [45883, null, "secured_notes", null],
  ["LQ-1", "KEEL", null, "count"],
  ["3Q25", "riot", "convertible", null],
  ["2024Q4", "MARA, RIOT, CLSK", "convertible", "net_proceeds_disclosed"],
]);

// OFFERINGS with every argument omitted: all listed financings, default columns incl. source_url.
const table = checked("OFFERINGS", registered("OFFERINGS"), [null, null, null, null, null, null, null]);
results.offeringsAllRows = { ...measure("OFFERINGS", [[null, null, null, null, null, null, null]]), rows: table.length - 1, columns: table[0].length };

// my_deals: a recalculation of 500 QUARTER formulas that all pass the same 200-row table. Excel
// hands each call its own copy of the range, so each call here gets a fresh array; the table's
// content changes between rounds (as after an edit), so each round parses it once.
const MY_DEALS_ROWS = 200;
const MY_DEALS_CALLS = 500;
function myDealsTable(round) {
  const header = ["id", "issuer", "ticker", "instrument", "priced_date", "amount_usd", "source_url"];
  const rows = Array.from({ length: MY_DEALS_ROWS }, (_, i) => [`T${i}-2026-11-CVT-2031`, `Test Miner ${i}`, `T${i}`, "convertible_senior_notes", "2026-11-20", 1_000_000 + i + round, `https://example.com/t${i}`]);
  return [header, ...rows];
}
{
  const quarterFn = registered("QUARTER");
  checked("QUARTER", quarterFn, ["2026Q4", null, null, null, myDealsTable(-1)]);
  const rounds = quick ? 5 : 15;
  const samples = [];
  for (let round = 0; round < rounds; round++) {
    const copies = Array.from({ length: MY_DEALS_CALLS }, () => myDealsTable(round));
    samples.push(timed(() => {
      let total = 0;
      for (const table of copies) total += quarterFn("2026Q4", null, null, null, table);
      consume(total);
      return total;
    }));
  }
  const once = median(Array.from({ length: rounds }, (_, round) => timed(() => quarterFn("2026Q4", null, null, null, myDealsTable(1000 + round))).ms));
  results.myDeals = { ms: median(samples.map((s) => s.ms)), wallMs: median(samples.map((s) => s.wallMs)), calls: MY_DEALS_CALLS, rows: MY_DEALS_ROWS, firstCallMs: once };
}

results.dilution = measure("DILUTION", [
  [172_500_000, 2.57, 450_000_000, null, null, null, null],
  [850_000_000, 12.47, 390_000_000, 15, "physical", null, null],
  [1_000_000_000, 41.12, 280_000_000, 60, "net_share", 65.8, "pro_forma"],
  [300_000_000, 18.5, 340_000_000, 25, "cash", null, "outstanding"],
]);
results.netshares = measure("NETSHARES", [
  [850_000_000, 12.47, 15, null, null],
  [1_000_000_000, 41.12, 60, "net_share", 65.8],
  [172_500_000, 2.57, 2, "physical", null],
  [300_000_000, 18.5, 25, "cash", null],
]);
results.bsm = measure("BSM", [
  ["call", 40, 50, 5, 0.6, 0.04, null],
  ["put", 40, 50, 5, 0.6, 0.04, 0.01],
  ["call", 12.5, 16, 0.5, 0.9, 0.045, null],
  ["put", 100, 80, 2, 0.3, 0.03, null],
]);

// CBPRICE: a 5-year zero-coupon convert, share 40, conversion price 50, vol 60%, rate 4%,
// spread 5%, soft call from year 3 at 130%, put at year 3.
results.cbprice = {};
for (const steps of [100, 500, 2000]) {
  const args = [40, 50, 0, 5, 0.6, 0.04, 0.05, null, 3, 1.3, 3, steps, null];
  const value = checked("CBPRICE", registered("CBPRICE"), args);
  results.cbprice[`steps${steps}`] = { ...measure("CBPRICE", [args], { ...timing, minMs: timing.minMs * (steps >= 2000 ? 3 : 1) }), value };
}

// OUTSTANDING, MATURITIES and OVERHANG: memoised by their raw arguments after the first call.
results.outstanding = measure("OUTSTANDING", [
  [null, null, null, null],
  ["2025-10-15", null, null, "USDbn"],
  ["2024-10-15", "MARA, RIOT", "convertible", null],
  ["2026Q1", "HUT", null, "USDm"],
]);
results.maturities = measure("MATURITIES", [
  [null, null, null, null, null, null],
  [2026, 2033, null, "convertible", null, "USDm"],
  [null, null, "MARA", "instrument_class", "2026-03-31", null],
  [2028, 2032, "MARA, CLSK, RIOT", "issuer", null, "USDbn"],
]);
results.overhang = measure("OVERHANG", [
  ["MARA", 30, 370_000_000, null, null, null, null],
  ["CLSK", 15, 280_000_000, "as_terms", true, null, null],
  ["RIOT", 20, 350_000_000, "net_share", false, "2025-12-31", "shares"],
  ["WULF", 12, 400_000_000, "physical", true, null, "fraction"],
]);

// First call with new arguments (the memo cannot answer): a date not asked before recomputes
// every financing's balance under the outstanding rule. Median of 21 distinct dates each.
const newDates = (id, argsFor) => firstCalls((k) => checked(id, registered(id), argsFor(k)), 21);
results.outstandingFirstCall = newDates("OUTSTANDING", (k) => [weeklyDate(2023, k), null, null, null]);
results.maturitiesFirstCall = newDates("MATURITIES", (k) => [null, null, null, null, weeklyDate(2024, k), null]);
results.overhangFirstCall = newDates("OVERHANG", (k) => ["MARA", 30, 370_000_000, null, null, weeklyDate(2025, k), null]);

consume(sinkValue());
process.stdout.write(`${JSON.stringify(results)}\n`);
