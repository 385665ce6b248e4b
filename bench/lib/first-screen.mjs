// Which JS files the task pane requests before its first screen is up, observed in a real
// browser: taskpane.html from a local server, office.js (Office's own, from its CDN) refused so
// the pane renders at once as it does outside Office, then wait until no request has started
// for a while. Needs Debian's chromium and playwright-core; returns null without them.
import { createReadStream, existsSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import path from "node:path";

const require = createRequire(import.meta.url);
const QUIET_MS = 1500;
const LIMIT_MS = 30_000;

function chromiumPath() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  for (const name of ["chromium", "chromium-browser"]) {
    try {
      return execFileSync("sh", ["-c", `command -v ${name}`]).toString().trim() || null;
    } catch {
      // not installed under this name
    }
  }
  return null;
}

function serve(root) {
  const server = createServer((req, res) => {
    const relative = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname).replace(/^\/+/, "");
    const file = path.resolve(root, relative);
    if (!file.startsWith(path.resolve(root) + path.sep) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const type = file.endsWith(".html") ? "text/html" : file.endsWith(".js") ? "text/javascript" : file.endsWith(".json") ? "application/json" : "application/octet-stream";
    res.writeHead(200, { "Content-Type": type, "Cache-Control": "no-store" });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** { files: [js file names requested, in order], ms } or null when no browser is available. */
export async function observeFirstScreen(dir, root) {
  const executablePath = chromiumPath();
  if (!executablePath) return null;
  let chromium;
  try {
    ({ chromium } = require(path.join(root, "node_modules", "playwright-core")));
  } catch {
    return null;
  }
  const server = await serve(dir);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath,
    timeout: LIMIT_MS,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage();
    const files = [];
    const errors = [];
    let lastRequest = Date.now();
    page.on("pageerror", (error) => errors.push(error.message));
    await page.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== origin) return route.abort();
      lastRequest = Date.now();
      if (url.pathname.endsWith(".js")) files.push(url.pathname.replace(/^\//, ""));
      return route.continue();
    });
    const started = Date.now();
    await page.goto(`${origin}/taskpane.html`, { waitUntil: "load" });
    await page.waitForFunction(() => (document.getElementById("root")?.childElementCount ?? 0) > 0, null, { timeout: LIMIT_MS });
    while (Date.now() - lastRequest < QUIET_MS && Date.now() - started < LIMIT_MS) await page.waitForTimeout(100);
    return { files, ms: Date.now() - started, errors };
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
}
