// Issue 14 item 8: a Stocks (linked data type) cell passed as an issuer. On
// CustomFunctionsRuntime 1.4+ with allowCustomDataForDataTypeAny (which functions.json sets),
// Excel passes such a cell to an `any` parameter as an entity object, shaped as below
// (Excel.LinkedEntityCellValue). Expected values come from the committed JSONL (support/facts.ts).
import { excelErrorOf, installCustomFunctionsShim, registerBundledSourceLinks } from "./support/custom-functions";
import { FACTS, counts, sum } from "./support/facts";

installCustomFunctionsShim();
registerBundledSourceLinks();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const F = require("../../src/functions/functions") as typeof import("../../src/functions/functions");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { entityTicker } = require("../../src/functions/arguments") as typeof import("../../src/functions/arguments");

/** A Stocks cell as Excel passes it: basic value an error, the ticker among the properties. */
function stocksCell(ticker: string, name: string) {
  return {
    type: "LinkedEntity",
    basicType: "Error",
    basicValue: "#VALUE!",
    text: `${name} (XNAS:${ticker})`,
    id: { entityId: `stock-${ticker}`, serviceId: 268, domainId: "Stocks", culture: "en-US" },
    properties: {
      "Ticker symbol": { type: "String", basicType: "String", basicValue: ticker },
      Name: { type: "String", basicType: "String", basicValue: name },
      Price: { type: "Double", basicType: "Double", basicValue: 12.34 },
    },
  };
}

const MARA = stocksCell("MARA", "MARA Holdings Inc");
const RIOT = stocksCell("RIOT", "Riot Platforms Inc");
const amountOf = (tickers: string[], year: string) =>
  sum(FACTS.filter((f) => counts(f) && tickers.includes(f.ticker ?? "") && f.quarter?.startsWith(year)).map((f) => f.amount_usd as number));

describe("a Stocks data-type cell as the issuer argument", () => {
  test("QUARTER takes the entity's ticker", () => {
    const expected = amountOf(["MARA"], "2024");
    expect(expected).toBeGreaterThan(0);
    expect(F.quarter("2024", MARA)).toBe(expected);
  });

  test("OFFERINGS lists the entity's financings (used to be #VALUE! … [object Object])", () => {
    const table = F.offerings(MARA);
    const ids = FACTS.filter((f) => f.listed && f.ticker === "MARA").map((f) => f.id).sort();
    expect(ids.length).toBeGreaterThan(0);
    expect(table.slice(1).map((row) => row[0]).sort()).toEqual(ids);
  });

  test("a range of Stocks cells is a list of issuers", () => {
    expect(F.quarter("2024", [[MARA], [RIOT]])).toBe(amountOf(["MARA", "RIOT"], "2024"));
  });

  test("SERIES takes one too", () => {
    expect(F.series("2024Q1", "2024Q4", "none", MARA)).toEqual(F.series("2024Q1", "2024Q4", "none", "MARA"));
  });

  test("an entity without a ticker property: its basic value when that is text, not an error", () => {
    expect(entityTicker({ type: "Entity", basicValue: "CLSK", text: "CleanSpark" })).toBe("CLSK");
    const noTicker = { type: "Entity", basicValue: "#VALUE!", text: "Riot Platforms Inc" };
    expect(entityTicker(noTicker)).toBe(noTicker);
    expect(excelErrorOf(() => F.quarter("2024", noTicker)).message).toBe('issuer must be text such as "MARA, RIOT", got a data-type value (Entity)');
  });

  test("any other object gets a clear message naming the argument, never [object Object]", () => {
    const image = { type: "WebImage", basicType: "Error", basicValue: "#VALUE!", address: "https://example.com/a.png" };
    const error = excelErrorOf(() => F.offerings(image));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe('issuer must be text such as "MARA, RIOT", got a data-type value (WebImage)');
    expect(error.message).not.toContain("[object Object]");
  });

  test("an entity with an unknown ticker is reported like a typed unknown ticker", () => {
    const error = excelErrorOf(() => F.quarter("2024", stocksCell("ZZZZ", "Nobody Inc")));
    expect(error.code).toBe("#N/A");
    expect(error.message).toContain("ZZZZ");
  });
});
