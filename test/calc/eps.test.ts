import fc from "fast-check";
import { dilutedEps } from "../../src/calc";
import { expectClose, expectMinerDebtError } from "./helpers";

describe("DILUTEDEPS worked examples", () => {
  test("financetrain.com: convertible bonds, diluted EPS 0.78", () => {
    // https://financetrain.com/calculation-of-diluted-eps-convertible-debt
    // Net income 12,000 less preferred dividend 2,000 over 10,000 shares: basic EPS 1.
    // 50 bonds × $1,000, 6%, 100 shares each → 5,000 shares; addback 50,000 × 6% × (1 − 40%) = 1,800.
    // Diluted EPS = (10,000 + 1,800) / 15,000 = 0.7867 ("0.78" in the source, truncated).
    const result = dilutedEps({ netIncome: 10_000, basicShares: 10_000, incrementalShares: 5_000, interestAddback: 1_800 });
    expect(result.basicEps).toBe(1);
    expectClose(result.eps, 11_800 / 15_000, 1e-15);
    expect(Math.floor(result.eps * 100) / 100).toBe(0.78);
    expect(result.applied).toBe("if_converted");
    expect(result.reason).toBe("dilutive");
  });

  test("Kieso, Weygandt & Warfield, Intermediate Accounting (ch. 16, Mayfield Corporation): $2.02", () => {
    // Problem statement: https://www.transtutors.com/questions/mayfield-corporation-has-net-income-of-210-000-for-the-year-and-a-weighted-average-n-2558721.htm
    // Net income $210,000; 100,000 weighted shares (basic $2.10). 6% convertibles ($1,000,000,
    // 20,000 shares, outstanding all year): addback $60,000 × (1 − 40%) = $36,000. 10% convertibles
    // ($1,000,000, 32,000 shares, issued April 1): 9/12 of the year → 24,000 shares and
    // $100,000 × 9/12 × (1 − 40%) = $45,000. Both dilutive, entered together:
    // (210,000 + 36,000 + 45,000) / (100,000 + 20,000 + 24,000) = $2.02.
    const result = dilutedEps({
      netIncome: 210_000,
      basicShares: 100_000,
      incrementalShares: 20_000 + 24_000,
      interestAddback: 36_000 + 45_000,
    });
    expectClose(result.basicEps, 2.1, 1e-15);
    expect(Math.round(result.eps * 100) / 100).toBe(2.02);
    expect(result.applied).toBe("if_converted");
  });

  test("anti-dilutive: interest saved per incremental share above basic EPS → basic EPS", () => {
    // Income 1,000,000 over 1,000,000 shares (basic $1.00); a high-coupon note adds 100,000
    // shares and 200,000 after-tax interest ($2.00 per incremental share > $1.00):
    // if-converted (1,200,000 / 1,100,000 = $1.0909) would raise EPS, so basic is reported.
    const result = dilutedEps({ netIncome: 1_000_000, basicShares: 1_000_000, incrementalShares: 100_000, interestAddback: 200_000 });
    expectClose(result.ifConvertedEps, 1_200_000 / 1_100_000, 1e-15);
    expect(result.eps).toBe(1);
    expect(result.applied).toBe("basic");
    expect(result.reason).toBe("antidilutive");
  });

  test("net loss: conversion would shrink the loss per share, so basic EPS is reported", () => {
    // Loss of 50,000,000 over 100,000,000 shares: basic −$0.50. Adding 20,000,000 shares
    // (zero coupon, no addback) would show −$0.4167 — a smaller loss, antidilutive (ASC 260-10-45-20).
    const result = dilutedEps({ netIncome: -50_000_000, basicShares: 100_000_000, incrementalShares: 20_000_000 });
    expect(result.eps).toBe(-0.5);
    expectClose(result.ifConvertedEps, -50_000_000 / 120_000_000, 1e-15);
    expect(result.applied).toBe("basic");
    expect(result.reason).toBe("net_loss");
  });

  test("net loss with a large addback still reports basic (loss from continuing operations)", () => {
    const result = dilutedEps({ netIncome: -1_000, basicShares: 1_000, incrementalShares: 1_000, interestAddback: 5_000 });
    expect(result.ifConvertedEps).toBe(2);
    expect(result.eps).toBe(-1);
    expect(result.applied).toBe("basic");
  });

  test("interest addback defaults to 0 (zero-coupon notes)", () => {
    const result = dilutedEps({ netIncome: 300, basicShares: 100, incrementalShares: 50, interestAddback: null });
    expect(result.eps).toBe(2);
    expect(result.applied).toBe("if_converted");
  });
});

describe("DILUTEDEPS properties", () => {
  test("reported diluted EPS is never above basic EPS (positive income) and equals basic for a loss", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e10, max: 1e10, noNaN: true }),
        fc.double({ min: 1, max: 1e10, noNaN: true }),
        fc.double({ min: 0, max: 1e10, noNaN: true }),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        (netIncome, basicShares, incrementalShares, interestAddback) => {
          const result = dilutedEps({ netIncome, basicShares, incrementalShares, interestAddback });
          if (netIncome < 0) return result.eps === result.basicEps;
          return result.eps <= result.basicEps;
        },
      ),
    );
  });
});

describe("DILUTEDEPS rejects bad input", () => {
  const good = { netIncome: 100, basicShares: 10, incrementalShares: 5 };
  test.each([
    ["net_income", () => dilutedEps({ ...good, netIncome: Number.NaN })],
    ["basic_shares", () => dilutedEps({ ...good, basicShares: 0 })],
    ["incremental_shares", () => dilutedEps({ ...good, incrementalShares: -1 })],
    ["interest_addback", () => dilutedEps({ ...good, interestAddback: -5 })],
  ])("%s", (argument, call) => {
    expectMinerDebtError(call, "VALUE", argument);
  });
});
