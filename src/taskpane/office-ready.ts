// Outside Office, office.js resolves onReady with host null; if office.js could not load at all
// (offline), Office is undefined or onReady never resolves: resolve null after a short wait.
const OFFICE_READY_TIMEOUT_MS = 3000;

/** The Office host once office.js is ready (null outside Office, or when it never becomes ready). */
export function officeReady(): Promise<Office.HostType | null> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return Promise.resolve(null);
  const ready = Office.onReady().then((info) => info.host ?? null);
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), OFFICE_READY_TIMEOUT_MS));
  return Promise.race([ready, timeout]);
}
