/**
 * Micro-benchmark of the calculation module (src/calc), called directly (no functions layer).
 *
 *   node_modules/.bin/tsx bench/calc.bench.ts [--quick]
 *
 * Prints a table on stderr and one JSON object as the last line of stdout. Each figure is the
 * median of several samples after a warm-up; "cpuMs" is process CPU time per call, which is
 * steadier than wall time on a shared machine. Not a test: the numbers depend on the machine.
 */
import { performance } from "node:perf_hooks";
import { bondYield, bsm, cbGreeks, cbPrice, dilution, type CbParams } from "../src/calc";

const quick = process.argv.includes("--quick");
const SAMPLE_MS = quick ? 100 : 400;
const SAMPLES = quick ? 3 : 5;

let sink = 0;

interface Figure {
  wallMs: number;
  cpuMs: number;
  callsPerSec: number;
}

function sample(run: () => number): { wallMs: number; cpuMs: number } {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let calls = 0;
  while (performance.now() - start < SAMPLE_MS) {
    sink += run();
    calls++;
  }
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { wallMs: wall / calls, cpuMs: (cpu.user + cpu.system) / 1000 / calls };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

function measure(run: () => number): Figure {
  sample(run); // warm-up: let the JIT compile the hot path
  const samples = Array.from({ length: SAMPLES }, () => sample(run));
  const wallMs = median(samples.map((s) => s.wallMs));
  return { wallMs, cpuMs: median(samples.map((s) => s.cpuMs)), callsPerSec: 1000 / wallMs };
}

// A 5-year zero-coupon miner convert with a soft call from year 3 and a put at year 3 (the
// case bench/run.mjs times), and the same note without call or put.
const convert: CbParams = {
  sharePrice: 40,
  conversionPrice: 50,
  couponRate: 0,
  years: 5,
  volatility: 0.6,
  rate: 0.04,
  creditSpread: 0.05,
  callFromYears: 3,
  callTrigger: 1.3,
  putYears: 3,
};
const plain: CbParams = { ...convert, callFromYears: null, putYears: null };

const results: Record<string, Figure> = {};
for (const steps of [100, 500, 2000]) {
  results[`cbPrice.callPut.steps${steps}`] = measure(() => cbPrice({ ...convert, steps }));
}
results["cbPrice.plain.steps500"] = measure(() => cbPrice({ ...plain, steps: 500 }));
results["cbGreeks.callPut.steps500"] = measure(() => cbGreeks({ ...convert, steps: 500 }).delta);
results["bsm.call"] = measure(() =>
  bsm({ type: "call", sharePrice: 40, strike: 50, years: 5, volatility: 0.6, rate: 0.04, dividendYield: 0.01 }),
);
results["bondYield.semiannual10y"] = measure(() => bondYield({ price: 96.5, couponRate: 0.0575, years: 9.75 }));
results["dilution.netShareCapped"] = measure(() =>
  dilution({
    principal: 1_000_000_000,
    conversionPrice: 41.12,
    sharesOutstanding: 280_000_000,
    sharePrice: 60,
    settlement: "net_share",
    capPrice: 65.8,
    basis: "pro_forma",
  }),
);

const rows = Object.entries(results).map(
  ([name, f]) => `${name.padEnd(28)} ${f.wallMs.toFixed(4).padStart(10)} ms wall ${f.cpuMs.toFixed(4).padStart(10)} ms cpu`,
);
process.stderr.write(`${rows.join("\n")}\n(sink ${sink.toExponential(3)})\n`);
process.stdout.write(`${JSON.stringify({ quick, results })}\n`);
