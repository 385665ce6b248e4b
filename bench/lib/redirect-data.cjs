// Preload (node --require) for the growth benchmark: the data modules' generated files
// (src/data/generated/*.json) resolve to the synthetic copies in MINERDEBT_BENCH_DATA_DIR,
// so the product's own code runs unchanged on 10× / 100× the records.
const Module = require("node:module");
const path = require("node:path");

const dir = process.env.MINERDEBT_BENCH_DATA_DIR;
const generated = path.join("src", "data", "generated") + path.sep;
if (dir) {
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, parent, ...rest) {
    const resolved = resolve.call(this, request, parent, ...rest);
    const at = resolved.lastIndexOf(generated);
    return at >= 0 ? path.join(dir, resolved.slice(at + generated.length)) : resolved;
  };
}
