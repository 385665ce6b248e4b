/**
 * Timing helpers shared by the TypeScript bench modules. Throughput is the median of several
 * samples, each a loop long enough (≥ minMs) that timer resolution and one-off pauses do not
 * dominate; a warm-up sample runs first so the JIT has compiled the hot path.
 */
import { performance } from "node:perf_hooks";

export interface TimingOptions {
  /** Each sample runs batches until at least this many ms have passed. */
  minMs: number;
  samples: number;
}

export const FULL_TIMING: TimingOptions = { minMs: 300, samples: 5 };
export const QUICK_TIMING: TimingOptions = { minMs: 60, samples: 3 };

/** Keeps results alive so the JIT cannot drop the calls being timed. */
let sink = 0;
export function consume(value: unknown): void {
  if (typeof value === "number") sink += value;
  else if (typeof value === "string") sink += value.length;
  else if (Array.isArray(value)) sink += value.length;
  else sink += value ? 1 : 0;
}
export function sinkValue(): number {
  return sink;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** One sample: call `run(i)` in batches until minMs has passed; returns ms per call. */
function sample(run: (i: number) => unknown, minMs: number): number {
  let calls = 0;
  let batch = 1;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < batch; i++) consume(run(calls + i));
    calls += batch;
    elapsed = performance.now() - start;
    if (batch < 1 << 20) batch *= 2;
  }
  return elapsed / calls;
}

export interface Throughput {
  callsPerSec: number;
  msPerCall: number;
  samplesMs: number[];
}

/** Median throughput of `run` over options.samples samples (after one warm-up sample). */
export function throughput(run: (i: number) => unknown, options: TimingOptions): Throughput {
  sample(run, Math.min(options.minMs, 50));
  const perCall: number[] = [];
  for (let s = 0; s < options.samples; s++) perCall.push(sample(run, options.minMs));
  const msPerCall = median(perCall);
  return { callsPerSec: Math.round(1000 / msPerCall), msPerCall, samplesMs: perCall };
}

/** Wall time of one call of `run`, ms (for cold paths that can only run once). */
export function once<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}
