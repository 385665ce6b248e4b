/**
 * If-converted diluted EPS for one convertible security, with the anti-dilution rule.
 *
 * If-converted: assume conversion at the start of the period — the numerator gets back the
 * after-tax interest the notes cost (`interestAddback`), the denominator the shares they convert
 * into (`incrementalShares`):  diluted = (income + addback) / (basic shares + incremental).
 *
 * Anti-dilution (ASC 260-10-45-17 to 45-20; PwC Viewpoint FSP 7.5.1, "Antidilution and
 * sequencing"): diluted EPS must not assume a conversion that would increase EPS or decrease the
 * loss per share. Two cases:
 * - income ≥ 0: the conversion is dilutive only if if-converted EPS < basic EPS; otherwise
 *   (equal or higher — e.g. a high-coupon note whose addback per share exceeds basic EPS)
 *   basic EPS is reported.
 * - income < 0 (a loss, the control number being income from continuing operations available
 *   to common holders): adding shares always shrinks the loss per share, so potential shares are
 *   excluded and diluted EPS = basic EPS — even where a large interest addback would turn the
 *   loss into if-converted income (ASC 260-10-45-20: with a loss from continuing operations any
 *   potential common shares are antidilutive).
 * Pass the control number as `netIncome`: income (loss) from continuing operations available to
 * common stockholders, for the same period as the weighted-average share counts.
 */
import { finiteNumber, finiteResult, nonNegative, orDefault, positive, Optional } from "./validate";

export interface DilutedEpsParams {
  /** Income (loss) available to common stockholders for the period, USD (the control number). */
  netIncome: number;
  /** Weighted-average basic shares (> 0). */
  basicShares: number;
  /** Shares the security adds if converted (≥ 0). */
  incrementalShares: number;
  /** After-tax interest (and amortisation) saved on conversion, USD (≥ 0, default 0). */
  interestAddback?: Optional<number>;
}

export type EpsBasisApplied = "if_converted" | "basic";

export interface DilutedEpsResult {
  /** The diluted EPS to report: if-converted when dilutive, else basic. */
  eps: number;
  basicEps: number;
  /** (income + addback) / (basic + incremental), whether or not it is reported. */
  ifConvertedEps: number;
  /** Which figure `eps` is. */
  applied: EpsBasisApplied;
  /** Why: "dilutive", "antidilutive" (would raise EPS) or "net_loss" (would cut the loss per share). */
  reason: "dilutive" | "antidilutive" | "net_loss";
}

export function dilutedEps(params: DilutedEpsParams): DilutedEpsResult {
  const income = finiteNumber("net_income", params.netIncome);
  const basicShares = positive("basic_shares", params.basicShares);
  const incremental = nonNegative("incremental_shares", params.incrementalShares);
  const addback = nonNegative("interest_addback", orDefault(params.interestAddback, 0));

  const basicEps = finiteResult("basic EPS", income / basicShares);
  const ifConvertedEps = finiteResult(
    "if-converted EPS",
    (income + addback) / (basicShares + incremental),
  );
  if (income < 0) {
    return { eps: basicEps, basicEps, ifConvertedEps, applied: "basic", reason: "net_loss" };
  }
  if (ifConvertedEps < basicEps) {
    return { eps: ifConvertedEps, basicEps, ifConvertedEps, applied: "if_converted", reason: "dilutive" };
  }
  return { eps: basicEps, basicEps, ifConvertedEps, applied: "basic", reason: "antidilutive" };
}
