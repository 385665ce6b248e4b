/**
 * What the pane needs from its host besides the workbook: opening a link outside the pane and
 * fetching the generated function metadata. Injected through context so tests pass fakes.
 */
import { createContext, useContext, type ReactNode } from "react";

/** The parts of functions.json (custom-functions-metadata output) the Functions tab shows. */
export interface FunctionParameterMetadata {
  readonly name: string;
  readonly description?: string;
  readonly type?: string;
  readonly dimensionality?: string;
  readonly optional?: boolean;
}

export interface FunctionMetadata {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly parameters: readonly FunctionParameterMetadata[];
  readonly result?: { readonly type?: string; readonly dimensionality?: string };
}

export interface FunctionsMetadata {
  readonly functions: readonly FunctionMetadata[];
}

export interface PaneServices {
  /** Open an https URL outside the pane (Office's browser window in Office, a new tab elsewhere). */
  openExternal(url: string): void;
  /** functions.json from the pane's own origin. */
  loadFunctionsMetadata(): Promise<FunctionsMetadata>;
}

/** Fetch functions.json relative to the page (same origin as taskpane.html). */
export async function fetchFunctionsMetadata(): Promise<FunctionsMetadata> {
  const response = await fetch("functions.json", { credentials: "same-origin" });
  if (!response.ok) throw new Error(`functions.json: HTTP ${response.status}`);
  const json = (await response.json()) as unknown;
  if (!json || typeof json !== "object" || !Array.isArray((json as { functions?: unknown }).functions)) {
    throw new Error("functions.json has no function list");
  }
  return json as FunctionsMetadata;
}

export function browserOpenExternal(url: string): void {
  if (!/^https:\/\//i.test(url)) return;
  window.open(url, "_blank", "noopener,noreferrer");
}

const defaultServices: PaneServices = { openExternal: browserOpenExternal, loadFunctionsMetadata: fetchFunctionsMetadata };

const ServicesContext = createContext<PaneServices>(defaultServices);

export function ServicesProvider({ services, children }: { services: PaneServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): PaneServices {
  return useContext(ServicesContext);
}

export { defaultServices };
