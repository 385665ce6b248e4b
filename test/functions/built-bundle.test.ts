// The BUILT functions bundle (dist/functions.js from the production build) in a bare `vm`
// sandbox: only a fake CustomFunctions global and the language's own globals — no window, no
// document — as in Excel's JavaScript-only custom functions runtime. Every id in
// dist/functions.json must be registered by the bundle and vice versa, and each function
// answers a valid call with an Excel value and an invalid one with a CustomFunctions.Error.
// (Its size budget is enforced by `npm run bench`: functions.gzipBytes in bench/budgets.json.)
import { readFileSync } from "fs";
import path from "path";
import vm from "vm";
import { FUNCTION_CATALOGUE } from "../../src/functions/catalogue";
import { builtDist } from "../support/built-dist";
import { createCustomFunctionsShim, CustomFunctionsError, isExcelValue, type CustomFunctionsShim } from "./support/custom-functions";
import { parseFormula } from "./support/formula";
import { INVALID_CALLS } from "./support/samples";

jest.setTimeout(10 * 60 * 1000);

interface Metadata {
  functions: { id: string; parameters: { name: string }[] }[];
}

let metadata: Metadata;
let shim: CustomFunctionsShim;
let loadError: unknown = null;

beforeAll(() => {
  const dist = builtDist();
  metadata = JSON.parse(readFileSync(path.join(dist, "functions.json"), "utf8"));
  shim = createCustomFunctionsShim();
  const sandbox = vm.createContext({ CustomFunctions: shim });
  try {
    vm.runInContext(readFileSync(path.join(dist, "functions.js"), "utf8"), sandbox, { filename: "functions.js" });
  } catch (error) {
    loadError = error;
  }
});

function call(id: string, args: unknown[]): unknown {
  const fn = shim.registered.get(id) as (...a: unknown[]) => unknown;
  return fn(...args);
}

describe("built functions bundle", () => {
  it("registers exactly the ids in functions.json", () => {
    expect([...shim.registered.keys()].sort()).toEqual(metadata.functions.map((fn) => fn.id).sort());
    for (const fn of shim.registered.values()) expect(typeof fn).toBe("function");
  });

  it("loads without window, document or any other browser global", () => {
    expect(loadError === null ? "loaded" : String(loadError)).toBe("loaded");
  });

  it("answers each function's catalogue example with an Excel value", () => {
    for (const fn of metadata.functions) {
      const { id, args } = parseFormula(FUNCTION_CATALOGUE[fn.id].formula);
      expect(id).toBe(fn.id);
      let result: unknown;
      try {
        result = call(id, args);
      } catch (error) {
        result = { threw: String(error) };
      }
      expect({ id, result: isExcelValue(result) ? "Excel value" : result }).toEqual({ id, result: "Excel value" });
    }
  });

  it("answers an invalid call with a CustomFunctions.Error naming the problem", () => {
    for (const fn of metadata.functions) {
      const invalid = INVALID_CALLS[fn.id];
      if (fn.parameters.length === 0) {
        expect(invalid).toBeUndefined();
        continue;
      }
      let thrown: unknown = null;
      try {
        call(fn.id, invalid.args);
      } catch (error) {
        thrown = error;
      }
      expect({ id: fn.id, isExcelError: thrown instanceof CustomFunctionsError }).toEqual({ id: fn.id, isExcelError: true });
      const error = thrown as CustomFunctionsError;
      expect({ id: fn.id, code: error.code }).toEqual({ id: fn.id, code: invalid.code });
      expect(error.message).toMatch(invalid.message);
    }
  });
});
