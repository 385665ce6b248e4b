// The data functions through a CustomFunctions shim. Expected values come from the committed
// JSONL files read with fs (test/functions/support/facts.ts), never from src/data.
import { expectError, installCustomFunctionsShim, isExcelValue, registerBundledSourceLinks } from "./support/custom-functions";
import { AS_OF, FACTS, FINANCINGS_THROUGH, LATEST_QUARTER, RENAMES, SECTOR, counts, fact, ordinal, serial, sum, tickersOf, type Fact } from "./support/facts";

installCustomFunctionsShim();
registerBundledSourceLinks();
// Loaded after the shim so nothing in the module can see a missing global.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const F = require("../../src/functions/functions") as typeof import("../../src/functions/functions");

const VALUE = "#VALUE!";
const NA = "#N/A";

const inQuarters = (quarters: string[]) => (f: Fact) => f.quarter !== null && quarters.includes(f.quarter);
const amountOf = (facts: Fact[]) => sum(facts.map((f) => f.amount_usd as number));
const counted = FACTS.filter(counts);

function quarterRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let q = ordinal(from); q <= ordinal(to); q++) out.push(`${Math.floor(q / 4)}Q${(q % 4) + 1}`);
  return out;
}

describe("QUARTER(quarter, [issuer], [instrument_class], [measure])", () => {
  const q3 = amountOf(counted.filter(inQuarters(["2025Q3"])));

  it("sums amount_usd of new-money, listed, known-amount financings in the quarter", () => {
    expect(q3).toBeGreaterThan(0);
    expect(F.quarter("2025Q3")).toBe(q3);
  });

  it.each([["2025-Q3"], ["Q3 2025"], ["3Q25"], ["Q3-25"], [" 2025q3 "], ["2025-08-14"], [serial("2025-08-14")], [[["2025Q3"]]]])(
    "reads the quarter %p",
    (input) => {
      expect(F.quarter(input)).toBe(q3);
    },
  );

  it("sums a year, a range, LQ, LQ-1 and TTM relative to the data's latest quarter", () => {
    expect(F.quarter("2024")).toBe(amountOf(counted.filter(inQuarters(quarterRange("2024Q1", "2024Q4")))));
    expect(F.quarter(2024)).toBe(F.quarter("2024"));
    expect(F.quarter("2024Q3:2025Q2")).toBe(amountOf(counted.filter(inQuarters(quarterRange("2024Q3", "2025Q2")))));
    expect(F.quarter("LQ")).toBe(amountOf(counted.filter(inQuarters([LATEST_QUARTER]))));
    const previous = quarterRange("2000Q1", LATEST_QUARTER).slice(-2)[0];
    expect(F.quarter("LQ-1")).toBe(amountOf(counted.filter(inQuarters([previous]))));
    expect(F.quarter("TTM")).toBe(amountOf(counted.filter(inQuarters(quarterRange("2000Q1", LATEST_QUARTER).slice(-4)))));
  });

  it("returns 0 for a quarter inside the data's window with no deals", () => {
    // By hand from the JSONL: no financing is dated 2023Q3 (the first dated quarter is 2021Q1).
    expect(FACTS.filter((f) => f.quarter === "2023Q3")).toEqual([]);
    expect(F.quarter("2023Q3")).toBe(0);
    expect(F.quarter("2023Q3", null, null, "count")).toBe(0);
  });

  it("is #N/A for a period before the data's first quarter, never 0", () => {
    expect([...new Set(FACTS.map((f) => f.quarter).filter((q): q is string => q !== null))].sort()[0]).toBe("2021Q1");
    expectError(() => F.quarter("2019Q1"), NA, "2019Q1 is before the dataset's first quarter (2021Q1)", "not known (not zero)");
    expectError(() => F.quarter("2019"), NA, "2019Q1:2019Q4 is before the dataset's first quarter");
    // A range that reaches into the window holds what is known.
    expect(F.quarter("2020Q3:2021Q1")).toBe(F.quarter("2021Q1"));
  });

  it("filters by issuer list (case-insensitive, former tickers) and instrument class", () => {
    const maraRiot = amountOf(counted.filter((f) => ["MARA", "RIOT"].includes(f.ticker ?? "") && f.quarter?.startsWith("2024")));
    expect(F.quarter("2024", "mara, Riot")).toBe(maraRiot);
    const keel = tickersOf("BITF");
    expect(keel.sort()).toEqual(["BITF", "KEEL"]);
    const bitfarms = amountOf(counted.filter((f) => keel.includes(f.ticker ?? "") && f.quarter !== null));
    expect(bitfarms).toBeGreaterThan(0);
    expect(F.quarter("2020Q1:2030Q4", "BITF")).toBe(bitfarms);
    expect(F.quarter("2020Q1:2030Q4", "keel")).toBe(bitfarms);
    const convertible = amountOf(counted.filter((f) => f.instrument_class === "convertible" && f.quarter === "2025Q3"));
    expect(F.quarter("2025Q3", "", "Convertible")).toBe(convertible);
    expect(F.quarter("2025Q3", null, "non_convertible")).toBe(q3 - convertible);
    expect(F.quarter("2025Q3", null, "all")).toBe(q3);
  });

  it("counts financings with measure \"count\"", () => {
    expect(F.quarter("2025Q3", null, null, "count")).toBe(counted.filter(inQuarters(["2025Q3"])).length);
    expect(F.quarter("2025Q3", null, null, "COUNT")).toBe(counted.filter(inQuarters(["2025Q3"])).length);
  });

  it("sums disclosed net proceeds only as \"net_proceeds_disclosed\"; \"net_proceeds\" is #N/A unless all are disclosed", () => {
    // The documented rule: no option exercised → net_proceeds_usd; option exercised in full → with option; else none.
    const net = (f: Fact): number | null => {
      const exercised = (f.option_exercised_usd as number | null) ?? 0;
      if (exercised === 0) return f.net_proceeds_usd as number | null;
      if (f.option_usd === null || f.option_usd === exercised) return f.net_proceeds_with_option_usd as number | null;
      return null;
    };
    const inQ3 = counted.filter(inQuarters(["2025Q3"]));
    const disclosed = inQ3.filter((f) => net(f) !== null);
    const expected = sum(disclosed.map((f) => net(f) as number));
    expect(expected).toBeGreaterThan(0);
    expect(disclosed.length).toBeLessThan(inQ3.length);
    expect(F.quarter("2025Q3", null, null, "net_proceeds_disclosed")).toBeCloseTo(expected, 0);
    expectError(() => F.quarter("2025Q3", null, null, "net_proceeds"), NA, `net proceeds disclosed for ${disclosed.length} of ${inQ3.length} financings`);
  });

  it("rejects bad input for every parameter, naming it", () => {
    expectError(() => F.quarter("2025Q5"), VALUE, "quarter", '"2025Q5"');
    expectError(() => F.quarter(null), VALUE, "quarter");
    expectError(() => F.quarter(""), VALUE, "quarter");
    expectError(() => F.quarter([["2025Q3", "2025Q4"]]), VALUE, "quarter takes one value");
    expectError(() => F.quarter("2025Q3", "MRA"), NA, "issuer", '"MRA"', "MARA");
    expectError(() => F.quarter("2025Q3", true), VALUE, "issuer");
    expectError(() => F.quarter("2025Q3", null, "bond"), VALUE, "instrument_class", '"bond"');
    expectError(() => F.quarter("2025Q3", null, null, "sum"), VALUE, "measure", '"sum"', "net_proceeds");
  });
});

describe("REPORTED(period, [metric])", () => {
  const figure = (metric: string, period: string) => {
    const found = SECTOR.filter((s) => s.metric === metric && s.period === period);
    expect(found).toHaveLength(1);
    return found[0];
  };
  const q4 = figure("debt_and_convertible_offerings_usd", "2024Q4");

  it("returns the published figure for the default metric, any quarter format", () => {
    expect(F.reported("2024Q4")).toBe(q4.value);
    expect(F.reported("Q4 2024")).toBe(q4.value);
    expect(F.reported("2024Q4", "")).toBe(q4.value);
    expect(F.reported([["2024-Q4"]], null)).toBe(q4.value);
  });

  it("exposes qualifier, scope, source and confidence through \"metric:part\"", () => {
    expect(F.reported("2024Q4", ":qualifier")).toBe(q4.qualifier);
    expect(F.reported("2024Q4", "debt_and_convertible_offerings_usd:qualifier")).toBe("record");
    expect(F.reported("2025Q1", ":qualifier")).toBe(figure("debt_and_convertible_offerings_usd", "2025Q1").qualifier);
    expect(F.reported("2024Q4", ":scope")).toBe(q4.scope);
    expect(F.reported("2024Q4", ":source")).toBe(q4.source.url);
    expect(F.reported("2024Q4", ":confidence")).toBe(q4.confidence);
    expect(F.reported("2024Q4", "debt_and_convertible_offerings_usd:VALUE")).toBe(q4.value);
  });

  it("finds periods that are descriptions by their published text, and years", () => {
    const vaneck = figure("total_bitcoin_miner_debt_usd", "as of 2025-10-15");
    expect(F.reported("as of 2025-10-15", "total_bitcoin_miner_debt_usd")).toBe(vaneck.value);
    expect(F.reported("AS OF 2025-10-15", "total_bitcoin_miner_debt_usd:qualifier")).toBe(vaneck.qualifier);
    expect(F.reported("2024", "debt_convertible_and_equity_proceeds_usd")).toBe(figure("debt_convertible_and_equity_proceeds_usd", "2024").value);
  });

  it("rejects bad input for every parameter, naming it", () => {
    expectError(() => F.reported(null), VALUE, "period");
    expectError(() => F.reported(""), VALUE, "period");
    expectError(() => F.reported("2023Q1"), NA, "2023Q1", "published periods", "2024Q4");
    expectError(() => F.reported("2024Q3:2025Q2"), VALUE, "period", "not summed");
    expectError(() => F.reported("someday"), VALUE, "period", '"someday"');
    expectError(() => F.reported("2024Q4", "debt_usd"), VALUE, "metric", '"debt_usd"');
    expectError(() => F.reported("2024Q4", ":colour"), VALUE, "metric", '"colour"', "qualifier");
    expectError(() => F.reported("2024Q4", 5), VALUE, "metric");
  });
});

describe("OFFERINGS([issuer], [from], [to], [instrument_class], [fields], [headers], [units])", () => {
  const DEFAULT_HEADER = ["id", "issuer", "ticker", "quarter", "priced_date", "instrument", "amount_usd (USD)", "coupon_pct", "maturity_date", "conversion_price_usd", "use_category", "source_url"];
  const dateKey = (f: Fact) => f.priced_date ?? f.closed_date ?? f.announced_date;

  it("lists an issuer's financings oldest first with the default fields", () => {
    const table = F.offerings("WULF");
    expect(table[0]).toEqual(DEFAULT_HEADER);
    const expected = FACTS.filter((f) => f.listed && f.ticker === "WULF");
    expect(table.slice(1).map((row) => row[0]).sort()).toEqual(expected.map((f) => f.id).sort());
    const dates = table.slice(1).map((row) => dateKey(fact(row[0] as string))).filter((d): d is string => d !== null);
    expect(dates).toEqual([...dates].sort());
    expect(isExcelValue(table)).toBe(true);
  });

  it("converts values: amounts by units, percent to fractions, dates to serials, blanks to \"\"", () => {
    const table = F.offerings("IREN", "2025Q4", "2025Q4", "convertible", "id, amount_usd, coupon_pct, maturity_date, conversion_premium_pct, principal_final_usd", false, "usdm");
    const expected = FACTS.filter((f) => f.ticker === "IREN" && f.quarter === "2025Q4" && f.instrument_class === "convertible");
    expect(expected.length).toBeGreaterThan(0);
    expect(table).toHaveLength(expected.length);
    for (const row of table) {
      const f = fact(row[0] as string);
      expect(row[1]).toBeCloseTo((f.amount_usd as number) / 1e6, 9);
      expect(row[2]).toBeCloseTo((f.coupon_pct as number) / 100, 12);
      expect(row[3]).toBe(f.maturity_date === null ? "" : serial(f.maturity_date as string));
      if (f.conversion_premium_pct === null) expect(row[4]).toBe("");
      else expect(row[4]).toBeCloseTo((f.conversion_premium_pct as number) / 100, 12);
      if (f.principal_final_usd === null) expect(row[5]).toBe("");
      else expect(row[5]).toBeCloseTo((f.principal_final_usd as number) / 1e6, 9);
    }
    const headed = F.offerings("IREN", "2025Q4", "2025Q4", "convertible", "id,amount_usd", true, "USDbn");
    expect(headed[0]).toEqual(["id", "amount_usd (USDbn)"]);
  });

  it("finds a renamed issuer by either ticker and filters quarters inclusively", () => {
    const both = FACTS.filter((f) => tickersOf("KEEL").includes(f.ticker ?? "") && f.quarter !== null && ordinal(f.quarter) >= ordinal("2025Q1"));
    const table = F.offerings("bitf", "Q1 2025", null, null, "id", false);
    expect(table.map((row) => row[0]).sort()).toEqual(both.map((f) => f.id).sort());
    expect(table.some((row) => String(row[0]).startsWith("KEEL-"))).toBe(true);
  });

  it("returns only the header row when nothing matches, and #N/A without headers", () => {
    expect(F.offerings("MARA", "2023Q3", "2023Q3")).toEqual([DEFAULT_HEADER]);
    expectError(() => F.offerings("MARA", "2023Q3", "2023Q3", null, null, false), NA, "No financings");
    expectError(() => F.offerings("MARA", null, "2020Q4"), NA, "to 2020Q4 is before the dataset's first quarter (2021Q1)");
  });

  it("never returns null or undefined cells", () => {
    const table = F.offerings(null, null, null, null, "id, ticker, coupon_pct, maturity_date, settlement, secured, outcome_date");
    for (const row of table) for (const value of row) expect(value === null || value === undefined).toBe(false);
    expect(table.length).toBe(FACTS.filter((f) => f.listed).length + 1);
  });

  it("rejects bad input for every parameter, naming it", () => {
    expectError(() => F.offerings("ZZZZ"), NA, "issuer", "ZZZZ");
    expectError(() => F.offerings(null, "2025Q9"), VALUE, "from", "2025Q9");
    expectError(() => F.offerings(null, null, "soon"), VALUE, "to", "soon");
    expectError(() => F.offerings(null, "2025Q3", "2025Q1"), VALUE, "from", "after");
    expectError(() => F.offerings(null, null, null, "bond"), VALUE, "instrument_class", "bond");
    expectError(() => F.offerings(null, null, null, null, "id, amount"), VALUE, "fields", '"amount"', "amount_usd");
    expectError(() => F.offerings(null, null, null, null, "id, notes"), NA, "notes", "task pane");
    expectError(() => F.offerings(null, null, null, null, 7), VALUE, "fields");
    expectError(() => F.offerings(null, null, null, null, null, "maybe"), VALUE, "headers", '"maybe"');
    expectError(() => F.offerings(null, null, null, null, null, null, "EUR"), VALUE, "units", '"EUR"', "USDm");
  });
});

describe("DEAL(id, field)", () => {
  const wulf = fact("WULF-2025-08-CVT-2031");

  it("returns one field, converted for Excel", () => {
    expect(F.deal("WULF-2025-08-CVT-2031", "conversion_price_usd")).toBe(wulf.conversion_price_usd);
    expect(F.deal("wulf-2025-08-cvt-2031", "Amount_USD")).toBe(wulf.amount_usd);
    expect(F.deal("WULF-2025-08-CVT-2031", "coupon_pct")).toBeCloseTo((wulf.coupon_pct as number) / 100, 12);
    expect(F.deal("WULF-2025-08-CVT-2031", "conversion_premium_pct")).toBeCloseTo((wulf.conversion_premium_pct as number) / 100, 12);
    expect(F.deal("WULF-2025-08-CVT-2031", "maturity_date")).toBe(serial(wulf.maturity_date as string));
    expect(F.deal("WULF-2025-08-CVT-2031", "listed")).toBe(true);
    expect(F.deal("WULF-2025-08-CVT-2031", "quarter")).toBe(wulf.quarter);
    expect(F.deal("WULF-2025-08-CVT-2031", "settlement")).toBe(wulf.settlement);
    // Sources ranked best first: its JSONL lists a release summary (MarketInference) first, then RTTNews on Nasdaq.com.
    expect((wulf.sources[0] as { publisher?: string }).publisher).toMatch(/summary/);
    expect(F.deal("WULF-2025-08-CVT-2031", "source_url")).toBe(wulf.sources[1].url);
    expect(F.deal("WULF-2025-08-CVT-2031", "source_count")).toBe(wulf.sources.length);
    expect(F.deal([["WULF-2025-08-CVT-2031"]], [["ticker"]])).toBe("WULF");
  });

  it("is #N/A with the id and field when the sources do not disclose the value", () => {
    const undisclosed = FACTS.find((f) => f.conversion_rate_per_1000 === null && f.instrument_class === "convertible") as Fact;
    expectError(() => F.deal(undisclosed.id, "conversion_rate_per_1000"), NA, `${undisclosed.id}: conversion_rate_per_1000 not disclosed in sources`);
  });

  it("rejects bad input for every parameter, naming it", () => {
    expectError(() => F.deal("WULF-2025-08-CVT-203", "amount_usd"), NA, '"WULF-2025-08-CVT-203"', "Did you mean", "WULF-2025-08-CVT-2031");
    expectError(() => F.deal("", "amount_usd"), VALUE, "id is required");
    expectError(() => F.deal(true, "amount_usd"), VALUE, "id");
    expectError(() => F.deal("WULF-2025-08-CVT-2031", "amount"), VALUE, "field", '"amount"', "amount_usd");
    expectError(() => F.deal("WULF-2025-08-CVT-2031", ""), VALUE, "field");
    expectError(() => F.deal("WULF-2025-08-CVT-2031", "notes"), NA, "notes");
  });
});

describe("SOURCE(id, [n])", () => {
  const record = FACTS.find((f) => f.sources.length >= 3) as Fact;

  it("returns the n-th source URL (1 by default; text numbers accepted)", () => {
    expect(F.source(record.id)).toBe(record.sources[0].url);
    expect(F.source(record.id, 2)).toBe(record.sources[1].url);
    expect(F.source(record.id.toLowerCase(), " 3 ")).toBe(record.sources[2].url);
    expect(F.source(record.id, "")).toBe(record.sources[0].url);
  });

  it("rejects bad input for every parameter, naming it", () => {
    expectError(() => F.source("NOPE-1"), NA, '"NOPE-1"');
    expectError(() => F.source(null), VALUE, "id");
    expectError(() => F.source(record.id, record.sources.length + 1), NA, `there is no source ${record.sources.length + 1}`);
    expectError(() => F.source(record.id, 0), VALUE, "n must be a whole number ≥ 1, got 0");
    expectError(() => F.source(record.id, 1.5), VALUE, "n must be a whole number ≥ 1, got 1.5");
    expectError(() => F.source(record.id, "first"), VALUE, 'n must be a number, got "first"');
  });
});

describe("SERIES([from], [to], [group_by], [issuer], [units])", () => {
  it("returns one row per quarter with a total column (group_by \"none\")", () => {
    const table = F.series("2025Q1", "2025Q4", "none");
    expect(table[0]).toEqual(["quarter", "total (USD)"]);
    expect(table.slice(1)).toEqual(quarterRange("2025Q1", "2025Q4").map((q) => [q, amountOf(counted.filter(inQuarters([q])))]));
  });

  it("groups by instrument class by default, each row adding up to its total, in the chosen units", () => {
    const table = F.series("2024Q1", "2025Q4", null, null, "USDm");
    const header = table[0] as string[];
    expect(header[0]).toBe("quarter");
    expect(header[header.length - 1]).toBe("total (USDm)");
    const classes = header.slice(1, -1).map((h) => h.replace(" (USDm)", ""));
    const inRange = counted.filter(inQuarters(quarterRange("2024Q1", "2025Q4")));
    expect(classes.sort()).toEqual([...new Set(inRange.map((f) => f.instrument_class))].sort());
    for (const row of table.slice(1)) {
      const q = row[0] as string;
      const cells = row.slice(1, -1) as number[];
      header.slice(1, -1).forEach((h, i) => {
        const cls = h.replace(" (USDm)", "");
        expect(cells[i]).toBeCloseTo(amountOf(counted.filter((f) => f.quarter === q && f.instrument_class === cls)) / 1e6, 6);
      });
      expect(row[row.length - 1]).toBeCloseTo(amountOf(counted.filter(inQuarters([q]))) / 1e6, 6);
    }
  });

  it("groups by issuer for a list of issuers", () => {
    const table = F.series("2024Q4", "2024Q4", "issuer", "MARA, RIOT", "USDbn");
    expect(table[0]).toEqual(["quarter", ...["MARA", "RIOT"].filter((t) => counted.some((f) => f.ticker === t && f.quarter === "2024Q4")).map((t) => `${t} (USDbn)`), "total (USDbn)"]);
    expect(table[1][table[1].length - 1]).toBeCloseTo(amountOf(counted.filter((f) => ["MARA", "RIOT"].includes(f.ticker ?? "") && f.quarter === "2024Q4")) / 1e9, 9);
  });

  it("rejects bad input for every parameter, naming it", () => {
    expectError(() => F.series("2025Q0"), VALUE, "from", "2025Q0");
    expectError(() => F.series(null, "later"), VALUE, "to", "later");
    expectError(() => F.series(null, null, "ticker"), VALUE, "group_by", '"ticker"');
    expectError(() => F.series(null, null, null, "NOPE"), NA, "issuer", "NOPE");
    expectError(() => F.series(null, null, null, null, "GBP"), VALUE, "units", '"GBP"');
  });
});

describe("ISSUERS()", () => {
  it("lists every listed issuer once by current ticker with count, total, first and last quarter", () => {
    const table = F.issuers();
    expect(table[0]).toEqual(["ticker", "issuer", "financings", "total_amount (USD)", "first_quarter", "last_quarter"]);
    const current = (ticker: string) => tickersOf(ticker)[0];
    const expectedTickers = [...new Set(FACTS.filter((f) => f.listed && f.ticker).map((f) => current(f.ticker as string)))].sort();
    expect(table.slice(1).map((row) => row[0])).toEqual(expectedTickers);
    for (const row of table.slice(1)) {
      const mine = FACTS.filter((f) => f.listed && f.ticker !== null && current(f.ticker) === row[0]);
      expect(row[2]).toBe(mine.length);
      expect(row[3]).toBe(amountOf(mine.filter(counts)));
      const quarters = mine.map((f) => f.quarter).filter((q): q is string => q !== null).sort((a, b) => ordinal(a) - ordinal(b));
      expect([row[4], row[5]]).toEqual([quarters[0] ?? "", quarters[quarters.length - 1] ?? ""]);
    }
    const keel = table.find((row) => row[0] === "KEEL") as unknown[];
    expect(keel[1]).toBe(RENAMES.find((r) => r.ticker === "KEEL")?.names[0]);
  });
});

describe("FIELDS()", () => {
  it("lists the fields DEAL and OFFERINGS accept, with description and type", () => {
    const table = F.fields();
    expect(table[0]).toEqual(["field", "description", "type"]);
    const names = table.slice(1).map((row) => row[0] as string);
    const stored = Object.keys(FACTS[0]);
    for (const name of names) expect(stored.includes(name) || ["source_url", "source_count", "counts_in_sums", "origin"].includes(name) ? name : `unknown ${name}`).toBe(name);
    // Long text stays in the task pane.
    for (const detail of ["notes", "use_of_proceeds", "outcome_note"]) expect(names).not.toContain(detail);
    for (const row of table.slice(1)) {
      expect(String(row[1]).length).toBeGreaterThan(5);
      expect(String(row[2]).length).toBeGreaterThan(3);
    }
    expect(table.find((row) => row[0] === "coupon_pct")?.[2]).toMatch(/fraction/);
    // Every listed field works in DEAL.
    for (const name of names) {
      try {
        expect(isExcelValue(F.deal("WULF-2025-08-CVT-2031", name))).toBe(true);
      } catch (error) {
        expect((error as { code: string }).code).toBe(NA);
      }
    }
  });
});

describe("VERSION()", () => {
  it("leads with the coverage, then the number of financings and the date the data last changed", () => {
    expect(F.version()).toBe(`financings through ${FINANCINGS_THROUGH} · ${FACTS.length} financings · updated ${AS_OF}`);
    expect(F.version()).toContain("financings through 2026-06-16");
  });
});
