// The BUILT functions bundle (dist/functions.js from the production build) in a bare `vm`
// sandbox: only a fake CustomFunctions global and the language's own globals — no window, no
// document — as in Excel's JavaScript-only custom functions runtime. Every id in
// dist/functions.json must be registered by the bundle and vice versa, and each function
// answers a valid call with an Excel value and an invalid one with a CustomFunctions.Error.
// The minifier renames internal properties (webpack.config.js), so the bundle must also answer
// exactly as the source modules do, call for call, including every error's code and message.
// The source URLs are not in functions.js: the bundle fetches them from the add-in's host the
// first time a call needs one (src/functions/source-links.ts); the sandbox gets a `fetch` that
// serves dist/ at the build's base URL (support/addin-host), and the first-use path has its
// own tests below. (Its size budget is enforced by `npm run bench`: functions.gzipBytes in bench/budgets.json.)
import { readdirSync, readFileSync } from "fs";
import path from "path";
import vm from "vm";
import { FUNCTION_CATALOGUE } from "../../src/functions/catalogue";
import { builtDist, TEST_BASE_URL } from "../support/built-dist";
import { addinHost, type AddinHost } from "./support/addin-host";
import { createCustomFunctionsShim, CustomFunctionsError, isExcelValue, type CustomFunctionsShim, registerBundledSourceLinks } from "./support/custom-functions";
import { parseFormula } from "./support/formula";
import { INVALID_CALLS } from "./support/samples";
import { installCustomFunctionsShim } from "./support/custom-functions";
import { CORRECTION, NEW_DEAL, dealsTable } from "../support/my-deals";
import { EVENT_FACTS, FACTS, FINANCINGS_THROUGH, counts, fact, serial, sum, type Fact } from "./support/facts";

// The source modules, for the differential test; loaded after a shim like in Excel.
installCustomFunctionsShim();
registerBundledSourceLinks();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const SOURCE_MODULE = require("../../src/functions/functions") as Record<string, unknown>;

jest.setTimeout(10 * 60 * 1000);

interface Metadata {
  functions: { id: string; parameters: { name: string }[] }[];
}

let metadata: Metadata;
let shim: CustomFunctionsShim;
let loadError: unknown = null;

/** A fresh copy of the built bundle in its own sandbox: Excel's globals and the add-in host's fetch, nothing else. */
function loadBundle(dist: string, host: AddinHost): CustomFunctionsShim {
  const fresh = createCustomFunctionsShim();
  const sandbox = vm.createContext({ CustomFunctions: fresh, fetch: host.fetch });
  vm.runInContext(readFileSync(path.join(dist, "functions.js"), "utf8"), sandbox, { filename: "functions.js" });
  return fresh;
}

beforeAll(async () => {
  const dist = builtDist();
  metadata = JSON.parse(readFileSync(path.join(dist, "functions.json"), "utf8"));
  shim = createCustomFunctionsShim();
  try {
    shim = loadBundle(dist, addinHost(dist, TEST_BASE_URL));
  } catch (error) {
    loadError = error;
    return;
  }
  // The first call that needs a source URL fetches them (tested on its own below); the tests
  // here compare answers call for call, as in a workbook that has asked for one before.
  await (shim.registered.get("SOURCE") as (id: string) => unknown)("WULF-2024-10-CVT-2030");
});

/** Every field FIELDS() lists, as OFFERINGS' comma list. */
function FIELD_NAMES(): string {
  const fields = (shim.registered.get("FIELDS") as () => string[][])();
  return fields.slice(1).map((row) => row[0]).join(", ");
}

function call(id: string, args: unknown[]): unknown {
  const fn = shim.registered.get(id) as (...a: unknown[]) => unknown;
  return fn(...args);
}

const MY_DEALS = dealsTable([NEW_DEAL, CORRECTION]);

describe("built functions bundle", () => {
  it("registers exactly the ids in functions.json", () => {
    expect([...shim.registered.keys()].sort()).toEqual(metadata.functions.map((fn) => fn.id).sort());
    for (const fn of shim.registered.values()) expect(typeof fn).toBe("function");
  });

  it("loads without window, document or any other browser global", () => {
    expect(loadError === null ? "loaded" : String(loadError)).toBe("loaded");
  });

  it("answers each function's catalogue example with an Excel value", () => {
    for (const fn of metadata.functions) {
      const { id, args } = parseFormula(FUNCTION_CATALOGUE[fn.id].formula);
      expect(id).toBe(fn.id);
      let result: unknown;
      try {
        result = call(id, args);
      } catch (error) {
        result = { threw: String(error) };
      }
      expect({ id, result: isExcelValue(result) ? "Excel value" : result }).toEqual({ id, result: "Excel value" });
    }
  });

  it("answers an invalid call with a CustomFunctions.Error naming the problem", () => {
    for (const fn of metadata.functions) {
      const invalid = INVALID_CALLS[fn.id];
      if (fn.parameters.length === 0) {
        expect(invalid).toBeUndefined();
        continue;
      }
      let thrown: unknown = null;
      try {
        call(fn.id, invalid.args);
      } catch (error) {
        thrown = error;
      }
      expect({ id: fn.id, isExcelError: thrown instanceof CustomFunctionsError }).toEqual({ id: fn.id, isExcelError: true });
      const error = thrown as CustomFunctionsError;
      expect({ id: fn.id, code: error.code }).toEqual({ id: fn.id, code: invalid.code });
      expect(error.message).toMatch(invalid.message);
    }
  });

  it("answers exactly as the source modules do (values, error codes and messages)", () => {
    const WULF = "WULF-2025-08-CVT-2031";
    const calls: [string, unknown[]][] = [
      ...metadata.functions.map((fn): [string, unknown[]] => [fn.id, parseFormula(FUNCTION_CATALOGUE[fn.id].formula).args]),
      ...Object.entries(INVALID_CALLS).map(([id, invalid]): [string, unknown[]] => [id, invalid.args]),
      // Paths that pass objects between modules: every field, every grouping, every option.
      ["OFFERINGS", [null, null, null, null, FIELD_NAMES(), true, "USDbn"]],
      ["OFFERINGS", ["bitf", "2021", "TTM", "non_convertible", null, false, null]],
      ["SERIES", ["2021Q1", "LQ", "issuer", null, "USDm"]],
      ["SERIES", ["LQ-7", null, "use_category", "MARA, CLSK", null]],
      ["QUARTER", ["2024Q3:2025Q2", "MARA, RIOT", "convertible", "net_proceeds"]],
      ["QUARTER", ["TTM", null, "non_convertible", "count"]],
      ["REPORTED", ["2024Q4", "debt_and_convertible_offerings_usd:qualifier"]],
      ["REPORTED", ["2025", null]],
      ["DEAL", [WULF, "capped_call_cap_price_usd"]],
      ["DEAL", [WULF, "maturity_date"]],
      ["DEAL", [WULF, "source_count"]],
      ["DEAL", [WULF, "notes"]],
      ["DEALDILUTION", [WULF, 4e8, 30, "physical", false, "pro_forma"]],
      ["NETSHARES", [1e9, 12.43, 30, "net_share", 20]],
      ["DILUTION", [1e9, 12.43, 4e8, 30, "cash", 20, "pro_forma"]],
      ["BSM", ["put", 100, 110, 2, 0.6, 0.04, 0.01]],
      ["BONDFLOOR", [0.05, 7, 0.09, 4, 1000]],
      ["CBPRICE", [40, 50, 0.0125, 5, 0.6, 0.04, 0.05, 0, 3, 1.3, 3, 200, 2]],
      ["CBGREEKS", [40, 50, 0, 5, 0.6, 0.04, 0.05, null, 3, null, 3, 300, null]],
      ["CBPRICE", [40, 50, 0, 5, 0.6, 0.9, 0, -0.9, null, null, null, 5, null]],
      // my_deals: workbook rows through every data function, and a bad row's message.
      ["QUARTER", ["2026Q4", null, null, null, MY_DEALS]],
      ["OFFERINGS", ["TEST, WULF", null, null, null, "id, amount_usd, origin, source_url", true, null, MY_DEALS]],
      ["DEAL", ["TEST-2026-11-CVT-2031", "conversion_price_usd", MY_DEALS]],
      ["SOURCE", ["TEST-2026-11-CVT-2031", 1, MY_DEALS]],
      ["SERIES", ["2025Q1", null, "issuer", null, "USDm", MY_DEALS]],
      ["ISSUERS", [MY_DEALS]],
      ["CYCLES", [true, "USDm", MY_DEALS]],
      ["OUTSTANDING", ["2026-12-01", "TEST, WULF", null, null, MY_DEALS]],
      ["DEBTSTACK", ["TEST", "2026-12-01", true, "USDm", MY_DEALS]],
      ["MATURITIES", [null, null, null, "issuer", "2026-12-01", "USDm", MY_DEALS]],
      ["OVERHANG", ["TEST", 30, 4e8, null, null, "2026-12-01", null, MY_DEALS]],
      ["EVENTS", ["WULF-2025-08-CVT-2031", true, MY_DEALS]],
      ["DEALDILUTION", ["TEST-2026-11-CVT-2031", 4e8, 30, null, null, null, MY_DEALS]],
      ["QUARTER", ["2025Q3", null, null, null, dealsTable([{ ...NEW_DEAL, amount_usd: -5 }])]],
    ];
    const answer = (fn: unknown, args: unknown[]): string => {
      try {
        return JSON.stringify({ value: (fn as (...a: unknown[]) => unknown)(...args) });
      } catch (error) {
        const { code, message } = error as { code?: unknown; message?: unknown };
        return JSON.stringify({ error: String(code), message: String(message) });
      }
    };
    const sourceOf = (id: string) => Object.entries(SOURCE_MODULE).find(([name]) => name.toUpperCase() === id)?.[1];
    for (const [id, args] of calls) {
      const source = sourceOf(id);
      expect({ id, hasSource: typeof source === "function" }).toEqual({ id, hasSource: true });
      expect({ id, args, bundle: answer(shim.registered.get(id), args) }).toEqual({ id, args, bundle: answer(source, args) });
    }
  });

  it("takes a my_deals table: a corrected record and an added one reach the sums and lookups", () => {
    const bundledQ3 = sum(FACTS.filter((f) => counts(f) && f.quarter === "2025Q3").map((f) => f.amount_usd as number));
    expect(call("QUARTER", ["2025Q3", null, null, null, MY_DEALS])).toBe(bundledQ3 - 100_000_000);
    expect(call("QUARTER", ["2026Q4", null, null, null, MY_DEALS])).toBe(500_000_000);
    expect(call("DEAL", ["TEST-2026-11-CVT-2031", "priced_date", MY_DEALS])).toBe(serial("2026-11-20"));
    expect(call("OFFERINGS", ["TEST", null, null, null, "id, origin", false, null, MY_DEALS])).toEqual([["TEST-2026-11-CVT-2031", "workbook"]]);
    let thrown: unknown = null;
    try {
      call("QUARTER", ["2025Q3", null, null, null, dealsTable([NEW_DEAL, NEW_DEAL])]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown instanceof CustomFunctionsError ? [thrown.code, thrown.message] : thrown).toEqual(["#VALUE!", "my_deals row 3: id TEST-2026-11-CVT-2031 is also in row 2; each row needs its own id"]);
  });
});

// Issue 13: what an analyst checks first, through the bundle Excel loads. Expected values come
// from data/*.jsonl and coverage.json read here (support/facts), never from src/data.
describe("built bundle: no silent zeros, totals that reconcile (issue 13)", () => {
  const counted = FACTS.filter(counts);
  const usd = (records: Fact[]) => sum(records.map((f) => f.amount_usd as number));
  const errorOf = (id: string, args: unknown[]): CustomFunctionsError => {
    try {
      const value = call(id, args);
      throw new Error(`${id}(${JSON.stringify(args)}) returned ${JSON.stringify(value)}`);
    } catch (error) {
      if (!(error instanceof CustomFunctionsError)) throw error;
      return error;
    }
  };

  it("QUARTER of a quarter after coverage is #N/A saying so and how to add later financings, never 0", () => {
    expect(FINANCINGS_THROUGH).toBe("2026-06-16");
    for (const quarter of ["2026Q3", "2026Q4", "2027Q1", "2027"]) {
      const error = errorOf("QUARTER", [quarter]);
      expect({ quarter, code: error.code }).toEqual({ quarter, code: "#N/A" });
      expect(error.message).toContain("after the dataset's coverage: financings are known through 2026-06-16");
      expect(error.message).toContain("my_deals");
    }
    // The coverage quarter itself holds what is known (it is partial, not empty).
    expect(call("QUARTER", ["2026Q2"])).toBe(usd(counted.filter((f) => f.quarter === "2026Q2")));
    expect(call("QUARTER", ["2026Q2"])).toBeGreaterThan(0);
  });

  it("OUTSTANDING, DEBTSTACK, MATURITIES and OVERHANG at a date after coverage are #N/A saying so, never a projection", () => {
    const after = "2026-06-17";
    for (const [id, args] of [
      ["OUTSTANDING", [after]],
      ["OUTSTANDING", ["2031"]],
      ["DEBTSTACK", ["MARA", after]],
      ["MATURITIES", [null, null, null, null, after]],
      ["OVERHANG", ["CLSK", 20, 280e6, null, null, after]],
    ] as [string, unknown[]][]) {
      const error = errorOf(id, args);
      expect({ id, args, code: error.code }).toEqual({ id, args, code: "#N/A" });
      expect(error.message).toContain("is after the dataset's coverage: financings and their events are known through 2026-06-16, so what was owed then is not known");
    }
    // The coverage end itself is known, and it is the default.
    expect(call("OUTSTANDING", [FINANCINGS_THROUGH])).toBe(call("OUTSTANDING", []));
    expect(typeof call("OUTSTANDING", [FINANCINGS_THROUGH])).toBe("number");
    // With my_deals the user takes responsibility for later dates (SPEC §4), as for QUARTER.
    expect(typeof call("OUTSTANDING", [after, null, null, null, MY_DEALS])).toBe("number");
  });

  it("SERIES never prints a row for a quarter the data does not cover", () => {
    const table = call("SERIES", ["2026Q1", "2026Q4", "none"]) as unknown[][];
    expect(table.map((row) => row[0])).toEqual(["quarter", "2026Q1", "2026Q2"]);
    expect(table[2][1]).toBe(usd(counted.filter((f) => f.quarter === "2026Q2")));
    expect(errorOf("SERIES", ["2026Q3", "2026Q4"]).code).toBe("#N/A");
    const latest = (call("SERIES", [null, null, "none"]) as unknown[][]).map((row) => row[0]);
    expect(latest).not.toContain("2026Q3");
    // Nor before the first dated quarter (2021Q1, where the window starts): no rows of 0 there.
    expect((call("SERIES", ["2020Q3", "2021Q2", "none"]) as unknown[][]).map((row) => row[0])).toEqual(["quarter", "2021Q1", "2021Q2"]);
    expect(errorOf("SERIES", ["2019Q1", "2020Q4"]).message).toContain("to 2020Q4 is before the dataset's first quarter (2021Q1)");
    expect(errorOf("QUARTER", ["2020Q4"]).code).toBe("#N/A");
    // A list from a quarter after coverage is not an empty list: it is not known.
    const offerings = errorOf("OFFERINGS", [null, "2026Q3"]);
    expect([offerings.code, offerings.message]).toEqual(["#N/A", expect.stringContaining("from 2026Q3 is after the dataset's coverage")]);
  });

  it("SERIES over all time, ISSUERS and QUARTER over every quarter agree, undated financings on their own line", () => {
    const undated = counted.filter((f) => f.quarter === null);
    expect(undated.map((f) => f.id).sort()).toEqual(["HUT-2021-XX-LOAN-NA", "WULF-NA-CF-NA"]);
    const table = call("SERIES", [null, null, "none"]) as unknown[][];
    const rows = table.slice(1);
    expect(rows[rows.length - 1]).toEqual(["undated", usd(undated)]);
    const allTime = usd(counted);
    expect(sum(rows.map((row) => row[1] as number))).toBe(allTime);
    const issuers = call("ISSUERS", []) as unknown[][];
    expect(sum(issuers.slice(1).map((row) => row[3] as number))).toBe(allTime);
    const firstQuarter = rows[0][0] as string;
    const dated = call("QUARTER", [`${firstQuarter}:LQ`]) as number;
    expect(dated).toBe(usd(counted.filter((f) => f.quarter !== null)));
    expect(dated + usd(undated)).toBe(allTime);
    // A bounded SERIES is a period: no undated row, and it adds up to QUARTER over the same range.
    const bounded = (call("SERIES", ["2021Q1", "2026Q2", "none"]) as unknown[][]).slice(1);
    expect(bounded.map((row) => row[0])).not.toContain("undated");
    expect(sum(bounded.map((row) => row[1] as number))).toBe(call("QUARTER", ["2021Q1:2026Q2"]));
  });

  it("net proceeds are #N/A unless every counted financing discloses them; the partial sum says disclosed", () => {
    const error = errorOf("QUARTER", ["2025Q3", null, null, "net_proceeds"]);
    expect(error.code).toBe("#N/A");
    expect(error.message).toContain("net proceeds disclosed for 3 of 12 financings, $2,450m of $5,335m raised");
    expect(errorOf("QUARTER", ["2026Q2", null, null, "net_proceeds"]).message).toContain("disclosed for 2 of 12 financings");
    // By hand from the JSONL: of 2026Q2's 12 counted deals only IREN-2026-05-CVT-2033 ($2,960M) and
    // HIVE-NA-CVT-2031 ($109.5M) publish net proceeds (both with the option exercised in full).
    expect(call("QUARTER", ["2026Q2", null, null, "net_proceeds_disclosed"])).toBe(2_960_000_000 + 109_500_000);
  });

  it("VERSION and COVERAGE state the coverage", () => {
    expect(call("VERSION", [])).toContain("financings through 2026-06-16");
    expect(call("COVERAGE", [])).toEqual([
      ["item", "value"],
      ["financings_through", "2026-06-16"],
      ["searched_on", "2026-12-02"],
      ["first_quarter", [...new Set(FACTS.map((f) => f.quarter).filter((q): q is string => q !== null))].sort()[0]],
      ["last_complete_quarter", "2026Q1"],
      ["partial_quarter", "2026Q2"],
    ]);
  });
});

// The source URLs on first use, each test on a fresh copy of the bundle (nothing fetched yet).
describe("built bundle: source URLs fetched from the add-in's host on first use", () => {
  const ID = "WULF-2024-10-CVT-2030";
  let dist: string;
  const isPromise = (value: unknown): value is Promise<unknown> => typeof (value as { then?: unknown } | null)?.then === "function";
  const fresh = () => {
    const host = addinHost(dist, TEST_BASE_URL);
    const bundle = loadBundle(dist, host);
    const fn = (id: string) => bundle.registered.get(id) as (...a: unknown[]) => unknown;
    return { host, fn };
  };
  const thrownBy = (run: () => unknown): unknown => {
    try {
      return { returned: run() };
    } catch (error) {
      return error instanceof CustomFunctionsError ? [error.code, error.message] : error;
    }
  };

  beforeAll(() => {
    dist = builtDist();
  });

  it("functions.js holds no source URL (financings' or events'); the first SOURCE fetches the content-named file once, later calls answer at once", async () => {
    const files = readdirSync(dist).filter((file) => /^source-links\.[0-9a-f]{8}\.json$/.test(file));
    expect(files).toHaveLength(1);
    const urls = fact(ID).sources.map((source) => source.url);
    const bundleText = readFileSync(path.join(dist, "functions.js"), "utf8");
    const eventUrls = EVENT_FACTS.map((event) => event.source.url);
    expect(eventUrls.length).toBeGreaterThan(100);
    for (const url of [...urls, ...eventUrls]) expect({ url, inBundle: bundleText.includes(url.replace(/^https?:\/\//, "")) }).toEqual({ url, inBundle: false });

    const { host, fn } = fresh();
    const first = fn("SOURCE")(ID);
    expect(isPromise(first)).toBe(true);
    expect(host.requests).toEqual([`${TEST_BASE_URL}${files[0]}`]);
    const url = await first;
    expect(urls).toContain(url);
    expect(url).toBe((SOURCE_MODULE.source as (id: string) => string)(ID));
    const again = fn("SOURCE")(ID, 2);
    expect(isPromise(again)).toBe(false);
    expect(urls).toContain(again);
    expect(host.requests).toHaveLength(1);
  });

  it("calls that need no source URL answer synchronously and fetch nothing", () => {
    const { host, fn } = fresh();
    const answers = [
      fn("QUARTER")("2025Q3"),
      fn("SERIES")("2025Q1", "2025Q4", "none"),
      fn("DEAL")(ID, "amount_usd"),
      fn("OFFERINGS")("WULF", null, null, null, "id, amount_usd"),
      fn("OUTSTANDING")("2025-12-31", "WULF"),
      fn("SOURCE")("TEST-2026-11-CVT-2031", 1, MY_DEALS),
    ];
    expect(answers.map(isPromise)).toEqual(answers.map(() => false));
    expect(answers.every((answer) => isExcelValue(answer))).toBe(true);
    expect(host.requests).toEqual([]);
  });

  it("a bad argument is reported at once, before anything is fetched", () => {
    const { host, fn } = fresh();
    expect(thrownBy(() => fn("SOURCE")(ID, 0))).toEqual(["#VALUE!", 'n must be a whole number ≥ 1, got 0']);
    expect(thrownBy(() => fn("DEAL")("WULF-2024-10-CVT-2O30", "source_url"))).toEqual(["#N/A", expect.stringContaining('No financing with id "WULF-2024-10-CVT-2O30"')]);
    expect(host.requests).toEqual([]);
  });

  it("OFFERINGS with its default fields, DEAL(id, \"source_url\") and EVENTS wait for the same fetch, then answer as the source modules do", async () => {
    const { host, fn } = fresh();
    const table = fn("OFFERINGS")("WULF");
    const link = fn("DEAL")(ID, "source_url");
    const events = fn("EVENTS")("MARA-2021-11-CVT-2026");
    expect([isPromise(table), isPromise(link), isPromise(events)]).toEqual([true, true, true]);
    expect(host.requests).toHaveLength(1);
    expect(await table).toEqual((SOURCE_MODULE.offerings as (issuer: string) => unknown)("WULF"));
    expect(await link).toBe((SOURCE_MODULE.deal as (id: string, field: string) => unknown)(ID, "source_url"));
    expect(await events).toEqual((SOURCE_MODULE.events as (id: string) => unknown)("MARA-2021-11-CVT-2026"));
  });

  it("a host that does not serve the file: #N/A naming it, and the next call tries again", async () => {
    const { host, fn } = fresh();
    host.failWith(404);
    const failed = fn("SOURCE")(ID);
    expect(isPromise(failed)).toBe(true);
    const error = await (failed as Promise<unknown>).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error instanceof CustomFunctionsError ? error.code : error).toBe("#N/A");
    expect((error as Error).message).toMatch(/^source links could not be loaded from https:\/\/addins\.example\.org\/minerdebt\/source-links\.[0-9a-f]{8}\.json \(HTTP 404\); recalculate to try again$/);
    host.failWith(null);
    expect(await fn("SOURCE")(ID)).toBe((SOURCE_MODULE.source as (id: string) => string)(ID));
    expect(host.requests).toHaveLength(2);
  });
});
