/**
 * A convertible's terms as its record states them, one rule for the functions (DEALDILUTION,
 * DEBTSTACK, OVERHANG) and the pane (deal calculator, Issuer view overhang).
 */
import { conversionPrice } from "../calc/conversion";
import type { FinancingCore } from "./types";

/** conversion_price_usd, else 1000 / conversion_rate_per_1000 (a derived price); null when neither is disclosed. */
export function conversionPriceOf(record: FinancingCore): number | null {
  if (record.conversion_price_usd !== null) return record.conversion_price_usd;
  return record.conversion_rate_per_1000 === null ? null : conversionPrice({ conversionRate: record.conversion_rate_per_1000 });
}

/**
 * The principal DEALDILUTION converts for a deal: the confirmed final principal, else what the
 * record raised, else the priced amount; null when none is disclosed.
 */
export function convertiblePrincipalOf(record: FinancingCore): number | null {
  return record.principal_final_usd ?? record.amount_usd ?? record.principal_priced_usd;
}
