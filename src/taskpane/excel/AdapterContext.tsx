/** Components get the workbook through this context, never from Excel directly (tests pass a fake). */
import { createContext, useContext, type ReactNode } from "react";
import { createUnavailableAdapter } from "./unavailableAdapter";
import type { WorkbookAdapter } from "./workbook";

const AdapterContext = createContext<WorkbookAdapter>(createUnavailableAdapter());

export function AdapterProvider({ adapter, children }: { adapter: WorkbookAdapter; children: ReactNode }) {
  return <AdapterContext.Provider value={adapter}>{children}</AdapterContext.Provider>;
}

export function useWorkbook(): WorkbookAdapter {
  return useContext(AdapterContext);
}
