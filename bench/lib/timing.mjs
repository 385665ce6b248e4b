// Timing helpers. Throughput is the median of several samples, each a loop long enough
// (≥ minMs) that timer resolution and one-off pauses do not dominate; a warm-up sample runs
// first so the JIT has compiled the hot path.
//
// A sample's time is the smaller of its wall time and the process's CPU time: on an idle
// machine they agree (CPU time can run a little over, counting V8's helper threads); on a
// shared, oversubscribed one the wall clock also counts the time spent waiting for a core,
// which says nothing about MinerDebt. Both are recorded.
import { performance } from "node:perf_hooks";

export const FULL_TIMING = { minMs: 300, samples: 5 };
export const QUICK_TIMING = { minMs: 60, samples: 3 };

/** Keeps results alive so the JIT cannot drop the calls being timed. */
let sink = 0;
export function consume(value) {
  if (typeof value === "number") sink += value;
  else if (typeof value === "string" || Array.isArray(value)) sink += value.length;
  else sink += value ? 1 : 0;
}
export function sinkValue() {
  return sink;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function cpuMs(since) {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

/** Time `work()`: { ms (the smaller of wall and CPU time), wallMs, cpuMs, value }. */
export function timed(work) {
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  const value = work();
  const wallMs = performance.now() - wallStart;
  const cpu = cpuMs(cpuStart);
  return { ms: Math.min(wallMs, cpu), wallMs, cpuMs: cpu, value };
}

/** One sample: call `run(i)` in growing batches until minMs of wall time has passed. */
function sample(run, minMs) {
  let calls = 0;
  let batch = 1;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < batch; i++) consume(run(calls + i));
    calls += batch;
    elapsed = performance.now() - start;
    if (batch < 1 << 20) batch *= 2;
  }
  return { msPerCall: Math.min(elapsed, cpuMs(cpuStart)) / calls, wallMsPerCall: elapsed / calls };
}

/** Median throughput of `run` over options.samples samples (after a warm-up sample). */
export function throughput(run, options) {
  sample(run, Math.min(options.minMs, 50));
  const samples = [];
  for (let s = 0; s < options.samples; s++) samples.push(sample(run, options.minMs));
  const msPerCall = median(samples.map((x) => x.msPerCall));
  const wallMsPerCall = median(samples.map((x) => x.wallMsPerCall));
  return { callsPerSec: Math.round(1000 / msPerCall), msPerCall, wallCallsPerSec: Math.round(1000 / wallMsPerCall) };
}

/** Time of one call (for cold paths that can only run once). */
export function once(run) {
  return timed(run);
}

/**
 * Calls that can each run only once (`call(k)` with arguments new for every k, so no memo
 * answers): the median and the slowest of `count`.
 */
export function firstCalls(call, count) {
  const times = Array.from({ length: count }, (_, k) => timed(() => call(k)).ms);
  return { msPerCall: median(times), maxMs: Math.max(...times), calls: count };
}

/** The k-th of weekly ISO dates from 1 January of `year`: an as_of date no call asked before. */
export function weeklyDate(year, k) {
  return new Date(Date.UTC(year, 0, 1) + k * 7 * 86_400_000).toISOString().slice(0, 10);
}
