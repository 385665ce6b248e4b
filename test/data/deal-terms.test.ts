/**
 * The one conversion-price and principal rule the functions (DEALDILUTION, DEBTSTACK, OVERHANG)
 * and the pane (calculator, Issuer view) share, on hand-made variations of a dataset record.
 */
import { conversionPriceOf, convertiblePrincipalOf, getFinancing, type FinancingCore } from "../../src/data";

const base = getFinancing("MARA-2021-11-CVT-2026");
const record = (patch: Partial<FinancingCore>): FinancingCore => ({ ...base, ...patch });

describe("conversionPriceOf", () => {
  test("the stated price wins over the rate", () => {
    expect(conversionPriceOf(record({ conversion_price_usd: 76.17, conversion_rate_per_1000: 20 }))).toBe(76.17);
  });
  test("no stated price: 1000 / the rate (25 shares per $1,000 → $40)", () => {
    expect(conversionPriceOf(record({ conversion_price_usd: null, conversion_rate_per_1000: 25 }))).toBe(40);
  });
  test("neither disclosed: null, not zero", () => {
    expect(conversionPriceOf(record({ conversion_price_usd: null, conversion_rate_per_1000: null }))).toBeNull();
  });
});

describe("convertiblePrincipalOf", () => {
  test("final principal, else the amount raised, else the priced principal, else null", () => {
    expect(convertiblePrincipalOf(record({ principal_final_usd: 747.5e6, amount_usd: 650e6, principal_priced_usd: 600e6 }))).toBe(747.5e6);
    expect(convertiblePrincipalOf(record({ principal_final_usd: null, amount_usd: 650e6, principal_priced_usd: 600e6 }))).toBe(650e6);
    expect(convertiblePrincipalOf(record({ principal_final_usd: null, amount_usd: null, principal_priced_usd: 600e6 }))).toBe(600e6);
    expect(convertiblePrincipalOf(record({ principal_final_usd: null, amount_usd: null, principal_priced_usd: null }))).toBeNull();
  });
});
