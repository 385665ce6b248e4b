/**
 * How cost grows with data: the real records repeated 10× and 100× (SYNTHETIC — ids suffixed
 * "-X001"…, every other field unchanged, so sums scale exactly with the factor; their events copied
 * with the same suffixes), written by the
 * project's own generator into a temp directory; the functions layer (src/functions/functions.ts
 * and everything it imports) bundled with esbuild so its src/data/generated/*.json imports read
 * those files; then timed in a fresh Node process (lib/scaling-worker.mjs). Also CBPRICE's cost
 * by steps, through the shipped bundle's CBPRICE when a build is given.
 *
 *   node_modules/.bin/tsx bench/scaling.ts [dist dir]      prints one JSON object
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { build, type Plugin } from "esbuild";
import { generateDataFiles, parseDataTexts, type CoverageRecord } from "../src/data/build/generate";
import type { FinancingEvent } from "../src/data/event-types";
import type { Financing, IssuerInfo, SectorFigure } from "../src/data/types";
import { readDataTexts } from "../scripts/data-files";

const ROOT = resolve(__dirname, "..");
const FACTORS = [1, 10, 100];

function synthetic(factor: number, records: readonly Financing[]): Financing[] {
  const out: Financing[] = [];
  for (let copy = 0; copy < factor; copy++) {
    for (const record of records) out.push(copy === 0 ? record : { ...record, id: `${record.id}-X${String(copy).padStart(3, "0")}` });
  }
  return out;
}

/** The events copied with their financings (same suffixes), so each copy's balances are the real ones. */
function syntheticEvents(factor: number, events: readonly FinancingEvent[]): FinancingEvent[] {
  const out: FinancingEvent[] = [];
  for (let copy = 0; copy < factor; copy++) {
    const suffix = copy === 0 ? "" : `-X${String(copy).padStart(3, "0")}`;
    for (const event of events) {
      out.push(copy === 0 ? event : { ...event, financing_id: event.financing_id + suffix, related_financing_id: event.related_financing_id === null ? null : event.related_financing_id + suffix });
    }
  }
  return out;
}

/** esbuild: src/data/generated/<name>.json → <dir>/<name>.json. */
function generatedFrom(dir: string): Plugin {
  return {
    name: "synthetic-data",
    setup(build) {
      build.onResolve({ filter: /generated\/[a-z]+\.json$/ }, (args) => ({ path: join(dir, basename(args.path)) }));
    },
  };
}

function worker(args: string[]): Record<string, unknown> {
  const result = spawnSync(process.execPath, [join(__dirname, "lib", "scaling-worker.mjs"), ...args], { cwd: ROOT, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`scaling worker failed:\n${result.stderr}`);
  const lines = result.stdout.trim().split("\n");
  return JSON.parse(lines[lines.length - 1]) as Record<string, unknown>;
}

async function main(): Promise<void> {
  const dist = process.argv[2];
  const parsed = parseDataTexts(readDataTexts());
  const financings = parsed.lines.financings.map((line) => line.value as Financing);
  const sectorFigures = parsed.lines.sectorFigures.map((line) => line.value as SectorFigure);
  const issuers = parsed.lines.issuers.map((line) => line.value as IssuerInfo);
  const events = parsed.events.map((line) => line.value as FinancingEvent);
  const data = [];
  for (const factor of FACTORS) {
    const dir = mkdtempSync(join(tmpdir(), `minerdebt-bench-x${factor}-`));
    try {
      const files = generateDataFiles(synthetic(factor, financings), sectorFigures, issuers, parsed.asOf, parsed.lines.coverage as CoverageRecord, syntheticEvents(factor, events));
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
      const bundle = join(dir, "functions.cjs");
      await build({ entryPoints: [join(ROOT, "src", "functions", "functions.ts")], bundle: true, platform: "node", format: "cjs", target: "es2020", outfile: bundle, plugins: [generatedFrom(dir)], logLevel: "error",
        // Its source links come from <dir>/links.json on first use (bench/lib/custom-functions.mjs addinHostFetch).
        define: { __MINERDEBT_SOURCE_LINKS_URL__: JSON.stringify("https://bench.invalid/links.json") } });
      const figures = worker(["data", bundle]);
      if (figures.records !== financings.length * factor) throw new Error(`×${factor}: the worker saw ${String(figures.records)} financings, expected ${financings.length * factor}`);
      data.push({ factor, ...figures });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const cbprice = dist ? worker(["cbprice", join(dist, "functions.js")]).cbprice : null;
  process.stdout.write(`${JSON.stringify({ data, cbprice })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench/scaling.ts: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
