/** Insert plans are pure: what the user chose → cells, formats, tables, links, charts. */
import fc from "fast-check";
import { allFinancings, datasetVersion, loadSourceLinks, quarterlySeries, sourceUrlsOf, queryFinancings, type QuarterlySeries } from "../../src/data";
import { EMPTY, excelString, formulaCell, minerDebtCall, numberCell, ref, textCell } from "../../src/taskpane/plans/cells";
import { PlanError, cellAddress, columnLetters, layoutPlan, parseTopLeft, uniqueName, uniqueSheetName } from "../../src/taskpane/plans/layout";
import { OFFERINGS_TABLE_NAME, TABLE_FIELDS, offeringsTablePlan } from "../../src/taskpane/plans/offeringsTable";
import { liveFormulasPlan, offeringsFormulaText } from "../../src/taskpane/plans/liveFormulas";
import { quarterlySummaryPlan } from "../../src/taskpane/plans/quarterlySummary";
import { checkScenarioInput, dilutionScenarioPlan, sensitivityPrices } from "../../src/taskpane/plans/dilutionScenario";
import { cyclesComparisonPlan } from "../../src/taskpane/plans/cyclesComparison";
import { capitalStackPlan } from "../../src/taskpane/plans/capitalStack";
import { NO_FILTERS, listQuery } from "../../src/taskpane/model/filters";
import type { InsertPlan, PlanCell } from "../../src/taskpane/plans/types";
import { excelSerial, rawFinancings } from "./support/jsonl";

describe("A1 helpers", () => {
  test("column letters", () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16_383].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"]);
    expect(() => columnLetters(16_384)).toThrow(PlanError);
  });

  test("addresses as Excel returns them", () => {
    expect(parseTopLeft("Sheet1!C5")).toEqual({ sheet: "Sheet1", position: { row: 4, col: 2 } });
    expect(parseTopLeft("'Bob''s model'!$AA$10:$AB$12")).toEqual({ sheet: "Bob's model", position: { row: 9, col: 26 } });
    expect(parseTopLeft("XFD1048576")).toEqual({ sheet: null, position: { row: 1_048_575, col: 16_383 } });
    expect(parseTopLeft("C:C")).toBeNull();
    expect(cellAddress({ row: 4, col: 2 }, true)).toBe("$C$5");
  });

  test("unique names compare case-insensitively", () => {
    expect(uniqueName("MinerDebtOfferings", [])).toBe("MinerDebtOfferings");
    expect(uniqueName("MinerDebtOfferings", ["minerdebtofferings", "MinerDebtOfferings2"])).toBe("MinerDebtOfferings3");
    expect(uniqueSheetName("MinerDebt", ["MINERDEBT"])).toBe("MinerDebt (2)");
  });
});

describe("layoutPlan", () => {
  const plan: InsertPlan = {
    label: "t",
    cells: [
      [textCell("Inputs"), EMPTY],
      [textCell("Principal"), numberCell(1e9, "$#,##0")],
      [textCell("Shares"), formulaCell(minerDebtCall("CONVSHARES", [ref(1, 1), "30"]))],
    ],
    tables: [{ name: "T", style: "TableStyleLight1", range: { row: 1, col: 0, rows: 2, cols: 2 } }],
    hyperlinks: [{ cell: { row: 0, col: 1 }, url: "https://example.com" }],
  };

  test("places values, formats and absolute references at the anchor", () => {
    const layout = layoutPlan(plan, { row: 9, col: 3 });
    expect(layout.address).toBe("D10:E12");
    expect(layout.values).toEqual([
      ["Inputs", null],
      ["Principal", 1e9],
      ["Shares", "=MINERDEBT.CONVSHARES($E$11,30)"],
    ]);
    expect(layout.numberFormats).toEqual([
      ["@", null],
      ["@", "$#,##0"],
      ["@", "General"],
    ]);
    expect(layout.tables).toEqual([{ name: "T", style: "TableStyleLight1", address: "D11:E12" }]);
    expect(layout.hyperlinks).toEqual([{ address: "E10", url: "https://example.com" }]);
  });

  test("refuses formulas that are not MINERDEBT's, non-https links, ragged rows and blocks past the sheet's edge", () => {
    expect(() => layoutPlan({ label: "x", cells: [[formulaCell(["=WEBSERVICE(\"https://x\")"])]] }, { row: 0, col: 0 })).toThrow(/Only MINERDEBT formulas/);
    expect(() => layoutPlan({ label: "x", cells: [[formulaCell(["=1+MINERDEBT.VERSION()"])]] }, { row: 0, col: 0 })).toThrow(PlanError);
    expect(() => layoutPlan({ ...plan, hyperlinks: [{ cell: { row: 0, col: 0 }, url: "http://example.com" }] }, { row: 0, col: 0 })).toThrow(/https/);
    expect(() => layoutPlan({ ...plan, hyperlinks: [{ cell: { row: 0, col: 0 }, url: "javascript:alert(1)" }] }, { row: 0, col: 0 })).toThrow(/https/);
    expect(() => layoutPlan({ label: "x", cells: [[EMPTY], [EMPTY, EMPTY]] }, { row: 0, col: 0 })).toThrow(/row 2/);
    expect(() => layoutPlan(plan, { row: 1_048_575, col: 0 })).toThrow(/not enough room/);
    expect(() => layoutPlan({ ...plan, tables: [{ name: "T", style: "s", range: { row: 2, col: 0, rows: 2, cols: 2 } }] }, { row: 0, col: 0 })).toThrow(/outside the block/);
  });

  test("any text, whatever it starts with, is written as text and unchanged", () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom("", "=", "+", "-", "@", "'"), (text, prefix) => {
        const value = prefix + text;
        const layout = layoutPlan({ label: "p", cells: [[textCell(value)]] }, { row: 0, col: 0 });
        return layout.values[0][0] === value && layout.numberFormats[0][0] === "@";
      }),
    );
  });

  test("Excel string literals double inner quotes, so data can't close the string early", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const literal = excelString(text);
        // Undo Excel's quoting by hand: strip the outer quotes, un-double the inner ones.
        const inner = literal.slice(1, -1);
        return literal.startsWith('"') && literal.endsWith('"') && !/(^|[^"])"([^"]|$)/.test(inner.replace(/""/g, "")) && inner.replace(/""/g, '"') === text;
      }),
    );
    expect(minerDebtCall("OFFERINGS", ['"MARA"', undefined, '"2025Q4"', undefined])).toEqual(["=MINERDEBT.OFFERINGS(", '"MARA"', ",", ",", '"2025Q4"', ")"]);
  });
});

describe("offerings table plan", () => {
  beforeAll(() => loadSourceLinks());

  test("values trace to financings.jsonl exactly; formats show $m, %, dates", () => {
    const records = queryFinancings(listQuery(NO_FILTERS));
    const plan = offeringsTablePlan({ records, version: datasetVersion(), filters: "all issuers" });
    const header = plan.cells[1].map((cell) => (cell.kind === "text" ? cell.value : null));
    const col = (name: string) => TABLE_FIELDS.indexOf(name as (typeof TABLE_FIELDS)[number]);
    expect(header[col("amount_usd")]).toMatch(/USD.*\$m/);
    const raw = new Map(rawFinancings().map((r) => [r.id, r]));
    let checked = 0;
    plan.cells.slice(2).forEach((row) => {
      const idCell = row[col("id")];
      if (idCell.kind !== "text") throw new Error("id must be text");
      const source = raw.get(idCell.value)!;
      const amount = row[col("amount_usd")];
      if (source.amount_usd === null) expect(amount).toEqual(EMPTY);
      else expect(amount).toEqual({ kind: "number", value: source.amount_usd, format: '$#,##0.0,,"m"' });
      const coupon = row[col("coupon_pct")];
      if (source.coupon_pct === null) expect(coupon).toEqual(EMPTY);
      else expect(coupon).toEqual({ kind: "number", value: source.coupon_pct / 100, format: "0.00%" });
      const maturity = row[col("maturity_date")];
      if (source.maturity_date === null) expect(maturity).toEqual(EMPTY);
      else expect(maturity).toEqual({ kind: "number", value: excelSerial(source.maturity_date), format: "yyyy-mm-dd" });
      const inSums = row[col("counts_in_sums")];
      expect(inSums).toEqual({ kind: "boolean", value: source.new_money && source.listed && source.amount_usd !== null });
      // Coded values in words, as an analyst reads them (functions keep the codes).
      const words: Record<string, string> = { convertible_senior_notes: "Convertible senior notes", btc_backed_credit_facility: "BTC-backed credit facility", senior_secured_notes: "Senior secured notes" };
      if (source.instrument in words) expect(row[col("instrument")]).toEqual({ kind: "text", value: words[source.instrument] });
      if (source.instrument_class === "convertible") expect(row[col("instrument_class")]).toEqual({ kind: "text", value: "Convertible notes" });
      if (source.use_category === "ai_hpc") expect(row[col("use_category")]).toEqual({ kind: "text", value: "AI / HPC" });
      for (const name of ["instrument", "instrument_class", "use_category", "amount_basis"]) {
        const cell = row[col(name)];
        if (cell.kind === "text") expect(cell.value).not.toMatch(/_/);
      }
      const url = row[col("source_url")];
      // The best-ranked https source (src/data/sources.ts): the first https URL in the stored order.
      const firstHttps = sourceUrlsOf(source.id).find((u) => u.startsWith("https://"));
      expect(url).toEqual(firstHttps ? { kind: "text", value: firstHttps } : EMPTY);
      checked++;
    });
    expect(checked).toBe(records.length);
    expect(plan.tables).toEqual([{ name: OFFERINGS_TABLE_NAME, style: "TableStyleMedium2", range: { row: 1, col: 0, rows: records.length + 1, cols: TABLE_FIELDS.length } }]);
    // Every hyperlink is https and sits on the cell showing that URL.
    for (const link of plan.hyperlinks ?? []) {
      expect(link.url).toMatch(/^https:\/\//);
      expect(plan.cells[link.cell.row][link.cell.col]).toEqual({ kind: "text", value: link.url });
    }
    const note = plan.cells[0][0];
    expect(note.kind === "text" && note.value).toContain(datasetVersion().label);
    expect(note.kind === "text" && note.value).toMatch(/\$ millions/);
  });

  test("an empty selection is refused", () => {
    expect(() => offeringsTablePlan({ records: [], version: datasetVersion(), filters: "" })).toThrow(/No financings/);
  });
});

describe("quarterly summary plan", () => {
  const series: QuarterlySeries = {
    measure: "amount",
    groupBy: "instrument_class",
    quarters: ["2025Q1", "2025Q2"],
    groups: ["convertible", "loan"],
    values: [
      [100e6, 50e6],
      [0, 25.5e6],
    ],
    totals: [150e6, 25.5e6],
    undated: null,
    partialQuarter: null,
  };

  test("a table of quarters × classes plus total, and a stacked chart over the class columns", () => {
    const plan = quarterlySummaryPlan({ series, version: datasetVersion(), filters: "all issuers" });
    const text = (cell: PlanCell) => (cell.kind === "text" ? cell.value : cell.kind === "number" ? cell.value : null);
    expect(plan.cells[1].slice(0, 4).map(text)).toEqual(["Quarter", "Convertible notes", "Loan", "Total (USD, shown $m)"]);
    expect(plan.cells[2].slice(0, 4).map(text)).toEqual(["2025Q1", 100e6, 50e6, 150e6]);
    expect(plan.cells[3].slice(0, 4).map(text)).toEqual(["2025Q2", 0, 25.5e6, 25.5e6]);
    expect(plan.tables?.[0].range).toEqual({ row: 1, col: 0, rows: 3, cols: 4 });
    const chart = plan.charts?.[0];
    expect(chart).toMatchObject({ type: "columnStacked", seriesBy: "columns", data: { row: 1, col: 0, rows: 3, cols: 3 } });
    // The chart sits inside the block (so the no-overwrite check covers it), right of the table.
    expect(chart!.position.col).toBeGreaterThan(3);
    expect(chart!.position.col + chart!.position.cols).toBe(plan.cells[0].length);
    expect(plan.cells.length).toBeGreaterThanOrEqual(chart!.position.row + chart!.position.rows);
  });

  test("on real data the table's totals equal the sums of financings.jsonl under the rule", () => {
    const real = quarterlySeries({ listed: true }, { groupBy: "instrument_class" });
    const plan = quarterlySummaryPlan({ series: real, version: datasetVersion(), filters: "all" });
    const totalCol = real.groups.length + 1;
    const expected = new Map<string, number>();
    for (const r of rawFinancings()) {
      if (!(r.new_money && r.listed && r.amount_usd !== null) || r.quarter === null) continue;
      expected.set(r.quarter, (expected.get(r.quarter) ?? 0) + r.amount_usd);
    }
    plan.cells.slice(2, 2 + real.quarters.length).forEach((row) => {
      const quarter = row[0].kind === "text" ? row[0].value : "";
      const total = row[totalCol];
      expect(total.kind === "number" ? total.value : NaN).toBeCloseTo(expected.get(quarter) ?? 0, 0);
    });
  });
});

describe("live formulas plan", () => {
  const records = allFinancings().filter((r) => r.ticker === "MARA" && r.listed);

  test("filters OFFERINGS can express become one OFFERINGS formula with its spill area reserved", () => {
    const filters = { ...NO_FILTERS, issuers: ["MARA", "RIOT"], fromQuarter: "2024Q1", instrumentClass: "convertible" as const };
    expect(offeringsFormulaText(filters)).toBe('=MINERDEBT.OFFERINGS("MARA,RIOT","2024Q1",,"convertible")');
    const plan = liveFormulasPlan({ filters, records, version: datasetVersion(), describedFilters: "x" });
    expect(plan.cells[1][0]).toEqual(formulaCell(minerDebtCall("OFFERINGS", ['"MARA,RIOT"', '"2024Q1"', undefined, '"convertible"'])));
    // note + header + one row per financing: the footprint the spill needs.
    expect(plan.cells.length).toBe(2 + records.length);
    const formulas = plan.cells.flat().filter((cell) => cell.kind === "formula");
    expect(formulas).toHaveLength(1);
  });

  test("use-of-proceeds, cycle or private borrowers fall back to DEAL(id, field) per cell", () => {
    const filters = { ...NO_FILTERS, useCategory: "ai_hpc" as const };
    expect(offeringsFormulaText(filters)).toBeNull();
    const plan = liveFormulasPlan({ filters, records, version: datasetVersion(), describedFilters: "x" });
    const layout = layoutPlan(plan, { row: 0, col: 0 });
    expect(layout.values[2][0]).toBe(records[0].id);
    expect(layout.numberFormats[2][0]).toBe("@");
    expect(layout.values[2][1]).toBe('=MINERDEBT.DEAL($A$3,"issuer")');
    expect(layout.values[3][6]).toBe('=MINERDEBT.DEAL($A$4,"amount_usd")');
    expect(layout.numberFormats[3][6]).toBe('$#,##0.0,,"m"');
  });
});

describe("cycles comparison plan", () => {
  test("reserves the spill area for CYCLES' header and rows and puts the chart below it", () => {
    for (const cycles of [2, 3]) {
      const plan = cyclesComparisonPlan({ cycles, version: datasetVersion() });
      const layout = layoutPlan(plan, { row: 0, col: 0 });
      expect(layout.values[1][0]).toBe("=MINERDEBT.CYCLES()");
      // Nothing but the formula is written in the spill area: the formula fills it.
      for (let row = 1; row < 2 + cycles; row++) for (let col = row === 1 ? 1 : 0; col < 25; col++) expect(layout.values[row][col]).toBeNull();
      expect(plan.charts?.[0].data).toEqual({ row: 1, col: 0, rows: 1 + cycles, cols: 7 });
      expect(plan.charts?.[0].position.row).toBe(2 + cycles + 1);
    }
  });

  test("refuses a count of cycles that is not a whole number ≥ 1", () => {
    for (const cycles of [0, -1, 1.5, Number.NaN]) expect(() => cyclesComparisonPlan({ cycles, version: datasetVersion() })).toThrow(/No cycles/);
  });
});

describe("dilution scenario plan", () => {
  const base = {
    dealId: "WULF-2025-08-CVT-2031",
    principal: 1e9,
    conversionPrice: 12.43,
    capPrice: 18.76 as number | null,
    sharesOutstanding: 4e8,
    sharePrice: 20,
    sharePrices: [10, 15, 25],
    version: datasetVersion(),
  };

  test("inputs in a block; every formula is DILUTION/NETSHARES pointing at the inputs by absolute address", () => {
    const layout = layoutPlan(dilutionScenarioPlan(base), { row: 4, col: 2 }); // placed at C5
    // Inputs: C7:D11 (note C5, title C6).
    expect(layout.values[2].slice(0, 2)).toEqual(["Principal (USD)", 1e9]);
    expect(layout.values[6].slice(0, 2)).toEqual(["Share price (USD)", 20]);
    const formulas = layout.values.flat().filter((v): v is string => typeof v === "string" && v.startsWith("="));
    // 2 tables × (input row + 3 prices) × (3 settlements × with/without cap).
    expect(formulas).toHaveLength(2 * 4 * 6);
    for (const f of formulas) {
      expect(f).toMatch(/^=MINERDEBT\.(DILUTION|NETSHARES)\(\$D\$7,\$D\$8,/);
    }
    expect(formulas).toContain('=MINERDEBT.DILUTION($D$7,$D$8,$D$10,$D$11,"physical")');
    // Row 16 holds the first sensitivity price (10): blank row 12, title 13, header 14, input-price row 15.
    expect(layout.values[11][0]).toBe(10);
    expect(formulas).toContain('=MINERDEBT.DILUTION($D$7,$D$8,$D$10,$C$16,"cash",$D$9)');
    expect(formulas).toContain('=MINERDEBT.NETSHARES($D$7,$D$8,$D$11,"net_share",$D$9)');
    // Inputs are styled as inputs; dilution cells as %, share counts as #,##0.
    const plan = dilutionScenarioPlan(base);
    expect(plan.styles?.find((s) => s.role === "input")?.range).toEqual({ row: 2, col: 1, rows: 5, cols: 1 });
    const formats = new Set(layout.numberFormats.flat());
    expect(formats.has("0.00%")).toBe(true);
    expect(formats.has("#,##0")).toBe(true);
  });

  test("without a capped call: no cap input, three settlement columns", () => {
    const layout = layoutPlan(dilutionScenarioPlan({ ...base, capPrice: null }), { row: 0, col: 0 });
    expect(layout.cols).toBe(4);
    expect(layout.values.flat()).not.toContain("Cap price (USD per share)");
    expect(layout.values.flat().filter((v) => typeof v === "string" && v.includes("$B$5,")).length).toBeGreaterThan(0);
  });

  test("bad inputs are refused with the input's name", () => {
    expect(checkScenarioInput({ ...base, sharesOutstanding: 0 })).toMatch(/Shares outstanding/);
    expect(checkScenarioInput({ ...base, sharePrice: Number.NaN })).toMatch(/Share price/);
    expect(() => dilutionScenarioPlan({ ...base, sharesOutstanding: -1 })).toThrow(/Shares outstanding must be a positive number/);
  });

  test("default sensitivity prices: round steps around the conversion and cap prices, no near-duplicates", () => {
    // TeraWulf 2031: conversion $12.43, cap $18.76. Range 0.75 × 12.43 … 1.5 × 18.76 (9.32 … 37.29),
    // step 5 (28 / 8 = 3.5 → 5); 20 is 1.24 from the cap (< 40% of 5) and drops out.
    expect(sensitivityPrices(12.43, 18.76)).toEqual([5, 10, 12.43, 15, 18.76, 25, 30, 35]);
    // No cap: 0.75 × 40 … 3 × 40 (30 … 120), step 12.5 → 20 (nearest round step above 11.25 is 20).
    expect(sensitivityPrices(40, null)).toEqual([20, 40, 60, 80, 100, 120]);
    for (const [conversion, cap] of [[12.43, 18.76], [3.1, 4.65], [87.2, 130.8], [0.5, null]] as const) {
      const prices = sensitivityPrices(conversion, cap);
      expect(prices).toEqual([...prices].sort((a, b) => a - b));
      const gaps = prices.slice(1).map((p, i) => p - prices[i]);
      // Rows are at least 40% of a step apart, and a step is at least (3 - 0.75) / 8 of the conversion price.
      expect(Math.min(...gaps)).toBeGreaterThan(conversion * 0.04);
      expect(prices).toContain(conversion);
      if (cap !== null) expect(prices).toContain(cap);
      expect(prices[0]).toBeLessThan(conversion);
      expect(prices[prices.length - 1]).toBeGreaterThan(cap ?? conversion);
      for (const p of prices) expect(Math.round(p * 100) / 100).toBe(p);
    }
  });
});

describe("capital stack plan", () => {
  const formulas = (myDeals?: boolean) =>
    layoutPlan(capitalStackPlan({ ticker: "MARA", asOf: "2026-06-16", stackRows: 2, sharePrice: 30, sharesOutstanding: 370e6, version: datasetVersion(), myDeals }), { row: 0, col: 0 })
      .values.flat()
      .filter((v): v is string => typeof v === "string" && v.startsWith("="));
  test("with a MinerDebtDeals table the formulas read it as my_deals, as the pane does; without, they do not name it", () => {
    expect(formulas(true)).toEqual([
      '=MINERDEBT.OVERHANG("MARA",$B$4,$B$5,"physical",TRUE,$B$3,"fraction",MinerDebtDeals[#All])',
      '=MINERDEBT.OVERHANG("MARA",$B$4,$B$5,"as_terms",TRUE,$B$3,"fraction",MinerDebtDeals[#All])',
      '=MINERDEBT.OVERHANG("MARA",$B$4,$B$5,"as_terms",TRUE,$B$3,"shares",MinerDebtDeals[#All])',
      '=MINERDEBT.DEBTSTACK("MARA",$B$3,TRUE,,MinerDebtDeals[#All])',
    ]);
    expect(formulas(false).some((f) => f.includes("MinerDebtDeals"))).toBe(false);
  });
});
