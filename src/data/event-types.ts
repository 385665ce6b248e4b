/**
 * What happened to a financing after it was issued (data/events.jsonl): the model of one event.
 * Field names are the JSONL's. The functions bundle carries the figures and the source URL
 * (EventCore); the quote, publisher and notes are the task pane's (FinancingEvent, lazy).
 */
import type { Confidence, Source } from "./types";

export const EVENT_KINDS = [
  "outstanding_reported",
  "repurchase",
  "exchange",
  "conversion",
  "redemption",
  "repaid_at_maturity",
  "repayment",
  "drawdown",
  "default",
  "restructuring",
  "collateral_seized",
  "amendment",
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Events whose change, where stated, can only lower the principal. */
export const REDUCING_EVENTS: readonly EventKind[] = ["repurchase", "conversion", "redemption", "repaid_at_maturity", "repayment", "collateral_seized"];

/** Events that change the principal: without an amount, the balance after them is not known. */
export const PRINCIPAL_EVENTS: readonly EventKind[] = [...REDUCING_EVENTS, "exchange", "drawdown"];

/** The figures of an event: what the outstanding rule (src/data/outstanding.ts) reads. */
export interface EventFigures {
  /** ISO date, or "YYYY-MM" / "YYYY" where the source gives only the month or year. */
  date: string;
  event: EventKind;
  principal_change_usd: number | null;
  principal_outstanding_usd: number | null;
  /** True when principal_outstanding_usd was computed (the record's `derived` is not empty). */
  figure_derived: boolean;
  /** The notes say FACILITY-LEVEL: the balance of a facility split over several records. */
  facility_level: boolean;
}

/** An event as the cell functions have it (events.json, in the functions bundle). */
export interface EventCore extends EventFigures {
  financing_id: string;
  related_financing_id: string | null;
  /** Its position in events.jsonl: where its source URL is (eventSourceUrl, the LINKS tier). */
  index: number;
}

/** One line of events.jsonl: every field. */
export interface FinancingEvent {
  financing_id: string;
  date: string;
  event: EventKind;
  principal_change_usd: number | null;
  principal_outstanding_usd: number | null;
  consideration: string | null;
  related_financing_id: string | null;
  source: Source;
  quote: string | null;
  confidence: Confidence;
  derived: readonly string[];
  notes: string | null;
}

/** The marker events.jsonl's notes use for a facility-level balance (README: events.jsonl). */
export const FACILITY_LEVEL_MARK = "FACILITY-LEVEL";

export function figuresOf(event: FinancingEvent): EventFigures {
  return {
    date: event.date,
    event: event.event,
    principal_change_usd: event.principal_change_usd,
    principal_outstanding_usd: event.principal_outstanding_usd,
    figure_derived: event.derived.length > 0,
    facility_level: (event.notes ?? "").includes(FACILITY_LEVEL_MARK),
  };
}
