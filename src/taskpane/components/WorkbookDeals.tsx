/**
 * The user's own financings as the pane sees them: the workbook's MinerDebtDeals table, read
 * through the adapter (one read sync), parsed and checked by the same code the functions use,
 * and overlaid on the bundled records (src/data/workbook-deals). Explore, the deal view and the
 * inserts read `view` instead of the bundled dataset, so a workbook row shows up everywhere a
 * dataset row does. A table with a bad row is reported (naming its row and field) and the pane
 * falls back to the dataset alone; the user's rows are never rewritten.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { bundledView, isWorkbookFinancing, workbookView, type DatasetView, type WorkbookFinancing } from "../../data";
import { WORKBOOK_TABLE_NAME } from "../../data/workbook-table";
import { useWorkbook } from "../excel/AdapterContext";

export interface WorkbookDealsState {
  /** "unknown" until the first read answers (or outside Excel, where there is no workbook). */
  readonly status: "unknown" | "absent" | "found" | "invalid" | "error";
  /** The records every view of the pane reads: the dataset, overlaid with valid table rows. */
  readonly view: DatasetView;
  /** The table's financings (corrections and additions), in table order. */
  readonly rows: readonly WorkbookFinancing[];
  /** Why the table's rows are not in use (a bad row, a failed read), in words. */
  readonly problem: string | null;
}

export interface WorkbookDeals extends WorkbookDealsState {
  /** Read the table again (after the user edited it in the grid). */
  refresh(): Promise<void>;
}

const INITIAL: WorkbookDealsState = { status: "unknown", view: bundledView(), rows: [], problem: null };

const DealsContext = createContext<WorkbookDeals>({ ...INITIAL, refresh: async () => undefined });

/** The state for a read table: its view, or the problem that keeps it out. */
export function dealsStateOf(values: unknown[][]): WorkbookDealsState {
  try {
    const view = workbookView(values, WORKBOOK_TABLE_NAME);
    return { status: "found", view, rows: view.financings.filter(isWorkbookFinancing), problem: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: "invalid", view: bundledView(), rows: [], problem: `${message}. Until it is fixed, the pane shows the dataset only; your rows are unchanged.` };
  }
}

export function WorkbookDealsProvider({ children }: { children: ReactNode }) {
  const adapter = useWorkbook();
  const [state, setState] = useState<WorkbookDealsState>(INITIAL);
  const refresh = useCallback(async () => {
    if (!adapter.isAvailable || !adapter.readDealsTable) return;
    const read = await adapter.readDealsTable();
    if (read.status === "absent") setState({ ...INITIAL, status: "absent" });
    else if (read.status === "error") setState({ ...INITIAL, status: "error", problem: `Could not read the ${WORKBOOK_TABLE_NAME} table: ${read.message}` });
    else setState(dealsStateOf(read.values));
  }, [adapter]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const value = useMemo(() => ({ ...state, refresh }), [state, refresh]);
  return <DealsContext.Provider value={value}>{children}</DealsContext.Provider>;
}

export function useWorkbookDeals(): WorkbookDeals {
  return useContext(DealsContext);
}
