// The source URLs (the LINKS tier, src/data/links.ts) for the custom functions runtime.
//
// Why they are not in functions.js: they are 14 KB gzip, a third of the functions page, and
// only SOURCE() and the source_url/source_count fields read them; every workbook pays for
// functions.js when it opens (budget: bench/budgets.json functions.gzipBytes). The build emits
// them as one file on the add-in's own host, named by its content (webpack.config.js), and
// bakes its absolute URL in here: the JavaScript-only runtime has no document to resolve a
// relative URL against and cannot load webpack chunks. The first function call that needs a
// URL fetches the file (Microsoft's custom-functions runtime docs: fetch and XHR are available,
// with the same-origin policy and simple CORS, so a static host must send
// Access-Control-Allow-Origin: README "Hosting"); the answer then comes as a promise, which
// Excel shows as #BUSY! until it settles. Every later call answers synchronously.
import { notAvailable } from "../errors";
import { registerSourceLinks, sourceLinksLoaded } from "../data";
import type { LinksFile } from "../data/layout";

// Replaced by webpack's DefinePlugin; absent when the source modules run without webpack (jest).
declare const __MINERDEBT_SOURCE_LINKS_URL__: string | undefined;

/** The absolute URL of the source-links file of this build, or null where there is none. */
export function sourceLinksUrl(): string | null {
  return typeof __MINERDEBT_SOURCE_LINKS_URL__ === "string" ? __MINERDEBT_SOURCE_LINKS_URL__ : null;
}

let loading: Promise<void> | null = null;

/** What the runtime offers for a GET of JSON text: fetch where it exists, else XMLHttpRequest. */
function getText(url: string): Promise<string> {
  if (typeof fetch === "function") {
    return fetch(url).then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.text();
    });
  }
  if (typeof XMLHttpRequest === "function") {
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open("GET", url);
      request.onload = () => (request.status >= 200 && request.status < 300 ? resolve(request.responseText) : reject(new Error(`HTTP ${request.status}`)));
      request.onerror = () => reject(new Error("network error"));
      request.send();
    });
  }
  return Promise.reject(new Error("this runtime offers neither fetch nor XMLHttpRequest"));
}

/**
 * Fetch and register the source links once; later calls share the promise. A failed load is
 * forgotten, so the next recalculation tries again, and rejects with an #N/A naming the file.
 */
export function fetchSourceLinks(): Promise<void> {
  if (sourceLinksLoaded()) return Promise.resolve();
  const url = sourceLinksUrl();
  if (url === null) return Promise.reject(notAvailable("source links: this build has no source-links file"));
  loading ??= getText(url)
    .then((text) => registerSourceLinks(JSON.parse(text) as LinksFile))
    .catch((error: unknown) => {
      loading = null;
      const detail = error instanceof Error ? error.message : String(error);
      throw notAvailable(`source links could not be loaded from ${url} (${detail}); recalculate to try again`);
    });
  return loading;
}
