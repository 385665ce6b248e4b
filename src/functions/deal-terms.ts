// A convertible's conversion price as the dataset states it, shared by DEALDILUTION
// (conversion-functions.ts) and OVERHANG/DEBTSTACK (outstanding-functions.ts).
import { conversionPrice } from "../calc";
import type { FinancingCore } from "../data";

/** conversion_price_usd, else 1000 / conversion_rate_per_1000; null when neither is disclosed. */
export function conversionPriceOf(record: FinancingCore): number | null {
  if (record.conversion_price_usd !== null) return record.conversion_price_usd;
  return record.conversion_rate_per_1000 === null ? null : conversionPrice({ conversionRate: record.conversion_rate_per_1000 });
}
