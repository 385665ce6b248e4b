/**
 * The dilution overhang of an issuer's convertibles: new shares from every instrument if all
 * converted at one share price, each with its own conversion price, capped call and settlement
 * — the DILUTION math (./dilution) summed, never a copy of it.
 */
import { netShares, settlementForDeal, SETTLEMENTS } from "./dilution";
import { choice, finiteResult, positive } from "./validate";

/** "physical": every instrument in shares (the most dilutive); "net_share"; "as_terms": each deal's own (settlementForDeal). */
export const OVERHANG_SETTLEMENTS = ["physical", "net_share", "as_terms"] as const;
export type OverhangSettlement = (typeof OVERHANG_SETTLEMENTS)[number];

export const OVERHANG_MEASURES = ["fraction", "shares"] as const;

export interface OverhangInstrument {
  /** Principal outstanding, USD. */
  principal: number;
  conversionPrice: number;
  capPrice: number | null;
  /** The dataset's settlement field (cash_shares_or_combination, …) or null. */
  settlement: string | null;
}

export interface OverhangParams {
  instruments: readonly OverhangInstrument[];
  sharePrice: number;
  sharesOutstanding: number;
  settlement?: string | null;
  includeCappedCall?: boolean;
  /** "fraction" (default): new shares ÷ shares outstanding; "shares": the new shares. */
  measure?: string | null;
}

export function overhang(params: OverhangParams): number {
  const sharePrice = positive("share_price", params.sharePrice);
  const outstanding = positive("shares_outstanding", params.sharesOutstanding);
  const settlement = choice("settlement", params.settlement, OVERHANG_SETTLEMENTS, "physical");
  const measure = choice("measure", params.measure, OVERHANG_MEASURES, "fraction");
  let shares = 0;
  for (const instrument of params.instruments) {
    const method: (typeof SETTLEMENTS)[number] = settlement === "as_terms" ? settlementForDeal(instrument.settlement) : settlement;
    shares += netShares({
      principal: instrument.principal,
      conversionPrice: instrument.conversionPrice,
      sharePrice,
      settlement: method,
      capPrice: params.includeCappedCall === false ? null : instrument.capPrice,
    });
  }
  return finiteResult("overhang", measure === "shares" ? shares : shares / outstanding);
}
