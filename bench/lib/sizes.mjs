// Bundle sizes from a production build and its chunk graph. gzip = zlib level 9 (what
// `gzip -9` and static hosts' precompression produce, ±1%); 1 KB = 1024 bytes throughout.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export function gzipSize(buffer) {
  return gzipSync(buffer, { level: 9 }).length;
}

function fileSize(dir, file) {
  const buffer = readFileSync(path.join(dir, file));
  return { file, bytes: buffer.length, gzipBytes: gzipSize(buffer) };
}

function total(files) {
  return {
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
  };
}

/** Local <script src> of an HTML page (scripts from another origin, i.e. office.js, are Office's own). */
export function localScripts(html) {
  // Quoted or not (the built HTML is minified: <script src=functions.js>).
  const sources = [...html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map((m) => m[1] ?? m[2] ?? m[3]);
  return {
    local: sources.filter((src) => !/^(https?:)?\/\//i.test(src)).map((src) => src.replace(/^\.?\//, "").replace(/[?#].*$/, "")),
    external: sources.filter((src) => /^(https?:)?\/\//i.test(src)),
  };
}

/** Every chunk reachable through async imports from `ids` (not including them). */
function asyncDescendants(graph, ids) {
  const seen = new Set(ids);
  const out = [];
  const queue = [...ids];
  while (queue.length > 0) {
    const chunk = graph.chunks[queue.shift()];
    for (const child of chunk?.children ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

const POLYFILL = /(^|[\\/])node_modules[\\/](core-js|core-js-pure|regenerator-runtime|@babel[\\/]polyfill|whatwg-fetch|es6-promise|promise-polyfill)[\\/]/;
/** What the functions bundle must never contain (SPEC §2: no React/Fluent; build-time code and the pane's long text stay out). */
const NOT_IN_FUNCTIONS = [
  { label: "React", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
  { label: "Fluent UI", test: /node_modules[\\/]@fluentui[\\/]/ },
  { label: "zod", test: /node_modules[\\/]zod[\\/]/ },
  { label: "detail.json", test: /generated[\\/]detail\.json/ },
  { label: "validation (src/data/validate.ts)", test: /src[\\/]data[\\/]validate\.ts/ },
  { label: "data build code (src/data/build)", test: /src[\\/]data[\\/]build[\\/]/ },
];

function modulesOf(graph, ids) {
  return ids.flatMap((id) => (graph.chunks[id]?.modules ?? []).map(([name]) => name));
}

/** Where the bytes come from: source size before minification, by npm package or src/ folder. */
function origins(graph, ids, top = 12) {
  const totals = new Map();
  for (const id of ids) {
    for (const [name, size] of graph.chunks[id]?.modules ?? []) {
      const pkg = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(name)?.[1]?.replace(/\\/g, "/");
      const key = pkg ?? (/^\.\/(src\/[^/]+(?:\/[^/]+)?)\//.exec(name)?.[1] ?? name);
      totals.set(key, (totals.get(key) ?? 0) + size);
    }
  }
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([origin, sourceBytes]) => ({ origin, sourceBytes }));
}

function chunkLabel(graph, id) {
  const chunk = graph.chunks[id];
  const groups = Object.entries(graph.namedChunkGroups)
    .filter(([, chunks]) => chunks.includes(id))
    .map(([name]) => name);
  const names = chunk.names.length > 0 ? chunk.names : groups.length > 0 ? [`shared by ${groups.join(", ")}`] : [];
  const data = chunk.modules.map(([name]) => name).filter((m) => /generated[\\/].+\.json$/.test(m)).map((m) => path.basename(m));
  return [...names, ...data].join("; ") || `chunk ${id}`;
}

function chunkFiles(dir, graph, ids) {
  return ids.flatMap((id) => graph.chunks[id].files.map((file) => ({ ...fileSize(dir, file), chunk: id, label: chunkLabel(graph, id) })));
}

/** functions.html and everything it loads: its local scripts and every chunk they can load. */
export function functionsBundle(dir, graph) {
  const htmlFile = "functions.html";
  const html = readFileSync(path.join(dir, htmlFile), "utf8");
  const scripts = localScripts(html);
  const entry = graph.entrypoints.functions ?? [];
  const entryFiles = entry.flatMap((id) => graph.chunks[id].files);
  const stray = scripts.local.filter((src) => !entryFiles.includes(src));
  const lazy = asyncDescendants(graph, entry);
  const files = [fileSize(dir, htmlFile), ...chunkFiles(dir, graph, entry), ...stray.map((file) => fileSize(dir, file)), ...chunkFiles(dir, graph, lazy)];
  const modules = modulesOf(graph, [...entry, ...lazy]);
  // Not loaded with the page: fetched by the functions the first time a call needs a source URL.
  const sourceLinks = readdirSync(dir).filter((file) => /^source-links\.[0-9a-f]{8}\.json$/.test(file));
  if (sourceLinks.length !== 1) throw new Error(`expected one source-links.<hash>.json in ${dir}, found ${sourceLinks.length}`);
  return {
    ...total(files),
    files,
    onFirstSourceUrl: fileSize(dir, sourceLinks[0]),
    externalScripts: scripts.external,
    asyncChunks: lazy.length,
    polyfillModules: modules.filter((m) => POLYFILL.test(m)),
    forbiddenModules: NOT_IN_FUNCTIONS.flatMap(({ label, test }) => modules.filter((m) => test.test(m)).map((m) => `${label}: ${m}`)),
    origins: origins(graph, [...entry, ...lazy]),
  };
}

/**
 * The task pane's JS before its first render: the entry chunks plus the lazy chunks the first
 * screen requests at once (observed in a browser, or the named chunk groups in budgets.json
 * when no browser is available). Every other lazy chunk is listed separately.
 */
export function taskpaneBundle(dir, graph, firstScreen) {
  const entry = graph.entrypoints.taskpane ?? [];
  const entryFiles = entry.flatMap((id) => graph.chunks[id].files);
  const stray = localScripts(readFileSync(path.join(dir, "taskpane.html"), "utf8")).local.filter((src) => !entryFiles.includes(src) && src.endsWith(".js"));
  const lazy = asyncDescendants(graph, entry);
  let firstIds;
  if (firstScreen.files) {
    firstIds = lazy.filter((id) => graph.chunks[id].files.some((file) => firstScreen.files.includes(file)));
  } else {
    const missing = firstScreen.groups.filter((name) => !graph.namedChunkGroups[name]);
    if (missing.length > 0) throw new Error(`budgets.json names first-screen chunk groups the build does not have: ${missing.join(", ")}`);
    firstIds = [...new Set(firstScreen.groups.flatMap((name) => graph.namedChunkGroups[name]))].filter((id) => lazy.includes(id));
  }
  const initialFiles = [...chunkFiles(dir, graph, entry), ...stray.map((file) => fileSize(dir, file)), ...chunkFiles(dir, graph, firstIds)];
  const lazyFiles = chunkFiles(dir, graph, lazy.filter((id) => !firstIds.includes(id)));
  // What the first tab adds once scrolled through (the parts it reveals on the way): informative.
  const scrolled = firstScreen.afterScroll ? lazyFiles.filter((file) => firstScreen.afterScroll.includes(file.file)) : null;
  const modules = modulesOf(graph, [...entry, ...firstIds]);
  return {
    initial: { ...total(initialFiles), files: initialFiles, firstScreenSource: firstScreen.source, origins: origins(graph, [...entry, ...firstIds], 20) },
    lazy: { ...total(lazyFiles), files: lazyFiles.sort((a, b) => b.gzipBytes - a.gzipBytes) },
    ...(scrolled ? { firstTabScrolledThrough: { ...total([...initialFiles, ...scrolled]), addedFiles: scrolled.map((file) => file.file) } } : {}),
    polyfillModules: modules.filter((m) => POLYFILL.test(m)),
  };
}
