/**
 * The calculator's math, from src/calc (never reimplemented here): new shares and dilution
 * for a settlement method, with or without the capped call.
 */
import { dilution, netShares } from "../../calc";
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

