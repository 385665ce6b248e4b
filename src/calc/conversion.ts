/**
 * Conversion terms of a convertible note, as stated in offering press releases: a conversion
 * rate in shares per $1,000 principal, the equivalent conversion price per share, the premium
 * over the reference (last sale) price, and the parity (conversion value) per $1,000 face.
 */
import { finiteResult, positive, nonNegative } from "./validate";

/** Principal amount the conversion rate is quoted against (US market convention). */
export const FACE_PER_RATE = 1000;

export interface ConversionPriceParams {
  /** Shares per $1,000 principal, e.g. 52.9451. */
  conversionRate: number;
}

/** Conversion price in USD per share = 1000 / conversion rate. */
export function conversionPrice(params: ConversionPriceParams): number {
  const rate = positive("conversion_rate", params.conversionRate);
  return finiteResult("conversion_price", FACE_PER_RATE / rate);
}

export interface ConversionRateParams {
  /** USD per share. */
  conversionPrice: number;
}

/** Conversion rate in shares per $1,000 principal = 1000 / conversion price. */
export function conversionRate(params: ConversionRateParams): number {
  const price = positive("conversion_price", params.conversionPrice);
  return finiteResult("conversion_rate", FACE_PER_RATE / price);
}

export interface ConversionSharesParams {
  /** Principal in USD (not millions). */
  principal: number;
  /** Shares per $1,000 principal. */
  conversionRate: number;
}

/** Shares issued on full physical conversion = principal / 1000 × rate. */
export function conversionShares(params: ConversionSharesParams): number {
  const principal = nonNegative("principal", params.principal);
  const rate = positive("conversion_rate", params.conversionRate);
  return finiteResult("conversion_shares", (principal / FACE_PER_RATE) * rate);
}

export interface PremiumParams {
  /** USD per share. */
  conversionPrice: number;
  /** The reference share price the premium is quoted over (usually the last sale at pricing). */
  referencePrice: number;
}

/** Conversion premium as a fraction (0.375 for 37.5%) = conversion price / reference − 1. */
export function premium(params: PremiumParams): number {
  const price = positive("conversion_price", params.conversionPrice);
  const reference = positive("reference_price", params.referencePrice);
  return finiteResult("premium", price / reference - 1);
}

export interface ParityParams {
  /** Shares per $1,000 principal. */
  conversionRate: number;
  /** USD per share. */
  sharePrice: number;
}

/** Parity: conversion value in USD per $1,000 face = rate × share price. */
export function parity(params: ParityParams): number {
  const rate = positive("conversion_rate", params.conversionRate);
  const share = positive("share_price", params.sharePrice);
  return finiteResult("parity", rate * share);
}
