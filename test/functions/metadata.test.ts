// The functions metadata (what Excel shows) against SPEC §4 and against a committed golden
// snapshot (test/functions/__golden__/metadata.json), so a signature cannot change by accident.
// After a deliberate change: UPDATE_GOLDEN=1 npx jest test/functions/metadata
import { existsSync, readFileSync, writeFileSync } from "fs";
import path from "path";
import { functionsMetadata, signature, type FunctionMetadata } from "../../scripts/function-reference";

const GOLDEN = path.join(__dirname, "__golden__", "metadata.json");

// SPEC §4 and issue 17's outstanding functions, verbatim, except BONDFLOOR's `yield`: a reserved word in strict-mode JavaScript, so
// no function can have a parameter of that name; it is `yield_rate`. Issue 16 added the optional
// last parameter `my_deals` (the user's own financings) to every data function.
const SPEC_SIGNATURES = [
  "QUARTER(quarter, [issuer], [instrument_class], [measure], [my_deals])",
  "REPORTED(period, [metric])",
  "OFFERINGS([issuer], [from], [to], [instrument_class], [fields], [headers], [units], [my_deals])",
  "DEAL(id, field, [my_deals])",
  "SOURCE(id, [n], [my_deals])",
  "SERIES([from], [to], [group_by], [issuer], [units], [my_deals])",
  "ISSUERS([my_deals])",
  "FIELDS()",
  "VERSION()",
  // Beyond SPEC §4: issue 13.
  "COVERAGE([my_deals])",
  "CYCLES([headers], [units], [my_deals])",
  "OUTSTANDING([as_of], [issuer], [instrument_class], [units], [my_deals])",
  "DEBTSTACK(issuer, [as_of], [headers], [units], [my_deals])",
  "MATURITIES([from_year], [to_year], [issuer], [group_by], [as_of], [units], [my_deals])",
  "OVERHANG(issuer, share_price, shares_outstanding, [settlement], [include_capped_call], [as_of], [measure], [my_deals])",
  "EVENTS(id, [headers], [my_deals])",
  "CONVPRICE(conversion_rate)",
  "CONVRATE(conversion_price)",
  "CONVSHARES(principal, conversion_rate)",
  "PREMIUM(conversion_price, reference_price)",
  "PARITY(conversion_rate, share_price)",
  "NETSHARES(principal, conversion_price, share_price, [settlement], [cap_price])",
  "DILUTION(principal, conversion_price, shares_outstanding, [share_price], [settlement], [cap_price], [basis])",
  "DEALDILUTION(id, shares_outstanding, [share_price], [settlement], [include_capped_call], [basis], [my_deals])",
  "DILUTEDEPS(net_income, basic_shares, incremental_shares, [interest_addback])",
  "BSM(type, share_price, strike, years, volatility, rate, [dividend_yield])",
  "CAPPEDCALL(share_price, lower_strike, cap_price, years, volatility, rate, [dividend_yield])",
  "BONDFLOOR(coupon_rate, years, yield_rate, [frequency], [face])",
  "BONDYIELD(price, coupon_rate, years, [frequency], [face])",
  "CBPRICE(share_price, conversion_price, coupon_rate, years, volatility, rate, credit_spread, [dividend_yield], [call_from_years], [call_trigger], [put_years], [steps], [frequency])",
  "CBGREEKS(share_price, conversion_price, coupon_rate, years, volatility, rate, credit_spread, [dividend_yield], [call_from_years], [call_trigger], [put_years], [steps], [frequency])",
];
const TABLES = ["OFFERINGS", "SERIES", "ISSUERS", "FIELDS", "COVERAGE", "CYCLES", "DEBTSTACK", "MATURITIES", "EVENTS", "CBGREEKS"];

let functions: FunctionMetadata[] = [];
beforeAll(async () => {
  functions = await functionsMetadata();
}, 60_000);

/** What the golden file pins: ids, parameters (name, type, dimensionality, optional), result. */
function contract(fns: FunctionMetadata[]) {
  return fns.map((fn) => ({
    id: fn.id,
    parameters: fn.parameters.map((p) => ({ name: p.name, type: p.type, dimensionality: p.dimensionality ?? "scalar", optional: p.optional ?? false })),
    result: { type: fn.result.type ?? "any", dimensionality: fn.result.dimensionality ?? "scalar" },
  }));
}

describe("functions metadata", () => {
  it("declares exactly the functions and parameters of SPEC §4, in order", () => {
    expect(functions.map(signature)).toEqual(SPEC_SIGNATURES);
  });

  it("returns tables (any[][]) exactly where the SPEC has tables", () => {
    const matrices = functions.filter((fn) => fn.result.dimensionality === "matrix").map((fn) => fn.id);
    expect(matrices.sort()).toEqual([...TABLES].sort());
  });

  it("has no repeating parameter (a 1-D array type would make one)", () => {
    for (const fn of functions) for (const p of fn.parameters) expect(`${fn.id}.${p.name}: ${(p as { repeating?: boolean }).repeating ?? false}`).toBe(`${fn.id}.${p.name}: false`);
  });

  it("describes allowed values and units of enumerated and unit-bearing parameters", () => {
    const param = (id: string, name: string) => functions.find((fn) => fn.id === id)?.parameters.find((p) => p.name === name)?.description ?? "";
    expect(param("QUARTER", "measure")).toMatch(/"amount".*"count".*"net_proceeds"/);
    expect(param("SERIES", "group_by")).toMatch(/"instrument_class".*"use_category".*"issuer".*"none"/);
    expect(param("OFFERINGS", "units")).toMatch(/"USD".*"USDm".*"USDbn"/);
    expect(param("CYCLES", "units")).toMatch(/"USD".*"USDm".*"USDbn"/);
    expect(param("NETSHARES", "settlement")).toMatch(/"physical".*"net_share".*"cash"/);
    expect(param("DILUTION", "basis")).toMatch(/"outstanding".*"pro_forma"/);
    expect(param("BSM", "type")).toMatch(/"call".*"put"/);
    expect(param("BSM", "volatility")).toMatch(/0\.\d/);
    for (const fn of functions.filter((f) => f.parameters.some((p) => p.name === "my_deals"))) {
      const last = fn.parameters[fn.parameters.length - 1];
      expect(`${fn.id}: ${last.name} ${last.dimensionality} ${last.optional}`).toBe(`${fn.id}: my_deals matrix true`);
    }
  });

  it("matches the committed golden snapshot (update deliberately: UPDATE_GOLDEN=1)", () => {
    const current = contract(functions);
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(GOLDEN, `${JSON.stringify(current, null, 2)}\n`);
    expect(existsSync(GOLDEN) ? "golden present" : `missing ${GOLDEN}: run UPDATE_GOLDEN=1 npx jest test/functions/metadata`).toBe("golden present");
    expect(current).toEqual(JSON.parse(readFileSync(GOLDEN, "utf8")));
  });
});
