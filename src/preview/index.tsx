// Preview page entry. Order matters: the CustomFunctions shim must exist before the functions
// module runs (its appended CustomFunctions.associate calls execute on load).
import "./custom-functions-shim";
import * as functionsModule from "../functions/functions";
// HyperFormula evaluates synchronously, so the preview cannot show Excel's #BUSY! while the
// functions fetch their source links on first use (src/functions/source-links.ts): it hands
// them the same file up front. The first-use fetch is tested on the built bundle instead.
import linksJson from "../data/generated/links.json";
import { registerSourceLinks } from "../data/links";
import type { LinksFile } from "../data/layout";
import { useState } from "react";
import { createRoot } from "react-dom/client";
import { App } from "../taskpane/App";
import { themeFromUrl } from "../taskpane/theme";
import { associatedFunctions } from "./custom-functions-shim";
import { registerCustomFunctions, resolveFunctions, type CustomFunctionsMetadataFile } from "./formula-engine";
import { createPreviewAdapter } from "./preview-adapter";
import { PreviewApp, type PreviewTheme } from "./PreviewApp";
import { PreviewWorkbook } from "./workbook";
import type { WorkbookAdapter } from "../taskpane/excel/workbook";
import { officeReady } from "../taskpane/office-ready";

registerSourceLinks(linksJson as unknown as LinksFile);

function initialTheme(): PreviewTheme {
  // ?theme=dark|light as in the pane; else the browser's preference stands in for Office's theme.
  return themeFromUrl(window.location.search) ?? (window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light");
}

/** ?pane=<px> sets the task pane's width (300–720; default 380, about Excel's). */
function paneWidth(): number {
  const requested = Number(new URLSearchParams(window.location.search).get("pane"));
  return Number.isFinite(requested) && requested >= 300 ? Math.min(720, Math.round(requested)) : 380;
}

function Page({ workbook, adapter, functionCount }: { workbook: PreviewWorkbook; adapter: WorkbookAdapter; functionCount: number }) {
  const [theme, setTheme] = useState<PreviewTheme>(initialTheme);
  document.documentElement.dataset.theme = theme;
  return (
    <PreviewApp
      workbook={workbook}
      theme={theme}
      onThemeChange={setTheme}
      functionCount={functionCount}
      paneWidth={paneWidth()}
      pane={<App adapter={adapter} theme={theme} />}
    />
  );
}

async function main(): Promise<void> {
  // office.js is loaded (as in the real pane); outside Office the host is null, and the pane gets
  // the preview adapter instead of the "inserts need Excel" one.
  await officeReady();
  // The metadata Excel reads (generated from functions.ts by the same build) says which
  // parameters are optional and which results spill.
  const response = await fetch("functions.json");
  if (!response.ok) throw new Error(`functions.json: HTTP ${response.status}`);
  const metadata = (await response.json()) as CustomFunctionsMetadataFile;
  const functions = resolveFunctions(metadata, { exports: functionsModule as Record<string, unknown>, associations: associatedFunctions() });
  registerCustomFunctions(functions);

  const workbook = new PreviewWorkbook();
  const adapter = createPreviewAdapter(workbook);
  // For the end-to-end tests and the curious: the workbook model from the devtools console.
  (window as unknown as { minerDebtPreview: unknown }).minerDebtPreview = { workbook, functions: functions.map((fn) => fn.formulaName) };

  const container = document.getElementById("root");
  if (!container) throw new Error("preview.html has no #root element");
  createRoot(container).render(<Page workbook={workbook} adapter={adapter} functionCount={functions.length} />);
}

main().catch((error: unknown) => {
  const container = document.getElementById("root");
  if (container) {
    const message = document.createElement("pre");
    message.className = "fatal";
    message.textContent = `The preview could not start: ${error instanceof Error ? error.message : String(error)}`;
    container.replaceChildren(message);
  }
  throw error;
});
