/** "Did you mean …?" for typed names (ids, tickers, fields, classes). */

/** Levenshtein distance, case-insensitive (analysts type tickers in any case). */
export function editDistance(a: string, b: string): number {
  const x = a.toUpperCase();
  const y = b.toUpperCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitution = previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[y.length];
}

/** The candidate closest to `typed` (first one on ties), or null if there are none. */
export function closestMatch(typed: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(typed, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` Did you mean "X"?` or an empty string. */
export function didYouMean(typed: string, candidates: Iterable<string>): string {
  const best = closestMatch(typed, candidates);
  return best === null ? "" : ` Did you mean "${best}"?`;
}
