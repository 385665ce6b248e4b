/**
 * The bundled events at run time (src/data/generated/events.json, validated at build time),
 * decoded on first use. Lookups by financing id; lists are in the data's order (oldest first).
 */
import eventsJson from "./generated/events.json";
import { notAvailable } from "../errors";
import { bundledView, financingIds, getFinancing } from "./dataset";
import type { DatasetView } from "./view";
import { EVENTS_FORMAT, unpackEvents, type EventsFile } from "./events-layout";
import { effectiveOrder } from "./outstanding";
import type { EventCore } from "./event-types";
import type { FinancingCore } from "./types";

interface Loaded {
  all: readonly EventCore[];
  /** As listed (oldest first). */
  listed: ReadonlyMap<string, readonly EventCore[]>;
  /** In the order they take effect (see effectiveOrder). */
  effective: ReadonlyMap<string, readonly EventCore[]>;
}

const NONE: readonly EventCore[] = Object.freeze([]);
let loaded: Loaded | null = null;

function load(): Loaded {
  if (loaded) return loaded;
  const file = eventsJson as unknown as EventsFile;
  if (file.format !== EVENTS_FORMAT) throw notAvailable(`events data (format ${file.format}) does not match this code (format ${EVENTS_FORMAT}): rebuild the data`);
  const all = Object.freeze(unpackEvents(file, financingIds()).map((event) => Object.freeze(event)));
  const listed = new Map<string, EventCore[]>();
  for (const event of all) {
    const list = listed.get(event.financing_id);
    if (list) list.push(event);
    else listed.set(event.financing_id, [event]);
  }
  const effective = new Map([...listed].map(([id, list]) => [id, Object.freeze(effectiveOrder(list))] as const));
  loaded = { all, listed, effective };
  return loaded;
}

/** Every event, in the data's order. */
export function allEvents(): readonly EventCore[] {
  return load().all;
}

/** A financing's events as listed, oldest first (id as stored). */
export function eventsOf(id: string): readonly EventCore[] {
  return load().listed.get(id) ?? NONE;
}

/** A financing's events in the order they take effect (id as stored). */
export function effectiveEventsOf(id: string): readonly EventCore[] {
  return load().effective.get(id) ?? NONE;
}

/** EVENTS(id): the financing (unknown id → NA with the closest) and its events. */
export function financingEvents(id: unknown, view: DatasetView = bundledView()): { record: FinancingCore; events: readonly EventCore[] } {
  const record = getFinancing(id, view);
  return { record, events: eventsOf(record.id) };
}
