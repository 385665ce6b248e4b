/**
 * The LINKS tier: every financing's source URLs, in the order the data lists them.
 *
 * Why a tier of its own: the URLs are 14 KB gzip — more than all other cell-function fields
 * together — and only SOURCE() and the source_url/source_count fields need them. Keeping them
 * out of core.json and out of functions.js keeps the functions page within its start-up
 * budget. Two ways to load, both from the add-in's own host on first use (no third-party network):
 * - `loadSourceLinks()`: dynamic import, so webpack emits links.json as a separate chunk (the task pane);
 * - `registerSourceLinks(json)`: for code that fetches the file itself (the functions runtime,
 *   which cannot load chunks: src/functions/source-links.ts) or imports it statically (the preview).
 * Until one of them ran, asking for a link throws SourceLinksNotLoaded (an NA error) rather than
 * giving a wrong answer; the functions catch it, fetch the file and answer again.
 */
import coreJson from "./generated/core.json";
import { invalidArgument, MinerDebtError, notAvailable } from "../errors";
import type { CoreFile, LinksFile } from "./layout";
import { importLinksChunk } from "./links-chunk";
import { unpackLinks } from "./links-format";
import { unpackTexts } from "./packed-texts";

let byId: ReadonlyMap<string, readonly string[]> | null = null;
let eventUrls: readonly string[] = [];
let pending: Promise<void> | null = null;

/**
 * links.json holds no ids: its lists follow core.json's record order (whose ids are plain text),
 * then events.json's order (one URL per event).
 */
export function registerSourceLinks(file: LinksFile): void {
  // id is the catalogue's first field, so core.json's first column (the data build checks it).
  const core = coreJson as unknown as CoreFile;
  const ids = unpackTexts(core.financings.columns[0]) as string[];
  if (file.format !== core.format || typeof file.urls !== "string" || file.count !== ids.length) {
    throw notAvailable(`links data (format ${file.format}, ${file.count} financings) does not match the core data (format ${core.format}, ${ids.length} financings): rebuild the data`);
  }
  const lists = unpackLinks(file);
  byId = new Map(ids.map((id, i) => [id, Object.freeze(lists[i])]));
  eventUrls = Object.freeze(lists.slice(ids.length).map((list) => list[0]));
}

export function sourceLinksLoaded(): boolean {
  return byId !== null;
}

/** Load links.json once (a separate webpack chunk); later calls share the promise. */
export function loadSourceLinks(): Promise<void> {
  if (byId) return Promise.resolve();
  pending ??= importLinksChunk().then((module) => {
    registerSourceLinks((module.default ?? module) as unknown as LinksFile);
  });
  return pending;
}

/** Asking for a link before the LINKS tier is loaded: #N/A, and a signal that loading it helps. */
export class SourceLinksNotLoaded extends MinerDebtError {
  constructor() {
    super("NA", "source links are not loaded yet (call loadSourceLinks() first)");
  }
}

export function isSourceLinksNotLoaded(error: unknown): boolean {
  return error instanceof SourceLinksNotLoaded;
}

function links(): ReadonlyMap<string, readonly string[]> {
  if (!byId) throw new SourceLinksNotLoaded();
  return byId;
}

/** Every source URL of a financing (id as stored), in the data's order. */
export function sourceUrlsOf(id: string): readonly string[] {
  const urls = links().get(id);
  if (!urls) throw notAvailable(`No source links for "${id}"`);
  return urls;
}

/** The source URL of the event at `index` in events.jsonl (EventCore.index). */
export function eventSourceUrl(index: number): string {
  links();
  const url = eventUrls[index];
  if (url === undefined) throw notAvailable(`links data has no source for event ${index + 1}: rebuild the data`);
  return url;
}

/** The first https URL (what tables hyperlink), or null when a record has none. */
export function firstHttpsUrl(urls: readonly string[]): string | null {
  return urls.find((url) => url.startsWith("https://")) ?? null;
}

/** URL of the n-th source (1-based, default 1) of a financing id (as stored). */
export function nthSourceUrl(id: string, n: unknown = 1): string {
  return nthUrl(id, () => sourceUrlsOf(id), n);
}

/** The n-th of a financing's URLs (`urls` is read after n is checked, so a bad n is reported first). */
export function nthUrl(id: string, urlsOf: () => readonly string[], n: unknown = 1): string {
  const index = n === null || n === undefined ? 1 : n;
  if (typeof index !== "number" || !Number.isInteger(index) || index < 1) {
    throw invalidArgument(`n must be a whole number ≥ 1, got ${JSON.stringify(n)}`);
  }
  const urls = urlsOf();
  if (index > urls.length) {
    throw notAvailable(`${id} lists ${urls.length} source${urls.length === 1 ? "" : "s"}; there is no source ${index}`);
  }
  return urls[index - 1];
}
