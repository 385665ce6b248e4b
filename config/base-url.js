// The origin every URL in the manifest points at. Dev builds serve https://localhost:3000/
// (https://localhost:<MINERDEBT_PORT>/ when that is set);
// a production build for a static HTTPS host sets MINERDEBT_BASE_URL (e.g. https://addins.example.org/minerdebt/).
const DEV_BASE_URL = "https://localhost:3000/";

/** The dev server's origin on MINERDEBT_PORT (default 3000); a bad port stops the build. */
function devBaseUrl(env = process.env) {
  const configured = env.MINERDEBT_PORT;
  if (configured === undefined || configured === "") return DEV_BASE_URL;
  const port = Number(configured);
  if (!/^\d+$/.test(configured) || port < 1 || port > 65535) {
    throw new Error(`MINERDEBT_PORT must be a port number (1-65535), got ${JSON.stringify(configured)}`);
  }
  return `https://localhost:${port}/`;
}

function resolveBaseUrl(mode, env = process.env) {
  const configured = env.MINERDEBT_BASE_URL;
  // Without a production URL the manifest points at the dev server, on the port it serves on.
  if (!configured) return devBaseUrl(env);
  let url;
  try {
    url = new URL(configured);
  } catch {
    throw new Error(`MINERDEBT_BASE_URL is not a URL: ${JSON.stringify(configured)}`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`MINERDEBT_BASE_URL must be https (Office loads add-ins only over HTTPS), got ${configured}`);
  }
  if (url.search || url.hash) {
    throw new Error(`MINERDEBT_BASE_URL must not carry a query or fragment, got ${configured}`);
  }
  const href = url.href.endsWith("/") ? url.href : `${url.href}/`;
  if (mode === "development" && href !== devBaseUrl(env)) {
    console.warn(`[minerdebt] development build with MINERDEBT_BASE_URL=${href}`);
  }
  return href;
}

/** Rewrites every dev URL in the manifest to the configured base URL. */
function rewriteManifest(xml, baseUrl) {
  const origin = new URL(baseUrl).origin;
  return xml
    .split(DEV_BASE_URL).join(baseUrl)
    // AppDomain entries are origins, written without a trailing slash.
    .split("<AppDomain>https://localhost:3000</AppDomain>").join(`<AppDomain>${origin}</AppDomain>`);
}

module.exports = { DEV_BASE_URL, devBaseUrl, resolveBaseUrl, rewriteManifest };
