/**
 * The events' long text for the task pane (quotes, publishers, notes), loaded on demand with a
 * dynamic import so webpack puts events-detail.json in its own chunk. Not re-exported by
 * src/data/index.ts: the functions bundle must not pull in a chunk loader or this data.
 */
import { notAvailable } from "../errors";
import { allEvents } from "./events";
import type { EventsDetailFile } from "./events-layout";
import type { Confidence } from "./types";
import type { EventCore } from "./event-types";

/** An event with its source's publisher and title, the quote and the notes. */
export interface EventWithDetail extends EventCore {
  consideration: string | null;
  publisher: string;
  title: string | null;
  sourceDate: string | null;
  quote: string | null;
  confidence: Confidence;
  derived: readonly string[];
  notes: string | null;
}

let pending: Promise<ReadonlyMap<string, readonly EventWithDetail[]>> | null = null;

export function mergeEventDetail(file: EventsDetailFile): ReadonlyMap<string, readonly EventWithDetail[]> {
  const core = allEvents();
  if (file.events.length !== core.length) throw notAvailable(`events detail holds ${file.events.length} events but the events data ${core.length}: rebuild the data`);
  const byId = new Map<string, EventWithDetail[]>();
  core.forEach((event, i) => {
    const [consideration, publisher, title, sourceDate, quote, confidence, derived, notes] = file.events[i];
    const full: EventWithDetail = { ...event, consideration, publisher, title, sourceDate, quote, confidence: confidence as Confidence, derived, notes };
    const list = byId.get(event.financing_id);
    if (list) list.push(full);
    else byId.set(event.financing_id, [full]);
  });
  return byId;
}

/** Every financing's events with their detail, by financing id (loaded once). */
export function loadEventDetails(): Promise<ReadonlyMap<string, readonly EventWithDetail[]>> {
  pending ??= import("./generated/events-detail.json").then((module) => mergeEventDetail((module.default ?? module) as unknown as EventsDetailFile));
  return pending;
}
