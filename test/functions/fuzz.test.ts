// Fuzz: random Excel arguments — numbers (negative, zero, huge; never NaN, which Excel cannot
// pass), text, empty text, null (omitted), booleans, 2-D ranges, and words the functions know —
// to every custom function. The result must always be a valid Excel value (finite number, text,
// boolean, or a rectangular table of those) or a CustomFunctions.Error with a message — and
// never the guard's "internal error" (an exception the code did not expect).
import fc from "fast-check";
import { functionsMetadata, type FunctionMetadata } from "../../scripts/function-reference";
import { CustomFunctionsError, installCustomFunctionsShim, isExcelValue, registerBundledSourceLinks } from "./support/custom-functions";

installCustomFunctionsShim();
registerBundledSourceLinks();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const F = require("../../src/functions/functions") as Record<string, (...args: unknown[]) => unknown>;

jest.setTimeout(120_000);

const KNOWN_WORDS = [
  "", " ", "2025Q3", "Q3 2025", "3Q25", "2025-08-14", "LQ", "LQ-3", "TTM", "2024", "2024Q3:2025Q2", "2025Q1:2024Q1",
  "MARA, RIOT", "bitf", "KEEL", "WULF-2025-08-CVT-2031", "CORZ-2020-10-EQF-NA", "amount_usd", "coupon_pct, maturity_date", "notes",
  ":qualifier", "total_bitcoin_miner_debt_usd", "as of 2025-10-15", "convertible", "non_convertible", "all", "amount", "count",
  "net_proceeds", "call", "put", "physical", "net_share", "cash", "outstanding", "pro_forma", "USD", "USDm", "usdbn", "issuer",
  "use_category", "none", "1,000", "45%", "$12.5", "1e6", "TRUE", "false", "-0", "1e308",
];

const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.constantFrom(0, -0, 1, -1, 0.5, 2, 100, 500, 2025, 45_883, 1e9, -1e9, 1e308, -1e308, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER),
);
const scalar = fc.oneof(
  { weight: 4, arbitrary: number },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 3, arbitrary: fc.constantFrom(...KNOWN_WORDS) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.boolean() },
);
const range = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
  .chain(([rows, cols]) => fc.array(fc.array(scalar, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }));
const argument = fc.oneof({ weight: 6, arbitrary: scalar }, { weight: 1, arbitrary: range });

const EXCEL_ERRORS = ["#VALUE!", "#N/A", "#NUM!"];

function outcome(fn: (...args: unknown[]) => unknown, args: unknown[]): string {
  let result: unknown;
  try {
    result = fn(...args);
  } catch (error) {
    if (!(error instanceof CustomFunctionsError)) return `threw a non-Excel error: ${String(error)}`;
    if (!EXCEL_ERRORS.includes(error.code)) return `unexpected code ${error.code}`;
    if (typeof error.message !== "string" || error.message.trim() === "") return "error without a message";
    // The guard turns a bug into #VALUE! "internal error"; a fuzz run should find none.
    if (error.message.includes("internal error")) return error.message;
    return "ok";
  }
  return isExcelValue(result) ? "ok" : `invalid result ${JSON.stringify(result)}`;
}

let functions: FunctionMetadata[] = [];
beforeAll(async () => {
  functions = await functionsMetadata();
}, 60_000);

describe("fuzzing every custom function", () => {
  it("covers every function in the metadata", () => {
    expect(functions.length).toBeGreaterThanOrEqual(24);
    for (const fn of functions) expect(typeof F[fn.name.toLowerCase()]).toBe("function");
  });

  it("always returns an Excel value or throws a CustomFunctions.Error with a message", () => {
    for (const fn of functions) {
      const impl = F[fn.name.toLowerCase()];
      const arity = fn.parameters.length;
      // Excel passes every declared parameter (null when omitted).
      fc.assert(
        fc.property(fc.array(argument, { minLength: arity, maxLength: arity }), (args) => {
          const result = outcome(impl, args);
          if (result !== "ok") throw new Error(`${fn.id}(${JSON.stringify(args)}): ${result}`);
        }),
        { numRuns: arity === 0 ? 5 : 250, seed: Number(process.env.FUZZ_SEED ?? 20251121) + fn.id.length },
      );
    }
  });
});
