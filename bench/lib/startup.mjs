// Start-up of the shipped functions bundle, as the JavaScript-only custom-functions runtime
// meets it: evaluate dist/functions.js in a fresh V8 context that has no DOM (only the
// CustomFunctions global it registers with), then answer the first QUARTER. That time covers
// parsing the script, parsing the embedded data (JSON.parse) and the first query's decoding
// and indexes. Each run uses a new context, so nothing is cached between runs.
import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { customFunctionsGlobal } from "./custom-functions.mjs";
import { median, timed } from "./timing.mjs";

/** A page's document as far as webpack's runtime looks at it (to find its own script's URL). */
const DOCUMENT_STUB = { currentScript: { tagName: "SCRIPT", src: "https://localhost/functions.js" }, getElementsByTagName: () => [] };

function runOnce(source, filename, withDocument) {
  const CustomFunctions = customFunctionsGlobal();
  const context = vm.createContext({ CustomFunctions, console, setTimeout, clearTimeout, ...(withDocument ? { document: DOCUMENT_STUB } : {}) });
  context.self = context;
  const evaluated = timed(() => new vm.Script(source, { filename }).runInContext(context));
  const quarter = CustomFunctions.registered.get("QUARTER");
  if (typeof quarter !== "function") throw new Error(`${filename} did not register QUARTER (registered: ${[...CustomFunctions.registered.keys()].join(", ") || "nothing"})`);
  const first = timed(() => quarter("2024Q4", null, null, null));
  return { evaluatedMs: evaluated.ms, firstQuarterMs: evaluated.ms + first.ms, value: first.value, registered: CustomFunctions.registered.size };
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
