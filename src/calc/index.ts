/**
 * The calculation module: conversion terms, dilution, diluted EPS, option and convertible
 * valuation. Pure TypeScript — numbers in, numbers out; bad inputs throw MinerDebtError
 * (code VALUE or NUM) with a message naming the argument. Conventions: docs/calculations.md.
 */
export {
  FACE_PER_RATE,
  conversionPrice,
  conversionRate,
  conversionShares,
  premium,
  parity,
} from "./conversion";
export type {
  ConversionPriceParams,
  ConversionRateParams,
  ConversionSharesParams,
  PremiumParams,
  ParityParams,
} from "./conversion";

export {
  SETTLEMENTS,
  DILUTION_BASES,
  netShares,
  dilution,
  dealDilution,
  settlementForDeal,
} from "./dilution";
export type {
  Settlement,
  DilutionBasis,
  NetSharesParams,
  DilutionParams,
  DealTerms,
  DealDilutionParams,
} from "./dilution";

export { OVERHANG_MEASURES, OVERHANG_SETTLEMENTS, overhang } from "./overhang";
export type { OverhangInstrument, OverhangParams, OverhangSettlement } from "./overhang";

export { dilutedEps } from "./eps";
export type { DilutedEpsParams, DilutedEpsResult, EpsBasisApplied } from "./eps";

export { OPTION_TYPES, bsm, cappedCall } from "./bsm";
export type { OptionType, BsmParams, CappedCallParams } from "./bsm";

export {
  COUPON_FREQUENCIES,
  MIN_YIELD,
  MAX_YIELD,
  bondPrice,
  bondYield,
  periodicToContinuous,
  continuousToPeriodic,
} from "./bond";
export type { CouponFrequency, BondTerms, BondPriceParams, BondYieldParams } from "./bond";

export {
  CB_FACE,
  DEFAULT_STEPS,
  MAX_STEPS,
  DEFAULT_CALL_TRIGGER,
  cbPrice,
  cbGreeks,
  priceConvertible,
  convertibleBondFloor,
} from "./convertible";
export type { CbParams, CbGreeks, ConvertibleTerms, ConvertibleMarket } from "./convertible";

export { normalCdf, normalPdf, erf, erfc } from "./normal";
