/**
 * When the pane can tell whether it runs in Office. Outside Office, office.js resolves
 * Office.onReady with host null at once (and when office.js could not load at all, Office is
 * undefined), so a plain browser needs no timeout. Inside Office the handshake can take longer
 * than any fixed wait (slow networks, office-js #3330): giving up after a few seconds would
 * leave the pane saying "open it from Excel" for good while it is in Excel. So the pane is
 * told "no host yet" after a short wait, to render (browsing works), and told the host again
 * when Office.onReady does resolve — Microsoft's templates wait for onReady with no timeout.
 */
export const OFFICE_READY_PATIENCE_MS = 3000;

export type HostListener = (host: Office.HostType | null) => void;

/**
 * Calls `onHost` with the host once Office.onReady resolves. If that takes longer than
 * `patienceMs`, `onHost(null)` comes first, then `onHost(host)` when it resolves with a host.
 */
export function watchOfficeHost(onHost: HostListener, patienceMs = OFFICE_READY_PATIENCE_MS): void {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    onHost(null);
    return;
  }
  let reported = false;
  const timer = setTimeout(() => {
    reported = true;
    onHost(null);
  }, patienceMs);
  Office.onReady().then(
    (info) => {
      clearTimeout(timer);
      const host = info.host ?? null;
      if (!reported || host !== null) onHost(host);
      reported = true;
    },
    () => {
      clearTimeout(timer);
      if (!reported) onHost(null);
      reported = true;
    },
  );
}

/** The first answer of watchOfficeHost (the host, or null outside Office / while still waiting). */
export function officeReady(patienceMs = OFFICE_READY_PATIENCE_MS): Promise<Office.HostType | null> {
  return new Promise((resolve) => watchOfficeHost(resolve, patienceMs));
}
