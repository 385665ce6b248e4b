// Drives the preview's workbook grid the way a person does: click a cell (or type its address in
// the name box), type, press Enter; read what a cell shows, its hover text and the formula bar.

function parseA1(address) {
  const match = /^([A-Z]+)(\d+)$/.exec(address);
  if (!match) throw new Error(`not an A1 address: ${address}`);
  let col = 0;
  for (const letter of match[1]) col = col * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, col: col - 1 };
}

export function a1(row, col) {
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `${letters}${row + 1}`;
}

export function gridDriver(page) {
  const cellSelector = (address) => `td[data-cell="${address}"]`;

  async function goTo(address) {
    const nameBox = page.getByTestId("name-box");
    await nameBox.fill(address);
    await nameBox.press("Enter");
    await page.waitForFunction((wanted) => document.querySelector('[data-testid="name-box"]')?.value === wanted, address);
  }

  async function click(address) {
    await page.locator(cellSelector(address)).click();
  }

  /** Click the cell, type, Enter: exactly what a user does. */
  async function type(address, text) {
    await click(address);
    await page.keyboard.type(text);
    await page.keyboard.press("Enter");
  }

  /** What the cell shows: text, kind (number/text/error/…), hover title and error message. */
  async function read(address) {
    const cell = page.locator(cellSelector(address));
    await cell.waitFor({ state: "attached" });
    return cell.evaluate((td) => ({
      text: td.textContent ?? "",
      kind: td.dataset.kind,
      title: td.getAttribute("title") ?? "",
      message: td.dataset.errorMessage ?? null,
      link: td.querySelector("a")?.getAttribute("href") ?? null,
      className: td.className,
    }));
  }

  /** The underlying value (number at full precision) of a cell on the active sheet. */
  async function value(address) {
    const { row, col } = parseA1(address);
    return page.evaluate(({ row, col }) => {
      const { workbook } = window.minerDebtPreview;
      return workbook.value(workbook.activeSheet, row, col);
    }, { row, col });
  }

  /** The formula bar's text for a cell (selecting it first). */
  async function formula(address) {
    await goTo(address);
    return page.getByTestId("formula-bar").inputValue();
  }

  /** Waits until a cell shows `expected` (string or predicate on the read() result). */
  async function waitFor(address, expected, timeout = 5000) {
    const started = Date.now();
    let last;
    while (Date.now() - started < timeout) {
      last = await read(address);
      if (typeof expected === "function" ? expected(last) : last.text === expected) return last;
      await page.waitForTimeout(50);
    }
    throw new Error(`${address} shows ${JSON.stringify(last)}, expected ${typeof expected === "function" ? expected.toString() : JSON.stringify(expected)}`);
  }

  /** Active sheet name and the names of all sheets. */
  async function sheets() {
    return page.evaluate(() => {
      const { workbook } = window.minerDebtPreview;
      return { active: workbook.sheet(workbook.activeSheet).name, all: workbook.sheets().map((sheet) => sheet.name) };
    });
  }

  async function activateSheet(name) {
    await page.getByRole("tab", { name, exact: true }).click();
  }

  /** The cells of a rectangle as shown: rows of text. */
  async function block(topLeft, rows, cols) {
    const start = parseA1(topLeft);
    const out = [];
    for (let r = 0; r < rows; r++) {
      const line = [];
      for (let c = 0; c < cols; c++) line.push((await read(a1(start.row + r, start.col + c))).text);
      out.push(line);
    }
    return out;
  }

  return { goTo, click, type, read, value, formula, waitFor, sheets, activateSheet, block, parseA1 };
}
