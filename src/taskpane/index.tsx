import { createRoot } from "react-dom/client";
import { App } from "./App";

// Outside Office, office.js resolves onReady with host null; if office.js could not load at all
// (offline), Office is undefined or onReady never resolves: render after a short wait regardless.
const OFFICE_READY_TIMEOUT_MS = 3000;

function officeReady(): Promise<Office.HostType | null> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return Promise.resolve(null);
  const ready = Office.onReady().then((info) => info.host ?? null);
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), OFFICE_READY_TIMEOUT_MS));
  return Promise.race([ready, timeout]);
}

officeReady().then((host) => {
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  createRoot(container).render(<App host={host} />);
});
