// src/functions/catalogue.ts: one example per function id of the generated metadata, each
// example a formula that evaluates to an Excel value, and each stated `value` the real result.
import { FUNCTION_CATALOGUE } from "../../src/functions/catalogue";
import { functionsMetadata, type FunctionMetadata } from "../../scripts/function-reference";
import { CustomFunctionsError, installCustomFunctionsShim, isExcelValue, registerBundledSourceLinks } from "./support/custom-functions";
import { parseFormula } from "./support/formula";

installCustomFunctionsShim();
registerBundledSourceLinks();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const F = require("../../src/functions/functions") as Record<string, (...args: unknown[]) => unknown>;

let functions: FunctionMetadata[] = [];
beforeAll(async () => {
  functions = await functionsMetadata();
}, 60_000);

describe("function catalogue", () => {
  it("has an example for exactly the ids in the metadata", () => {
    expect(Object.keys(FUNCTION_CATALOGUE).sort()).toEqual(functions.map((fn) => fn.id).sort());
  });

  it("gives formulas that name their own function and no more arguments than it takes", () => {
    for (const fn of functions) {
      const { id, args } = parseFormula(FUNCTION_CATALOGUE[fn.id].formula);
      expect(id).toBe(fn.id);
      expect(args.length).toBeLessThanOrEqual(fn.parameters.length);
      expect(args.length).toBeGreaterThanOrEqual(fn.parameters.filter((p) => !p.optional).length);
      expect(FUNCTION_CATALOGUE[fn.id].returns.length).toBeGreaterThan(10);
    }
  });

  it("evaluates every example to an Excel value, equal to the stated value where one is given", () => {
    for (const fn of functions) {
      const example = FUNCTION_CATALOGUE[fn.id];
      const { args } = parseFormula(example.formula);
      // Excel passes null for every argument left out.
      const padded = [...args, ...Array(fn.parameters.length - args.length).fill(null)];
      let result: unknown;
      try {
        result = F[fn.name.toLowerCase()](...padded);
      } catch (error) {
        result = error instanceof CustomFunctionsError ? `${error.code} ${error.message}` : String(error);
      }
      expect({ id: fn.id, ok: isExcelValue(result) && !(typeof result === "string" && result.startsWith("#")) }).toEqual({ id: fn.id, ok: true });
      if (example.value === undefined) continue;
      if (typeof example.value === "number") {
        expect(typeof result).toBe("number");
        expect(Math.abs((result as number) - example.value)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(example.value)));
      } else {
        expect(result).toBe(example.value);
      }
    }
  });
});
