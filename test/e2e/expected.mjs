// Expected values computed here, independently of src/: straight from data/financings.jsonl under
// the SPEC §3 aggregation rule (new_money, listed, amount_usd known; the record's `quarter`).
import { readFileSync } from "node:fs";
import path from "node:path";

export function loadFinancings(root) {
  return readFileSync(path.join(root, "data", "financings.jsonl"), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line));
}

/** SPEC §3: counts in sums when new money, listed, with a known amount. */
export function countsInSums(record) {
  return record.new_money === true && record.listed === true && record.amount_usd !== null && record.amount_usd !== undefined;
}

/** Sum of amount_usd for a calendar quarter ("2025Q3") under the aggregation rule. */
export function quarterSum(financings, quarter) {
  return financings.filter((record) => countsInSums(record) && record.quarter === quarter).reduce((sum, record) => sum + record.amount_usd, 0);
}

/** Number of financings counted in a quarter. */
export function quarterCount(financings, quarter) {
  return financings.filter((record) => countsInSums(record) && record.quarter === quarter).length;
}

/** The quarters with the most money raised, largest first (a good spread of test inputs). */
export function busiestQuarters(financings, n) {
  const totals = new Map();
  for (const record of financings) {
    if (!countsInSums(record) || !record.quarter) continue;
    totals.set(record.quarter, (totals.get(record.quarter) ?? 0) + record.amount_usd);
  }
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([quarter]) => quarter);
}

/** Listed financings of one ticker (OFFERINGS' issuer filter), any new_money. */
export function financingsOf(financings, ticker) {
  return financings.filter((record) => record.listed === true && record.ticker === ticker);
}

/** When it happened, for "oldest first": pricing, else closing, else announcement date. */
export function eventDate(record) {
  return record.priced_date ?? record.closed_date ?? record.announced_date ?? "";
}

/** A convertible with a disclosed conversion price and amount, for the dilution checks. */
export function aConvertible(financings) {
  return financings.find(
    (record) => record.listed && record.instrument_class === "convertible" && record.conversion_price_usd && record.amount_usd && record.new_money,
  );
}
