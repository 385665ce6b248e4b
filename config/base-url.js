// The origin every URL in the manifest points at. Dev builds serve https://localhost:3000/;
// a production build for a static HTTPS host sets MINERDEBT_BASE_URL (e.g. https://addins.example.org/minerdebt/).
const DEV_BASE_URL = "https://localhost:3000/";

function resolveBaseUrl(mode, env = process.env) {
  const configured = env.MINERDEBT_BASE_URL;
  if (!configured) return DEV_BASE_URL;
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
  if (mode === "development" && href !== DEV_BASE_URL) {
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

module.exports = { DEV_BASE_URL, resolveBaseUrl, rewriteManifest };
