/**
 * Validation of events.jsonl (README of the dataset, "events.jsonl"): closed schema, every
 * financing_id (and related_financing_id) a financing of financings.jsonl, dates ISO or the
 * documented month/year form, oldest first within a financing, a snapshot's amount ≥ 0,
 * reducing events never positive, changes that never take principal below zero (under the
 * outstanding rule's starting principal), and a source with an http(s) URL (plain http is
 * allowed: archive copies of SEC filings; the pane shows those as text, never as links).
 */
import { firstNegativeStep } from "./outstanding";
import { EVENT_KINDS, REDUCING_EVENTS, type EventFigures } from "./event-types";
import { isIsoPartialDate } from "./quarters";
import { CONFIDENCES, type FinancingCore } from "./types";
import { Collector, checkKeys, checkSources, forEachObject, isRow, show, type JsonLine, type ValidationProblem } from "./validate";

const EVENT_KEYS = [
  "financing_id",
  "date",
  "event",
  "principal_change_usd",
  "principal_outstanding_usd",
  "consideration",
  "related_financing_id",
  "source",
  "quote",
  "confidence",
  "derived",
  "notes",
];

const isAmount = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

/** The first day of an event's period (for the oldest-first check: "2024" sorts before "2024-07"). */
function periodStart(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

export function validateEvents(lines: readonly JsonLine[], financings: readonly JsonLine[]): ValidationProblem[] {
  const out = new Collector("events.jsonl", 0, "?");
  const records = new Map<string, FinancingCore>();
  for (const { value } of financings) if (isRow(value) && typeof value.id === "string") records.set(value.id, value as unknown as FinancingCore);
  const timelines = new Map<string, { line: number; figures: EventFigures }[]>();
  const lastDate = new Map<string, string>();
  const idOf = (row: Record<string, unknown>) => `${String(row.financing_id)} ${String(row.date)} ${String(row.event)}`;
  forEachObject(out, lines, idOf, (row, line) => {
    checkKeys(out, row, EVENT_KEYS);
    const id = row.financing_id;
    const known = typeof id === "string" && records.has(id);
    if (!known) out.add("financing_id", "financing_ref", `${show(id)} is not an id in financings.jsonl`);
    if (row.related_financing_id !== null && !(typeof row.related_financing_id === "string" && records.has(row.related_financing_id))) {
      out.add("related_financing_id", "financing_ref", `${show(row.related_financing_id)} is not an id in financings.jsonl (or null)`);
    }
    const date = row.date;
    const dated = typeof date === "string" && isIsoPartialDate(date);
    if (!dated) out.add("date", "iso_date", `must be an ISO date YYYY-MM-DD, or YYYY-MM / YYYY where the source gives only that, got ${show(date)}`);
    if (!(EVENT_KINDS as readonly unknown[]).includes(row.event)) out.add("event", "enum", `${show(row.event)} is not one of ${EVENT_KINDS.join(", ")}`);
    const change = row.principal_change_usd;
    const after = row.principal_outstanding_usd;
    if (change !== null && !isAmount(change)) out.add("principal_change_usd", "type", `must be a number or null, got ${show(change)}`);
    if (after !== null && !isAmount(after)) out.add("principal_outstanding_usd", "type", `must be a number or null, got ${show(after)}`);
    else if (isAmount(after) && after < 0) out.add("principal_outstanding_usd", "non_negative", `must be ≥ 0, got ${after}`);
    if (row.event === "outstanding_reported") {
      if (after === null) out.add("principal_outstanding_usd", "required", "a snapshot (outstanding_reported) must state the principal outstanding");
      if (change !== null) out.add("principal_change_usd", "type", "a snapshot states a balance, not a change: must be null");
    }
    if (isAmount(change) && change > 0 && (REDUCING_EVENTS as readonly unknown[]).includes(row.event)) {
      out.add("principal_change_usd", "event_sign", `a ${String(row.event)} cannot raise principal, got +${change}`);
    }
    if (isAmount(change) && change < 0 && row.event === "drawdown") out.add("principal_change_usd", "event_sign", `a drawdown cannot lower principal, got ${change}`);
    for (const key of ["consideration", "quote", "notes"]) {
      if (row[key] !== null && (typeof row[key] !== "string" || (row[key] as string).trim() === "")) out.add(key, "type", `must be non-empty text or null, got ${show(row[key])}`);
    }
    if (!(CONFIDENCES as readonly unknown[]).includes(row.confidence)) out.add("confidence", "enum", `${show(row.confidence)} is not one of ${CONFIDENCES.join(", ")}`);
    if (!Array.isArray(row.derived) || row.derived.some((item) => typeof item !== "string")) out.add("derived", "type", `must be a list of text, got ${show(row.derived)}`);
    checkSources(out, "source", [row.source], false);
    if (!known || !dated) return;
    const previous = lastDate.get(id);
    if (previous !== undefined && periodStart(date) < periodStart(previous)) out.add("date", "event_order", `${date} is before the financing's previous event (${previous}): list events oldest first`);
    lastDate.set(id, date);
    if ((change === null || isAmount(change)) && (after === null || isAmount(after)) && Array.isArray(row.derived)) {
      const figures: EventFigures = {
        date,
        event: row.event as EventFigures["event"],
        principal_change_usd: change,
        principal_outstanding_usd: after,
        figure_derived: row.derived.length > 0,
        facility_level: false,
      };
      const list = timelines.get(id) ?? [];
      list.push({ line, figures });
      timelines.set(id, list);
    }
  });
  for (const [id, list] of timelines) {
    const record = records.get(id) as FinancingCore;
    const byFigures = new Map(list.map((item) => [item.figures, item.line]));
    const negative = firstNegativeStep(record, list.map((item) => item.figures));
    if (negative) {
      const [event, before] = negative;
      out.at(byFigures.get(event) ?? 0, `${id} ${event.date} ${event.event}`);
      out.add("principal_change_usd", "event_balance", `${event.principal_change_usd} would take principal below zero (${before} outstanding before it)`);
    }
  }
  return out.problems;
}
