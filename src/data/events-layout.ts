/**
 * The stored form of events.jsonl. Two generated files, in events.jsonl's order:
 * - events.json (EventsFile): the figures of every event, in the functions bundle (OUTSTANDING,
 *   DEBTSTACK, MATURITIES and OVERHANG answer synchronously); their source URLs are in
 *   links.json after the financings' (the LINKS tier: EVENTS fetches it on first use);
 * - events-detail.json (EventsDetailFile): quotes, publishers, notes — the task pane's, lazy.
 * Packing is exact: the generator checks that every event unpacks to what it was given.
 */
import { EVENT_KINDS, type EventCore } from "./event-types";
import { unpackColumn, type PackedColumn, type SourceTuple } from "./layout";
import type { FieldDef } from "./fields";

/** The two amount columns are packed as the catalogue's USD amounts are (src/data/layout.ts). */
export const EVENT_AMOUNT: FieldDef = { name: "principal_change_usd", kind: "usd_amount" } as FieldDef;

export const EVENTS_FORMAT = 3;

export interface EventsFile {
  format: number;
  count: number;
  /** Per event, base-36 index of its financing in core.json's record order (no ids stored here), ","-joined. */
  financing: string;
  /** Per event, its date as in the JSONL, "|"-joined. */
  date: string;
  /** Per event, one base-36 digit: its index in EVENT_KINDS. */
  event: string;
  /** Per event, packed as core.json packs amounts (shortest exact text, "," between, "" = null). */
  change: PackedColumn;
  outstanding: PackedColumn;
  /** Per event, base-36 index into core.json's records as `financing`, "" for none, ","-joined. */
  related: string;
  /** Per event, one digit: 1 = figure derived, 2 = facility-level balance (added). */
  flags: string;
}

/** events-detail.json: per event [consideration, publisher, title, source date, quote, confidence, derived, notes]. */
export interface EventsDetailFile {
  format: number;
  events: readonly EventDetailTuple[];
}

export type EventDetailTuple = [string | null, SourceTuple[1], SourceTuple[2], SourceTuple[3], string | null, string, readonly string[], string | null];

/** `ids`: core.json's record ids in their order (the index `financing` and `related` point into). */
export function unpackEvents(file: EventsFile, ids: readonly string[]): EventCore[] {
  const financing = file.financing.split(",");
  const dates = file.date.split("|");
  const related = file.related.split(",");
  const change = unpackColumn(EVENT_AMOUNT, file.change, file.count) as (number | null)[];
  const outstanding = unpackColumn(EVENT_AMOUNT, file.outstanding, file.count) as (number | null)[];
  const out: EventCore[] = [];
  for (let i = 0; i < file.count; i++) {
    const flags = Number(file.flags[i]);
    out.push({
      financing_id: ids[parseInt(financing[i], 36)],
      date: dates[i],
      event: EVENT_KINDS[parseInt(file.event[i], 36)],
      principal_change_usd: change[i],
      principal_outstanding_usd: outstanding[i],
      related_financing_id: related[i] === "" ? null : ids[parseInt(related[i], 36)],
      figure_derived: (flags & 1) === 1,
      facility_level: (flags & 2) === 2,
      index: i,
    });
  }
  return out;
}
