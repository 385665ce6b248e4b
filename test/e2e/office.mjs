// Network policy for every page of the run: requests to the page's own origin go through; the CDN
// office.js (and the files it loads next to itself) is answered from the npm copy; office.js's own
// telemetry frame gets an empty page; anything else is blocked and recorded, so a test can fail on it.
import { existsSync } from "node:fs";
import path from "node:path";

export const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
/** Hosts office.js itself contacts when it starts (not MinerDebt's requests). */
export const OFFICE_JS_OWN_HOSTS = new Set(["appsforoffice.microsoft.com", "telemetryservice.firstpartyapps.oaspapps.com"]);

const TYPES = { ".js": "text/javascript; charset=utf-8", ".html": "text/html; charset=utf-8", ".json": "application/json" };

/**
 * Routes the requests of a page (or context) served from `origin`. Returns the log of every request
 * that left that origin: { url, handled: "office-js" | "office-telemetry" | "blocked" }.
 */
export async function routeNetwork(context, root, origin) {
  const officeDist = path.join(root, "node_modules", "@microsoft", "office-js", "dist");
  const external = [];
  await context.route(
    (url) => (url.protocol === "https:" || url.protocol === "http:") && url.origin !== origin,
    async (route) => {
      const url = new URL(route.request().url());
      if (url.href.startsWith(OFFICE_CDN)) {
        const file = path.join(officeDist, decodeURIComponent(url.pathname.slice(new URL(OFFICE_CDN).pathname.length)));
        external.push({ url: url.href, handled: "office-js" });
        if (file.startsWith(officeDist + path.sep) && existsSync(file)) {
          await route.fulfill({ path: file, contentType: TYPES[path.extname(file)] ?? "application/octet-stream" });
        } else {
          await route.fulfill({ status: 404, body: "not in the npm copy of office.js" });
        }
        return;
      }
      if (url.hostname === "telemetryservice.firstpartyapps.oaspapps.com") {
        external.push({ url: url.href, handled: "office-telemetry" });
        await route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>office.js telemetry (stubbed by the e2e run)</title>" });
        return;
      }
      external.push({ url: url.href, handled: "blocked" });
      await route.abort("blockedbyclient");
    },
  );
  return external;
}
