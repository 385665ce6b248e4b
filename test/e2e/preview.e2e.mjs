// The workbook preview (dev build): formulas typed in the grid run the shipped MINERDEBT functions
// under HyperFormula; the real task pane inserts into the grid through the preview adapter.
import path from "node:path";
import { assert, test, watchPage } from "./harness.mjs";
import { aConvertible, busiestQuarters, eventDate, financingsOf, loadFinancings, quarterCount, quarterSum } from "./expected.mjs";
import { gridDriver } from "./grid.mjs";
import { routeNetwork } from "./office.mjs";

/** "2025Q3" → "Q3 2025" (another spelling SPEC §4 accepts). */
function spaced(quarter) {
  return `${quarter.slice(4)} ${quarter.slice(0, 4)}`;
}

/** True when `shown` is `expected` written with fewer digits (e.g. "1.64E+10" for 16416000000). */
function sameNumberAsShown(shown, expected) {
  const match = /^(-?\d+)(?:\.(\d+))?(?:E([+-]\d+))?$/.exec(shown);
  if (!match) return false;
  const decimals = match[2]?.length ?? 0;
  const power = match[3] ? Number(match[3]) : 0;
  const halfUnit = 0.5 * 10 ** (power - decimals);
  return Math.abs(Number(shown) - expected) <= halfUnit * (1 + 1e-12);
}

export async function previewTests({ context, origin, root, screenshots }) {
  const financings = loadFinancings(root);
  const page = await context.newPage();
  const problems = watchPage(page, "preview.html");
  const external = await routeNetwork(page, root, origin);
  const grid = gridDriver(page);
  const shot = (name) => page.screenshot({ path: path.join(screenshots, `e2e-${name}.png`) });

  try {
    const loaded = await test("preview loads: office.js (npm copy) resolves Office.onReady with host null, grid and task pane render", problems, async () => {
      await page.goto(`${origin}/preview.html?theme=light`, { waitUntil: "load" });
      await page.waitForFunction(() => window.minerDebtPreview !== undefined, null, { timeout: 20000 });
      const host = await page.evaluate(() => Office.onReady().then((info) => info.host));
      assert.equal(host, null);
      await page.getByTestId("grid").waitFor();
      await page.getByTestId("taskpane").getByRole("tab", { name: "Explore" }).waitFor({ timeout: 15000 });
      // Every function of the shipped metadata is registered with the engine.
      const registered = await page.evaluate(() => window.minerDebtPreview.functions);
      const metadata = await page.evaluate(() => fetch("functions.json").then((response) => response.json()));
      assert.deepEqual([...registered].sort(), metadata.functions.map((fn) => `MINERDEBT.${fn.name}`).sort());
      assert.ok(registered.includes("MINERDEBT.QUARTER") && registered.includes("MINERDEBT.OFFERINGS"));
      const blocked = external.filter((entry) => entry.handled === "blocked");
      assert.deepEqual(blocked, [], "the preview requested nothing outside its origin but office.js's own");
    });
    if (!loaded) return;

    await test("QUARTER for several quarters equals the sums computed from data/financings.jsonl (SPEC §3 rule)", problems, async () => {
      const quarters = busiestQuarters(financings, 4);
      assert.equal(quarters.length, 4);
      const rows = [];
      for (const [index, quarter] of quarters.entries()) {
        const row = index + 1;
        // Alternate spellings: "2025Q3" and "Q3 2025" must give the same sum.
        const spelling = index % 2 === 0 ? quarter : spaced(quarter);
        await grid.type(`A${row}`, quarter);
        await grid.type(`B${row}`, `=MINERDEBT.QUARTER("${spelling}")`);
        await grid.type(`C${row}`, `=MINERDEBT.QUARTER(A${row},,,"count")`);
        rows.push({ row, quarter });
      }
      for (const { row, quarter } of rows) {
        const expected = quarterSum(financings, quarter);
        assert.ok(expected > 0, `${quarter} has financings`);
        assert.equal(await grid.value(`B${row}`), expected, `QUARTER(${quarter})`);
        // General format: the full number, or (column too narrow) Excel's shortened form of it.
        const shown = (await grid.read(`B${row}`)).text;
        assert.ok(sameNumberAsShown(shown, expected), `B${row} shows ${shown} for ${expected}`);
        assert.equal(await grid.value(`C${row}`), quarterCount(financings, quarter), `QUARTER(${quarter}, , , "count")`);
      }
      // A quarter inside the coverage window with no deals sums to 0, not an error (2023Q3: none
      // found); one before the window (2019Q1) is #N/A: not collected, so not known (not zero).
      assert.equal(quarterCount(financings, "2023Q3"), 0, "test data: no financing in 2023Q3");
      await grid.type("B6", '=MINERDEBT.QUARTER("2023Q3")');
      assert.equal(await grid.value("B6"), 0);
      await grid.type("B7", '=MINERDEBT.QUARTER("2019Q1")');
      assert.equal(await grid.value("B7"), "#N/A");
    });

    await test("OFFERINGS spills a block like a dynamic array, oldest first, and re-spills when its input changes", problems, async () => {
      const mara = financingsOf(financings, "MARA");
      const clsk = financingsOf(financings, "CLSK");
      assert.ok(mara.length >= 2 && clsk.length >= 2 && mara.length !== clsk.length, "test data: two issuers with different counts");
      await grid.type("E1", "MARA");
      await grid.type("E3", '=MINERDEBT.OFFERINGS(E1,,,,"id,quarter,amount_usd")');
      const header = await grid.block("E3", 1, 3);
      assert.deepEqual(header[0], ["id", "quarter", "amount_usd (USD)"]);
      const idsShown = async (count) => (await grid.block("E4", count, 1)).map((line) => line[0]);
      const maraIds = await idsShown(mara.length);
      assert.deepEqual([...maraIds].sort(), mara.map((record) => record.id).sort(), "one row per MARA financing");
      // Oldest first (by pricing, else closing, else announcement date); undated records have no place to check.
      const dates = maraIds.map((id) => eventDate(mara.find((record) => record.id === id))).filter((date) => date !== "");
      assert.deepEqual(dates, [...dates].sort(), "oldest first");
      assert.equal((await grid.read(`E${4 + mara.length}`)).text, "", "nothing below the spill");
      // Spilled cells show the anchor's formula (greyed) in the formula bar, as in Excel.
      assert.match(await grid.formula("F5"), /^=MINERDEBT\.OFFERINGS\(E1/);
      // Change the input: the block re-spills to CLSK's size.
      await grid.type("E1", "CLSK");
      const clskIds = await idsShown(clsk.length);
      assert.deepEqual([...clskIds].sort(), clsk.map((record) => record.id).sort(), "one row per CLSK financing");
      assert.equal((await grid.read(`E${4 + clsk.length}`)).text, "", "the spill shrank/grew with its result");
      // A value typed into the spill range blocks it (#SPILL!); clearing it lets the array spill again.
      await grid.type("F6", "x");
      assert.equal((await grid.read("E3")).text, "#SPILL!");
      await grid.click("F6");
      await page.keyboard.press("Delete");
      await grid.waitFor("E3", "id");
      await shot("preview-offerings");
    });

    await test("DEAL and SOURCE return the record's own values: USD amounts, Excel date serials, fractions, https sources", problems, async () => {
      const record = financings.find((r) => r.listed && r.priced_date && r.amount_usd && r.coupon_pct !== null && r.sources.length > 0);
      assert.ok(record, "test data: a priced record with amount, coupon and sources");
      const [year, month, day] = record.priced_date.split("-").map(Number);
      // Excel's 1900 system: days since 1899-12-30 for any date after 1900-02-28.
      const serial = (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000;
      await grid.type("H20", record.id);
      await grid.type("I20", '=MINERDEBT.DEAL(H20,"amount_usd")');
      await grid.type("I21", '=MINERDEBT.DEAL(H20,"priced_date")');
      await grid.type("I22", '=MINERDEBT.DEAL(H20,"coupon_pct")');
      await grid.type("I23", "=MINERDEBT.SOURCE(H20)");
      await grid.type("I24", "=YEAR(I21)");
      assert.equal(await grid.value("I20"), record.amount_usd);
      assert.equal(await grid.value("I21"), serial);
      assert.ok(Math.abs((await grid.value("I22")) - record.coupon_pct / 100) < 1e-15);
      assert.equal(await grid.value("I23"), record.sources[0].url);
      assert.equal(await grid.value("I24"), year, "the engine reads the serial as the same date");
    });

    await test("DILUTION matches new shares ÷ shares outstanding computed here; dependants update when an input changes", problems, async () => {
      const deal = aConvertible(financings);
      assert.ok(deal, "test data: a convertible with amount and conversion price");
      const principal = deal.amount_usd;
      const conversionPrice = deal.conversion_price_usd;
      const sharesOutstanding = 350_000_000;
      await grid.type("A20", String(principal));
      await grid.type("B20", String(conversionPrice));
      await grid.type("C20", String(sharesOutstanding));
      await grid.type("D20", "=MINERDEBT.DILUTION(A20,B20,C20)");
      const expected = principal / conversionPrice / sharesOutstanding;
      const shown = await grid.value("D20");
      assert.ok(typeof shown === "number" && Math.abs(shown - expected) < 1e-12, `DILUTION = ${shown}, expected ${expected}`);
      // Change an input: the dependant recalculates.
      await grid.type("C20", String(sharesOutstanding * 2));
      const halved = await grid.value("D20");
      assert.ok(Math.abs(halved - expected / 2) < 1e-12, `after doubling shares outstanding: ${halved}, expected ${expected / 2}`);
      // A plain Excel formula over a MINERDEBT result recalculates too.
      await grid.type("E20", "=D20*100");
      assert.ok(Math.abs((await grid.value("E20")) - (expected / 2) * 100) < 1e-9);
    });

    await test("invalid calls show Excel's error codes with the function's message on hover", problems, async () => {
      await grid.type("A22", '=MINERDEBT.QUARTER("2025Q9")');
      const bad = await grid.read("A22");
      assert.equal(bad.text, "#VALUE!");
      assert.equal(bad.kind, "error");
      assert.match(bad.message, /2025Q9/, "the cell carries the function's message");
      assert.match(bad.message, /quarter/i);
      await grid.type("A23", '=MINERDEBT.DEAL("NOPE-2099","amount_usd")');
      const missing = await grid.read("A23");
      assert.equal(missing.text, "#N/A");
      assert.match(missing.message, /NOPE-2099/);
      await grid.type("A24", "=MINERDEBT.DILUTION(1000,-5,100)");
      const negative = await grid.read("A24");
      assert.equal(negative.text, "#VALUE!");
      assert.match(negative.message, /-5/);
      await grid.type("A25", "=MINERDEBT.NOSUCHFUNCTION(1)");
      assert.equal((await grid.read("A25")).text, "#NAME?");
      // Hovering shows the code and the message, as Excel's error indicator does.
      await page.locator('td[data-cell="A22"]').hover();
      const tip = page.getByTestId("error-tip");
      await tip.waitFor();
      const tipText = await tip.textContent();
      assert.ok(tipText.startsWith("#VALUE!") && tipText.includes("2025Q9"), `tooltip: ${tipText}`);
      await shot("preview-errors");
    });

    await test("text overflow runs into empty neighbours and stops at the first non-empty one, as in Excel", problems, async () => {
      const long = "https://www.example.com/a/very/long/source/address/that/runs/on";
      await grid.type("A40", long);
      await grid.type("C40", "42");
      await grid.type("A41", long);
      const edges = await page.evaluate(() => {
        const right = (address) => document.querySelector(`td[data-cell="${address}"] > *`).getBoundingClientRect().right;
        const left = (address) => document.querySelector(`td[data-cell="${address}"]`).getBoundingClientRect().left;
        return { stopped: right("A40"), neighbour: left("C40"), free: right("A41"), b: left("B41") };
      });
      assert.ok(edges.stopped <= edges.neighbour + 0.5, `A40's text ends at ${edges.stopped}, C40 starts at ${edges.neighbour}`);
      assert.ok(edges.free > edges.b + 10, "with nothing in the way the text runs on past B41");
    });

    await test("F6 moves between the grid and the task pane; Tab on the last column leaves the grid", problems, async () => {
      await grid.click("B3");
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("role")), "grid");
      await page.keyboard.press("F6");
      assert.ok(await page.evaluate(() => document.querySelector('[data-testid="taskpane"]').contains(document.activeElement)), "F6: focus in the pane");
      await page.keyboard.press("F6");
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("role")), "grid", "F6 again: back in the grid");
      await grid.goTo("BL3");
      await page.keyboard.press("Tab");
      assert.ok(await page.evaluate(() => document.querySelector('[data-testid="taskpane"]').contains(document.activeElement)), "Tab on column BL: focus in the pane");
      await grid.goTo("A1");
    });

    await test("your own financings: the pane creates MinerDebtDeals, adds a row, and QUARTER with my_deals changes", problems, async () => {
      const pane = page.getByTestId("taskpane");
      // A quarter after the dataset's coverage: #N/A without my_deals, summed from the table with it.
      await grid.type("A30", '=MINERDEBT.QUARTER("2026Q4")');
      assert.equal((await grid.read("A30")).text, "#N/A");
      const create = pane.getByRole("button", { name: "Add your own financings" });
      await create.scrollIntoViewIfNeeded();
      await create.click();
      await pane.getByTestId("my-deals-message").filter({ hasText: "Created the MinerDebtDeals table" }).waitFor({ timeout: 15000 });
      const { all } = await grid.sheets();
      assert.ok(all.includes("MinerDebt Deals"), `sheets: ${all.join(", ")}`);
      await grid.activateSheet("Sheet1");
      await grid.type("A31", '=MINERDEBT.QUARTER("2026Q4",,,,MinerDebtDeals[#All])');
      await grid.waitFor("A31", "0");
      // The example row is the dataset's own record: the quarter it is in keeps the dataset's sum.
      const exampleQuarter = financings.find((f) => f.id === "WULF-2025-08-CVT-2031").quarter;
      await grid.type("A32", `=MINERDEBT.QUARTER("${exampleQuarter}",,,,MinerDebtDeals[#All])`);
      await grid.type("A33", `=MINERDEBT.QUARTER("${exampleQuarter}")`);
      assert.equal(await grid.value("A32"), await grid.value("A33"));

      await pane.getByRole("button", { name: "Add a financing" }).click();
      const form = pane.getByRole("form", { name: "Add a financing" });
      await form.getByLabel("Issuer").fill("Example Miner Inc.");
      await form.getByLabel("Ticker").fill("TEST");
      await form.getByLabel("Priced date (YYYY-MM-DD)").fill("2026-11-20");
      await form.getByLabel("Amount (USD)").fill("500000000");
      await form.getByLabel("Maturity date (YYYY-MM-DD)").fill("2031-12-01");
      await form.getByLabel("Source URL (https)").fill("https://example.com/test-notes");
      await form.getByRole("button", { name: "Add to MinerDebtDeals" }).click();
      await pane.getByTestId("my-deals-message").filter({ hasText: "Added TEST-2026-11-CVT-2031" }).waitFor({ timeout: 15000 });
      await grid.activateSheet("Sheet1");
      await grid.waitFor("A31", (cell) => cell.kind === "number" && cell.text !== "0", 10000);
      assert.equal(await grid.value("A31"), 500_000_000);
      assert.equal((await grid.read("A30")).text, "#N/A", "without my_deals the quarter stays not known");
      await shot("preview-my-deals");
    });
  } finally {
    await page.close();
  }
}
