// The production build (what dist/ ships): the task pane loads in Chromium with no console errors and
// requests nothing outside its own origin except office.js; the preview is not part of it.
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { assert, test, watchPage } from "./harness.mjs";
import { OFFICE_CDN, routeNetwork } from "./office.mjs";

export async function productionTests({ context, origin, root, distDir, screenshots, results }) {
  const none = [];

  await test("production build: no preview page, no office.js copy, no HyperFormula", none, async () => {
    for (const file of ["preview.html", "preview.js", "office-js/office.js"]) {
      assert.ok(!existsSync(path.join(distDir, file)), `dist/ must not contain ${file}`);
    }
    assert.ok(existsSync(path.join(distDir, "taskpane.html")), "dist/taskpane.html exists");
    const bundles = readdirSync(distDir).filter((file) => file.endsWith(".js"));
    assert.ok(bundles.length > 0);
    for (const file of bundles) {
      assert.ok(!readFileSync(path.join(distDir, file), "utf8").includes("HyperFormula"), `${file} must not contain HyperFormula`);
    }
  });

  const page = await context.newPage();
  const problems = watchPage(page, "taskpane.html");
  const external = await routeNetwork(page, root, origin);
  const requests = [];
  page.on("request", (request) => requests.push({ url: request.url(), type: request.resourceType(), frame: request.frame()?.url() ?? "" }));
  const failedRequests = [];
  page.on("requestfailed", (request) => failedRequests.push(`${request.url()} (${request.failure()?.errorText})`));

  try {
    await test("production task pane loads with office.js from the npm copy, no console errors", problems, async () => {
      await page.goto(`${origin}/taskpane.html`, { waitUntil: "load" });
      // Office.onReady resolves outside Office with host null.
      const host = await page.evaluate(() => Office.onReady().then((info) => info.host));
      assert.equal(host, null);
      await page.getByRole("tab", { name: "Explore" }).waitFor({ timeout: 15000 });
      await page.getByRole("tab", { name: "About" }).waitFor();
      await page.getByRole("button", { name: "Insert table" }).waitFor();
      // Outside Excel the pane says inserts need Excel (the unavailable adapter), and does not crash.
      await page.screenshot({ path: path.join(screenshots, "e2e-production-taskpane.png") });
    });

    await test("production task pane: every request stays on its origin (office.js aside)", problems, async () => {
      // Each tab (the lazy ones load their chunks) once, then let late requests arrive.
      for (const tab of ["Cycles", "Functions", "About", "Explore"]) {
        await page.getByRole("tab", { name: tab }).click();
        await page.getByRole("tabpanel").waitFor();
        await page.waitForTimeout(500);
      }
      const outside = requests.filter((request) => {
        const url = new URL(request.url);
        return url.protocol !== "data:" && url.protocol !== "blob:" && url.origin !== origin;
      });
      const notOffice = outside.filter((request) => !request.url.startsWith(OFFICE_CDN) && !external.some((entry) => entry.url === request.url && entry.handled === "office-telemetry"));
      writeFileSync(
        path.join(results, "production-requests.json"),
        JSON.stringify({ origin, requests, external, failed: failedRequests }, null, 2),
      );
      assert.deepEqual(notOffice.map((request) => request.url), [], "requests outside the pane's origin other than office.js");
      assert.ok(outside.some((request) => request.url === `${OFFICE_CDN}office.js`), "office.js was requested from its CDN URL (answered locally)");
      assert.deepEqual(failedRequests, [], "failed requests");
      assert.ok(requests.some((request) => request.url === `${origin}/taskpane.js`), "taskpane.js loaded from the origin");
    });
  } finally {
    await page.close();
  }

  // The Then vs now view at Excel's task-pane width, light and dark: nothing wider than the pane.
  for (const theme of ["light", "dark"]) {
    const cycles = await context.newPage();
    await cycles.setViewportSize({ width: 350, height: 1400 });
    const cyclesProblems = watchPage(cycles, `taskpane.html?tab=cycles (${theme}) @350px`);
    await routeNetwork(cycles, root, origin);
    try {
      await test(`production task pane, Cycles tab at 350 px (${theme}): bars, figures, outcome list fit the pane`, cyclesProblems, async () => {
        await cycles.goto(`${origin}/taskpane.html?theme=${theme}&tab=cycles`, { waitUntil: "load" });
        await cycles.getByTestId("cycles-figures").waitFor({ timeout: 15000 });
        await cycles.getByRole("img", { name: /^2020-2022, share of the amount/ }).waitFor();
        await cycles.getByRole("button", { name: /^Collateral seized, 2020-2022/ }).click();
        await cycles.getByRole("region", { name: /^Collateral seized · 2020-2022/ }).waitFor();
        const widths = await cycles.evaluate(() => ({ page: document.documentElement.scrollWidth, main: document.querySelector("main").scrollWidth, view: window.innerWidth }));
        assert.ok(widths.page <= widths.view && widths.main <= widths.view, `nothing wider than the pane: ${JSON.stringify(widths)}`);
        await cycles.screenshot({ path: path.join(screenshots, `e2e-cycles-350-${theme}.png`) });
      });
    } finally {
      await cycles.close();
    }
  }

  // Excel's task pane is about 320–350 px wide: the pane must survive its everyday interactions there.
  for (const width of [320, 340, 360]) {
    const narrow = await context.newPage();
    await narrow.setViewportSize({ width, height: 900 });
    const narrowProblems = watchPage(narrow, `taskpane.html @${width}px`);
    await routeNetwork(narrow, root, origin);
    try {
      await test(`production task pane at ${width} px: filter by issuer, open a deal, switch tabs — no errors`, narrowProblems, async () => {
        await narrow.goto(`${origin}/taskpane.html`, { waitUntil: "load" });
        await narrow.getByRole("button", { name: "Insert table" }).waitFor({ timeout: 15000 });
        await narrow.getByRole("checkbox", { name: /^MARA\b/ }).check();
        await narrow.waitForTimeout(800);
        await narrow.locator("[data-deal-id]").first().click();
        await narrow.getByText("Dilution calculator").waitFor();
        await narrow.getByRole("tab", { name: "Functions" }).click();
        await narrow.getByRole("searchbox").waitFor();
        await narrow.getByRole("tab", { name: "About" }).click();
        await narrow.waitForTimeout(300);
        if (width === 340) await narrow.screenshot({ path: path.join(screenshots, "e2e-production-taskpane-340.png") });
      });
    } finally {
      await narrow.close();
    }
  }

  // The Issuer view at 350 px (light and dark): opened from an issuer in the Explore list (the
  // click opens the issuer, not the deal), Back returns to the list where it was; then from the
  // keyboard (Enter on the issuer's cell) and from a deal's heading. The capital stack, maturity
  // wall, overhang chart and events fit the pane without a horizontal scrollbar.
  for (const scheme of ["light", "dark"]) {
    const issuerPage = await context.newPage();
    await issuerPage.setViewportSize({ width: 350, height: 2400 });
    const issuerProblems = watchPage(issuerPage, `taskpane.html issuer view @350px ${scheme}`);
    await routeNetwork(issuerPage, root, origin);
    try {
      await test(`production task pane at 350 px (${scheme}): the Issuer view from the Explore list, the keyboard and a deal — stack, wall, overhang, events; Back returns`, issuerProblems, async () => {
        await issuerPage.setViewportSize({ width: 350, height: 800 });
        await issuerPage.goto(`${origin}/taskpane.html?theme=${scheme}`, { waitUntil: "load" });
        await issuerPage.getByRole("button", { name: "Insert table" }).waitFor({ timeout: 15000 });
        await issuerPage.getByRole("checkbox", { name: /^MARA\b/ }).check();
        await issuerPage.waitForTimeout(800);
        const row = issuerPage.locator("[data-deal-id]").first();
        await row.scrollIntoViewIfNeeded();
        const rowId = await row.getAttribute("data-deal-id");
        const scrolled = await issuerPage.evaluate(() => document.querySelector("main").scrollTop);
        assert.ok(scrolled > 0, `the list is below the first screen (scrollTop ${scrolled})`);
        await row.getByRole("button", { name: "Open MARA's capital stack" }).click();
        await issuerPage.getByTestId("capital-stack").waitFor({ timeout: 15000 });
        assert.equal(await issuerPage.getByTestId("deal-tab").count(), 0, "the click opened the issuer, not the deal");
        await issuerPage.getByRole("button", { name: "← Back to Explore" }).click();
        await row.waitFor();
        const back = await issuerPage.evaluate(() => ({
          scrollTop: document.querySelector("main").scrollTop,
          focus: document.activeElement?.getAttribute("role"),
          row: document.activeElement?.closest("[data-deal-id]")?.getAttribute("data-deal-id"),
        }));
        assert.deepEqual(back, { scrollTop: scrolled, focus: "gridcell", row: rowId }, "Back: the list where it was, focus on the issuer's cell");
        assert.ok(await issuerPage.getByRole("checkbox", { name: /^MARA\b/ }).isChecked(), "the filter is kept");
        // Keyboard: focus is on the issuer's cell; the right arrow reaches the next cell (the link is
        // not a stop of its own), left comes back, Enter opens the issuer.
        await issuerPage.keyboard.press("ArrowRight");
        assert.equal(await issuerPage.evaluate(() => [...document.activeElement.parentElement.children].indexOf(document.activeElement)), 1, "ArrowRight moves to the date cell");
        await issuerPage.keyboard.press("ArrowLeft");
        await issuerPage.keyboard.press("Enter");
        await issuerPage.getByTestId("capital-stack").waitFor({ timeout: 15000 });
        assert.equal(await issuerPage.getByTestId("deal-tab").count(), 0, "Enter on the issuer's cell opened the issuer");
        await issuerPage.getByRole("button", { name: "← Back to Explore" }).click();
        await row.waitFor();
        // And from a deal's heading, Back to the deal.
        await row.getByRole("gridcell").nth(1).click();
        await issuerPage.getByTestId("deal-debt").waitFor();
        await issuerPage.locator("#deal-title").getByRole("button").click();
        await issuerPage.getByTestId("capital-stack").waitFor({ timeout: 15000 });
        await issuerPage.getByRole("button", { name: "← Back to the deal" }).click();
        await issuerPage.getByTestId("deal-debt").waitFor();
        await issuerPage.locator("#deal-title").getByRole("button").click();
        await issuerPage.setViewportSize({ width: 350, height: 2400 });
        await issuerPage.getByTestId("capital-stack").waitFor({ timeout: 15000 });
        await issuerPage.getByRole("figure", { name: /by maturity year/ }).locator("svg").first().waitFor({ timeout: 15000 });
        const view = issuerPage.getByTestId("issuer-view");
        await view.getByLabel(/Shares outstanding/).fill("370,000,000");
        await view.getByLabel(/Share price/).fill("30");
        await issuerPage.getByRole("figure", { name: /Dilution in percent/ }).locator("svg").first().waitFor({ timeout: 15000 });
        const rows = await issuerPage.locator("[data-testid=capital-stack] [data-financing]").count();
        assert.ok(rows >= 3, `capital stack rows: ${rows}`);
        const insert = issuerPage.getByRole("button", { name: "Insert capital stack" });
        assert.ok(await insert.isVisible(), "Insert capital stack is visible");
        const overflow = await issuerPage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `horizontal overflow of ${overflow} px at 350 px`);
        await issuerPage.waitForTimeout(500);
        await issuerPage.screenshot({ path: path.join(screenshots, `e2e-production-issuer-350-${scheme}.png`), fullPage: true });
      });
    } finally {
      await issuerPage.close();
    }
  }

  // functions.js in Chromium as Excel's runtime would load it from the add-in's host: the first
  // SOURCE fetches source-links.<hash>.json from the URL the build baked in (its base URL), and
  // answers as a promise; the next call answers at once. Not modelled: CORS. Playwright's routed
  // responses are not held to it (a response without Access-Control-Allow-Origin was read all the
  // same), so the header README "Hosted build" asks of a static host is for a real host to show.
  const BASE = "https://addins.example.org/minerdebt/";
  const functionsPage = async () => {
    const fnPage = await context.newPage();
    const fnProblems = watchPage(fnPage, "functions.js");
    await routeNetwork(fnPage, root, origin);
    const hostRequests = [];
    // Registered after routeNetwork, so it answers first (Playwright runs the latest route first).
    await fnPage.route(`${BASE}**`, async (route) => {
      const url = route.request().url();
      hostRequests.push(url);
      const file = path.join(distDir, decodeURIComponent(new URL(url).pathname.slice(new URL(BASE).pathname.length)));
      if (!file.startsWith(distDir + path.sep) || !existsSync(file)) return route.fulfill({ status: 404, body: "not in dist/" });
      await route.fulfill({ path: file, contentType: "application/json", headers: { "Access-Control-Allow-Origin": "*" } });
    });
    // The runtime's CustomFunctions global, defined before functions.js runs.
    await fnPage.addInitScript(() => {
      class CustomFunctionsError extends Error {
        constructor(code, message) {
          super(message);
          this.code = code;
        }
      }
      const registered = new Map();
      window.__minerdebtRegistered = registered;
      window.CustomFunctions = {
        Error: CustomFunctionsError,
        ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" },
        associate(id, fn) {
          if (typeof id === "string") registered.set(id.toUpperCase(), fn);
          else for (const [key, value] of Object.entries(id)) registered.set(key.toUpperCase(), value);
        },
      };
    });
    // functions.js alone on a page of this origin: office.js brings its own CustomFunctions object
    // outside Office, and Excel's JavaScript-only runtime runs functions.js without that page anyway.
    await fnPage.goto(`${origin}/support.html`, { waitUntil: "load" });
    await fnPage.addScriptTag({ url: `${origin}/functions.js` });
    const answer = await fnPage.evaluate(async (id) => {
      const source = window.__minerdebtRegistered.get("SOURCE");
      const first = source(id);
      const firstIsPromise = typeof first?.then === "function";
      try {
        const url = await first;
        const again = source(id);
        return { firstIsPromise, url, againIsText: typeof again === "string", quarter: typeof window.__minerdebtRegistered.get("QUARTER")("2025Q3") };
      } catch (error) {
        return { firstIsPromise, error: [error.code, error.message] };
      }
    }, "WULF-2024-10-CVT-2030");
    return { fnPage, fnProblems, hostRequests, answer };
  };

  {
    const { fnPage, fnProblems, hostRequests, answer } = await functionsPage();
    try {
      await test("production functions.js: the first SOURCE fetches the source links from the add-in's host (the URL baked in at build time), later calls answer at once", fnProblems, async () => {
        assert.equal(answer.firstIsPromise, true, "the first SOURCE answers with a promise");
        assert.ok(answer.error === undefined, `SOURCE failed: ${JSON.stringify(answer.error)}`);
        assert.match(answer.url, /^https:\/\//);
        assert.equal(answer.againIsText, true, "the second SOURCE answers synchronously");
        assert.equal(answer.quarter, "number");
        assert.equal(hostRequests.length, 1, `requests to the add-in host: ${hostRequests.join(", ")}`);
        assert.match(hostRequests[0], /^https:\/\/addins\.example\.org\/minerdebt\/source-links\.[0-9a-f]{8}\.json$/);
      });
    } finally {
      await fnPage.close();
    }
  }
}
