/**
 * The LINKS tier: every financing's source URLs, in the order the data lists them.
 *
 * Why a tier of its own: the URLs are 13 KB gzip — more than all other cell-function fields
 * together — and only SOURCE() and the source_url/source_count fields need them. Keeping them
 * out of core.json keeps the functions bundle within its start-up budget. Two ways to load:
 * - `loadSourceLinks()`: dynamic import, so webpack emits links.json as a separate chunk
 *   fetched from the add-in's own host on first use (no third-party network);
 * - `registerSourceLinks(json)`: after a static import, for code that may not load chunks.
 * Until one of them ran, asking for a link is NA ("not loaded") rather than a wrong answer.
 */
import coreJson from "./generated/core.json";
import { invalidArgument, notAvailable } from "../errors";
import type { CoreFile, LinksFile } from "./layout";
import { importLinksChunk } from "./links-chunk";
import { unpackLinks } from "./links-format";
import { unpackTexts } from "./packed-texts";

let byId: ReadonlyMap<string, readonly string[]> | null = null;
let pending: Promise<void> | null = null;

/** links.json holds no ids: its lists follow core.json's record order (whose ids are plain text). */
export function registerSourceLinks(file: LinksFile): void {
  // id is the catalogue's first field, so core.json's first column (the data build checks it).
  const ids = unpackTexts((coreJson as unknown as CoreFile).financings.columns[0]) as string[];
  if (typeof file.urls !== "string" || file.count !== ids.length) {
    throw notAvailable(`links data (format ${file.format}, ${file.count} financings) does not match the core data (${ids.length} financings): rebuild the data`);
  }
  const lists = unpackLinks(file);
  byId = new Map(ids.map((id, i) => [id, Object.freeze(lists[i])]));
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

function links(): ReadonlyMap<string, readonly string[]> {
  if (!byId) throw notAvailable("source links are not loaded yet (call loadSourceLinks() first)");
  return byId;
}

/** Every source URL of a financing (id as stored), in the data's order. */
export function sourceUrlsOf(id: string): readonly string[] {
  const urls = links().get(id);
  if (!urls) throw notAvailable(`No source links for "${id}"`);
  return urls;
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
