// Every task-pane insert, executed by the preview adapter into the grid: the pane is the real React
// app; what lands in the cells is checked against values computed here from data/financings.jsonl.
import path from "node:path";
import { assert, test, watchPage } from "./harness.mjs";
import { countsInSums, financingsOf, loadFinancings } from "./expected.mjs";
import { a1, gridDriver } from "./grid.mjs";
import { routeNetwork } from "./office.mjs";

const ISSUER = "MARA";

/** "$1,234.5m": the independent rendering of Excel's $#,##0.0,,"m" for a USD amount. */
function usdMillions(amount) {
  return `$${(amount / 1e6).toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 })}m`;
}

/** "Sheet1!A1:Q11" → { sheet, topLeft: {row, col}, rows, cols }. */
function parseAddress(address) {
  const match = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(address);
  if (!match) throw new Error(`not a sheet address: ${address}`);
  const col = (letters) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const top = { row: Number(match[4]) - 1, col: col(match[3]) };
  const bottom = match[5] ? { row: Number(match[6]) - 1, col: col(match[5]) } : top;
  return { sheet: match[1] ? match[1].replace(/''/g, "'") : match[2], topLeft: top, rows: bottom.row - top.row + 1, cols: bottom.col - top.col + 1 };
}

export async function insertTests({ context, origin, root, screenshots }) {
  const financings = loadFinancings(root);
  const issuerRecords = financingsOf(financings, ISSUER);
  const page = await context.newPage();
  const problems = watchPage(page, "preview.html (inserts)");
  await routeNetwork(page, root, origin);
  const grid = gridDriver(page);
  const pane = page.getByTestId("taskpane");
  const shot = (name) => page.screenshot({ path: path.join(screenshots, `e2e-${name}.png`) });

  /** Clicks an insert button and waits for the outcome; returns the inserted address or the dialog. */
  async function insert(button, scope = pane) {
    await button.waitFor();
    await page.waitForFunction((el) => !el.disabled && el.getAttribute("aria-disabled") !== "true", await button.elementHandle());
    await button.click();
    const inserted = scope.getByText(/^Inserted/).first();
    const dialog = page.getByRole("alertdialog");
    await Promise.race([inserted.waitFor({ timeout: 20000 }), dialog.waitFor({ timeout: 20000 })]);
    if (await dialog.isVisible()) return { dialog };
    const bar = scope.locator(".fui-MessageBar", { hasText: "Inserted" }).last();
    const text = (await bar.textContent()) ?? "";
    const match = / at (.+?)\.\s*✕?$/.exec(text.trim()) ?? / at (\S+?)\./.exec(text);
    assert.ok(match, `success message names the address: ${text}`);
    return { address: parseAddress(match[1]), text };
  }

  /** The row (0-based) on the active sheet whose column `col` shows `text`, searching `from`..`to`. */
  async function findRow(text, col, from, to) {
    for (let row = from; row <= to; row++) if ((await grid.read(a1(row, col))).text === text) return row;
    return -1;
  }

  try {
    const ready = await test("inserts: preview page ready, the pane uses the preview adapter (inserts enabled)", problems, async () => {
      await page.goto(`${origin}/preview.html?theme=light`, { waitUntil: "load" });
      await page.waitForFunction(() => window.minerDebtPreview !== undefined, null, { timeout: 20000 });
      await pane.getByRole("button", { name: "Insert table" }).waitFor({ timeout: 15000 });
      assert.equal(await pane.getByTestId("outside-excel").count(), 0, "no 'inserts need Excel' notice in the preview");
      assert.equal(await pane.getByRole("button", { name: "Insert table" }).isEnabled(), true);
    });
    if (!ready) return;

    let tableRows = 0;
    await test(`Insert table (${ISSUER}): a real table of values, $m formats and https source links`, problems, async () => {
      await pane.getByRole("checkbox", { name: new RegExp(`^${ISSUER}\\b`) }).check();
      await grid.goTo("A1");
      const { address } = await insert(pane.getByRole("button", { name: "Insert table" }));
      assert.equal(address.sheet, "Sheet1");
      assert.deepEqual(address.topLeft, { row: 0, col: 0 });
      // Note row + header row + one row per financing the pane lists.
      tableRows = address.rows - 2;
      assert.equal(tableRows, issuerRecords.length, "one table row per listed MARA financing");
      assert.match((await grid.read("A1")).className, /role-note/);
      assert.match((await grid.read("A2")).className, /table-header/);
      const ids = [];
      for (let row = 2; row < 2 + tableRows; row++) ids.push((await grid.read(a1(row, 0))).text);
      assert.deepEqual([...ids].sort(), issuerRecords.map((record) => record.id).sort());
      // Amounts show in $ millions; the source column links to one of the record's https sources.
      for (const record of issuerRecords.filter((r) => r.amount_usd !== null).slice(0, 4)) {
        const row = ids.indexOf(record.id) + 2;
        const cells = [];
        for (let col = 0; col < address.cols; col++) cells.push(await grid.read(a1(row, col)));
        assert.ok(cells.some((cell) => cell.text === usdMillions(record.amount_usd)), `${record.id} shows ${usdMillions(record.amount_usd)}`);
        const links = cells.map((cell) => cell.link).filter(Boolean);
        assert.ok(links.length >= 1 && links.every((link) => link.startsWith("https://")), `${record.id} has an https source link`);
        assert.ok(links.some((link) => record.sources.some((source) => source.url === link)), `${record.id}'s link is one of its sources`);
      }
    });

    await test("Insert as formulas: a live =MINERDEBT.OFFERINGS block that spills the same financings", problems, async () => {
      const start = tableRows + 4;
      await grid.goTo(a1(start, 0));
      const { address } = await insert(pane.getByRole("button", { name: "Insert as formulas" }));
      assert.deepEqual(address.topLeft, { row: start, col: 0 });
      const formulaCell = a1(start + 1, 0);
      assert.match(await grid.formula(formulaCell), /^=MINERDEBT\.OFFERINGS\("MARA"/);
      const ids = [];
      for (let row = start + 2; row < start + 2 + issuerRecords.length; row++) ids.push((await grid.read(a1(row, 0))).text);
      assert.deepEqual([...ids].sort(), issuerRecords.map((record) => record.id).sort(), "the formula spills one row per financing");
      assert.equal((await grid.read(a1(start + 2 + issuerRecords.length, 0))).text, "", "and nothing more");
      // Spilled amounts pick up the block's $m format.
      const withAmount = issuerRecords.find((record) => record.amount_usd !== null);
      const row = start + 2 + ids.indexOf(withAmount.id);
      const shown = [];
      for (let col = 0; col < address.cols; col++) shown.push((await grid.read(a1(row, col))).text);
      assert.ok(shown.includes(usdMillions(withAmount.amount_usd)), `${withAmount.id}: ${shown.join(" | ")}`);
      await grid.goTo("A1");
      await shot("preview-insert-table");
    });

    await test("no overwrite: inserting onto occupied cells asks first; 'Insert on a new sheet' puts it on sheet MinerDebt", problems, async () => {
      await grid.goTo("A1");
      const before = await grid.read("A1");
      const outcome = await insert(pane.getByRole("button", { name: "Insert table" }));
      assert.ok(outcome.dialog, "the conflict dialog opens");
      assert.match((await outcome.dialog.textContent()) ?? "", /Sheet1!A1:/);
      assert.deepEqual(await grid.read("A1"), before, "nothing was written under the dialog");
      await page.waitForTimeout(400); // the dialog's fade-in, for the screenshot
      await shot("preview-conflict");
      await outcome.dialog.getByRole("button", { name: "Insert on a new sheet" }).click();
      await pane.getByText(/^Inserted/).first().waitFor();
      const sheets = await grid.sheets();
      assert.equal(sheets.active, "MinerDebt");
      assert.deepEqual(sheets.all, ["Sheet1", "MinerDebt"]);
      assert.match((await grid.read("A2")).className, /table-header/);
      assert.equal((await grid.read(a1(1 + issuerRecords.length, 0))).kind, "text", "the last table row");
      assert.equal((await grid.read(a1(2 + issuerRecords.length, 0))).kind, "empty", "nothing below it");
    });

    await test("Insert quarterly summary + chart: per-quarter sums match the data file; a chart is drawn from the range", problems, async () => {
      await page.getByRole("button", { name: "New sheet" }).click();
      await grid.goTo("A1");
      const { address } = await insert(pane.getByRole("button", { name: "Insert quarterly summary + chart" }));
      assert.deepEqual(address.topLeft, { row: 0, col: 0 });
      // Header row 2: "quarter", classes…, total (last table column). Find the total column by its heading.
      let totalCol = -1;
      for (let col = 1; col < address.cols; col++) {
        if (/total/i.test((await grid.read(a1(1, col))).text)) {
          totalCol = col;
          break;
        }
      }
      assert.ok(totalCol > 0, "a total column");
      const counted = issuerRecords.filter(countsInSums);
      const byQuarter = new Map();
      for (const record of counted) byQuarter.set(record.quarter, (byQuarter.get(record.quarter) ?? 0) + record.amount_usd);
      let checked = 0;
      for (let row = 2; row < address.rows; row++) {
        const quarter = (await grid.read(a1(row, 0))).text;
        if (!/^\d{4}Q[1-4]$/.test(quarter)) break;
        const value = await grid.value(a1(row, totalCol));
        assert.equal(value, byQuarter.get(quarter) ?? 0, `total for ${quarter}`);
        checked++;
      }
      assert.ok(checked >= 2, `checked ${checked} quarters`);
      const bars = await page.locator("svg[data-chart] rect[fill]").count();
      assert.ok(bars >= checked, `the chart draws bars (${bars})`);
      await shot("preview-quarterly-chart");
    });

    await test("Insert comparison (Cycles tab): =MINERDEBT.CYCLES spills both cycles with the data file's counts and amounts; a 100% bar chart is drawn", problems, async () => {
      await page.getByRole("button", { name: "New sheet" }).click();
      await grid.goTo("A1");
      await pane.getByRole("tab", { name: "Cycles" }).click();
      const { address } = await insert(pane.getByRole("button", { name: "Insert comparison" }));
      assert.deepEqual(address.topLeft, { row: 0, col: 0 });
      // Row 2 holds the formula and the header it spills; rows 3–4 the two cycles.
      assert.equal((await grid.read("A2")).text, "cycle");
      assert.equal((await grid.read("H2")).text, "financings (count)");
      assert.equal((await grid.read("I2")).text, "amount (USD)");
      const counted = financings.filter(countsInSums);
      for (const [row, cycle, label] of [[2, "2020-2022", "2020-2022"], [3, "2023-", "2023 onward"]]) {
        const records = counted.filter((record) => record.cycle === cycle);
        const amount = records.reduce((sum, record) => sum + record.amount_usd, 0);
        assert.equal((await grid.read(a1(row, 0))).text, label);
        assert.equal(await grid.value(a1(row, 7)), records.length, `${label} financings`);
        assert.equal(await grid.value(a1(row, 8)), amount, `${label} amount`);
        assert.equal((await grid.read(a1(row, 8))).text, usdMillions(amount), `${label} amount shown in $m`);
        const convertible = records.filter((record) => record.instrument_class === "convertible").reduce((sum, record) => sum + record.amount_usd, 0);
        assert.ok(Math.abs((await grid.value(a1(row, 1))) - convertible / amount) < 1e-12, `${label} convertible share`);
      }
      const bars = await page.locator("svg[data-chart] rect[fill]").count();
      assert.ok(bars >= 2, `the chart draws bars (${bars})`);
      await shot("preview-cycles-comparison");
      await pane.getByRole("tab", { name: "Explore" }).click();
    });

    await test("Insert dilution scenario: inputs + live DILUTION/NETSHARES formulas; editing an input recalculates them", problems, async () => {
      const deal =
        issuerRecords.find((r) => r.instrument_class === "convertible" && r.conversion_price_usd && r.amount_usd && r.capped_call_cap_price_usd) ??
        issuerRecords.find((r) => r.instrument_class === "convertible" && r.conversion_price_usd && r.amount_usd);
      assert.ok(deal, "a MARA convertible with terms");
      await pane.locator(`[data-deal-id="${deal.id}"]`).click();
      const shares = 350_000_000;
      await pane.getByLabel("Shares outstanding").fill(String(shares));
      await page.getByRole("button", { name: "New sheet" }).click();
      await grid.goTo("A1");
      const { address } = await insert(pane.getByRole("button", { name: "Insert dilution scenario" }));
      assert.deepEqual(address.topLeft, { row: 0, col: 0 });
      const last = address.rows - 1;
      const sharesRow = await findRow("Shares outstanding", 0, 0, last);
      const priceRow = await findRow("Share price (USD)", 0, 0, 12);
      const principalRow = await findRow("Principal (USD)", 0, 0, last);
      const conversionRow = await findRow("Conversion price (USD per share)", 0, 0, last);
      assert.ok(sharesRow > 0 && priceRow > 0 && principalRow > 0 && conversionRow > 0, "the input block");
      assert.equal(await grid.value(a1(sharesRow, 1)), shares);
      assert.equal(await grid.value(a1(principalRow, 1)), deal.amount_usd);
      assert.equal(await grid.value(a1(conversionRow, 1)), deal.conversion_price_usd);
      assert.match((await grid.read(a1(sharesRow, 1))).className, /role-input/);
      // The first sensitivity table: physical settlement in column B, one row per share price.
      const conversionShares = deal.amount_usd / deal.conversion_price_usd;
      const physicalAt = async (row) => ({ price: await grid.value(a1(row, 0)), dilution: await grid.value(a1(row, 1)) });
      const firstPriceRow = (await findRow("At the input share price", 0, 0, last)) + 1;
      assert.ok(firstPriceRow > 0);
      assert.match(await grid.formula(a1(firstPriceRow, 1)), /^=MINERDEBT\.DILUTION\(\$B\$\d+,\$B\$\d+,\$B\$\d+,\$A\$\d+,"physical"\)$/);
      let inTheMoney = -1;
      for (let row = firstPriceRow; row < last; row++) {
        const { price, dilution } = await physicalAt(row);
        if (typeof price !== "number") break;
        // Physical settlement: all notes convert once the share price is above the conversion price.
        const expected = price > deal.conversion_price_usd ? conversionShares / shares : 0;
        assert.ok(typeof dilution === "number" && Math.abs(dilution - expected) < 1e-12, `physical dilution at $${price}: ${dilution}, expected ${expected}`);
        if (price > deal.conversion_price_usd && inTheMoney < 0) inTheMoney = row;
      }
      assert.ok(inTheMoney > 0, "a share price above the conversion price");
      await shot("preview-dilution-scenario");
      // Double the shares outstanding in the grid: every dilution figure halves.
      await grid.type(a1(sharesRow, 1), String(shares * 2));
      const after = (await physicalAt(inTheMoney)).dilution;
      assert.ok(Math.abs(after - conversionShares / (shares * 2)) < 1e-12, `after the edit: ${after}`);
      // Back to the deal list for the next test.
      await pane.getByRole("button", { name: /back/i }).first().click();
    });

    await test("Insert at selection (Functions tab): the catalogue's example formula lands in the selected cell; occupied → dialog", problems, async () => {
      await pane.getByRole("tab", { name: "Functions" }).click();
      await pane.getByRole("searchbox").fill("quarter");
      const example = pane.getByTestId("example-QUARTER");
      await example.waitFor();
      const formula = ((await example.textContent()) ?? "").trim();
      assert.match(formula, /^=MINERDEBT\.QUARTER\(/);
      await grid.goTo("J3");
      const card = pane.locator("li", { has: page.getByTestId("example-QUARTER") });
      const { address } = await insert(card.getByRole("button", { name: "Insert at selection" }), card);
      assert.deepEqual(address.topLeft, { row: 2, col: 9 });
      assert.equal(await grid.formula("J3"), formula);
      const quarter = /^=MINERDEBT\.QUARTER\("(\d{4}Q[1-4])"\)$/.exec(formula);
      if (quarter) {
        const expected = financings.filter((r) => countsInSums(r) && r.quarter === quarter[1]).reduce((sum, r) => sum + r.amount_usd, 0);
        assert.equal(await grid.value("J3"), expected);
      } else {
        assert.equal(typeof (await grid.value("J3")), "number");
      }
      // Again on the same (now occupied) cell: the dialog; Cancel leaves the cell as it was.
      const again = await insert(card.getByRole("button", { name: "Insert at selection" }), card);
      assert.ok(again.dialog);
      await again.dialog.getByRole("button", { name: "Cancel" }).click();
      await card.getByText(/Cancelled/).waitFor();
      assert.equal(await grid.formula("J3"), formula);
    });

    await test("theme: switching to dark re-themes the grid and the task pane; back to light", problems, async () => {
      const paneBackground = () =>
        pane.locator("[data-theme]").first().evaluate((el) => getComputedStyle(el).backgroundColor);
      const luminance = (rgb) => {
        const [r, g, b] = rgb.match(/\d+/g).map(Number);
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      assert.ok(luminance(await paneBackground()) > 128, "light pane");
      await page.getByTestId("theme").selectOption("dark");
      await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
      assert.equal(await pane.locator("[data-theme]").first().getAttribute("data-theme"), "dark");
      assert.ok(luminance(await paneBackground()) < 128, "dark pane");
      const gridBackground = await page.locator("table.cells").evaluate((el) => getComputedStyle(el).backgroundColor);
      assert.ok(luminance(gridBackground) < 128, "dark grid");
      await pane.getByRole("tab", { name: "Explore" }).click();
      await grid.activateSheet("Sheet3");
      await shot("preview-dark");
      await page.getByTestId("theme").selectOption("light");
      await page.waitForFunction(() => document.documentElement.dataset.theme === "light");
      assert.ok(luminance(await paneBackground()) > 128, "light again");
    });
  } finally {
    await page.close();
  }
}
