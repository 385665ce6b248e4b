// The preview page: a workbook (grid + formula bar + sheet tabs) beside the real task pane, with a
// light/dark switch standing in for Office's theme.
import { useRef, type KeyboardEvent, type ReactNode } from "react";
import { Grid } from "./Grid";
import type { PreviewWorkbook } from "./workbook";

export type PreviewTheme = "light" | "dark";

/** The pane's tabbable elements, in document order (the first one takes focus on F6). */
const PANE_FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), [tabindex="0"], [role="tab"][aria-selected="true"]';

export function PreviewApp({
  workbook,
  theme,
  onThemeChange,
  pane,
  functionCount,
  paneWidth,
}: {
  workbook: PreviewWorkbook;
  theme: PreviewTheme;
  onThemeChange: (theme: PreviewTheme) => void;
  pane: ReactNode;
  functionCount: number;
  /** Task pane width in pixels (Excel's pane is resizable too). */
  paneWidth: number;
}) {
  const paneRef = useRef<HTMLElement>(null);
  const workbookRef = useRef<HTMLElement>(null);
  /** F6 / Shift+F6 move between the worksheet and the task pane, as in Excel. */
  const focusPane = () => paneRef.current?.querySelector<HTMLElement>(PANE_FOCUSABLE)?.focus();
  const focusGrid = () => workbookRef.current?.querySelector<HTMLElement>("[role=grid]")?.focus();
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "F6") return;
    event.preventDefault();
    if (paneRef.current?.contains(event.target as Node)) focusGrid();
    else focusPane();
  };
  return (
    <div className={`preview theme-${theme}`} data-theme={theme} onKeyDown={onKeyDown}>
      <header className="preview-bar">
        <img src="assets/icon-32.png" width={20} height={20} alt="" />
        <strong>MinerDebt workbook preview</strong>
        <span className="preview-note" title="Formulas are evaluated by HyperFormula with the add-in's own MINERDEBT functions; Excel is not involved.">
          HyperFormula engine · {functionCount} MINERDEBT functions · not Excel
        </span>
        <span className="spacer" />
        <label className="theme-switch">
          Theme
          <select aria-label="Theme" data-testid="theme" value={theme} onChange={(event) => onThemeChange(event.target.value as PreviewTheme)}>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
      </header>
      <div className="preview-body">
        <main className="workbook" aria-label="Workbook" ref={workbookRef}>
          <Grid workbook={workbook} onTabOut={focusPane} />
        </main>
        <aside ref={paneRef} className="taskpane" aria-label="MinerDebt task pane" data-testid="taskpane" style={{ width: paneWidth }}>
          <div className="taskpane-title">MinerDebt</div>
          <div className="taskpane-content">{pane}</div>
        </aside>
      </div>
    </div>
  );
}
