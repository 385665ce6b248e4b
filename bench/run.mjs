#!/usr/bin/env node
// `npm run bench`: MinerDebt's performance figures and budgets (BENCHMARKS.md).
//
//   npm run bench                 full run: production build, sizes, start-up, calls/s of the
//                                 shipped functions, CBPRICE timing, sync counts, growth with
//                                 10×/100× data;
//                                 writes bench/results.json; exits 1 if any budget is missed
//   npm run bench -- --quick      CI: same figures with short samples and no growth table;
//                                 enforces only the deterministic budgets (sizes, sync counts)
//   --dist <dir>                  reuse a build this bench made earlier (kept with --keep)
//   --keep                        keep the temporary build and print its path
//   --no-browser                  do not start Chromium to observe the task pane's first screen
//   --out <file>                  where to write the results (default: bench/results.json;
//                                 with --quick, a file in the OS temp directory)
import { spawnSync } from "node:child_process";
import { cpus, loadavg, tmpdir } from "node:os";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { productionBuild, reuseBuild } from "./lib/build.mjs";
import { functionsBundle, taskpaneBundle } from "./lib/sizes.mjs";
import { PANE_VIEWPORT, observeFirstScreen } from "./lib/first-screen.mjs";
import { measureStartup } from "./lib/startup.mjs";
import { collectFigures, checkBudgets, formatTable } from "./lib/report.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const keep = args.includes("--keep");
const useBrowser = !args.includes("--no-browser");
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const log = (line) => process.stderr.write(`bench: ${line}\n`);

function machine() {
  const info = readFileSync("/proc/cpuinfo", "utf8");
  const model = /^model name\s*:\s*(.+)$/m.exec(info)?.[1] ?? cpus()[0]?.model ?? "unknown";
  return { cpuModel: model, nproc: cpus().length, node: process.version, platform: `${process.platform} ${process.arch}`, loadAverage1mAtStart: loadavg()[0] };
}

/** Run a bench module in a fresh process (TypeScript ones with the project's tsx); its last stdout line is JSON. */
function runModule(file, extraArgs = []) {
  const command = file.endsWith(".ts") ? path.join(ROOT, "node_modules", ".bin", "tsx") : process.execPath;
  const result = spawnSync(command, [path.join(ROOT, "bench", file), ...extraArgs], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${file} failed (exit ${result.status}):\n${result.stderr}`);
  const lines = result.stdout.trim().split("\n");
  return JSON.parse(lines[lines.length - 1]);
}

/** The commit measured, and whether the working tree differed from it (other sessions' edits). */
function revision() {
  const git = (...gitArgs) => spawnSync("git", gitArgs, { cwd: ROOT, encoding: "utf8" });
  const head = git("rev-parse", "--short", "HEAD");
  if (head.status !== 0) return null;
  const changed = git("status", "--porcelain", "--untracked-files=no", "--", "src", "webpack.config.js", "package.json").stdout.trimEnd();
  return { commit: head.stdout.trim(), uncommittedSourceChanges: changed === "" ? [] : changed.split("\n").map((line) => line.slice(3)) };
}

async function getBuild() {
  const dist = option("--dist") ?? process.env.MINERDEBT_BENCH_DIST;
  if (dist) {
    const reused = reuseBuild(path.resolve(dist));
    if (!reused) throw new Error(`${dist} is not a build made by this bench (no chunk graph); run without --dist`);
    log(`reusing the build in ${reused.dir}`);
    return { ...reused, temporary: false };
  }
  const built = await productionBuild(ROOT, log, revision());
  log(`built in ${(built.ms / 1000).toFixed(1)} s`);
  return { ...built, temporary: !keep };
}

async function main() {
  const started = Date.now();
  const budgets = JSON.parse(readFileSync(path.join(ROOT, "bench", "budgets.json"), "utf8"));
  const results = { generatedAt: new Date().toISOString(), mode: quick ? "quick" : "full", machine: machine() };

  const build = await getBuild();
  // What was built (a reused build keeps the revision it was built from).
  results.revision = build.graph.revision ?? null;
  try {
    results.build = { ms: build.ms, hash: build.graph.hash };
    results.functions = functionsBundle(build.dir, build.graph);

    let firstScreen = { groups: budgets.taskpaneFirstScreen.chunkGroups, source: "budgets.json taskpaneFirstScreen (no browser)" };
    if (useBrowser) {
      log("observing the task pane's first screen in Chromium …");
      try {
        const observed = await observeFirstScreen(build.dir, ROOT);
        if (!observed) log("no Chromium/playwright-core: using the first-screen chunk groups in budgets.json");
        else if (observed.errors.length > 0) {
          log(`the pane threw in Chromium (${observed.errors[0]}); using the first-screen chunk groups in budgets.json`);
          firstScreen.errors = observed.errors;
        } else {
          firstScreen = {
            files: observed.files,
            afterScroll: observed.afterScroll,
            source: `observed in Chromium at ${PANE_VIEWPORT.width}×${PANE_VIEWPORT.height} px (${observed.files.length} JS files, ${observed.ms} ms)`,
          };
        }
      } catch (error) {
        log(`browser observation failed (${error.message.split("\n")[0]}); using budgets.json`);
      }
    }
    results.taskpane = taskpaneBundle(build.dir, build.graph, firstScreen);
    if (firstScreen.errors?.length) results.taskpane.pageErrors = firstScreen.errors;

    log("start-up of functions.js …");
    results.startup = measureStartup(build.dir, quick ? 5 : 21);

    log("calls per second of the shipped functions …");
    results.throughput = runModule("lib/throughput.mjs", [build.dir, ...(quick ? ["--quick"] : [])]);
    if (!quick) {
      log("growth with 10× and 100× synthetic data, CBPRICE by steps …");
      results.scaling = runModule("scaling.ts", [build.dir]);
    }
  } finally {
    if (build.temporary) rmSync(build.dir, { recursive: true, force: true });
    else if (keep) log(`build kept in ${build.dir} (reuse: npm run bench -- --dist ${build.dir})`);
  }

  log("context.sync calls of table inserts (Excel adapter, fake Excel) …");
  results.syncs = runModule("syncs.ts");
  results.machine.loadAverage1mAtEnd = loadavg()[0];
  results.seconds = Math.round((Date.now() - started) / 100) / 10;

  const figures = collectFigures(results);
  const verdicts = checkBudgets(figures, budgets.budgets, { quick });
  results.figures = figures;
  results.budgets = verdicts;

  const out = option("--out") ?? (quick ? path.join(tmpdir(), "minerdebt-bench-results.quick.json") : path.join(ROOT, "bench", "results.json"));
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${formatTable(results, verdicts, { quick })}\n`);
  process.stdout.write(`results: ${path.relative(ROOT, out).startsWith("..") ? out : path.relative(ROOT, out)} (${results.seconds} s)\n`);
  for (const v of verdicts.filter((verdict) => verdict.status === "MISSED (acknowledged)")) {
    process.stdout.write(
      `\nbudget missed (acknowledged): ${v.key} ${v.value} > ${v.budget.max}; fails above ${v.budget.acknowledgedMiss.ceiling}. ${v.budget.acknowledgedMiss.why}\n`,
    );
  }
  const failed = verdicts.filter((v) => v.status === "FAIL");
  if (failed.length > 0) {
    process.stdout.write(`\n${failed.length} budget${failed.length === 1 ? "" : "s"} missed: ${failed.map((v) => v.key).join(", ")}\n`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error.stack ?? error}\n`);
  process.exitCode = 2;
});

