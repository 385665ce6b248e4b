// The production build the size figures are measured on: the project's own webpack.config.js in
// production mode (what `npm run build` runs after its data step), written to a temporary
// directory (MINERDEBT_DIST_DIR) so dist/ is left alone, plus the chunk graph webpack knows
// (entry chunks, which async chunks each can load, module names) saved next to it.
import { createRequire } from "node:module";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const require = createRequire(import.meta.url);

/** Only what the size figures need from webpack's stats (the full stats are ~50 MB). */
const STATS_OPTIONS = {
  all: false,
  ids: true,
  hash: true,
  assets: true,
  entrypoints: true,
  chunkGroups: true,
  chunks: true,
  chunkRelations: true,
  chunkModules: true,
  nestedModules: true,
  // Every module, not the first few: the forbidden/polyfill checks and origins read them all.
  chunkModulesSpace: Infinity,
  nestedModulesSpace: Infinity,
  cachedModules: true,
  dependentModules: true,
  orphanModules: true,
  errors: true,
  warnings: true,
};

export const STATS_FILE = ".bench-chunk-graph.json";

/** Build into a fresh temp directory; resolves to { dir, stats, ms }. */
export async function productionBuild(root, log, revision = null) {
  const dir = mkdtempSync(path.join(tmpdir(), "minerdebt-bench-dist-"));
  const started = Date.now();
  // The config reads these when it is called; the preview (a dev-only page) stays out.
  process.env.MINERDEBT_DIST_DIR = dir;
  process.env.MINERDEBT_PREVIEW = "0";
  const webpack = require(path.join(root, "node_modules", "webpack"));
  const makeConfig = require(path.join(root, "webpack.config.js"));
  const config = await makeConfig({}, { mode: "production" });
  config.context = root;
  log(`building production bundles into ${dir} …`);
  const stats = await new Promise((resolve, reject) => {
    webpack(config, (error, result) => {
      if (error) reject(error);
      else resolve(result);
    });
  });
  const json = stats.toJson(STATS_OPTIONS);
  if (stats.hasErrors()) {
    throw new Error(`production build failed:\n${json.errors.map((e) => e.message ?? e).join("\n")}`);
  }
  const graph = { ...chunkGraph(json), revision };
  writeFileSync(path.join(dir, STATS_FILE), JSON.stringify(graph));
  return { dir, graph, ms: Date.now() - started };
}

/** A build made earlier by this bench (it left its chunk graph behind), or null. */
export function reuseBuild(dir) {
  const file = path.join(dir, STATS_FILE);
  if (!existsSync(path.join(dir, "functions.html")) || !existsSync(file)) return null;
  return { dir, graph: JSON.parse(readFileSync(file, "utf8")), ms: 0 };
}

/** [name, size before minification] of every module in a chunk (concatenated ones unpacked). */
function chunkModules(chunk) {
  const out = [];
  const walk = (modules) => {
    for (const m of modules ?? []) {
      if (m.modules) walk(m.modules);
      else if (m.name) out.push([m.name, m.size ?? 0]);
    }
  };
  walk(chunk.modules);
  return out;
}

/** Entry points, chunk groups and chunks, reduced to ids, files and module names. */
function chunkGraph(json) {
  const chunks = {};
  for (const chunk of json.chunks) {
    chunks[chunk.id] = {
      id: chunk.id,
      names: chunk.names,
      files: chunk.files.filter((file) => file.endsWith(".js")),
      initial: chunk.initial,
      children: chunk.children,
      modules: chunkModules(chunk),
    };
  }
  const groups = (record) =>
    Object.fromEntries(Object.entries(record ?? {}).map(([name, group]) => [name, group.chunks]));
  return {
    hash: json.hash,
    entrypoints: groups(json.entrypoints),
    namedChunkGroups: groups(json.namedChunkGroups),
    chunks,
    warnings: (json.warnings ?? []).map((w) => w.message ?? String(w)),
  };
}
