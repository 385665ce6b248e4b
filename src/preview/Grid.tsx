// The preview's worksheet: name box and formula bar, a scrolling grid with A1 headers, selection,
// in-cell editing and sheet tabs. Keys follow Excel: arrows move (Shift extends), Enter/Tab commit
// and move, F2 edits, typing replaces, Esc cancels, Delete clears. Values come from the workbook
// (HyperFormula); errors show their code with the message on hover.
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent, type MouseEvent } from "react";
import { ChartView } from "./ChartView";
import { fitNumber } from "./number-format";
import { parseTopLeft } from "../taskpane/plans/layout";
import {
  columnLetters,
  rectContains,
  rectToA1,
  selectionRect,
  type CellView,
  type Position,
  type PreviewWorkbook,
  type Rect,
} from "./workbook";

export const ROW_HEIGHT = 22;
const ROW_HEADER_WIDTH = 46;
const MIN_ROWS = 40;
const MIN_COLS = 14;
/**
 * The preview's sheet ends at column BL (Excel's at XFD, which no one reaches by Tab): Tab on the
 * last column leaves the grid for the task pane, so the keyboard can get there as with F6.
 */
export const PREVIEW_COLUMNS = 64;

interface Editing {
  at: Position;
  draft: string;
  /** Started by typing (arrows commit and move) rather than F2 / double-click (arrows move the caret). */
  enterMode: boolean;
  /** Where the edit is typed. */
  source: "cell" | "bar";
}

const CELL_PADDING = 9;
let measureContext: CanvasRenderingContext2D | null | undefined;

/** Width in pixels of a text in the grid's font (canvas measureText; a rough estimate without canvas). */
function textWidth(text: string, bold: boolean): number {
  if (measureContext === undefined) measureContext = document.createElement("canvas").getContext("2d");
  if (!measureContext) return text.length * 7.5;
  const family = getComputedStyle(document.body).fontFamily || "sans-serif";
  measureContext.font = `${bold ? "700 " : ""}12px ${family}`;
  return measureContext.measureText(text).width;
}

/** The text a cell shows: a number too wide for its column is shortened or shown as ###, as in Excel. */
function shownText(view: CellView, columnWidth: number): string {
  if (!view.number) return view.text;
  const bold = view.table?.part === "header" || view.role === "heading" || view.role === "title";
  return fitNumber(view.number.value, view.number.format, view.text, (text) => textWidth(text, bold) <= columnWidth - CELL_PADDING);
}

/**
 * How far a text cell's overflow may run (px, inside the cell's padding): its own width plus
 * its empty neighbours' to the right, up to the first non-empty cell, as Excel draws it.
 */
export function overflowWidth(line: readonly Pick<CellView, "kind">[], col: number, widths: readonly number[]): number {
  let total = widths[col];
  for (let c = col + 1; c < line.length && line[c].kind === "empty"; c++) total += widths[c];
  return total - CELL_PADDING;
}

function cellClasses(view: CellView, selected: boolean, active: boolean): string {
  const classes = ["cell", `k-${view.kind}`];
  if (view.role) classes.push(`role-${view.role}`);
  if (view.table) classes.push(`table-${view.table.part}`, /light/i.test(view.table.style) ? "table-light" : "table-medium");
  if (view.spilled) classes.push("spilled");
  if (selected) classes.push("selected");
  if (active) classes.push("active");
  return classes.join(" ");
}

/**
 * `onTabOut`: Tab on the sheet's last column (PREVIEW_COLUMNS) leaves the grid for the task pane
 * (F6 does too, PreviewApp), so the pane is reachable from the keyboard.
 */
export function Grid({ workbook, onTabOut }: { workbook: PreviewWorkbook; onTabOut?: () => void }) {
  useSyncExternalStore(workbook.subscribe, workbook.getVersion);
  const sheet = workbook.activeSheet;
  const selection = workbook.getSelection();
  // As in Excel, the active cell is where the selection started; Shift+arrows move the other corner.
  const active = selection.anchor;
  const focus = selection.focus;
  const selected = selectionRect(selection);
  const [editing, setEditing] = useState<Editing | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const cellEditorRef = useRef<HTMLInputElement>(null);
  const barRef = useRef<HTMLInputElement>(null);
  const dragging = useRef(false);
  const [hovered, setHovered] = useState<Position | null>(null);

  const extent = workbook.usedExtent(sheet);
  const rows = Math.max(MIN_ROWS, extent.rows + 8, focus.row + 8, active.row + 8);
  const cols = Math.min(PREVIEW_COLUMNS, Math.max(MIN_COLS, extent.cols + 2, focus.col + 3, active.col + 3));
  const record = workbook.sheet(sheet);
  const widths = Array.from({ length: cols }, (_, c) => workbook.columnWidth(sheet, c));
  const left = (col: number) => ROW_HEADER_WIDTH + widths.slice(0, col).reduce((sum, w) => sum + w, 0);
  const top = (row: number) => ROW_HEIGHT * (row + 1);
  const width = (col: number, span: number) => widths.slice(col, col + span).reduce((sum, w) => sum + w, 0);

  const views: CellView[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: CellView[] = [];
    for (let c = 0; c < cols; c++) line.push(workbook.view(sheet, r, c));
    views.push(line);
  }

  const barText = workbook.formulaBarText(sheet, active.row, active.col);
  const activeSpill = workbook.spillContaining(sheet, active.row, active.col);

  // Keep the active cell in view (or the moving corner while a selection is being extended).
  const followFocus = useRef(false);
  const shown = followFocus.current ? focus : active;
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    const x = left(shown.col);
    const y = top(shown.row);
    const w = widths[shown.col] ?? 64;
    if (x - ROW_HEADER_WIDTH < scroller.scrollLeft) scroller.scrollLeft = x - ROW_HEADER_WIDTH;
    else if (x + w > scroller.scrollLeft + scroller.clientWidth) scroller.scrollLeft = x + w - scroller.clientWidth;
    if (y - ROW_HEIGHT < scroller.scrollTop) scroller.scrollTop = y - ROW_HEIGHT;
    else if (y + ROW_HEIGHT > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = y + ROW_HEIGHT - scroller.clientHeight;
  }, [shown.row, shown.col, sheet]);

  useEffect(() => {
    if (editing?.source === "cell") cellEditorRef.current?.focus();
  }, [editing?.source, editing?.at.row, editing?.at.col]);

  // A new sheet or an insert elsewhere ends an edit in progress.
  useEffect(() => setEditing(null), [sheet]);

  const focusGrid = () => gridRef.current?.focus({ preventScroll: true });

  function move(dRow: number, dCol: number, extend = false): void {
    const from = extend ? focus : active;
    const next = { row: Math.max(0, from.row + dRow), col: Math.min(PREVIEW_COLUMNS - 1, Math.max(0, from.col + dCol)) };
    followFocus.current = extend;
    if (extend) workbook.select(selection.anchor, next);
    else workbook.select(next);
  }

  function commit(then?: { dRow: number; dCol: number }): void {
    if (!editing) return;
    workbook.enterInput(sheet, editing.at.row, editing.at.col, editing.draft);
    setEditing(null);
    if (then) {
      workbook.select({ row: Math.max(0, editing.at.row + then.dRow), col: Math.max(0, editing.at.col + then.dCol) });
    }
    focusGrid();
  }

  function cancel(): void {
    setEditing(null);
    focusGrid();
  }

  function onGridKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (editing) return;
    const { key, shiftKey, ctrlKey, metaKey, altKey } = event;
    const arrows: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (arrows[key]) {
      event.preventDefault();
      move(arrows[key][0], arrows[key][1], shiftKey);
    } else if (key === "Enter") {
      event.preventDefault();
      move(shiftKey ? -1 : 1, 0);
    } else if (key === "Tab") {
      event.preventDefault();
      if (!shiftKey && active.col >= PREVIEW_COLUMNS - 1 && onTabOut) onTabOut();
      else move(0, shiftKey ? -1 : 1);
    } else if (key === "F2") {
      event.preventDefault();
      setEditing({ at: active, draft: barText.fromSpill ? "" : barText.text, enterMode: false, source: "cell" });
    } else if (key === "Delete" || key === "Backspace") {
      event.preventDefault();
      workbook.clear(sheet, selected);
      if (key === "Backspace") setEditing({ at: active, draft: "", enterMode: true, source: "cell" });
    } else if (key.length === 1 && !ctrlKey && !metaKey && !altKey) {
      event.preventDefault();
      setEditing({ at: active, draft: key, enterMode: true, source: "cell" });
    }
  }

  function onEditorKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (!editing) return;
    const { key, shiftKey } = event;
    if (key === "Enter") {
      event.preventDefault();
      commit({ dRow: shiftKey ? -1 : 1, dCol: 0 });
    } else if (key === "Tab") {
      event.preventDefault();
      commit({ dRow: 0, dCol: shiftKey ? -1 : 1 });
    } else if (key === "Escape") {
      event.preventDefault();
      cancel();
    } else if (editing.enterMode && editing.source === "cell" && !editing.draft.startsWith("=")) {
      const arrows: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
      if (arrows[key]) {
        event.preventDefault();
        commit({ dRow: arrows[key][0], dCol: arrows[key][1] });
      }
    }
  }

  function cellAt(event: MouseEvent): Position | null {
    const target = (event.target as HTMLElement).closest("[data-row]") as HTMLElement | null;
    if (!target) return null;
    return { row: Number(target.dataset.row), col: Number(target.dataset.col) };
  }

  function onMouseDown(event: MouseEvent<HTMLDivElement>): void {
    if ((event.target as HTMLElement).closest("a, input")) return;
    const at = cellAt(event);
    if (!at) return;
    event.preventDefault();
    if (editing) commit();
    followFocus.current = event.shiftKey;
    if (event.shiftKey) workbook.select(selection.anchor, at);
    else workbook.select(at);
    dragging.current = true;
    focusGrid();
  }

  function onMouseOver(event: MouseEvent<HTMLDivElement>): void {
    const over = cellAt(event);
    if (over?.row !== hovered?.row || over?.col !== hovered?.col) setHovered(over);
    if (!dragging.current || event.buttons !== 1) return;
    const at = over;
    if (at && (at.row !== focus.row || at.col !== focus.col)) {
      followFocus.current = true;
      workbook.select(selection.anchor, at);
    }
  }

  function onNameBoxKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key !== "Enter") return;
    event.preventDefault();
    const text = event.currentTarget.value.trim();
    const [first, last = first] = text.split(":");
    const start = parseTopLeft(first);
    const end = parseTopLeft(last);
    if (start && end && start.position.col < PREVIEW_COLUMNS && end.position.col < PREVIEW_COLUMNS) workbook.select(start.position, end.position);
    focusGrid();
  }

  const editorDraft = editing?.draft ?? "";
  const nameBoxValue = selected.rows === 1 && selected.cols === 1 ? rectToA1({ ...active, rows: 1, cols: 1 }) : rectToA1(selected);

  return (
    <div className="sheet-area">
      <div className="formula-row">
        <input
          key={nameBoxValue}
          className="name-box"
          aria-label="Name box"
          defaultValue={nameBoxValue}
          onKeyDown={onNameBoxKeyDown}
          data-testid="name-box"
        />
        <span className="fx" aria-hidden="true">
          fx
        </span>
        <input
          ref={barRef}
          className={`formula-bar${barText.fromSpill && !editing ? " from-spill" : ""}`}
          aria-label="Formula bar"
          data-testid="formula-bar"
          spellCheck={false}
          value={editing ? editorDraft : barText.text}
          onFocus={() => {
            if (!editing) setEditing({ at: active, draft: barText.fromSpill ? "" : barText.text, enterMode: false, source: "bar" });
          }}
          onChange={(event) => setEditing({ at: editing?.at ?? active, draft: event.target.value, enterMode: false, source: "bar" })}
          onKeyDown={onEditorKeyDown}
        />
      </div>
      <div
        ref={gridRef}
        className="grid-focus"
        tabIndex={0}
        role="grid"
        aria-label={`Sheet ${record.name}`}
        aria-rowcount={rows}
        aria-colcount={cols}
        aria-activedescendant={`cell-${active.row}-${active.col}`}
        onKeyDown={onGridKeyDown}
        onMouseDown={onMouseDown}
        onMouseOver={onMouseOver}
        onMouseUp={() => {
          dragging.current = false;
          followFocus.current = false;
        }}
        onMouseLeave={() => setHovered(null)}
        onDoubleClick={(event) => {
          const at = cellAt(event);
          if (at) setEditing({ at, draft: workbook.formulaBarText(sheet, at.row, at.col).text, enterMode: false, source: "cell" });
        }}
        data-testid="grid"
      >
        <div className="grid-scroll" ref={scrollRef}>
          <div className="grid-canvas" style={{ width: left(cols), height: top(rows) }}>
            <table className="cells" style={{ width: left(cols) }}>
              <colgroup>
                <col style={{ width: ROW_HEADER_WIDTH }} />
                {widths.map((w, c) => (
                  <col key={c} style={{ width: w }} />
                ))}
              </colgroup>
              <thead>
                <tr role="row">
                  <th className="corner" />
                  {widths.map((_, c) => (
                    <th key={c} role="columnheader" className={c >= selected.col && c < selected.col + selected.cols ? "col-head hl" : "col-head"}>
                      {columnLetters(c)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {views.map((line, r) => (
                  <tr key={r} role="row">
                    <th role="rowheader" className={r >= selected.row && r < selected.row + selected.rows ? "row-head hl" : "row-head"}>
                      {r + 1}
                    </th>
                    {line.map((view, c) => {
                      const isActive = r === active.row && c === active.col;
                      const isSelected = rectContains(selected, r, c);
                      const a1 = `${columnLetters(c)}${r + 1}`;
                      // Text runs on into empty neighbours, as in Excel, and stops at the first non-empty one.
                      const overflows = view.kind === "text" && !view.table && c + 1 < cols && line[c + 1].kind === "empty";
                      const runWidth = overflows ? overflowWidth(line, c, widths) : undefined;
                      const title = view.hyperlink ? view.hyperlink : undefined;
                      return (
                        <td
                          key={c}
                          id={`cell-${r}-${c}`}
                          role="gridcell"
                          aria-selected={isSelected}
                          data-cell={a1}
                          data-row={r}
                          data-col={c}
                          data-kind={view.kind}
                          {...(view.kind === "error" ? { "data-error-message": view.message ?? "", "aria-describedby": isActive || (hovered?.row === r && hovered?.col === c) ? "error-tip" : undefined } : {})}
                          title={title}
                          className={cellClasses(view, isSelected, isActive) + (overflows ? " overflow" : "")}
                        >
                          {view.hyperlink ? (
                            <a href={view.hyperlink} target="_blank" rel="noopener noreferrer" className={runWidth ? "run" : undefined} style={runWidth ? { maxWidth: runWidth } : undefined}>
                              {view.text}
                            </a>
                          ) : (
                            <span className={runWidth ? "run" : undefined} style={runWidth ? { maxWidth: runWidth } : undefined}>
                              {shownText(view, widths[c])}
                            </span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
            {record.charts.map((chart) => (
              <div
                key={chart.name}
                className="chart-box"
                style={{ left: left(chart.position.col), top: top(chart.position.row), width: width(chart.position.col, chart.position.cols), height: chart.position.rows * ROW_HEIGHT }}
              >
                <ChartView workbook={workbook} sheet={sheet} chart={chart} width={width(chart.position.col, chart.position.cols) - 2} height={chart.position.rows * ROW_HEIGHT - 2} />
              </div>
            ))}
            {hovered && views[hovered.row]?.[hovered.col]?.kind === "error" ? (
              <div
                id="error-tip"
                role="tooltip"
                className="error-tip"
                data-testid="error-tip"
                style={{ left: left(hovered.col) + (widths[hovered.col] ?? 0) + 4, top: top(hovered.row) }}
              >
                <strong>{views[hovered.row][hovered.col].text}</strong> {views[hovered.row][hovered.col].message}
              </div>
            ) : null}
            {activeSpill ? <SpillOutline rect={activeSpill} left={left} top={top} width={width} /> : null}
            <div
              className="active-outline"
              style={{ left: left(selected.col) - 1, top: top(selected.row) - 1, width: width(selected.col, selected.cols) + 1, height: selected.rows * ROW_HEIGHT + 1 }}
            />
            {editing && editing.source === "cell" ? (
              <input
                ref={cellEditorRef}
                className="cell-editor"
                aria-label={`Edit ${columnLetters(editing.at.col)}${editing.at.row + 1}`}
                data-testid="cell-editor"
                spellCheck={false}
                style={{ left: left(editing.at.col), top: top(editing.at.row), minWidth: widths[editing.at.col] ?? 64, height: ROW_HEIGHT }}
                value={editorDraft}
                onChange={(event) => setEditing({ ...editing, draft: event.target.value })}
                onKeyDown={onEditorKeyDown}
                onBlur={(event) => {
                  // Clicking the formula bar continues the same edit there.
                  if (event.relatedTarget === barRef.current) setEditing({ ...editing, source: "bar" });
                }}
              />
            ) : null}
          </div>
        </div>
      </div>
      <div className="sheet-tabs" role="tablist" aria-label="Sheets">
        {workbook.sheets().map((item) => (
          <button
            key={item.id}
            role="tab"
            aria-selected={item.id === sheet}
            className={item.id === sheet ? "sheet-tab current" : "sheet-tab"}
            onClick={() => {
              workbook.activateSheet(item.id);
              focusGrid();
            }}
          >
            {item.name}
          </button>
        ))}
        <button
          className="sheet-tab add"
          aria-label="New sheet"
          title="New sheet"
          onClick={() => {
            const names = new Set(workbook.sheets().map((item) => item.name.toLowerCase()));
            let n = workbook.sheets().length + 1;
            while (names.has(`sheet${n}`)) n++;
            workbook.activateSheet(workbook.addSheet(`Sheet${n}`));
            focusGrid();
          }}
        >
          +
        </button>
      </div>
    </div>
  );
}

function SpillOutline({ rect, left, top, width }: { rect: Rect; left: (col: number) => number; top: (row: number) => number; width: (col: number, span: number) => number }) {
  return (
    <div
      className="spill-outline"
      aria-hidden="true"
      style={{ left: left(rect.col) - 1, top: top(rect.row) - 1, width: width(rect.col, rect.cols) + 1, height: rect.rows * ROW_HEIGHT + 1 }}
    />
  );
}
