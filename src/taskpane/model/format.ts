/** How the pane displays numbers (cells get Excel number formats instead; see plans/cells.ts). */

const millions = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const perShare = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 4 });
const shares = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const plain = new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 });

/** 1_234_500_000 → "$1,234.5m". */
export function usdMillions(usd: number | null | undefined): string {
  if (usd === null || usd === undefined) return "—";
  return `$${millions.format(usd / 1e6)}m`;
}

/** A percent number as stored in the data (3.75) → "3.75%". */
export function percentNumber(pct: number | null | undefined): string {
  if (pct === null || pct === undefined) return "—";
  return `${plain.format(pct)}%`;
}

/** A fraction (0.0375) → "3.75%" with up to `digits` decimals. */
export function fraction(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return `${(value * 100).toFixed(digits)}%`;
}

/** USD per share: 12.3456 → "$12.3456", 20 → "$20.00". */
export function usdPerShare(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return `$${perShare.format(value)}`;
}

export function shareCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return shares.format(value);
}

export function plainNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return plain.format(value);
}

const millionsExact = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 6 });

/**
 * USD in millions without losing a dollar: 850_000_000 → "850.0", 1_234_500 → "1.2345" (for a
 * label that says "$m"; the dataset's figures are never rounded for display).
 */
export function millionsOf(usd: number | null | undefined): string {
  if (usd === null || usd === undefined || !Number.isFinite(usd)) return "—";
  return millionsExact.format(usd / 1e6);
}
