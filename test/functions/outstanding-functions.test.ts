// OUTSTANDING, DEBTSTACK, MATURITIES, OVERHANG and EVENTS through a CustomFunctions shim.
// Expected figures are recomputed here from data/events.jsonl and data/financings.jsonl read
// with fs (test/functions/support/facts.ts), never from src/data.
import { expectError, installCustomFunctionsShim, registerBundledSourceLinks } from "./support/custom-functions";
import { EVENT_FACTS, FACTS, fact, serial, snapshotOn, sum } from "./support/facts";

installCustomFunctionsShim();
registerBundledSourceLinks();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const F = require("../../src/functions/functions") as typeof import("../../src/functions/functions");

const VALUE = "#VALUE!";
const NA = "#N/A";

const DATE = "2026-03-31";
/** MARA's convertibles issued and not matured at DATE, each with its latest snapshot (every one has a 2026-01-07 report and no later event). */
const maraConverts = FACTS.filter((f) => f.ticker === "MARA" && f.instrument_class === "convertible" && (f.maturity_date as string) > DATE);
const maraBalances = maraConverts.map((f) => {
  const snapshot = snapshotOn(f.id, DATE);
  if (!snapshot) throw new Error(`test data: ${f.id} has no snapshot`);
  // The test relies on no event after the snapshot up to DATE.
  expect(EVENT_FACTS.filter((e) => e.financing_id === f.id && e.date > snapshot.date && e.date <= DATE)).toEqual([]);
  return { fact: f, principal: snapshot.principal_outstanding_usd as number, snapshot };
});

describe("OUTSTANDING([as_of], [issuer], [instrument_class], [units])", () => {
  it("sums MARA's convertibles at their latest reported balances (not their issued principal)", () => {
    expect(maraBalances.length).toBe(5);
    const expected = sum(maraBalances.map((b) => b.principal));
    expect(F.outstanding(DATE, "MARA", "convertible")).toBe(expected);
    expect(F.outstanding(DATE, "MARA", "convertible", "USDm")).toBeCloseTo(expected / 1e6, 9);
    const issued = sum(maraConverts.map((f) => f.principal_final_usd as number));
    expect(expected).toBeLessThan(issued);
  });

  it("counts a facility's facility-level balance once, not again on its sibling records", () => {
    // Hut 8's Coinbase facility: the 2026-03-31 snapshot is FACILITY-LEVEL on the December 2025 record.
    const snapshot = EVENT_FACTS.find((e) => e.financing_id === "HUT-2025-12-BTCL-2026" && e.date === DATE) as (typeof EVENT_FACTS)[number];
    expect(snapshot.notes).toContain("FACILITY-LEVEL");
    expect(F.outstanding(DATE, "HUT", "bitcoin_backed_loan")).toBe(snapshot.principal_outstanding_usd);
  });

  it("counts notes issued to creditors (Core Scientific's exit notes) as debt", () => {
    const exit = fact("CORZ-2024-01-SSN-2028");
    expect(exit.new_money).toBe(false);
    expect(F.outstanding("2024-03-31", "CORZ", "secured_notes")).toBe(snapshotOn(exit.id, "2024-03-31")?.principal_outstanding_usd);
    // Redeemed in full on 2024-09-03 (events.jsonl).
    expect(F.outstanding("2024-09-30", "CORZ", "secured_notes")).toBe(0);
  });

  it("never counts a commitment: a facility with no drawdown in the sources adds nothing", () => {
    const galaxy = fact("GLXY-2025-08-LOAN-2028");
    expect(galaxy.amount_basis).toBe("commitment");
    expect(EVENT_FACTS.some((e) => e.financing_id === galaxy.id)).toBe(false);
    expect(F.outstanding("2025-12-31", "GLXY", "loan")).toBe(0);
  });

  it("reads dates, years, quarters and Excel dates, and defaults to the coverage end", () => {
    expect(F.outstanding(serial(DATE), "MARA", "convertible")).toBe(F.outstanding(DATE, "MARA", "convertible"));
    expect(F.outstanding("2026Q1", "MARA", "convertible")).toBe(F.outstanding(DATE, "MARA", "convertible"));
    expect(F.outstanding("2025", "MARA")).toBe(F.outstanding("2025-12-31", "MARA"));
    expect(F.outstanding(null, "MARA")).toBe(F.outstanding(AS_OF_DEFAULT(), "MARA"));
  });

  it("names the bad argument", () => {
    expectError(() => F.outstanding("2025-13-45"), VALUE, "as_of", '"2025-13-45"');
    expectError(() => F.outstanding(null, "MARAA"), NA, "issuer", "MARA");
    expectError(() => F.outstanding(null, null, "bonds"), VALUE, "instrument_class", '"bonds"');
    expectError(() => F.outstanding(null, null, null, "EUR"), VALUE, "units", '"EUR"');
  });
});

/** The default as-of date (the coverage end), as the functions read it. */
function AS_OF_DEFAULT(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("../../src/data") as typeof import("../../src/data")).defaultAsOf();
}

describe("DEBTSTACK(issuer, [as_of], [headers], [units])", () => {
  const table = F.debtstack("MARA", DATE, true, "USDm");

  it("lists each instrument by maturity with its balance, basis and conversion shares", () => {
    expect(table[0]).toEqual([
      "id",
      "instrument",
      "secured",
      "collateral",
      "coupon_pct",
      "maturity_date",
      "principal_outstanding (USDm)",
      "basis",
      "conversion_price_usd",
      "capped_call_cap_price_usd",
      "conversion_shares",
    ]);
    const ids = table.slice(1).map((row) => row[0]);
    const maturities = table.slice(1).map((row) => row[5]).filter((m) => m !== "");
    expect([...maturities].sort((a, b) => (a as number) - (b as number))).toEqual(maturities);
    for (const { fact: f, principal, snapshot } of maraBalances) {
      const row = table.find((r) => r[0] === f.id) as unknown[];
      expect(ids).toContain(f.id);
      expect(row[5]).toBe(serial(f.maturity_date as string));
      expect(row[6]).toBeCloseTo(principal / 1e6, 9);
      expect(row[7]).toMatch(new RegExp(`^(reported|derived from report) ${snapshot.date}$`));
      expect(row[10]).toBeCloseTo(principal / (f.conversion_price_usd as number), 6);
    }
  });

  it("says how a figure is known: MARA's 2026 notes are reported, not issued", () => {
    const row = table.find((r) => r[0] === "MARA-2021-11-CVT-2026") as unknown[];
    expect(row[7]).toBe("reported 2026-01-07");
    expect(row[4]).toBeCloseTo((fact("MARA-2021-11-CVT-2026").coupon_pct as number) / 100, 12);
  });

  it("names bad input", () => {
    expectError(() => F.debtstack(null), VALUE, "issuer is required");
    expectError(() => F.debtstack("MARAA"), NA, "issuer", "did you mean MARA");
    expectError(() => F.debtstack("MARA", "tomorrow"), VALUE, "as_of", '"tomorrow"');
    // Inside the window, before MARA's first financing (2021Q4): known to be none in the sources.
    expectError(() => F.debtstack("MARA", "2021-06-30", false), NA, "No debt outstanding for MARA at 2021-06-30");
    expect(F.debtstack("MARA", "2021-06-30", true, "USDm")).toEqual([table[0]]);
    // Before the window (the first dated financing is in 2021Q1): not known, never an empty stack or 0.
    expectError(() => F.debtstack("MARA", "2019-01-01"), NA, "as_of 2019-01-01 is before the dataset's first quarter (2021Q1)");
    expectError(() => F.outstanding("2020-12-31"), NA, "as_of 2020-12-31 is before the dataset's first quarter (2021Q1)");
  });
});

describe("MATURITIES([from_year], [to_year], [issuer], [group_by], [as_of], [units])", () => {
  it("puts each balance in its maturity year and group", () => {
    const wall = F.maturities(2026, 2032, "MARA", "instrument_class", DATE);
    expect(wall[0]).toEqual(["maturity_year", "convertible (USD)", "bitcoin_backed_loan (USD)", "total (USD)"]);
    expect(wall.slice(1).map((row) => row[0])).toEqual([2026, 2027, 2028, 2029, 2030, 2031, 2032]);
    for (const row of wall.slice(1)) {
      const year = String(row[0]);
      const expected = sum(maraBalances.filter((b) => (b.fact.maturity_date as string).startsWith(year)).map((b) => b.principal));
      expect({ year, convertible: row[1] }).toEqual({ year, convertible: expected });
      expect(row[3]).toBe((row[1] as number) + (row[2] as number));
    }
  });

  it("groups convertible vs not, and by issuer; a last row holds maturities not stated", () => {
    const wall = F.maturities(null, null, "MARA", "convertible", DATE, "USDm");
    expect(wall[0]).toEqual(["maturity_year", "convertible (USDm)", "non_convertible (USDm)", "total (USDm)"]);
    expect(wall[1][0]).toBe(2026);
    const last = wall[wall.length - 1];
    expect(last[0]).toBe("not stated");
    expect(last[2]).toBeGreaterThan(0); // MARA's bitcoin-backed facility states no maturity
    expect(F.maturities(2030, 2030, "MARA, RIOT", "issuer", DATE)[0]).toEqual(["maturity_year", "MARA (USD)", "RIOT (USD)", "total (USD)"]);
  });

  it("names bad input", () => {
    expectError(() => F.maturities(2030, 2026), VALUE, "from_year (2030) is after to_year (2026)");
    expectError(() => F.maturities(2026.5), VALUE, "from_year must be a year");
    expectError(() => F.maturities(null, null, null, "lender"), VALUE, "group_by", '"lender"');
  });
});

describe("OVERHANG(issuer, share_price, shares_outstanding, [settlement], [include_capped_call], [as_of], [measure])", () => {
  const SHARES = 370_000_000;

  it("physical: every convertible's outstanding principal ÷ its conversion price, where the price is above it", () => {
    const price = 30;
    const expected = sum(maraBalances.filter((b) => price > (b.fact.conversion_price_usd as number)).map((b) => b.principal / (b.fact.conversion_price_usd as number)));
    expect(F.overhang("MARA", price, SHARES, "physical", false, DATE, "shares")).toBeCloseTo(expected, 4);
    expect(F.overhang("MARA", price, SHARES, null, false, DATE)).toBeCloseTo(expected / SHARES, 12);
    expect(F.overhang("MARA", 10, SHARES, null, false, DATE)).toBe(0);
  });

  it("net share with capped calls: N·(S − K)/S less the call's N·(min(S, C) − K)/S, per instrument", () => {
    const price = 30;
    const expected = sum(
      maraBalances.map((b) => {
        const k = b.fact.conversion_price_usd as number;
        if (price <= k) return 0;
        const n = b.principal / k;
        const cap = b.fact.capped_call_cap_price_usd as number | null;
        const gross = (n * (price - k)) / price;
        const offset = cap === null ? 0 : (n * (Math.min(price, cap) - k)) / price;
        return Math.max(0, gross - offset);
      }),
    );
    expect(F.overhang("MARA", price, SHARES, "net_share", true, DATE, "shares")).toBeCloseTo(expected, 4);
  });

  it("names bad input", () => {
    expectError(() => F.overhang("MARA", 30, 0), VALUE, "shares_outstanding must be > 0, got 0");
    expectError(() => F.overhang("MARA", -1, SHARES), VALUE, "share_price must be > 0");
    expectError(() => F.overhang("MARA", 30, SHARES, "cash_only"), VALUE, "settlement", '"cash_only"');
    expectError(() => F.overhang("MARA", 30, SHARES, null, null, null, "percent"), VALUE, "measure", '"percent"');
    expectError(() => F.overhang(null, 30, SHARES), VALUE, "issuer is required");
  });
});

describe("EVENTS(id, [headers])", () => {
  it("lists a financing's events oldest first exactly as events.jsonl has them", () => {
    const id = "MARA-2021-11-CVT-2026";
    const expected = EVENT_FACTS.filter((e) => e.financing_id === id).map((e) => [
      e.date.length === 10 ? serial(e.date) : e.date,
      e.event,
      e.principal_change_usd ?? "",
      e.principal_outstanding_usd ?? "",
      e.related_financing_id ?? "",
      e.source.url,
    ]);
    expect(F.events(id)).toEqual([["date", "event", "principal_change_usd", "principal_outstanding_usd", "related_financing_id", "source_url"], ...expected]);
    expect(F.events(id.toLowerCase(), false)).toEqual(expected);
  });

  it("keeps month-only dates as text and plain-http sources as they are", () => {
    const monthOnly = EVENT_FACTS.find((e) => e.date.length === 7) as (typeof EVENT_FACTS)[number];
    expect(F.events(monthOnly.financing_id, false).map((row) => row[0])).toContain(monthOnly.date);
    const http = EVENT_FACTS.find((e) => e.source.url.startsWith("http://")) as (typeof EVENT_FACTS)[number];
    expect(F.events(http.financing_id, false).map((row) => row[5])).toContain(http.source.url);
  });

  it("names bad input; no events is #N/A without headers, never an empty table", () => {
    expectError(() => F.events("MARA-2021-11-CVT-202"), NA, "MARA-2021-11-CVT-2026");
    expectError(() => F.events(""), VALUE, "id is required");
    expectError(() => F.events("WULF-2025-08-CVT-2031", false), NA, "no post-issuance events");
    expect(F.events("WULF-2025-08-CVT-2031")).toHaveLength(1);
  });
});
