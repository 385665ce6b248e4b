/**
 * The Issuer view's overhang: the issuer's convertibles outstanding (principal under the
 * outstanding rule) and the OVERHANG math from src/calc across share prices — never a copy.
 */
import { overhang, type OverhangInstrument, type OverhangSettlement } from "../../calc";
import { conversionPriceOf, type OutstandingRow } from "../../data";

export const OVERHANG_SETTLEMENT_LABELS: Record<OverhangSettlement, string> = {
  physical: "Physical (all shares)",
  net_share: "Net share",
  as_terms: "Each deal's own terms",
};

/** The convertibles of a stack as OVERHANG counts them, and those it cannot count (with why). */
export function stackConvertibles(rows: readonly OutstandingRow[]): { instruments: OverhangInstrument[]; problems: string[] } {
  const instruments: OverhangInstrument[] = [];
  const problems: string[] = [];
  for (const { record, figure } of rows) {
    const price = conversionPriceOf(record);
    if (price === null && record.instrument_class !== "convertible") continue;
    if (price === null) problems.push(`${record.id}: conversion price not disclosed`);
    else if (figure.value === null) problems.push(`${record.id}: principal outstanding not known (${figure.basis})`);
    else instruments.push({ principal: figure.value, conversionPrice: price, capPrice: record.capped_call_cap_price_usd, settlement: record.settlement });
  }
  return { instruments, problems };
}

/** Overhang (fraction of shares outstanding) at evenly spaced share prices up to 2.5× the highest conversion price. */
export function overhangCurve(
  instruments: readonly OverhangInstrument[],
  sharesOutstanding: number,
  settlement: OverhangSettlement,
  includeCappedCall: boolean,
): { x: number; y: number }[] {
  const top = Math.max(...instruments.map((i) => Math.max(i.conversionPrice, i.capPrice ?? 0))) * 2.5;
  return Array.from({ length: 41 }, (_, i) => (top * i) / 40)
    .filter((price) => price > 0)
    .map((price) => ({ x: price, y: overhang({ instruments, sharePrice: price, sharesOutstanding, settlement, includeCappedCall }) }));
}
