// Which JS files the task pane requests before its first screen is up, observed in a real
// browser at a task pane's size (350 × 900 px: Excel's default pane width, a laptop-height
// window): taskpane.html from a local server, office.js (Office's own, from its CDN) refused so
// the pane renders at once as it does outside Office, then wait until no request has started
// for a while. Then scroll everything that scrolls to the bottom and wait again: what the rest
// of the first tab loads when the user heads for it. A page error invalidates the observation
// (a crashed pane loads less). Needs Debian's chromium and playwright-core; null without them.
import { createReadStream, existsSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import path from "node:path";

const require = createRequire(import.meta.url);
const QUIET_MS = 1500;
const LIMIT_MS = 30_000;
export const PANE_VIEWPORT = { width: 350, height: 900 };

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

/**
 * { files: JS files requested for the first screen, afterScroll: JS files requested once the
 * tab is scrolled through, ms, errors } or null when no browser is available.
 */
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
    const page = await browser.newPage({ viewport: PANE_VIEWPORT });
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
    /** Until no request has started for QUIET_MS since the last action or request. */
    const settle = async () => {
      const from = Date.now();
      while (Date.now() - Math.max(lastRequest, from) < QUIET_MS && Date.now() - from < LIMIT_MS) await page.waitForTimeout(100);
    };
    await page.goto(`${origin}/taskpane.html`, { waitUntil: "load" });
    await page.waitForFunction(() => (document.getElementById("root")?.childElementCount ?? 0) > 0, null, { timeout: LIMIT_MS });
    await settle();
    const firstScreen = [...files];
    const ms = Date.now() - started;
    for (let pass = 0; pass < 3; pass++) {
      await page.evaluate(() => {
        window.scrollTo(0, document.body.scrollHeight);
        for (const element of document.querySelectorAll("*")) {
          const overflow = getComputedStyle(element).overflowY;
          if ((overflow === "auto" || overflow === "scroll") && element.scrollHeight > element.clientHeight) element.scrollTop = element.scrollHeight;
        }
      });
      await settle();
    }
    return { files: firstScreen, afterScroll: files.filter((file) => !firstScreen.includes(file)), ms, errors };
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
}
