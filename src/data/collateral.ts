/**
 * What backs a financing, in the terms of the "then vs now" story: mining machines or bitcoin
 * (the 2020–22 cycle's collateral, the kind lenders seized), something else, or not known.
 * `collateral` is free text from the sources, so the rule reads it for words that name the
 * asset; a blanket lien ("substantially all assets") names neither and counts as other.
 */
import type { FinancingCore } from "./types";

export type CollateralKind = "mining_or_bitcoin" | "other" | "unknown";

/** Bitcoin, or mining machines named as such (ASICs, Antminers, "bitcoin miners", "mining equipment"). */
const MINING_OR_BITCOIN = /\b(bitcoin|btc|asics?|antminers?|whatsminers?|miners|mining (equipment|machines|hardware|rigs))\b/i;

/** Collateral text that says the sources do not describe it. */
const NOT_DESCRIBED = /not (specified|described)/i;

/**
 * - secured unknown (null) → unknown;
 * - not secured → other (nothing is pledged);
 * - secured, and a bitcoin-backed loan or equipment financing (the class names the collateral:
 *   the pledged bitcoin, the financed machines), or the text names bitcoin or mining machines
 *   → mining_or_bitcoin;
 * - secured with no collateral text, or text saying it is not described → unknown;
 * - secured by anything else (data-center projects, GPUs, real property, all assets) → other.
 */
export function collateralKind(record: FinancingCore): CollateralKind {
  if (record.secured === null) return "unknown";
  if (!record.secured) return "other";
  if (record.instrument_class === "bitcoin_backed_loan" || record.instrument_class === "equipment_financing") return "mining_or_bitcoin";
  const text = record.collateral;
  if (text !== null && MINING_OR_BITCOIN.test(text)) return "mining_or_bitcoin";
  return text === null || NOT_DESCRIBED.test(text) ? "unknown" : "other";
}
