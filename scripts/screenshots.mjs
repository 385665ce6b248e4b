#!/usr/bin/env node
// Screenshots of the task pane's tabs (Explore, Deal with calculator, Functions, About) in light
// and dark theme, from headless Chromium at a task pane's width, into docs/screenshots/.
//
//   node scripts/screenshots.mjs            build to /tmp/tp-shot, then shoot
//   node scripts/screenshots.mjs --no-build reuse /tmp/tp-shot (or MINERDEBT_SHOT_DIR)
//
// The production build is served over plain http on 127.0.0.1 by a tiny static server; the
// office.js CDN URL is answered with node_modules/@microsoft/office-js/dist/office.js, so
// Office.onReady resolves (host null: the pane runs "outside Excel"). Every other non-local
// request is aborted: the pane must not need the network. Chromium: CHROMIUM_PATH, else
// /usr/bin/chromium.
import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, mkdirSync, statSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const distDir = process.env.MINERDEBT_SHOT_DIR || "/tmp/tp-shot";
const outDir = path.join(root, "docs", "screenshots");
const officeJs = path.join(root, "node_modules", "@microsoft", "office-js", "dist", "office.js");
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** Excel's task pane is about 320–350 px wide: the README shows what an analyst sees there. */
const WIDTH = 350;
const HEIGHT = 900;
/** A convertible with a capped call and net-share settlement (TeraWulf, Aug 2025). */
const DEAL_ID = "WULF-2025-08-CVT-2031";

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json", ".png": "image/png", ".xml": "application/xml" };

function build() {
  console.log(`Building the production bundle into ${distDir} …`);
  const result = spawnSync("npx", ["webpack", "--mode", "production"], {
    cwd: root,
    env: { ...process.env, MINERDEBT_DIST_DIR: distDir },
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("webpack failed");
}

function serve(dir) {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end("not found");
      return;
    }
    response.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Non-local URLs the page asked for (aborted): reported at the end. */
const blocked = new Set();

async function preparePage(browser, base, theme) {
  const context = await browser.newContext({ viewport: { width: WIDTH, height: HEIGHT }, deviceScaleFactor: 1, colorScheme: theme });
  const page = await context.newPage();
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url === OFFICE_CDN) return route.fulfill({ path: officeJs, contentType: "text/javascript" });
    if (url.startsWith(base)) return route.continue();
    blocked.add(url);
    return route.abort();
  });
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => {
    // Aborted non-local requests log "Failed to load resource": reported as blocked URLs instead.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) errors.push(message.text());
  });
  return { context, page, errors };
}

/** Scroll the pane's body (the scrolling element) so `selector` is at its top. */
async function scrollTo(page, selector) {
  await page.evaluate((sel) => {
    const target = document.querySelector(sel);
    const body = document.querySelector("main");
    if (target && body) body.scrollTop = target.getBoundingClientRect().top - body.getBoundingClientRect().top + body.scrollTop - 8;
  }, selector);
}

async function shoot(page, name) {
  const file = path.join(outDir, `${name}.png`);
  await page.waitForTimeout(300);
  await page.screenshot({ path: file });
  console.log(`  ${path.relative(root, file)}`);
}

async function main() {
  if (!process.argv.includes("--no-build")) build();
  if (!existsSync(path.join(distDir, "taskpane.html"))) throw new Error(`No build in ${distDir}`);
  mkdirSync(outDir, { recursive: true });
  const server = await serve(distDir);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const problems = [];
  try {
    for (const theme of ["light", "dark"]) {
      console.log(`${theme}:`);
      const { context, page, errors } = await preparePage(browser, base, theme);

      await page.goto(`${base}taskpane.html?theme=${theme}`);
      await page.waitForSelector("[data-testid=summary-total]");
      await shoot(page, `explore-${theme}`);
      // The chart and the list load when the pane is scrolled towards them (below the first screen).
      await scrollTo(page, "#chart-heading");
      await page.waitForSelector("[role=figure] svg");
      await page.waitForSelector("[data-deal-id]");
      await shoot(page, `explore-chart-grid-${theme}`);

      await page.goto(`${base}taskpane.html?theme=${theme}&deal=${DEAL_ID}`);
      await page.waitForSelector("#calculator-heading");
      await page.getByLabel("Shares outstanding").fill("400,000,000");
      await page.waitForSelector("[data-testid=dilution-results]");
      await page.waitForSelector("[role=figure] svg");
      await page.waitForSelector("text=Sources (");
      // Typing scrolled the body to the field: the first shot shows the deal from its top.
      await page.evaluate(() => (document.querySelector("main").scrollTop = 0));
      await shoot(page, `deal-${theme}`);
      await scrollTo(page, "#calculator-heading");
      await shoot(page, `deal-calculator-${theme}`);

      await page.goto(`${base}taskpane.html?theme=${theme}&tab=functions`);
      await page.waitForSelector("[data-testid^=example-]");
      await shoot(page, `functions-${theme}`);

      await page.goto(`${base}taskpane.html?theme=${theme}&tab=about`);
      await page.waitForSelector("[data-testid=about-version]");
      await page.waitForSelector("text=distinct links");
      await shoot(page, `about-${theme}`);

      if (errors.length > 0) problems.push(...errors.map((e) => `${theme}: ${e}`));
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  if (blocked.size > 0) console.log(`Blocked (not local): ${[...blocked].join(", ")}`);
  if (problems.length > 0) {
    console.error("Errors in the page:\n" + problems.join("\n"));
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
