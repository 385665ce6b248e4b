import fc from "fast-check";
import { erf, erfc, normalCdf, normalPdf } from "../../src/calc";

/**
 * Reference values: the normal probability function P(x) of Abramowitz & Stegun, Handbook of
 * Mathematical Functions (NBS 1964), Table 26.1, and erfc of Table 7.1 (definitions: NIST DLMF
 * §7.2, https://dlmf.nist.gov/7.2). Far-tail values beyond those tables were taken from a
 * 30-significant-digit evaluation (mpmath.ncdf / mpmath.erfc), quoted here to 15 digits.
 */
describe("normal CDF against tabulated values", () => {
  test.each([
    [0, 0.5],
    [0.5, 0.691462461274013],
    [1, 0.841344746068543],
    [1.96, 0.975002104851780],
    [2, 0.977249868051821],
    [2.5, 0.993790334674224],
    [3, 0.998650101968370],
    [-3, 0.00134989803163009],
  ])("Φ(%p) = %p to 1e-14", (z, expected) => {
    expect(Math.abs(normalCdf(z) - expected)).toBeLessThan(1e-14);
  });

  test.each([
    [-5, 2.86651571879194e-7],
    [-8, 6.22096057427178e-16],
    [-10, 7.61985302416053e-24],
    [-20, 2.75362411860623e-89],
  ])("tail Φ(%p) = %p to 1e-12 relative", (z, expected) => {
    expect(Math.abs(normalCdf(z) / expected - 1)).toBeLessThan(1e-12);
  });

  test.each([
    [0.5, 0.479500122186953],
    [1, 0.157299207050285],
    [2.4, 6.88513896645079e-4],
    [2.6, 2.36034416529349e-4],
    [5, 1.53745979442803e-12],
  ])("erfc(%p) = %p to 1e-13 relative", (x, expected) => {
    expect(Math.abs(erfc(x) / expected - 1)).toBeLessThan(1e-13);
  });

  test("limits", () => {
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(-40)).toBe(0);
    expect(erf(0)).toBe(0);
    expect(normalPdf(0)).toBeCloseTo(0.398942280401433, 15);
  });
});

describe("normal CDF properties", () => {
  test("symmetry Φ(z) + Φ(−z) = 1 and erf odd", () => {
    fc.assert(
      fc.property(fc.double({ min: -12, max: 12, noNaN: true }), (z) => {
        return Math.abs(normalCdf(z) + normalCdf(-z) - 1) < 2e-16 * 4 && Math.abs(erf(z) + erf(-z)) < 1e-15;
      }),
    );
  });

  test("monotone non-decreasing, continuous across the series / continued-fraction switch", () => {
    fc.assert(
      fc.property(fc.double({ min: -15, max: 15, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (z, h) => {
        return normalCdf(z) <= normalCdf(z + h);
      }),
    );
    // erfc switches method at x = 2.5 (Φ at z = −2.5·√2); both sides agree to rounding.
    // The true change over 2h is 2h·(2/√π)·e^(−x²); what is left over is the method jump.
    const h = 1e-9;
    const jump = erfc(2.5 - h) - erfc(2.5 + h) - 2 * h * (2 / Math.sqrt(Math.PI)) * Math.exp(-6.25);
    expect(Math.abs(jump)).toBeLessThan(5e-16);
  });

  test("the density is the derivative of the CDF", () => {
    fc.assert(
      fc.property(fc.double({ min: -6, max: 6, noNaN: true }), (z) => {
        const h = 1e-5;
        const slope = (normalCdf(z + h) - normalCdf(z - h)) / (2 * h);
        return Math.abs(slope - normalPdf(z)) < 1e-9;
      }),
    );
  });
});
