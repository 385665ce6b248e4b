// The task pane at Excel's width (production build, real Chromium): at 320, 350 and 450 px (and the
// 300/500 px ends of the range), light and dark, for every tab (Explore, Cycles, Functions, About)
// and the deal view (whose tab joins the tab list), Explore filtered to one issuer and the Issuer view
// opened from the list, no control overlaps
// another and nothing scrolls sideways except the financings list (which says that it does).
// Also the keyboard: Tab reaches the chart and the list before their chunks have loaded.
import path from "node:path";
import { assert, test, watchPage } from "./harness.mjs";
import { routeNetwork } from "./office.mjs";

const CONVERTIBLE = "WULF-2025-08-CVT-2031";
const LOAN = "WULF-2022-07-LOAN-2024";

/**
 * Runs in the page: what overlaps or sticks out. Controls are what a user clicks or types in;
 * two controls overlap when their boxes share more than 1 px each way (neither inside the other).
 * Anything inside a box that scrolls sideways on purpose ([data-scrolls-sideways]) is judged
 * through that box.
 */
function layoutProblems() {
  const width = document.documentElement.clientWidth;
  const problems = [];
  const sideways = [...document.querySelectorAll("[data-scrolls-sideways]")];
  const inSideways = (element) => sideways.some((box) => box !== element && box.contains(element));
  const body = document.querySelector("main");
  /**
   * The part of an element's box that can be seen: cut by every ancestor that clips (a list that
   * scrolls inside the pane), except the pane's body, which scrolls as a whole (all of it is judged)
   * unless `byBody`.
   */
  const seen = (element, byBody = false) => {
    let { left, top, right, bottom } = element.getBoundingClientRect();
    const stop = byBody ? document.body : body;
    for (let node = element.parentElement; node && node !== stop && node !== document.body; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.overflowX === "visible" && style.overflowY === "visible") continue;
      const clip = node.getBoundingClientRect();
      left = Math.max(left, clip.left);
      top = Math.max(top, clip.top);
      right = Math.min(right, clip.right);
      bottom = Math.min(bottom, clip.bottom);
    }
    return { left, top, right, bottom, width: right - left, height: bottom - top };
  };
  const visible = (element) => {
    const rect = seen(element);
    if (rect.width < 1 || rect.height < 1) return false;
    for (let node = element; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.visibility === "hidden" || style.display === "none" || Number(style.opacity) === 0) return false;
    }
    return true;
  };
  const describe = (element) => {
    const label = element.getAttribute("aria-label") || element.textContent?.trim().slice(0, 40) || "";
    return `<${element.tagName.toLowerCase()}${element.getAttribute("role") ? ` role=${element.getAttribute("role")}` : ""}> "${label}"`;
  };
  const root = document.documentElement;
  if (root.scrollWidth > width + 0.5) problems.push(`the page scrolls sideways: ${root.scrollWidth} px of content in ${width} px`);
  for (const element of document.querySelectorAll("main, main *")) {
    if (inSideways(element) || element.closest("svg")) continue;
    const style = getComputedStyle(element);
    if ((style.overflowX === "auto" || style.overflowX === "scroll") && element.scrollWidth > element.clientWidth + 1 && !element.hasAttribute("data-scrolls-sideways")) {
      problems.push(`${describe(element)} scrolls sideways (${element.scrollWidth} > ${element.clientWidth})`);
    }
  }
  // Text and controls past the pane's edges (hidden by the body's overflow-x, so not "scroll", but cut).
  const leaves = [...document.querySelectorAll("body *")].filter(
    (element) => !inSideways(element) && !element.closest("svg") && [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent.trim() !== "") && visible(element),
  );
  const controlSelector = 'button, a[href], select, textarea, input:not([type=checkbox]):not([type=radio]), [role=tab], .fui-Checkbox, .fui-Switch, [role=grid], [role=figure], [data-scrolls-sideways]';
  const controls = [...document.querySelectorAll(controlSelector)].filter((element) => !inSideways(element) && visible(element));
  for (const element of new Set([...leaves, ...controls])) {
    const rect = element.getBoundingClientRect();
    if (rect.right > width + 0.5 || rect.left < -0.5) problems.push(`${describe(element)} sticks out: ${Math.round(rect.left)}…${Math.round(rect.right)} of ${width}`);
  }
  for (let i = 0; i < controls.length; i += 1) {
    for (let j = i + 1; j < controls.length; j += 1) {
      const a = controls[i];
      const b = controls[j];
      if (a.contains(b) || b.contains(a)) continue;
      // Something in the pane's body against something outside it (the tabs): only what is scrolled into view.
      const across = body.contains(a) !== body.contains(b);
      const r = seen(a, across);
      const s = seen(b, across);
      const dx = Math.min(r.right, s.right) - Math.max(r.left, s.left);
      const dy = Math.min(r.bottom, s.bottom) - Math.max(r.top, s.top);
      if (dx > 1 && dy > 1) problems.push(`${describe(a)} overlaps ${describe(b)} by ${Math.round(dx)}×${Math.round(dy)} px`);
    }
  }
  return problems;
}

/** Scrolls the pane's body to the end in steps (the chart and the list load on the way). */
async function scrollBodyToEnd(page) {
  for (let i = 0; i < 12; i += 1) {
    await page.evaluate(() => {
      const body = document.querySelector("main");
      body.scrollTop += body.clientHeight;
    });
    await page.waitForTimeout(120);
  }
}

async function check(page, view) {
  await page.waitForTimeout(150);
  const problems = await page.evaluate(layoutProblems);
  assert.deepEqual(problems, [], `${view}: layout problems`);
}

export async function layoutTests({ context, origin, root, screenshots }) {
  const sizes = [
    ...[320, 350, 450].flatMap((width) => ["light", "dark"].map((theme) => ({ width, theme }))),
    { width: 300, theme: "light" },
    { width: 500, theme: "dark" },
  ];
  for (const { width, theme } of sizes) {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 800 });
    const problems = watchPage(page, `taskpane @${width}px ${theme}`);
    await routeNetwork(page, root, origin);
    const url = (query) => `${origin}/taskpane.html?theme=${theme}${query}`;
    try {
      await test(`layout @${width}px ${theme}: Explore, its chart and list, one issuer, the Issuer view, both deal views, Cycles, Functions, About — no overlap, no sideways scroll`, problems, async () => {
        await page.goto(url(""), { waitUntil: "load" });
        await page.getByTestId("summary-total").waitFor({ timeout: 15000 });
        await check(page, "Explore as it opens");
        await scrollBodyToEnd(page);
        await page.locator("[role=figure] svg").first().waitFor();
        await page.locator("[data-deal-id]").first().waitFor();
        await check(page, "Explore with the chart and the list");
        // The list keeps issuer, date, amount and instrument readable, and says it scrolls.
        const columns = await page.evaluate(() => {
          const scroller = document.querySelector("[data-scrolls-sideways]");
          const box = scroller.getBoundingClientRect();
          return [...scroller.querySelectorAll("[role=columnheader]")].map((header) => {
            const rect = header.getBoundingClientRect();
            return { name: header.textContent.trim(), inside: rect.left >= box.left - 0.5 && rect.right <= box.right + 0.5 };
          });
        });
        // From 320 px (Excel's narrowest pane); at 300 the instrument may need the sideways scroll.
        for (const name of width >= 320 ? ["Issuer", "Date", "Amount", "Instrument"] : ["Issuer", "Date", "Amount"]) {
          assert.ok(columns.find((column) => column.name === name)?.inside, `${name} column fully visible at ${width}px: ${JSON.stringify(columns)}`);
        }
        if (columns.some((column) => !column.inside)) await page.getByTestId("grid-scroll-hint").waitFor();
        // Issuers in the list are links (issue 17); one issuer picked adds its capital-stack link.
        assert.ok((await page.locator("[data-deal-id] [data-issuer-link]").count()) > 0, "the list's issuers are links");
        await page.getByRole("checkbox", { name: /^MARA\b/ }).check();
        await page.getByRole("region", { name: "Filters" }).getByRole("button", { name: /^Open .*'s capital stack$/ }).waitFor();
        await check(page, "Explore filtered to one issuer (its capital-stack link, the list's issuer links)");
        if (width === 320 || width === 350) {
          for (const part of ["filters", "list"]) {
            const section = part === "filters" ? page.getByRole("region", { name: "Filters" }) : page.locator("section[aria-labelledby=grid-heading]");
            await section.scrollIntoViewIfNeeded();
            await section.screenshot({ path: path.join(screenshots, `e2e-explore-issuer-${part}-${width}-${theme}.png`) });
          }
        }
        await page.locator("[data-deal-id] [data-issuer-link]").first().click();
        await page.getByTestId("capital-stack").waitFor({ timeout: 15000 });
        await page.getByRole("figure", { name: /by maturity year/ }).locator("svg").first().waitFor({ timeout: 15000 });
        await check(page, "the Issuer view opened from the list");

        await page.goto(url(`&deal=${CONVERTIBLE}`), { waitUntil: "load" });
        await page.locator("#calculator-heading").waitFor({ timeout: 15000 });
        await check(page, "deal view (convertible) before shares outstanding");
        await page.getByLabel("Shares outstanding").fill("400,000,000");
        await page.getByTestId("dilution-results").waitFor();
        await page.locator("[role=figure] svg").first().waitFor();
        await page.getByRole("region", { name: "Sources" }).waitFor();
        await check(page, "deal view (convertible) with the calculator filled");
        await page.goto(url(`&deal=${LOAN}`), { waitUntil: "load" });
        await page.getByRole("region", { name: "Sources" }).waitFor({ timeout: 15000 });
        await check(page, "deal view (loan)");

        await page.goto(url("&tab=cycles"), { waitUntil: "load" });
        await page.getByTestId("cycles-figures").waitFor({ timeout: 15000 });
        await check(page, "Cycles");

        await page.goto(url("&tab=functions"), { waitUntil: "load" });
        await page.locator("[data-testid^=example-]").first().waitFor({ timeout: 15000 });
        await check(page, "Functions");
        await page.getByRole("searchbox").fill("zzzz no such function");
        await page.getByText(/No function matches/).waitFor();
        await check(page, "Functions, no match");

        await page.goto(url("&tab=about"), { waitUntil: "load" });
        await page.getByTestId("about-version").waitFor({ timeout: 15000 });
        await page.getByText(/distinct links/).waitFor();
        await check(page, "About");
      }, { timeoutMs: 120_000 });
    } finally {
      await page.close();
    }
  }

  const page = await context.newPage();
  await page.setViewportSize({ width: 350, height: 800 });
  const problems = watchPage(page, "taskpane keyboard");
  await routeNetwork(page, root, origin);
  try {
    await test("keyboard @350px: Tab from the last insert button reaches the chart, then the list, loaded or not", problems, async () => {
      await page.goto(`${origin}/taskpane.html`, { waitUntil: "load" });
      await page.getByTestId("summary-total").waitFor({ timeout: 15000 });
      await page.getByRole("button", { name: "Insert quarterly summary + chart" }).focus();
      await page.keyboard.press("Tab");
      // Whether the chart has arrived yet or not, focus is in its section; once it has, on a bar.
      await page.waitForFunction(() => document.activeElement?.closest("section")?.getAttribute("aria-labelledby") === "chart-heading", null, { timeout: 5000 });
      await page.locator("[role=figure] svg").first().waitFor();
      await page.waitForFunction(() => document.activeElement?.hasAttribute("data-quarter"), null, { timeout: 5000 });
      const first = await page.evaluate(() => document.activeElement.getAttribute("data-quarter"));
      await page.keyboard.press("ArrowLeft");
      const second = await page.evaluate(() => document.activeElement.getAttribute("data-quarter"));
      assert.notEqual(first, second, "Left moves to the previous quarter");
      await page.getByTestId("chart-tooltip").waitFor();
      await page.keyboard.press("Tab");
      await page.waitForFunction(() => document.activeElement?.closest("section")?.getAttribute("aria-labelledby") === "grid-heading", null, { timeout: 5000 });
      assert.equal(await page.getByTestId("chart-tooltip").count(), 0, "the chart's tooltip went when focus left it");
    });

    await test("keyboard @350px: the dilution chart's callout goes when focus leaves the chart", problems, async () => {
      await page.goto(`${origin}/taskpane.html?deal=${CONVERTIBLE}`, { waitUntil: "load" });
      await page.getByLabel("Shares outstanding").fill("400,000,000");
      await page.locator("[role=figure] svg").first().waitFor();
      await page.waitForTimeout(300);
      const callouts = () =>
        page.evaluate(() => [...document.querySelectorAll(".fui-PopoverSurface")].filter((element) => element.getBoundingClientRect().height > 0).length);
      await page.getByRole("switch").focus();
      await page.keyboard.press("Tab");
      assert.ok(await page.evaluate(() => document.activeElement?.closest("[role=figure]") !== null), "Tab from the switch enters the chart");
      await page.waitForTimeout(200);
      assert.ok((await callouts()) > 0, "focus on a point shows its callout");
      await page.keyboard.press("Tab");
      await page.waitForTimeout(200);
      assert.equal(await callouts(), 0, "no callout left once focus is on the next control");
    });
  } finally {
    await page.close();
  }
}
