/**
 * Root finding inside a bracket: Newton steps while they stay inside the bracket and shrink the
 * residual, bisection otherwise. The bracket always holds a sign change, so the method cannot
 * diverge the way a bare Newton iteration can (flat regions, overshoot past the domain).
 */
import { noAnswer } from "../errors";

export interface BracketedRootOptions {
  /** Stop when the bracket is narrower than this (absolute, in x). */
  tolerance?: number;
  maxIterations?: number;
  /** Names the quantity in the #NUM! message if the iteration fails. */
  what?: string;
}

/**
 * Solves f(x) = 0 for x in [lo, hi] where f(lo) and f(hi) have opposite signs (the caller
 * checks that, since only it can word the "no solution" message). `valueAndSlope(x, out)` writes
 * f(x) to out[0] and f'(x) to out[1].
 */
export function solveBracketed(
  valueAndSlope: (x: number, out: Float64Array) => void,
  lo: number,
  hi: number,
  options: BracketedRootOptions = {},
): number {
  const tolerance = options.tolerance ?? 1e-14;
  const maxIterations = options.maxIterations ?? 200;
  const out = new Float64Array(2);

  valueAndSlope(lo, out);
  const fLo = out[0];
  valueAndSlope(hi, out);
  const fHi = out[0];
  if (fLo === 0) return lo;
  if (fHi === 0) return hi;
  // Orient so that f(a) < 0 < f(b).
  let a = fLo < 0 ? lo : hi;
  let b = fLo < 0 ? hi : lo;

  let x = 0.5 * (lo + hi);
  let previousStep = Math.abs(hi - lo);
  for (let i = 0; i < maxIterations; i++) {
    valueAndSlope(x, out);
    const fx = out[0];
    const slope = out[1];
    if (fx === 0) return x;
    if (fx < 0) a = x;
    else b = x;
    const width = Math.abs(b - a);
    if (width <= tolerance * Math.max(1, Math.abs(x))) return 0.5 * (a + b);

    const newton = slope !== 0 && Number.isFinite(slope) ? x - fx / slope : Number.NaN;
    const insideBracket = newton > Math.min(a, b) && newton < Math.max(a, b);
    const step = Math.abs(newton - x);
    // Take Newton only while it lands inside and converges at least as fast as halving would.
    if (insideBracket && step <= 0.5 * previousStep) {
      previousStep = step;
      x = newton;
      if (step <= tolerance * Math.max(1, Math.abs(x))) return x;
    } else {
      previousStep = width / 2;
      x = 0.5 * (a + b);
    }
  }
  throw noAnswer(`${options.what ?? "the solver"} did not converge`);
}
