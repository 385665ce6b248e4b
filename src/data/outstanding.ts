/**
 * The outstanding rule (docs/data.md "Principal outstanding"): one financing's principal
 * outstanding at a date, from its record and its post-issuance events, with the basis of the
 * figure in words. Pure: the record and events are passed in; src/data/debt.ts applies it
 * across the dataset (and settles facility-level balances between sibling records).
 *
 * - Start: notes and term loans at their issued principal (principal_final_usd, else the
 *   amount raised when that is the issued or priced principal, else principal_priced_usd).
 *   A commitment (amount_basis "commitment" / "commitment_increment": facilities, delayed-draw
 *   loans, upsizes) starts at nothing: only what drawdown and snapshot events show as drawn
 *   counts, never the commitment. A record of a drawn amount (amount_basis "drawn") starts at
 *   it — unless it re-papers an existing facility (new_money false), whose balance the events
 *   carry. Notes issued in an exchange without a principal of their own come into being
 *   with the exchange event. Otherwise no principal in the sources: not known.
 * - Events up to the date (a month or year counts once it has ended), oldest first: a stated
 *   principal outstanding sets the balance; else a stated change moves it; a principal event
 *   without an amount (a repayment of an unstated sum) leaves it not known; defaults,
 *   restructurings and amendments without figures change nothing.
 * - After maturity it is 0, unless an event after the maturity date shows the debt lived on.
 */
import type { AmountBasis, FinancingCore } from "./types";
import { PRINCIPAL_EVENTS, type EventFigures } from "./event-types";
import { twoDigits } from "./es2016";

/** The record fields the rule reads. */
export type OutstandingRecord = Pick<
  FinancingCore,
  "amount_usd" | "amount_basis" | "principal_final_usd" | "principal_priced_usd" | "new_money" | "maturity_date"
>;

export interface OutstandingFigure {
  /** USD; null = not known at the date (the basis says why). */
  value: number | null;
  /** "reported 2026-03-31", "issued, adjusted by 3 events", "issued, no later report", … */
  basis: string;
  /** The effective date of the last event that set or moved the balance, or null. */
  lastFigureDate: string | null;
  /** Whether that figure is a facility-level balance (see src/data/debt.ts). */
  facilityLevel: boolean;
}

const COMMITMENTS: readonly (AmountBasis | null)[] = ["commitment", "commitment_increment"];

/** The last day of an event's period: "2024-12" → "2024-12-31", "2024" → "2024-12-31". */
export function periodEnd(date: string): string {
  if (/^\d{4}$/.test(date)) return `${date}-12-31`;
  const month = /^(\d{4})-(\d{2})$/.exec(date);
  if (!month) return date;
  const lastDay = new Date(Date.UTC(Number(month[1]), Number(month[2]), 0)).getUTCDate();
  return `${date}-${twoDigits(lastDay)}`;
}

type Origin = "issued" | "drawn" | "commitment" | "exchange" | "unknown";

/** Where the balance starts before any event. */
export function startingPrincipal(record: OutstandingRecord): { value: number | null; origin: Origin } {
  if (COMMITMENTS.includes(record.amount_basis)) return { value: null, origin: "commitment" };
  if (record.amount_basis === "drawn") {
    return record.new_money && record.amount_usd !== null ? { value: record.amount_usd, origin: "drawn" } : { value: null, origin: "commitment" };
  }
  const issuedAmount = record.amount_basis === "issued_incl_option" || record.amount_basis === "priced" ? record.amount_usd : null;
  const issued = record.principal_final_usd ?? issuedAmount ?? record.principal_priced_usd;
  if (issued !== null) return { value: issued, origin: "issued" };
  // Notes issued in an exchange (or to creditors) with no principal of their own: the events bring them into being.
  return { value: null, origin: record.new_money ? "unknown" : "exchange" };
}

function events(count: number): string {
  return `${count} event${count === 1 ? "" : "s"}`;
}

/** Events in the order they take effect: by the end of their period, then as listed. */
export function effectiveOrder<E extends EventFigures>(list: readonly E[]): E[] {
  return list
    .map((event, index) => ({ event, index, end: periodEnd(event.date) }))
    .sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : a.index - b.index))
    .map(({ event }) => event);
}

/**
 * The principal outstanding at `asOf` (ISO date) of a financing already issued by then.
 * `list` is the financing's events in effective order (effectiveOrder).
 */
export function outstandingAt(record: OutstandingRecord, list: readonly EventFigures[], asOf: string): OutstandingFigure {
  const start = startingPrincipal(record);
  let value = start.value;
  // The origin of the current figure and the events applied since.
  let origin: string = start.origin;
  let adjustments = 0;
  let unknownBecause: string | null = start.origin === "unknown" ? "principal not in sources" : null;
  let lastFigureDate: string | null = null;
  let facilityLevel = false;
  for (const event of list) {
    const end = periodEnd(event.date);
    if (end > asOf) break;
    if (event.principal_outstanding_usd !== null) {
      value = event.principal_outstanding_usd;
      unknownBecause = null;
      if (event.event === "outstanding_reported") {
        origin = `${event.figure_derived ? "derived from report" : "reported"} ${event.date}`;
        adjustments = 0;
      } else adjustments++;
    } else if (event.principal_change_usd !== null) {
      if (value === null && unknownBecause === null) value = 0; // a first draw on a commitment
      if (value !== null) value += event.principal_change_usd;
      adjustments++;
    } else if (PRINCIPAL_EVENTS.includes(event.event)) {
      value = null;
      unknownBecause = `not known after ${event.event.replace(/_/g, " ")} ${event.date} (amount not in sources)`;
    } else continue;
    lastFigureDate = end;
    facilityLevel = event.facility_level;
  }
  const maturity = record.maturity_date;
  if (maturity !== null && asOf > maturity && (lastFigureDate === null || lastFigureDate <= maturity) && value !== 0) {
    return { value: 0, basis: "past maturity, settlement not in sources", lastFigureDate, facilityLevel: false };
  }
  if (unknownBecause !== null) return { value: null, basis: unknownBecause, lastFigureDate, facilityLevel };
  if (value === null && origin === "exchange") return { value: null, basis: "principal not in sources", lastFigureDate, facilityLevel };
  if (value === null) return { value: 0, basis: "commitment, no drawdown in sources", lastFigureDate, facilityLevel };
  let basis: string;
  if (origin === "commitment") basis = `drawn per ${events(adjustments)}`;
  else if (origin === "exchange") basis = `issued per ${events(adjustments)}`;
  else if (origin === "unknown") basis = `principal not in sources, set by ${events(adjustments)}`;
  else if (origin === "issued" || origin === "drawn") basis = adjustments === 0 ? `${origin}, no later report` : `${origin}, adjusted by ${events(adjustments)}`;
  else basis = adjustments === 0 ? origin : `${origin}, adjusted by ${events(adjustments)}`;
  return { value, basis, lastFigureDate, facilityLevel };
}

/**
 * A change that would take a known balance below zero (validation: events.jsonl must never
 * do that), as [the event, the balance before it]; null when there is none.
 */
export function firstNegativeStep<E extends EventFigures>(record: OutstandingRecord, list: readonly E[]): [E, number] | null {
  let value = startingPrincipal(record).value;
  let known = startingPrincipal(record).origin !== "unknown";
  for (const event of effectiveOrder(list)) {
    if (event.principal_outstanding_usd !== null) {
      value = event.principal_outstanding_usd;
      known = true;
    } else if (event.principal_change_usd !== null) {
      if (value === null && known) value = 0;
      if (value !== null) {
        if (value + event.principal_change_usd < 0) return [event, value];
        value += event.principal_change_usd;
      }
    } else if (PRINCIPAL_EVENTS.includes(event.event)) {
      value = null;
      known = false;
    }
  }
  return null;
}
