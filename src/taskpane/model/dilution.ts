/**
 * The calculator's math, from src/calc (never reimplemented here): new shares and dilution
 * for a settlement method, with or without the capped call.
 */
import { conversionPrice, dilution, netShares } from "../../calc";
import type { FinancingCore } from "../../data";
import type { SettlementMethod } from "../plans/dilutionScenario";

export interface DilutionCase {
  principal: number;
  conversionPrice: number;
  sharesOutstanding: number;
  sharePrice: number;
  settlement: SettlementMethod;
  /** Apply the capped call at this cap price; null = no capped call. */
  capPrice: number | null;
}

export interface DilutionOutcome {
  newShares: number;
  /** new shares ÷ shares outstanding (a fraction). */
  dilution: number;
}

export function dilutionOutcome(input: DilutionCase): DilutionOutcome {
  return {
    newShares: netShares({
      principal: input.principal,
      conversionPrice: input.conversionPrice,
      sharePrice: input.sharePrice,
      settlement: input.settlement,
      capPrice: input.capPrice,
    }),
    dilution: dilution({
      principal: input.principal,
      conversionPrice: input.conversionPrice,
      sharesOutstanding: input.sharesOutstanding,
      sharePrice: input.sharePrice,
      settlement: input.settlement,
      capPrice: input.capPrice,
      basis: "outstanding",
    }),
  };
}

/**
 * The principal the conversion math uses for a deal — the same choice DEALDILUTION makes
 * (src/functions): the confirmed final principal, else what the record raised, else the
 * priced amount. null when none is disclosed.
 */
export function dealPrincipal(record: FinancingCore): number | null {
  return record.principal_final_usd ?? record.amount_usd ?? record.principal_priced_usd;
}

/** The deal's conversion price: as stated, else from its conversion rate (1000 / rate), as DEALDILUTION does. */
export function dealConversionPrice(record: FinancingCore): number | null {
  if (record.conversion_price_usd !== null) return record.conversion_price_usd;
  return record.conversion_rate_per_1000 === null ? null : conversionPrice({ conversionRate: record.conversion_rate_per_1000 });
}
