/**
 * Reading links.json (layout: LinksFile in ./layout). Kept apart from ./layout, which reads the
 * field catalogue when it loads: ./links is imported by ./fields, and must not import it back.
 */
import type { LinksFile } from "./layout";

const HTTPS = "https://";
/** A stored URL that keeps its scheme (anything but https). */
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** links.json back to each financing's URLs, in record order (see LinksFile). */
export function unpackLinks(file: LinksFile): string[][] {
  const urls = file.urls.split(" ").map((url) => (SCHEME.test(url) ? url : HTTPS + url));
  let next = 0;
  return file.sources.split(";").map((record) => record.split(",").map((token) => urls[token === "" ? next++ : parseInt(token, 36)]));
}
