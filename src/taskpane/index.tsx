import { createRoot } from "react-dom/client";
import { App } from "./App";
import { createUnavailableAdapter } from "./excel/unavailableAdapter";
import { browserOpenExternal, fetchFunctionsMetadata, type PaneServices } from "./services";
import { resolveTheme } from "./theme";
import { officeReady } from "./office-ready";

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

officeReady().then(async (host) => {
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  const inExcel = typeof Office !== "undefined" && host === Office.HostType.Excel && typeof Excel !== "undefined";
  // The Excel adapter (and the plan layout it uses) is a chunk of its own: not needed outside Excel.
  const adapter = inExcel
    ? (await import(/* webpackChunkName: "excel-adapter" */ "./excel/excelAdapter")).createExcelAdapter()
    : createUnavailableAdapter();
  const officeTheme = typeof Office !== "undefined" ? Office.context?.officeTheme : undefined;
  const theme = resolveTheme(window.location.search, officeTheme?.bodyBackgroundColor);
  const services: PaneServices = { openExternal, loadFunctionsMetadata: fetchFunctionsMetadata };
  const params = new URLSearchParams(window.location.search);
  const tab = params.get("tab");
  createRoot(container).render(
    <App
      adapter={adapter}
      theme={theme}
      services={services}
      initialTab={tab === "cycles" || tab === "functions" || tab === "about" ? tab : "explore"}
      initialDealId={params.get("deal")}
    />,
  );
});
