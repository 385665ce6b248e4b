import {
  conversionPrice,
  conversionRate,
  conversionShares,
  parity,
  premium,
} from "../../src/calc";
import { expectClose, expectMinerDebtError, statedDecimals } from "./helpers";

/**
 * Conversion terms as stated in miner press releases, copied from the dataset
 * (data/financings.jsonl, the repo copy of the shared facts; fields conversion_rate_per_1000, conversion_price_usd,
 * conversion_premium_pct, reference_price_usd). The issuer states the rate exactly and the
 * price and premium rounded; 1000 / rate must round to the stated price, and the premium of the
 * unrounded price over the reference must round to the stated premium (0.1 percentage point).
 */
const STATED_TERMS: Array<{
  id: string;
  source: string;
  rate: number;
  price: string;
  premiumPct: number | null;
  reference: number | null;
}> = [
  {
    id: "MARA-2021-11-CVT-2026",
    source: "https://ir.mara.com/investors/sec-filings/all-sec-filings/content/0001493152-21-029188/ex99-1.htm",
    rate: 13.1277,
    price: "76.17",
    premiumPct: 37.5,
    reference: 55.4,
  },
  {
    id: "MARA-2024-08-CVT-2031",
    source: "https://moomoo.com/hans/news/post/42205354/marathon-digital-holdings-inc-announces-proposed-private-offering-of-250",
    rate: 52.9451,
    price: "18.89",
    premiumPct: null,
    reference: null,
  },
  {
    id: "CORZ-2024-08-CVT-2029",
    source: "https://stocktitan.net/news/CORZ/core-scientific-announces-proposed-convertible-senior-notes-1uj12g1c7lhi.html",
    rate: 90.9256,
    price: "11.0",
    premiumPct: 30.0,
    reference: 8.46,
  },
  {
    id: "MARA-2024-11-CVT-2030",
    source: "https://quantisnow.com/insight/mara-holdings-inc-announces-proposed-private-offering-of-700-million-of-convertible-senior-notes-5779789",
    rate: 38.5902,
    price: "25.9133",
    premiumPct: 42.5,
    reference: 18.1848,
  },
  {
    id: "RIOT-2024-12-CVT-2030",
    source: "https://nasdaq.com/press-release/riot-platforms-announces-proposed-private-offering-500-million-convertible-senior",
    rate: 67.2767,
    price: "14.86",
    premiumPct: 32.5,
    reference: 11.2181,
  },
  {
    id: "CIFR-2025-05-CVT-2030",
    source: "https://www.webull.com.my/news-detail/12849306735936512",
    rate: 224.9213,
    price: "4.45",
    premiumPct: 30.0,
    reference: 3.42,
  },
  {
    id: "BITF-2025-10-CVT-2031",
    source: "https://reportify.ai/news/1176314390056800256",
    rate: 145.6876,
    price: "6.86",
    premiumPct: 30.0,
    reference: 5.28,
  },
  {
    id: "WULF-2025-10-CVT-2032",
    source: "https://www.stocktitan.net/news/WULF/tera-wulf-inc-announces-proposed-private-offering-of-500-million-of-3e3n1tlzoz9d.html",
    rate: 50.1567,
    price: "19.9375",
    premiumPct: 37.5,
    reference: 14.5,
  },
  {
    id: "CLSK-2025-11-CVT-2032",
    source: "https://fixedincome.fidelity.com/ftgw/fi/FINewsArticle?id=202511101601PR_NEWS_USPR_____LA20451",
    rate: 52.1832,
    price: "19.16",
    premiumPct: 27.5,
    reference: 15.03,
  },
  {
    id: "BTDR-2025-11-CVT-2031",
    source: "https://www.stocktitan.net/news/BTDR/bitdeer-announces-pricing-of-us-400-0-million-convertible-senior-ero0is3nb70p.html",
    rate: 56.2635,
    price: "17.77",
    premiumPct: 27.5,
    reference: 13.94,
  },
  {
    id: "IREN-2025-12-CVT-2032",
    source: "https://monis.fisglobal.com/Monis/MonisDataService/ViewReport.aspx?MonisID=MCB_692e0ca500000004",
    rate: 19.4553,
    price: "51.4",
    premiumPct: 25.0,
    reference: 41.12,
  },
];

describe("conversion terms stated in miner press releases", () => {
  test.each(STATED_TERMS)("$id: 1000 / rate rounds to the stated price ($source)", (deal) => {
    const stated = Number(deal.price);
    const halfUnit = 0.5 * 10 ** -statedDecimals(deal.price);
    const computed = conversionPrice({ conversionRate: deal.rate });
    expect(Math.abs(computed - stated)).toBeLessThanOrEqual(halfUnit + 1e-12);
  });

  test.each(STATED_TERMS.filter((deal) => deal.premiumPct !== null))(
    "$id: premium over the reference price rounds to the stated premium ($source)",
    (deal) => {
      const price = conversionPrice({ conversionRate: deal.rate });
      const computed = premium({ conversionPrice: price, referencePrice: deal.reference as number });
      expect(Math.abs(computed * 100 - (deal.premiumPct as number))).toBeLessThanOrEqual(0.05 + 1e-9);
    },
  );

  test("IREN-2025-12-CVT-2032: the capped call's $82.24 cap is a 100% premium over $41.12", () => {
    // Same source as above: cap price 82.24, cap premium 100.0%, reference 41.12.
    expectClose(premium({ conversionPrice: 82.24, referencePrice: 41.12 }), 1.0, 1e-12);
  });

  test("conversion rate is the inverse: CONVRATE(CONVPRICE(rate)) = rate", () => {
    for (const deal of STATED_TERMS) {
      const price = conversionPrice({ conversionRate: deal.rate });
      expectClose(conversionRate({ conversionPrice: price }), deal.rate, 1e-9);
    }
  });
});

describe("conversion shares and parity", () => {
  test("textbook: $1,000 bond, $20 conversion price → 50 shares, worth $1,200 at $24", () => {
    // https://solomonexamprep.com./content-txt/47636/36/4-2-9-4-1-conversion-ratios
    expect(conversionRate({ conversionPrice: 20 })).toBe(50);
    expect(parity({ conversionRate: 50, sharePrice: 24 })).toBe(1200);
  });


  test("shares on full conversion = principal / 1000 × rate", () => {
    // WULF-2025-10-CVT-2032: $1,025,000,000 principal at 50.1567 shares per $1,000
    // (principal_final_usd in the dataset, same source as above).
    expectClose(conversionShares({ principal: 1_025_000_000, conversionRate: 50.1567 }), 51_410_617.5, 1e-4);
    expect(conversionShares({ principal: 0, conversionRate: 50 })).toBe(0);
  });

  test("parity per $1,000 face = rate × share price", () => {
    expectClose(parity({ conversionRate: 50.1567, sharePrice: 14.5 }), 727.27215, 1e-9);
    // At the conversion price parity is exactly the $1,000 face.
    const rate = 52.1832;
    expectClose(parity({ conversionRate: rate, sharePrice: 1000 / rate }), 1000, 1e-9);
  });
});

describe("conversion terms reject bad input", () => {
  test.each([
    ["conversion_rate", () => conversionPrice({ conversionRate: 0 })],
    ["conversion_rate", () => conversionPrice({ conversionRate: -13 })],
    ["conversion_rate", () => conversionPrice({ conversionRate: Number.NaN })],
    ["conversion_rate", () => conversionPrice({ conversionRate: "13" as unknown as number })],
    ["conversion_price", () => conversionRate({ conversionPrice: -5 })],
    ["conversion_price", () => conversionRate({ conversionPrice: Number.POSITIVE_INFINITY })],
    ["principal", () => conversionShares({ principal: -1, conversionRate: 50 })],
    ["conversion_rate", () => conversionShares({ principal: 1000, conversionRate: 0 })],
    ["conversion_price", () => premium({ conversionPrice: 0, referencePrice: 10 })],
    ["reference_price", () => premium({ conversionPrice: 10, referencePrice: -1 })],
    ["conversion_rate", () => parity({ conversionRate: -1, sharePrice: 10 })],
    ["share_price", () => parity({ conversionRate: 50, sharePrice: 0 })],
  ])("%s", (argument, call) => {
    expectMinerDebtError(call, "VALUE", argument);
  });

  test("the message names the argument and echoes the value", () => {
    expect(() => conversionRate({ conversionPrice: -5 })).toThrow("conversion_price must be > 0, got -5");
  });
});
