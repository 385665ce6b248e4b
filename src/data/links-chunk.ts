/**
 * The one dynamic import of links.json, alone in its module on purpose: this module imports
 * nothing, so when a bundle never calls loadSourceLinks() (the functions bundle, which fetches
 * the file itself: src/functions/source-links.ts) webpack leaves it out, and with it the chunk and webpack's chunk-loading
 * runtime (which also needs a DOM the custom-functions runtime does not have). Measured by
 * `npm run bench` (functions.asyncChunks, functions.startsWithoutDom).
 */
export function importLinksChunk(): Promise<{ default?: unknown }> {
  return import("./generated/links.json");
}
