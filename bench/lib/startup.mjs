// Start-up of the shipped functions bundle, as the JavaScript-only custom-functions runtime
// meets it: evaluate dist/functions.js in a fresh V8 context that has no DOM (only the
// CustomFunctions global it registers with), then answer the first QUARTER. That time covers
// parsing the script, parsing the embedded data (JSON.parse) and the first query's decoding
// and indexes. Each run uses a new context, so nothing is cached between runs.
import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import vm from "node:vm";

function customFunctionsGlobal() {
  class CustomFunctionsError extends Error {
    constructor(code = "#VALUE!", message) {
      super(message);
      this.code = code;
    }
  }
  const registered = new Map();
  return {
    Error: CustomFunctionsError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!" },
    associate(id, fn) {
      if (typeof id === "string") registered.set(id.toUpperCase(), fn);
      else for (const [key, value] of Object.entries(id)) registered.set(key.toUpperCase(), value);
    },
    registered,
  };
}

/** A page's document as far as webpack's runtime looks at it (to find its own script's URL). */
const DOCUMENT_STUB = { currentScript: { tagName: "SCRIPT", src: "https://localhost/functions.js" }, getElementsByTagName: () => [] };

function runOnce(source, filename, withDocument) {
  const CustomFunctions = customFunctionsGlobal();
  const context = vm.createContext({ CustomFunctions, console, setTimeout, clearTimeout, ...(withDocument ? { document: DOCUMENT_STUB } : {}) });
  context.self = context;
  const started = performance.now();
  const script = new vm.Script(source, { filename });
  script.runInContext(context);
  const evaluatedMs = performance.now() - started;
  const quarter = CustomFunctions.registered.get("QUARTER");
  if (typeof quarter !== "function") throw new Error(`${filename} did not register QUARTER (registered: ${[...CustomFunctions.registered.keys()].join(", ") || "nothing"})`);
  const value = quarter("2024Q4", null, null, null);
  const firstQuarterMs = performance.now() - started;
  return { evaluatedMs, firstQuarterMs, value, registered: CustomFunctions.registered.size };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Median over `runs` fresh contexts. If the bundle cannot start without a DOM (webpack's chunk
 * runtime looks for its script element), that is reported and the timing is taken with a
 * minimal document stub instead.
 */
export function measureStartup(dir, runs) {
  const file = path.join(dir, "functions.js");
  const source = readFileSync(file, "utf8");
  let withoutDom = null;
  try {
    runOnce(source, file, false);
  } catch (error) {
    withoutDom = `functions.js throws when evaluated without a DOM: ${error.message}`;
  }
  const results = [];
  for (let i = 0; i < runs; i++) results.push(runOnce(source, file, withoutDom !== null));
  return {
    startsWithoutDom: withoutDom === null,
    ...(withoutDom ? { error: withoutDom } : {}),
    evaluateMs: median(results.map((r) => r.evaluatedMs)),
    firstQuarterMs: median(results.map((r) => r.firstQuarterMs)),
    runs,
    functionsRegistered: results[0].registered,
    firstQuarterValue: results[0].value,
  };
}
