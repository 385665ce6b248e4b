// `npm run test:e2e`: real Chromium (Debian's `chromium`, driven by playwright-core) against
//   1. a development build with the workbook preview (MINERDEBT_PREVIEW=1), and
//   2. the production build (what dist/ ships),
// each built into a temp dir and served on 127.0.0.1 by a small static server. The CDN's office.js
// is answered from the npm copy (node_modules/@microsoft/office-js/dist), so Office.onReady resolves
// (host null) with no network. Prints `e2e: N passed, M failed`; exits non-zero on any failure.
//
// Options (environment): CHROMIUM_PATH (default: `command -v chromium`), MINERDEBT_E2E_PREVIEW_DIR /
// MINERDEBT_E2E_DIST_DIR (reuse existing builds instead of building), MINERDEBT_E2E_KEEP=1 (keep temp dirs),
// MINERDEBT_E2E_ONLY=preview,inserts,production,layout (run some suites only), MINERDEBT_E2E_SCREENSHOTS=docs
// (write the screenshots to docs/screenshots instead of test-results/screenshots).
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { fail, summary } from "./harness.mjs";
import { insertTests } from "./inserts.e2e.mjs";
import { layoutTests } from "./layout.e2e.mjs";
import { previewTests } from "./preview.e2e.mjs";
import { productionTests } from "./production.e2e.mjs";
import { serveDirectory } from "./server.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const RESULTS = path.join(ROOT, "test-results");
// Screenshots go to the ignored test-results/ folder, so a test run leaves the tree clean; the
// committed docs/screenshots/e2e-*.png are refreshed only on request (`npm run screenshots:e2e`).
const SCREENSHOTS = process.env.MINERDEBT_E2E_SCREENSHOTS === "docs" ? path.join(ROOT, "docs", "screenshots") : path.join(RESULTS, "screenshots");
const CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

function findChromium() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ["chromium", "chromium-browser"]) {
    try {
      const found = execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim();
      if (found) return found;
    } catch {
      // not on PATH: try the next name
    }
  }
  throw new Error("No Chromium found: install Debian's `chromium` package (apt-get install chromium) or set CHROMIUM_PATH");
}

/** Runs webpack in a child process; resolves with its output, rejects with it on failure. */
function build(label, mode, outDir, extraEnv) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", mode], {
      cwd: ROOT,
      env: { ...process.env, MINERDEBT_DIST_DIR: outDir, ...extraEnv },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => {
      if (code === 0) {
        console.log(`built ${label} in ${((Date.now() - started) / 1000).toFixed(1)} s → ${outDir}`);
        resolve(output);
      } else reject(new Error(`${label} build failed (exit ${code}):\n${output.slice(-4000)}`));
    });
  });
}

const ONLY = process.env.MINERDEBT_E2E_ONLY ? new Set(process.env.MINERDEBT_E2E_ONLY.split(",")) : null;
const runs = (suite) => ONLY === null || ONLY.has(suite);

async function main() {
  const started = Date.now();
  mkdirSync(SCREENSHOTS, { recursive: true });
  mkdirSync(RESULTS, { recursive: true });
  const work = mkdtempSync(path.join(tmpdir(), "minerdebt-e2e-"));
  const previewDir = process.env.MINERDEBT_E2E_PREVIEW_DIR ? path.resolve(process.env.MINERDEBT_E2E_PREVIEW_DIR) : path.join(work, "preview");
  const distDir = process.env.MINERDEBT_E2E_DIST_DIR ? path.resolve(process.env.MINERDEBT_E2E_DIST_DIR) : path.join(work, "dist");

  let chromium;
  let executablePath;
  try {
    ({ chromium } = await import("playwright-core"));
    executablePath = findChromium();
    console.log(`chromium: ${executablePath}`);
  } catch (error) {
    fail("browser available", error);
    return finish(work, started);
  }

  // Both builds at once: they write to different directories.
  const builds = await Promise.allSettled([
    process.env.MINERDEBT_E2E_PREVIEW_DIR ? Promise.resolve() : build("preview (development)", "development", previewDir, { MINERDEBT_PREVIEW: "1" }),
    process.env.MINERDEBT_E2E_DIST_DIR
      ? Promise.resolve()
      : build("production", "production", distDir, { MINERDEBT_PREVIEW: "0", MINERDEBT_BASE_URL: "https://addins.example.org/minerdebt/" }),
  ]);
  const [previewBuild, productionBuild] = builds;
  if (previewBuild.status === "rejected") fail("preview build", previewBuild.reason);
  if (productionBuild.status === "rejected") fail("production build", productionBuild.reason);

  const userDataDir = path.join(work, "profile");
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1760, height: 900 },
    deviceScaleFactor: 1,
    locale: "en-US",
    timezoneId: "UTC",
  });
  try {
    if (previewBuild.status === "fulfilled") {
      const server = await serveDirectory(previewDir);
      try {
        if (runs("preview")) await previewTests({ context, origin: server.origin, root: ROOT, screenshots: SCREENSHOTS });
        if (runs("inserts")) await insertTests({ context, origin: server.origin, root: ROOT, screenshots: SCREENSHOTS });
      } finally {
        await server.close();
      }
    }
    if (productionBuild.status === "fulfilled") {
      const server = await serveDirectory(distDir);
      try {
        if (runs("production")) await productionTests({ context, origin: server.origin, root: ROOT, distDir, screenshots: SCREENSHOTS, results: RESULTS });
        if (runs("layout")) await layoutTests({ context, origin: server.origin, root: ROOT, screenshots: SCREENSHOTS });
      } finally {
        await server.close();
      }
    }
  } catch (error) {
    fail("e2e run", error);
  } finally {
    await context.close();
  }
  return finish(work, started);
}

function finish(work, started) {
  if (process.env.MINERDEBT_E2E_KEEP !== "1") rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
  const { passed, failed } = summary();
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    console.log("e2e: 0 passed, 1 failed");
    process.exit(1);
  },
);

