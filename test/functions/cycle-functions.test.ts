// CYCLES([headers], [units]) through a CustomFunctions shim. Every expected figure is computed
// here from data/financings.jsonl read with fs (support/facts.ts), with the rules of
// docs/data.md ("Then vs now") written out again — never by calling src/data.
import { excelErrorOf, installCustomFunctionsShim, isExcelValue } from "./support/custom-functions";
import { FACTS, counts, fact, sum, type Fact } from "./support/facts";

installCustomFunctionsShim();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const F = require("../../src/functions/functions") as typeof import("../../src/functions/functions");

const counted = FACTS.filter(counts);
const amount = (facts: Fact[]) => sum(facts.map((f) => f.amount_usd as number));
const share = (part: Fact[], whole: Fact[]) => (amount(whole) === 0 ? "" : amount(part) / amount(whole));
const coupon = (f: Fact) => f.coupon_pct as number | null;

// The class columns, each listing the instrument classes it holds.
const CLASS_COLUMNS: [string, string[]][] = [
  ["convertible", ["convertible"]],
  ["secured_notes", ["secured_notes"]],
  ["loans_and_facilities", ["loan", "credit_facility"]],
  ["bitcoin_backed", ["bitcoin_backed_loan"]],
  ["equipment_financing", ["equipment_financing"]],
  ["other", ["unsecured_notes", "convertible_preferred", "other"]],
];
const OUTCOME_COLUMNS: [string, (string | null)[]][] = [
  ["collateral_seized", ["defaulted_collateral_seized"]],
  ["restructured", ["restructured"]],
  ["converted_to_equity", ["converted_to_equity"]],
  ["defaulted_other", ["defaulted_other"]],
  ["repaid_or_refinanced", ["repaid", "refinanced"]],
  ["outstanding", ["outstanding"]],
  ["outcome_unknown", ["unknown"]],
  ["not_researched", [null]],
];

// Words that name bitcoin or mining machines in the collateral text (docs/data.md), as plain
// substrings of the lower-cased text, checked word by word.
const MINING_WORDS = ["bitcoin", "btc", "asic", "asics", "antminer", "antminers", "whatsminer", "whatsminers", "miners"];
const MINING_PHRASES = ["mining equipment", "mining machines", "mining hardware", "mining rigs"];
function collateral(f: Fact): "mining_or_bitcoin" | "other" | "unknown" {
  if (f.secured === null) return "unknown";
  if (f.secured === false) return "other";
  if (f.instrument_class === "bitcoin_backed_loan" || f.instrument_class === "equipment_financing") return "mining_or_bitcoin";
  const text = f.collateral as string | null;
  if (text === null) return "unknown";
  const lower = text.toLowerCase();
  const words = lower.split(/[^a-z0-9]+/);
  if (MINING_WORDS.some((w) => words.includes(w)) || MINING_PHRASES.some((p) => lower.includes(p))) return "mining_or_bitcoin";
  return lower.includes("not specified") || lower.includes("not described") ? "unknown" : "other";
}

function expectedRow(label: string, facts: Fact[], divisor = 1): (string | number)[] {
  const convertibles = facts.filter((f) => f.instrument_class === "convertible");
  const convertiblesKnown = convertibles.filter((f) => coupon(f) !== null);
  const known = facts.filter((f) => coupon(f) !== null);
  const weighted = amount(known) === 0 ? "" : sum(known.map((f) => ((f.amount_usd as number) * (coupon(f) as number)) / 100)) / amount(known);
  return [
    label,
    ...CLASS_COLUMNS.map(([, classes]) => share(facts.filter((f) => classes.includes(f.instrument_class)), facts)),
    facts.length,
    amount(facts) / divisor,
    share(convertiblesKnown.filter((f) => coupon(f) === 0), convertiblesKnown),
    share(convertiblesKnown, convertibles),
    weighted,
    share(known, facts),
    share(facts.filter((f) => collateral(f) === "mining_or_bitcoin"), facts),
    share(facts.filter((f) => collateral(f) !== "unknown"), facts),
    share(facts.filter((f) => f.use_category === "ai_hpc"), facts),
    share(facts.filter((f) => f.use_category !== null), facts),
    ...OUTCOME_COLUMNS.map(([, outcomes]) => facts.filter((f) => outcomes.includes((f.outcome as string | null) ?? null)).length),
  ];
}

function expectRowsClose(actual: unknown[][], expected: (string | number)[][]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, r) => {
    expect(row.length).toBe(expected[r].length);
    row.forEach((cell, c) => {
      const want = expected[r][c];
      if (typeof want === "number" && typeof cell === "number") {
        // Sums in another order differ in the last bits only.
        expect({ row: r, column: c, off: Math.abs(cell - want) <= 1e-12 * Math.max(1, Math.abs(want)) }).toEqual({ row: r, column: c, off: true });
      } else {
        expect({ row: r, column: c, cell }).toEqual({ row: r, column: c, cell: want });
      }
    });
  });
}

const then = counted.filter((f) => f.cycle === "2020-2022");
const now = counted.filter((f) => f.cycle === "2023-");
const noCycle = counted.filter((f) => f.cycle === null);

describe("CYCLES([headers], [units])", () => {
  const table = F.cycles(null, null);

  it("is a rectangular Excel table: a header row, then one row per cycle", () => {
    expect(isExcelValue(table)).toBe(true);
    expect(table.map((row) => row[0])).toEqual(["cycle", "2020-2022", "2023 onward", ...(noCycle.length > 0 ? ["cycle not stated"] : [])]);
  });

  it("recomputes every figure of every row from the JSONL", () => {
    const expected = [expectedRow("2020-2022", then), expectedRow("2023 onward", now)];
    if (noCycle.length > 0) expected.push(expectedRow("cycle not stated", noCycle));
    expectRowsClose(table.slice(1), expected);
  });

  it("has a header that names each column's unit", () => {
    const header = table[0] as string[];
    expect(header).toHaveLength(25);
    expect(header[0]).toBe("cycle");
    expect(header.slice(1, 7)).toEqual(CLASS_COLUMNS.map(([name]) => `${name} (fraction of amount)`));
    expect(header.slice(7, 9)).toEqual(["financings (count)", "amount (USD)"]);
    expect(header.slice(9, 17)).toEqual([
      "zero_coupon (fraction of convertibles with known coupon)",
      "convertible_coupon_known (fraction of convertibles)",
      "weighted_coupon (fraction, amount-weighted)",
      "coupon_known (fraction of amount)",
      "mining_or_bitcoin_collateral (fraction of amount)",
      "collateral_known (fraction of amount)",
      "ai_hpc_use (fraction of amount)",
      "use_known (fraction of amount)",
    ]);
    expect(header.slice(17)).toEqual(OUTCOME_COLUMNS.map(([name]) => `${name} (count)`));
    for (const cell of header.slice(1)) expect(cell).toMatch(/\((count|USD|fraction[^)]*)\)$/);
  });

  it("agrees with hand checks on the 2020-2022 cycle and covers every counted financing once", () => {
    // Read off the JSONL by hand: 36 counted financings, $2,205,571,816; its only convertible
    // (MARA-2021-11-CVT-2026, $747.5M) pays 1%, so no zero-coupon convertible then.
    expect(table[1].slice(7, 9)).toEqual([36, 2_205_571_816]);
    expect(fact("MARA-2021-11-CVT-2026").coupon_pct).toBe(1);
    expect(table[1][9]).toBe(0);
    const rows = table.slice(1);
    expect(sum(rows.map((row) => row[7] as number))).toBe(counted.length);
    expect(sum(rows.map((row) => row[8] as number))).toBe(amount(counted));
    for (const row of rows) {
      // Class shares add up to 1; outcome counts to the financings.
      expect(sum(row.slice(1, 7) as number[])).toBeCloseTo(1, 12);
      expect(sum(row.slice(17) as number[])).toBe(row[7]);
      for (const cell of [...row.slice(1, 7), ...row.slice(9, 17)]) if (cell !== "") expect(cell as number).toBeGreaterThanOrEqual(0);
      for (const cell of [...row.slice(1, 7), ...row.slice(9, 17)]) if (cell !== "") expect(cell as number).toBeLessThanOrEqual(1);
    }
  });

  it("classifies collateral texts as docs/data.md says", () => {
    const kind = (id: string) => collateral(fact(id));
    expect(kind("ARBK-2022-12-LOAN-2025")).toBe("mining_or_bitcoin"); // "ASIC miners: 23,619 Bitmain S19J Pro machines …" on a loan
    expect(kind("MARA-2022-07-LOAN-2024")).toBe("mining_or_bitcoin"); // "bitcoin"
    expect(kind("SDIG-2022-10-CF-NA")).toBe("other"); // "substantially all assets of the company …": names neither
    expect(kind("IREN-2026-05-LOAN-2031")).toBe("other"); // GPUs and contracted cash flows
    expect(kind("WULF-2021-12-LOAN-2024")).toBe("unknown"); // "specific collateral not described in sources read"
    expect(kind("CIFR-2022-05-CF-2024")).toBe("unknown"); // secured, collateral not stated
    expect(kind("MARA-2021-11-CVT-2026")).toBe("other"); // unsecured
    // The function's shares match these classifications (recomputed above); a few rows by hand:
    const thenMining = then.filter((f) => collateral(f) === "mining_or_bitcoin");
    expect(thenMining.map((f) => f.id)).toEqual(expect.arrayContaining(["ARBK-2022-12-LOAN-2025", "MARA-2022-07-LOAN-2024", "SDIG-2021-12-EQF-2023"]));
    expect(thenMining.map((f) => f.id)).not.toContain("SDIG-2022-10-CF-NA");
  });

  it("puts the amount in the units asked for and leaves shares and counts alone", () => {
    for (const [units, divisor] of [["USDm", 1e6], ["usdbn", 1e9], ["USD", 1]] as const) {
      const scaled = F.cycles(true, units);
      expect(scaled[0][8]).toBe(`amount (${units === "usdbn" ? "USDbn" : units})`);
      expectRowsClose(scaled.slice(1, 3), [expectedRow("2020-2022", then, divisor), expectedRow("2023 onward", now, divisor)]);
    }
  });

  it("leaves the header out with headers FALSE (also 0, \"false\", a 1×1 range)", () => {
    for (const off of [false, 0, "false", [[false]]]) expect(F.cycles(off, null)).toEqual(table.slice(1));
    for (const on of [true, 1, "TRUE", "", null]) expect(F.cycles(on, null)).toEqual(table);
  });

  it("refuses bad arguments with a message naming the argument", () => {
    const bad: [unknown, unknown, RegExp][] = [
      ["maybe", null, /headers must be TRUE or FALSE, got "maybe"/],
      [2, null, /headers must be TRUE or FALSE/],
      [null, "EUR", /units/],
      [null, "USDk", /units/],
      [null, 1e6, /units/],
      [null, [["USD", "USDm"]], /units takes one value/],
      [[[true, false]], null, /headers takes one value/],
    ];
    for (const [headers, units, message] of bad) {
      const error = excelErrorOf(() => F.cycles(headers, units));
      expect(error.code).toBe("#VALUE!");
      expect(error.message).toMatch(message);
    }
  });
});
