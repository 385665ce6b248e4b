/**
 * One data size of the growth benchmark (run by bench/scaling.ts in a fresh process whose
 * generated data files are redirected). Prints one JSON object.
 */
import { FULL_TIMING, once, throughput } from "./timing";
import { installCustomFunctionsShim } from "./custom-functions";

installCustomFunctionsShim();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const data = require("../../src/data") as typeof import("../../src/data");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const functions = require("../../src/functions/functions") as typeof import("../../src/functions/functions");

const timing = { minMs: FULL_TIMING.minMs, samples: 3 };
const first = once(() => functions.quarter("2024Q4", null, null, null));
const records = data.allFinancings().length;

const memoArgs: unknown[][] = [
  ["Q3 2025", "MARA, WULF", "convertible", null],
  ["TTM", null, "non_convertible", "count"],
  ["2025", "bitf", null, "net_proceeds"],
  ["2024Q3:2025Q2", "CIFR, IREN", "all", "amount"],
];
const quarterMemoised = throughput((i) => functions.quarter(...(memoArgs[i & 3] as [unknown, unknown, unknown, unknown])), timing).callsPerSec;

// Arguments that are new on every call (a range start/end, an issuer, a class), so no memo hits.
const quarters = data.quartersInRange({ from: data.earliestQuarter() ?? "2021Q1", to: data.latestQuarter() ?? "2026Q2" });
const tickers = data.issuerSummary().map((row) => row.ticker).filter((t): t is string => t !== null);
const classes = ["all", "convertible", "non_convertible", "secured_notes", "loan"];
let n = 0;
function freshArgs(): [string, string | null, string] {
  const k = n++;
  const a = k % quarters.length;
  const b = Math.floor(k / quarters.length) % quarters.length;
  const rest = Math.floor(k / (quarters.length * quarters.length));
  const ticker = rest % (tickers.length + 1);
  return [`${quarters[Math.min(a, b)]}:${quarters[Math.max(a, b)]}`, ticker === tickers.length ? null : tickers[ticker], classes[Math.floor(rest / (tickers.length + 1)) % classes.length]];
}
const quarterUncached = throughput(() => functions.quarter(...freshArgs(), null), { minMs: 100, samples: 3 }).callsPerSec;
const aggregateFresh = throughput(() => {
  const [period, issuers, instrumentClass] = freshArgs();
  return data.aggregate({ period, issuers, instrumentClass }, "amount").value;
}, { minMs: 100, samples: 3 }).callsPerSec;

const rows = functions.offerings(null, null, null, null, null, null, null).length - 1;
const offeringsAllRows = throughput(() => functions.offerings(null, null, null, null, null, null, null), { minMs: 200, samples: 3 }).callsPerSec;

process.stdout.write(`${JSON.stringify({ records, firstCallMs: first.ms, quarterMemoised, quarterUncached, aggregateFresh, offeringsRows: rows, offeringsAllRows })}\n`);
