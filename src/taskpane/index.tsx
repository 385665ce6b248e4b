import { createRoot } from "react-dom/client";
import { App } from "./App";
import { createUnavailableAdapter } from "./excel/unavailableAdapter";
import { browserOpenExternal, fetchFunctionsMetadata, type PaneServices } from "./services";
import { resolveTheme } from "./theme";
import { watchOfficeHost } from "./office-ready";
import type { WorkbookAdapter } from "./excel/workbook";

/** Links open outside the pane: Office's browser window where the host offers it, else a new tab. */
function openExternal(url: string): void {
  if (!/^https:\/\//i.test(url)) return;
  const ui = typeof Office !== "undefined" ? Office.context?.ui : undefined;
  if (ui && typeof ui.openBrowserWindow === "function") {
    try {
      ui.openBrowserWindow(url);
      return;
    } catch {
      // Some hosts list the method but refuse it: fall back to a new tab.
    }
  }
  browserOpenExternal(url);
}

/** Builds the adapter for a host: Excel's inside Excel (a chunk of its own), else the browse-only one. */
async function adapterFor(host: Office.HostType | null): Promise<WorkbookAdapter> {
  const inExcel = typeof Office !== "undefined" && host === Office.HostType.Excel && typeof Excel !== "undefined";
  return inExcel ? (await import(/* webpackChunkName: "excel-adapter" */ "./excel/excelAdapter")).createExcelAdapter() : createUnavailableAdapter();
}

const container = document.getElementById("root");
if (!container) throw new Error("taskpane.html has no #root element");
const root = createRoot(container);
const params = new URLSearchParams(window.location.search);
const tab = params.get("tab");
const services: PaneServices = { openExternal, loadFunctionsMetadata: fetchFunctionsMetadata };
let latest = 0;

// Rendered when the host is known, and again if Excel's handshake finishes after the pane
// rendered without it (office-ready.ts): the same tree, now with the Excel adapter.
watchOfficeHost(async (host) => {
  const call = ++latest;
  const adapter = await adapterFor(host);
  if (call !== latest) return; // a later host report won
  const officeTheme = typeof Office !== "undefined" ? Office.context?.officeTheme : undefined;
  const theme = resolveTheme(window.location.search, officeTheme?.bodyBackgroundColor);
  root.render(
    <App
      adapter={adapter}
      theme={theme}
      services={services}
      initialTab={tab === "cycles" || tab === "functions" || tab === "about" ? tab : "explore"}
      initialDealId={params.get("deal")}
      initialIssuer={params.get("issuer")}
    />,
  );
});
