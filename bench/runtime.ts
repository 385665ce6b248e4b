/**
 * Run-time figures from the source modules, as Excel would call them: the functions-layer
 * wrappers of src/functions/functions.ts under a CustomFunctions stand-in (same argument
 * conventions: omitted optional arguments arrive as null), the calc module's tree, and the
 * task pane's Excel adapter against a fake Excel object model that counts context.sync calls.
 *
 *   node_modules/.bin/tsx bench/runtime.ts [--quick]
 *
 * Prints one JSON object on stdout (bench/run.mjs reads it). Not a test: numbers depend on
 * the machine.
 */
import { FULL_TIMING, QUICK_TIMING, consume, once, sinkValue, throughput, type Throughput } from "./lib/timing";
import { installCustomFunctionsShim } from "./lib/custom-functions";

const quick = process.argv.includes("--quick");
const timing = quick ? QUICK_TIMING : FULL_TIMING;

type Wrapper = (...args: unknown[]) => unknown;

interface Figure {
  callsPerSec?: number;
  msPerCall?: number;
  via: string;
  note?: string;
}

function figure(result: Throughput, via: string, note?: string): Figure {
  return { callsPerSec: result.callsPerSec, msPerCall: result.msPerCall, via, ...(note ? { note } : {}) };
}

/** Fails loudly: a wrapper that throws for the bench's arguments is a bench bug, not a figure. */
function checked(name: string, fn: Wrapper, args: unknown[]): unknown {
  try {
    return fn(...args);
  } catch (error) {
    throw new Error(`${name}(${args.map((a) => JSON.stringify(a)).join(", ")}) threw: ${(error as Error).message}`);
  }
}

async function main(): Promise<void> {
  installCustomFunctionsShim();
  const results: Record<string, unknown> = { quick };

  // --- Start-up of the data layer through the wrappers (first QUARTER, in this process) ---
  const importStart = performance.now();
  const functions = (await import("../src/functions/functions")) as unknown as Record<string, Wrapper | undefined>;
  const importMs = performance.now() - importStart;
  const wrapper = (name: string): Wrapper | null => {
    const fn = functions[name];
    return typeof fn === "function" ? fn : null;
  };
  const quarter = wrapper("quarter");
  const offerings = wrapper("offerings");
  if (!quarter || !offerings) throw new Error("src/functions/functions.ts must export quarter() and offerings()");
  const first = once(() => checked("QUARTER", quarter, ["2024Q4", null, null, null]));
  results.sourceStartup = { importMs, firstQuarterMs: first.ms, firstQuarterValue: first.value };

  // --- QUARTER ---
  const periods = ["2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4", "LQ", "TTM", "2025"];
  const unfiltered = periods.map((period) => [period, null, null, null]);
  // Filters as users type them: issuer lists, classes, measures, a date serial, relative periods.
  const filtered: unknown[][] = [
    ["Q3 2025", "MARA, WULF", "convertible", null],
    ["TTM", null, "non_convertible", "count"],
    ["2025", "bitf", null, "net_proceeds"],
    ["2024Q3:2025Q2", "CIFR, IREN", "all", "amount"],
    [45883, null, "secured_notes", null],
    ["LQ-1", "KEEL", null, "count"],
    ["3Q25", "riot", "convertible", null],
    ["2024Q4", "MARA, RIOT, CLSK", "convertible", "net_proceeds"],
  ];
  for (const args of [...unfiltered, ...filtered]) checked("QUARTER", quarter, args);
  results.quarterUnfiltered = figure(throughput((i) => quarter(...unfiltered[i & 7]), timing), "functions.quarter", "8 periods, no filters, rotating");
  results.quarterFiltered = figure(throughput((i) => quarter(...filtered[i & 7]), timing), "functions.quarter", "8 filtered argument sets, rotating");

  // --- OFFERINGS (every row the default returns, default columns incl. source_url) ---
  const allRows = checked("OFFERINGS", offerings, [null, null, null, null, null, null, null]) as unknown[][];
  results.offeringsAllRows = {
    ...figure(throughput(() => offerings(null, null, null, null, null, null, null), timing), "functions.offerings"),
    rows: allRows.length - 1,
    columns: allRows[0].length,
  };

  // --- Calculation wrappers (fall back to src/calc, labelled, if a wrapper is not there yet) ---
  const calc = (await import("../src/calc")) as unknown as Record<string, (params: Record<string, unknown>) => unknown>;
  const dilutionArgs: unknown[][] = [
    [172_500_000, 2.57, 450_000_000, null, null, null, null],
    [850_000_000, 12.47, 390_000_000, 15, "physical", null, null],
    [1_000_000_000, 41.12, 280_000_000, 60, "net_share", 65.8, "pro_forma"],
    [300_000_000, 18.5, 340_000_000, 25, "cash", null, "outstanding"],
  ];
  /** A calc function through its wrapper; through src/calc (and labelled so) while the wrapper is missing. */
  const calcFigure = (name: string, argSets: unknown[][], direct: (args: unknown[]) => unknown, calcName: string): Figure => {
    const fn = wrapper(name);
    if (!fn) return figure(throughput((i) => direct(argSets[i & 3]), timing), `calc.${calcName}`, `functions.ts has no ${name}() wrapper yet`);
    for (const args of argSets) checked(name.toUpperCase(), fn, args);
    return figure(throughput((i) => fn(...argSets[i & 3]), timing), `functions.${name}`);
  };
  results.dilution = calcFigure("dilution", dilutionArgs, ([principal, conversionPrice, sharesOutstanding, sharePrice, settlement, capPrice, basis]) =>
    calc.dilution({ principal, conversionPrice, sharesOutstanding, sharePrice, settlement, capPrice, basis }), "dilution");

  const netSharesArgs: unknown[][] = [
    [850_000_000, 12.47, 15, null, null],
    [1_000_000_000, 41.12, 60, "net_share", 65.8],
    [172_500_000, 2.57, 2, "physical", null],
    [300_000_000, 18.5, 25, "cash", null],
  ];
  results.netshares = calcFigure("netshares", netSharesArgs, ([principal, conversionPrice, sharePrice, settlement, capPrice]) =>
    calc.netShares({ principal, conversionPrice, sharePrice, settlement, capPrice }), "netShares");

  const bsmArgs: unknown[][] = [
    ["call", 40, 50, 5, 0.6, 0.04, null],
    ["put", 40, 50, 5, 0.6, 0.04, 0.01],
    ["call", 12.5, 16, 0.5, 0.9, 0.045, null],
    ["put", 100, 80, 2, 0.3, 0.03, null],
  ];
  results.bsm = calcFigure("bsm", bsmArgs, ([type, sharePrice, strike, years, volatility, rate, dividendYield]) =>
    calc.bsm({ type, sharePrice, strike, years, volatility, rate, dividendYield }), "bsm");

  // --- CBPRICE: a 5-year zero-coupon convert with a soft call and a put, at 100/500/2000 steps ---
  const cbprice = wrapper("cbprice");
  const cbArgs = (steps: number): unknown[] => [40, 50, 0, 5, 0.6, 0.04, 0.05, null, 3, 1.3, 3, steps, null];
  const cbResults: Record<string, unknown> = {};
  for (const steps of [100, 500, 2000]) {
    const args = cbArgs(steps);
    const cbTiming = { minMs: steps >= 2000 ? timing.minMs * 2 : timing.minMs, samples: timing.samples };
    if (cbprice) {
      const value = checked("CBPRICE", cbprice, args);
      cbResults[`steps${steps}`] = { ...figure(throughput(() => cbprice(...args), cbTiming), "functions.cbprice"), value };
    } else {
      const [sharePrice, conversionPrice, couponRate, years, volatility, rate, creditSpread, dividendYield, callFromYears, callTrigger, putYears] = args;
      const params = { sharePrice, conversionPrice, couponRate, years, volatility, rate, creditSpread, dividendYield, callFromYears, callTrigger, putYears, steps };
      const value = calc.cbPrice(params);
      cbResults[`steps${steps}`] = { ...figure(throughput(() => calc.cbPrice(params), cbTiming), "calc.cbPrice", "functions.ts has no cbprice() wrapper yet"), value };
    }
  }
  results.cbprice = cbResults;

  // --- Task pane inserts: context.sync calls through the Excel adapter ---
  const { insertSyncCounts } = await import("./lib/syncs");
  results.syncs = await insertSyncCounts();

  consume(sinkValue());
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench/runtime.ts: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
