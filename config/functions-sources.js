// The files whose top-level JSDoc-tagged functions are the MINERDEBT custom functions, in the
// order Excel's metadata (functions.json) lists them. custom-functions-metadata reads each file
// (it does not follow re-exports); webpack bundles src/functions/functions.ts, which imports them.
const path = require("path");

const FUNCTION_SOURCES = ["data-functions.ts", "cycle-functions.ts", "outstanding-functions.ts", "conversion-functions.ts", "valuation-functions.ts"].map((name) =>
  path.join(__dirname, "..", "src", "functions", name),
);

module.exports = { FUNCTION_SOURCES };
