/**
 * Net new shares and dilution if convertible notes convert at a given share price.
 *
 * With principal P and conversion price K the notes convert into N = P / K shares. At a share
 * price S ≤ K nobody converts: 0 new shares. Above K, by settlement method:
 *   physical   N shares;
 *   net_share  principal in cash, the conversion value above principal in shares:
 *              N·(S − K)/S shares (the excess value N·(S − K) paid in shares worth S);
 *   cash       0 shares.
 * A capped call (lower strike K, cap C > K) pays the issuer the call-spread value
 * N·(min(S, C) − K)⁺ in shares, an offset of N·(min(S, C) − K)⁺/S shares; net new shares never
 * go below 0. With net_share settlement this leaves N·(S − C)⁺/S: no dilution up to the cap.
 * With physical settlement and a capped call the net count N − offset dips between K and C
 * (the call hands back shares as S rises) and climbs back toward N above C: it is not monotone
 * in S, by nature of the hedge.
 */
import { invalidArgument } from "../errors";
import {
  Optional,
  choice,
  finiteResult,
  isAbsent,
  nonNegative,
  orDefault,
  positive,
  shown,
} from "./validate";

export const SETTLEMENTS = ["physical", "net_share", "cash"] as const;
export type Settlement = (typeof SETTLEMENTS)[number];

export const DILUTION_BASES = ["outstanding", "pro_forma"] as const;
export type DilutionBasis = (typeof DILUTION_BASES)[number];

export interface NetSharesParams {
  /** Principal in USD. */
  principal: number;
  /** USD per share. */
  conversionPrice: number;
  /** Share price at which the notes are assumed to convert, USD. */
  sharePrice: number;
  /** "physical" (default), "net_share" or "cash"; case-insensitive. */
  settlement?: Optional<string>;
  /** Capped call cap price, USD per share (> conversion price); omitted = no capped call. */
  capPrice?: Optional<number>;
}

interface CheckedTerms {
  principal: number;
  conversionPrice: number;
  capPrice: number | null;
}

function checkTerms(principal: unknown, conversionPrice: unknown, capPrice: unknown): CheckedTerms {
  const checkedPrincipal = nonNegative("principal", principal);
  const strike = positive("conversion_price", conversionPrice);
  let cap: number | null = null;
  if (!isAbsent(capPrice)) {
    cap = positive("cap_price", capPrice);
    if (!(cap > strike)) {
      throw invalidArgument(
        `cap_price must be > conversion_price (${strike}), got ${cap}`,
      );
    }
  }
  return { principal: checkedPrincipal, conversionPrice: strike, capPrice: cap };
}

/** Net new shares under checked inputs (no validation: callers validated). */
function netSharesChecked(terms: CheckedTerms, sharePrice: number, settlement: Settlement): number {
  const { principal, conversionPrice: strike, capPrice: cap } = terms;
  if (sharePrice <= strike) return 0;
  const conversionShareCount = principal / strike;
  let gross: number;
  switch (settlement) {
    case "physical":
      gross = conversionShareCount;
      break;
    case "net_share":
      gross = (conversionShareCount * (sharePrice - strike)) / sharePrice;
      break;
    case "cash":
      gross = 0;
      break;
  }
  if (cap !== null) {
    const offset = (conversionShareCount * (Math.min(sharePrice, cap) - strike)) / sharePrice;
    gross -= offset;
  }
  return Math.max(0, gross);
}

/** Net new shares if the notes convert at `sharePrice` (see the module comment). */
export function netShares(params: NetSharesParams): number {
  const terms = checkTerms(params.principal, params.conversionPrice, params.capPrice);
  const share = positive("share_price", params.sharePrice);
  const settlement = choice("settlement", params.settlement, SETTLEMENTS, "physical");
  return finiteResult("net_shares", netSharesChecked(terms, share, settlement));
}

export interface DilutionParams {
  principal: number;
  conversionPrice: number;
  /** Basic shares outstanding before conversion (> 0). */
  sharesOutstanding: number;
  /**
   * Omitted → full physical conversion (N = principal / conversion price shares), the maximum
   * share count; settlement and cap price need a share price and are then not applied.
   */
  sharePrice?: Optional<number>;
  settlement?: Optional<string>;
  capPrice?: Optional<number>;
  /** "outstanding" (default): new / outstanding; "pro_forma": new / (outstanding + new). */
  basis?: Optional<string>;
}

/** Dilution as a fraction: new shares ÷ base (see DilutionParams.basis). */
export function dilution(params: DilutionParams): number {
  const terms = checkTerms(params.principal, params.conversionPrice, params.capPrice);
  const outstanding = positive("shares_outstanding", params.sharesOutstanding);
  const settlement = choice("settlement", params.settlement, SETTLEMENTS, "physical");
  const basis = choice("basis", params.basis, DILUTION_BASES, "outstanding");
  let newShares: number;
  if (isAbsent(params.sharePrice)) {
    newShares = terms.principal / terms.conversionPrice;
  } else {
    const share = positive("share_price", params.sharePrice);
    newShares = netSharesChecked(terms, share, settlement);
  }
  const ratio = basis === "outstanding" ? newShares / outstanding : newShares / (outstanding + newShares);
  return finiteResult("dilution", ratio);
}

/**
 * A financing's own terms, as the dataset states them. `settlement` is the dataset's field
 * (`cash_shares_or_combination`, `cash_up_to_principal_then_cash_or_shares`, or null).
 */
export interface DealTerms {
  principal: number;
  conversionPrice: number;
  capPrice?: Optional<number>;
  settlement?: Optional<string>;
}

/**
 * The settlement method a deal implies when the analyst does not choose one:
 * - "cash_up_to_principal_then_cash_or_shares" → "net_share" (principal in cash, excess in
 *   shares — the issuer may also pay the excess in cash, which only lowers dilution);
 * - "cash_shares_or_combination" (issuer's election) or unknown → "physical", the maximum share
 *   count the issuer could elect.
 */
export function settlementForDeal(datasetSettlement: Optional<string>): Settlement {
  if (datasetSettlement === "cash_up_to_principal_then_cash_or_shares") return "net_share";
  return "physical";
}

export interface DealDilutionParams {
  deal: DealTerms;
  sharesOutstanding: number;
  sharePrice?: Optional<number>;
  /** Overrides the deal's own settlement. */
  settlement?: Optional<string>;
  /** Apply the deal's capped call when it has one (default true). */
  includeCappedCall?: Optional<boolean>;
  basis?: Optional<string>;
}

/** DILUTION with a financing's own principal, conversion price, cap price and settlement. */
export function dealDilution(params: DealDilutionParams): number {
  const { deal } = params;
  const includeCap = orDefault(params.includeCappedCall, true);
  if (typeof includeCap !== "boolean") {
    throw invalidArgument(`include_capped_call must be TRUE or FALSE, got ${shown(includeCap)}`);
  }
  // Omitted (or blank) → the deal's own settlement.
  const settlement = choice("settlement", params.settlement, SETTLEMENTS, settlementForDeal(deal.settlement));
  return dilution({
    principal: deal.principal,
    conversionPrice: deal.conversionPrice,
    sharesOutstanding: params.sharesOutstanding,
    sharePrice: params.sharePrice,
    settlement,
    capPrice: includeCap ? deal.capPrice : null,
    basis: params.basis,
  });
}
