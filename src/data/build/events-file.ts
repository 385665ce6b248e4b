/**
 * Build time only: events.jsonl (validated) → events.json and events-detail.json
 * (layout: src/data/events-layout.ts). Deterministic: same events, same bytes.
 */
import { figuresOf, EVENT_KINDS, type EventCore, type FinancingEvent } from "../event-types";
import { packColumn } from "../layout";
import { EVENT_AMOUNT, EVENTS_FORMAT, unpackEvents, type EventDetailTuple, type EventsDetailFile, type EventsFile } from "../events-layout";

export function eventCore(event: FinancingEvent, index: number): EventCore {
  return { financing_id: event.financing_id, related_financing_id: event.related_financing_id, index, ...figuresOf(event) };
}

/** `recordIds`: core.json's records in their order (events point at them by index). */
export function generateEventFiles(events: readonly FinancingEvent[], recordIds: readonly string[]): { "events.json": string; "events-detail.json": string } {
  const indexOf = (id: string) => {
    const at = recordIds.indexOf(id);
    if (at < 0) throw new Error(`event of ${id}: no such financing in core.json`);
    return at.toString(36);
  };
  for (const event of events) if (event.date.includes("|")) throw new Error(`event date ${event.date} holds "|"`);
  const file: EventsFile = {
    format: EVENTS_FORMAT,
    count: events.length,
    financing: events.map((event) => indexOf(event.financing_id)).join(","),
    date: events.map((event) => event.date).join("|"),
    event: events.map((event) => EVENT_KINDS.indexOf(event.event).toString(36)).join(""),
    change: packColumn(EVENT_AMOUNT, events.map((event) => event.principal_change_usd)),
    outstanding: packColumn(EVENT_AMOUNT, events.map((event) => event.principal_outstanding_usd)),
    related: events.map((event) => (event.related_financing_id === null ? "" : indexOf(event.related_financing_id))).join(","),
    flags: events
      .map(figuresOf)
      .map((figures) => String((figures.figure_derived ? 1 : 0) + (figures.facility_level ? 2 : 0)))
      .join(""),
  };
  // Exact or nothing.
  const back = unpackEvents(file, recordIds);
  events.forEach((event, i) => {
    const want = eventCore(event, i);
    const keys = Object.keys(want) as (keyof EventCore)[];
    if (keys.length !== Object.keys(back[i]).length || keys.some((key) => back[i][key] !== want[key])) throw new Error(`events.json would not give back event ${i + 1} (${event.financing_id} ${event.date})`);
  });
  const detail: EventsDetailFile = {
    format: EVENTS_FORMAT,
    events: events.map((event): EventDetailTuple => [
      event.consideration,
      event.source.publisher,
      event.source.title ?? null,
      event.source.date ?? null,
      event.quote,
      event.confidence,
      event.derived,
      event.notes,
    ]),
  };
  const text = (value: unknown) => `${JSON.stringify(value)}\n`;
  return { "events.json": text(file), "events-detail.json": text(detail) };
}
