// What the JavaScript-only custom functions runtime offers a bundle for web requests, as far as
// MinerDebt uses it: `fetch` (Microsoft's custom-functions runtime docs: fetch and XHR exist;
// same-origin policy, simple CORS). This fake serves the built dist/ folder at the build's base
// URL (the add-in's own host) and refuses everything else, recording each request.
import { existsSync, readFileSync } from "fs";
import path from "path";

export interface AddinHost {
  fetch: (url: unknown) => Promise<{ ok: boolean; status: number; text: () => Promise<string> }>;
  requests: string[];
  /** From now on the host answers every request with this status (e.g. 404), or serves again (null). */
  failWith: (status: number | null) => void;
}

export function addinHost(dist: string, baseUrl: string): AddinHost {
  const requests: string[] = [];
  let failure: number | null = null;
  const respond = (status: number, body = "") => ({ ok: status >= 200 && status < 300, status, text: () => Promise.resolve(body) });
  return {
    requests,
    failWith: (status) => {
      failure = status;
    },
    fetch: (url) => {
      const href = String(url);
      requests.push(href);
      if (!href.startsWith(baseUrl)) return Promise.reject(new TypeError(`Failed to fetch ${href}: not the add-in's host`));
      if (failure !== null) return Promise.resolve(respond(failure));
      const file = path.join(dist, href.slice(baseUrl.length));
      return Promise.resolve(existsSync(file) ? respond(200, readFileSync(file, "utf8")) : respond(404));
    },
  };
}
