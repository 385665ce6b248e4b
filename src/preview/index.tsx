// Preview page entry. Order matters: the CustomFunctions shim must exist before the functions
// module runs (its appended CustomFunctions.associate calls execute on load).
import "./custom-functions-shim";
import * as functionsModule from "../functions/functions";
import { useState } from "react";
import { createRoot } from "react-dom/client";
import { App } from "../taskpane/App";
import { AdapterProvider } from "../taskpane/excel/AdapterContext";
import { associatedFunctions } from "./custom-functions-shim";
import { registerCustomFunctions, resolveFunctions, type CustomFunctionsMetadataFile } from "./formula-engine";
import { createPreviewAdapter } from "./preview-adapter";
import { PreviewApp, type PreviewTheme } from "./PreviewApp";
import { PreviewWorkbook } from "./workbook";
import type { WorkbookAdapter } from "../taskpane/excel/workbook";

const OFFICE_READY_TIMEOUT_MS = 3000;

function officeReady(): Promise<Office.HostType | null> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return Promise.resolve(null);
  const ready = Office.onReady().then((info) => info.host ?? null);
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), OFFICE_READY_TIMEOUT_MS));
  return Promise.race([ready, timeout]);
}

function initialTheme(): PreviewTheme {
  const requested = new URLSearchParams(window.location.search).get("theme");
  if (requested === "dark" || requested === "light") return requested;
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

function Page({ workbook, adapter, host, functionCount }: { workbook: PreviewWorkbook; adapter: WorkbookAdapter; host: Office.HostType | null; functionCount: number }) {
  const [theme, setTheme] = useState<PreviewTheme>(initialTheme);
  document.documentElement.dataset.theme = theme;
  return (
    <PreviewApp
      workbook={workbook}
      theme={theme}
      onThemeChange={setTheme}
      functionCount={functionCount}
      pane={
        <AdapterProvider adapter={adapter}>
          <App host={host} />
        </AdapterProvider>
      }
    />
  );
}

async function main(): Promise<void> {
  const host = await officeReady();
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
  createRoot(container).render(<Page workbook={workbook} adapter={adapter} host={host} functionCount={functions.length} />);
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
