/**
 * How cost grows with data: the real records repeated 10× and 100× (SYNTHETIC — ids suffixed
 * "-X001"…, every other field unchanged, so sums scale exactly with the factor), generated
 * with the project's own generator into a temp directory, then the data-function wrappers
 * timed in a fresh process whose src/data/generated/*.json resolve to those files
 * (lib/redirect-data.cjs). Also CBPRICE's cost by steps.
 *
 *   node_modules/.bin/tsx bench/scaling.ts          prints one JSON object
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { generateFiles, parseDataTexts } from "../src/data/build/generate";
import type { Financing, IssuerInfo, SectorFigure } from "../src/data/types";
import { readDataTexts } from "../scripts/data-files";

const ROOT = resolve(__dirname, "..");
const FACTORS = [1, 10, 100];

function synthetic(factor: number, records: readonly Financing[]): Financing[] {
  if (factor === 1) return [...records];
  const out: Financing[] = [];
  for (let copy = 0; copy < factor; copy++) {
    for (const record of records) out.push(copy === 0 ? record : { ...record, id: `${record.id}-X${String(copy).padStart(3, "0")}` });
  }
  return out;
}

function main(): void {
  const parsed = parseDataTexts(readDataTexts());
  const financings = parsed.lines.financings.map((line) => line.value as Financing);
  const sectorFigures = parsed.lines.sectorFigures.map((line) => line.value as SectorFigure);
  const issuers = parsed.lines.issuers.map((line) => line.value as IssuerInfo);
  const data = [];
  for (const factor of FACTORS) {
    const dir = mkdtempSync(join(tmpdir(), `minerdebt-bench-x${factor}-`));
    try {
      const files = generateFiles(synthetic(factor, financings), sectorFigures, issuers, parsed.asOf);
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
      const result = spawnSync(join(ROOT, "node_modules", ".bin", "tsx"), ["--require", join(__dirname, "lib", "redirect-data.cjs"), join(__dirname, "lib", "scaling-worker.ts")], {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, MINERDEBT_BENCH_DATA_DIR: dir },
      });
      if (result.status !== 0) throw new Error(`scaling worker (×${factor}) failed:\n${result.stderr}`);
      const lines = result.stdout.trim().split("\n");
      const figures = JSON.parse(lines[lines.length - 1]) as { records: number };
      if (figures.records !== financings.length * factor) throw new Error(`×${factor}: the worker saw ${figures.records} records, expected ${financings.length * factor} (redirect not applied?)`);
      data.push({ factor, ...figures });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  process.stdout.write(`${JSON.stringify({ data, cbprice: cbpriceBySteps() })}\n`);
}

function cbpriceBySteps(): { steps: number; ms: number }[] {
  // Same convert as bench/runtime.ts; through src/calc so this table does not depend on the wrapper.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { cbPrice } = require("../src/calc") as typeof import("../src/calc");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { throughput, FULL_TIMING } = require("./lib/timing") as typeof import("./lib/timing");
  return [50, 100, 200, 500, 1000, 2000].map((steps) => {
    const params = { sharePrice: 40, conversionPrice: 50, couponRate: 0, years: 5, volatility: 0.6, rate: 0.04, creditSpread: 0.05, callFromYears: 3, callTrigger: 1.3, putYears: 3, steps };
    return { steps, ms: throughput(() => cbPrice(params), { minMs: FULL_TIMING.minMs, samples: 3 }).msPerCall };
  });
}

main();
