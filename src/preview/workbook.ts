// The preview's workbook: sheets of cells evaluated by HyperFormula, plus what Excel keeps beside
// the values (number formats, cell roles, tables, hyperlinks, charts, column widths) and the
// selection. The grid renders it; the preview WorkbookAdapter writes insert plans into it.
import { DetailedCellError, HyperFormula, type RawCellContent, type SimpleCellAddress } from "hyperformula";
import { takeCellsToReenter } from "./formula-engine";
import { formatValue, impliedFormat } from "./number-format";
import { cellAddress, columnLetters } from "../taskpane/plans/layout";
import type { CellRole } from "../taskpane/plans/types";

export interface Position {
  row: number;
  col: number;
}

export interface Rect extends Position {
  rows: number;
  cols: number;
}

export interface TableRecord {
  name: string;
  style: string;
  rect: Rect;
}

export interface ChartRecord {
  name: string;
  type: "columnStacked" | "barStacked100" | "line";
  title: string;
  data: Rect;
  seriesBy: "columns" | "rows";
  position: Rect;
  valueAxisFormat?: string;
}

export interface SheetRecord {
  /** HyperFormula's sheet id. */
  id: number;
  name: string;
  formats: Map<string, string>;
  roles: Map<string, CellRole>;
  hyperlinks: Map<string, string>;
  columnWidths: Map<number, number>;
  tables: TableRecord[];
  charts: ChartRecord[];
}

export interface Selection {
  sheet: number;
  anchor: Position;
  focus: Position;
}

/** What the grid shows for one cell. */
export interface CellView {
  text: string;
  kind: "empty" | "number" | "text" | "boolean" | "error";
  /** For errors: the message shown on hover. */
  message?: string;
  /** Part of a spilled array but not its formula cell. */
  spilled: boolean;
  /** For numbers: the value and its format, so the grid can shorten it to the column's width as Excel does. */
  number?: { value: number; format?: string };
  role?: CellRole;
  hyperlink?: string;
  /** "header" / "odd" / "even" when the cell lies in a table, with the table's style. */
  table?: { part: "header" | "odd" | "even"; style: string };
}

export const DEFAULT_COLUMN_WIDTH = 88;
const MAX_AUTOFIT_WIDTH = 360;
/** How many times a change may re-enter formulas whose spill changed size (each pass settles one level). */
const MAX_RESPILL_PASSES = 8;

const key = (row: number, col: number) => `${row}:${col}`;

export function rectContains(rect: Rect, row: number, col: number): boolean {
  return row >= rect.row && row < rect.row + rect.rows && col >= rect.col && col < rect.col + rect.cols;
}

export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

/** "C5:K20", or "C5" for one cell. */
export function rectToA1(rect: Rect): string {
  const first = cellAddress({ row: rect.row, col: rect.col });
  if (rect.rows === 1 && rect.cols === 1) return first;
  return `${first}:${cellAddress({ row: rect.row + rect.rows - 1, col: rect.col + rect.cols - 1 })}`;
}

/** A sheet name as Excel writes it before "!": quoted when it has anything but letters, digits, _ and . */
export function sheetReference(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function selectionRect(selection: Selection): Rect {
  const row = Math.min(selection.anchor.row, selection.focus.row);
  const col = Math.min(selection.anchor.col, selection.focus.col);
  return {
    row,
    col,
    rows: Math.abs(selection.anchor.row - selection.focus.row) + 1,
    cols: Math.abs(selection.anchor.col - selection.focus.col) + 1,
  };
}

interface ArrayVertexLike {
  cellAddress: SimpleCellAddress;
  width: number;
  height: number;
}

/**
 * Excel's structured reference to a whole table, "MinerDebtDeals[#All]", as HyperFormula can read
 * it: the table's named expression (nameTable). Only [#All] is modelled (what the add-in writes).
 */
export function structuredReferences(formula: string): string {
  return formula.startsWith("=") ? formula.replace(/\b([A-Za-z_][A-Za-z0-9_.]*)\[#All\]/g, (_, name: string) => tableAlias(name)) : formula;
}

/**
 * The named expression that stands for a table in HyperFormula. Not the table's own name: Excel
 * allows "MinerDebtOfferings2", which HyperFormula refuses as a name because it reads like a
 * cell address (letters, then digits); a leading underscore never does.
 */
function tableAlias(name: string): string {
  return `_table_${name}`;
}

export class PreviewWorkbook {
  readonly hf: HyperFormula;
  private readonly sheetRecords: SheetRecord[] = [];
  private readonly listeners = new Set<() => void>();
  private version = 0;
  private activeSheetId: number;
  private selection: Selection;

  constructor(firstSheetName = "Sheet1") {
    this.hf = HyperFormula.buildEmpty({
      // HyperFormula is GPLv3 or commercial; the preview is a dev-only tool (docs/preview.md).
      licenseKey: "gpl-v3",
      // Dynamic arrays: =A1:A3*2 spills, as in Excel 365.
      useArrayArithmetic: true,
      dateFormats: ["YYYY-MM-DD", "MM/DD/YYYY", "MM/DD/YY"],
      timeFormats: ["hh:mm", "hh:mm:ss"],
      currencySymbol: ["$"],
      // Excel's 1900 date system: serial 1 = 1900-01-01, with its fictitious 1900-02-29 (serial 60).
      nullDate: { year: 1899, month: 12, day: 31 },
      leapYear1900: true,
      functionArgSeparator: ",",
      decimalSeparator: ".",
      thousandSeparator: "",
      smartRounding: true,
      precisionRounding: 15,
    });
    // Excel reads TRUE and FALSE as literals; HyperFormula knows only TRUE() and FALSE().
    this.hf.addNamedExpression("TRUE", "=TRUE()");
    this.hf.addNamedExpression("FALSE", "=FALSE()");
    this.activeSheetId = this.addSheet(firstSheetName);
    this.selection = { sheet: this.activeSheetId, anchor: { row: 0, col: 0 }, focus: { row: 0, col: 0 } };
  }

  // --- change notification (React's useSyncExternalStore) -----------------------------------

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  private changed(): void {
    this.version++;
    for (const listener of [...this.listeners]) listener();
  }

  // --- sheets ---------------------------------------------------------------------------------

  sheets(): readonly SheetRecord[] {
    return this.sheetRecords;
  }

  sheet(id: number): SheetRecord {
    const record = this.sheetRecords.find((sheet) => sheet.id === id);
    if (!record) throw new Error(`No sheet with id ${id}`);
    return record;
  }

  sheetByName(name: string): SheetRecord | undefined {
    return this.sheetRecords.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
  }

  get activeSheet(): number {
    return this.activeSheetId;
  }

  addSheet(name: string): number {
    const created = this.hf.addSheet(name);
    const id = this.hf.getSheetId(created);
    if (id === undefined) throw new Error(`Could not add sheet ${name}`);
    this.sheetRecords.push({
      id,
      name: created,
      formats: new Map(),
      roles: new Map(),
      hyperlinks: new Map(),
      columnWidths: new Map(),
      tables: [],
      charts: [],
    });
    this.changed();
    return id;
  }

  removeSheet(id: number): void {
    this.hf.removeSheet(id);
    const index = this.sheetRecords.findIndex((sheet) => sheet.id === id);
    if (index >= 0) this.sheetRecords.splice(index, 1);
    if (this.activeSheetId === id) this.activateSheet(this.sheetRecords[0].id);
    this.settle();
  }

  activateSheet(id: number): void {
    this.sheet(id);
    this.activeSheetId = id;
    this.selection = { sheet: id, anchor: { row: 0, col: 0 }, focus: { row: 0, col: 0 } };
    this.changed();
  }

  // --- selection ------------------------------------------------------------------------------

  getSelection(): Selection {
    return this.selection;
  }

  select(anchor: Position, focus: Position = anchor): void {
    const clamp = (p: Position) => ({ row: Math.max(0, p.row), col: Math.max(0, p.col) });
    this.selection = { sheet: this.activeSheetId, anchor: clamp(anchor), focus: clamp(focus) };
    this.changed();
  }

  /** "Sheet1!B3:D7", as Excel's Range.address. */
  selectedAddress(): string {
    return `${sheetReference(this.sheet(this.selection.sheet).name)}!${rectToA1(selectionRect(this.selection))}`;
  }

  // --- cells ----------------------------------------------------------------------------------

  private address(sheet: number, row: number, col: number): SimpleCellAddress {
    return { sheet, row, col };
  }

  /** What the user typed: a formula, number, date, boolean or text, as Excel would read it. */
  enterInput(sheet: number, row: number, col: number, input: string): void {
    const format = this.sheet(sheet).formats.get(key(row, col));
    let content: RawCellContent;
    if (input === "") content = null;
    // A text-formatted cell keeps what is typed as text, formulas included (Excel's "@").
    else if (format === "@") content = `'${input}`;
    else content = structuredReferences(input);
    this.hf.setCellContents(this.address(sheet, row, col), [[content]]);
    this.settle();
  }

  clear(sheet: number, rect: Rect): void {
    const blank: null[][] = Array.from({ length: rect.rows }, () => Array.from({ length: rect.cols }, () => null));
    this.hf.setCellContents(this.address(sheet, rect.row, rect.col), blank);
    const record = this.sheet(sheet);
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      for (let c = rect.col; c < rect.col + rect.cols; c++) record.hyperlinks.delete(key(r, c));
    }
    this.settle();
  }

  /** Writes a block of raw contents (formulas as "=…", text as "'…") in one HyperFormula batch. */
  writeBlock(sheet: number, at: Position, contents: RawCellContent[][]): void {
    this.hf.batch(() => {
      contents.forEach((row, r) =>
        row.forEach((content, c) => {
          if (content !== undefined) this.hf.setCellContents(this.address(sheet, at.row + r, at.col + c), [[typeof content === "string" ? structuredReferences(content) : content]]);
        }),
      );
    });
  }

  setFormat(sheet: number, row: number, col: number, format: string | null): void {
    const formats = this.sheet(sheet).formats;
    if (format === null || format === "General") formats.delete(key(row, col));
    else formats.set(key(row, col), format);
  }

  format(sheet: number, row: number, col: number): string | undefined {
    return this.sheet(sheet).formats.get(key(row, col));
  }

  setRole(sheet: number, rect: Rect, role: CellRole): void {
    const roles = this.sheet(sheet).roles;
    for (let r = rect.row; r < rect.row + rect.rows; r++) for (let c = rect.col; c < rect.col + rect.cols; c++) roles.set(key(r, c), role);
  }

  setHyperlink(sheet: number, row: number, col: number, url: string): void {
    if (!/^https:\/\//i.test(url)) throw new Error(`Only https links: ${url}`);
    this.sheet(sheet).hyperlinks.set(key(row, col), url);
  }

  /** True when the cell holds a value or formula, or shows part of a spilled array. */
  isOccupied(sheet: number, row: number, col: number): boolean {
    return this.hf.getCellType(this.address(sheet, row, col)) !== "EMPTY";
  }

  /** The first occupied cell of `rect`, or null. */
  firstOccupied(sheet: number, rect: Rect): Position | null {
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      for (let c = rect.col; c < rect.col + rect.cols; c++) if (this.isOccupied(sheet, r, c)) return { row: r, col: c };
    }
    return null;
  }

  tableNames(): string[] {
    return this.sheetRecords.flatMap((sheet) => sheet.tables.map((table) => table.name));
  }

  /** The formula text the formula bar shows: the cell's formula, the spill's formula (greyed), or its value. */
  formulaBarText(sheet: number, row: number, col: number): { text: string; fromSpill: boolean } {
    const address = this.address(sheet, row, col);
    const formula = this.hf.getCellFormula(address);
    if (formula !== undefined) return { text: formula, fromSpill: false };
    const spill = this.spillContaining(sheet, row, col);
    if (spill) return { text: this.hf.getCellFormula(this.address(sheet, spill.row, spill.col)) ?? "", fromSpill: true };
    const serialized = this.hf.getCellSerialized(address);
    if (serialized === null || serialized === undefined) return { text: "", fromSpill: false };
    if (typeof serialized === "string" && serialized.startsWith("'") && this.format(sheet, row, col) === "@") {
      return { text: serialized.slice(1), fromSpill: false };
    }
    if (typeof serialized === "boolean") return { text: serialized ? "TRUE" : "FALSE", fromSpill: false };
    if (typeof serialized === "number") {
      // Excel's formula bar shows a date as a date and a percent as a percent.
      const format = this.effectiveFormat(sheet, row, col);
      if (format && /[yd]/i.test(format) && !format.includes('"')) return { text: formatValue(serialized, "yyyy-mm-dd"), fromSpill: false };
      if (format && format.endsWith("%")) return { text: `${+(serialized * 100).toPrecision(15)}%`, fromSpill: false };
      return { text: String(serialized), fromSpill: false };
    }
    return { text: String(serialized), fromSpill: false };
  }

  private effectiveFormat(sheet: number, row: number, col: number): string | undefined {
    const address = this.address(sheet, row, col);
    return (
      this.format(sheet, row, col) ??
      impliedFormat(this.hf.getCellValueDetailedType(address), this.hf.getCellValueFormat(address) ?? undefined)
    );
  }

  /** The cell's value as the grid shows it. */
  view(sheet: number, row: number, col: number): CellView {
    const address = this.address(sheet, row, col);
    const record = this.sheet(sheet);
    const value = this.hf.getCellValue(address);
    const role = record.roles.get(key(row, col));
    const hyperlink = record.hyperlinks.get(key(row, col));
    const table = record.tables.find((candidate) => rectContains(candidate.rect, row, col));
    const tablePart = table
      ? { part: row === table.rect.row ? ("header" as const) : (row - table.rect.row) % 2 === 1 ? ("odd" as const) : ("even" as const), style: table.style }
      : undefined;
    const spilled = this.hf.getCellType(address) === "ARRAY";
    const base = { spilled, ...(role ? { role } : {}), ...(hyperlink ? { hyperlink } : {}), ...(tablePart ? { table: tablePart } : {}) };
    if (value === null || value === undefined) return { ...base, text: "", kind: "empty" };
    if (value instanceof DetailedCellError) return { ...base, text: value.value, kind: "error", message: value.message || errorDescription(value.value) };
    if (typeof value === "number") {
      const format = this.effectiveFormat(sheet, row, col);
      return { ...base, text: formatValue(value, format), kind: "number", number: { value, ...(format ? { format } : {}) } };
    }
    if (typeof value === "boolean") return { ...base, text: value ? "TRUE" : "FALSE", kind: "boolean" };
    return { ...base, text: formatValue(value, this.format(sheet, row, col)), kind: "text" };
  }

  /** The raw value (for charts and tests): number, text, boolean, an error code, or null. */
  value(sheet: number, row: number, col: number): number | string | boolean | null {
    const value = this.hf.getCellValue(this.address(sheet, row, col));
    if (value instanceof DetailedCellError) return value.value;
    return value ?? null;
  }

  // --- spills ---------------------------------------------------------------------------------

  /** Spilled arrays on a sheet (formula cell + size). Reads HyperFormula's array mapping. */
  spills(sheet: number): Rect[] {
    const graph = (this.hf as unknown as { dependencyGraph?: { arrayMapping?: { arrayMapping?: Map<string, ArrayVertexLike> } } }).dependencyGraph;
    const arrays = graph?.arrayMapping?.arrayMapping;
    if (!arrays) return [];
    const rects: Rect[] = [];
    for (const vertex of arrays.values()) {
      if (vertex.cellAddress.sheet !== sheet) continue;
      rects.push({ row: vertex.cellAddress.row, col: vertex.cellAddress.col, rows: vertex.height, cols: vertex.width });
    }
    return rects;
  }

  spillContaining(sheet: number, row: number, col: number): Rect | undefined {
    return this.spills(sheet).find((rect) => (rect.rows > 1 || rect.cols > 1) && rectContains(rect, row, col));
  }

  /**
   * After every change: re-enter formulas whose result no longer fits their spill (and formulas
   * showing #SPILL! whose block may have been cleared), as Excel re-spills on recalculation.
   */
  settle(): void {
    const spillErrors: SimpleCellAddress[] = [];
    for (const sheet of this.sheetRecords) {
      const { width, height } = this.hf.getSheetDimensions(sheet.id);
      for (let row = 0; row < height; row++) {
        for (let col = 0; col < width; col++) {
          const address = this.address(sheet.id, row, col);
          const value = this.hf.getCellValue(address);
          if (value instanceof DetailedCellError && value.type === "SPILL" && this.hf.doesCellHaveFormula(address)) spillErrors.push(address);
        }
      }
    }
    let pending = [...spillErrors, ...takeCellsToReenter(this.hf)];
    for (let pass = 0; pass < MAX_RESPILL_PASSES && pending.length > 0; pass++) {
      this.hf.batch(() => {
        for (const address of pending) {
          const formula = this.hf.getCellFormula(address);
          if (formula !== undefined) this.hf.setCellContents(address, [[formula]]);
        }
      });
      pending = takeCellsToReenter(this.hf);
    }
    this.changed();
  }

  // --- tables, charts, widths -----------------------------------------------------------------

  addTable(sheet: number, table: TableRecord): void {
    this.sheet(sheet).tables.push(table);
    this.nameTable(sheet, table);
  }

  /**
   * A table's whole range as a named expression, so "Name[#All]" in a formula (rewritten to
   * "Name" by structuredReferences) reads it. Called again when the table grows.
   */
  nameTable(sheet: number, table: TableRecord): void {
    const bottomRight = { row: table.rect.row + table.rect.rows - 1, col: table.rect.col + table.rect.cols - 1 };
    const absolute = (row: number, col: number) => `$${columnLetters(col)}$${row + 1}`;
    const expression = `=${sheetReference(this.sheet(sheet).name)}!${absolute(table.rect.row, table.rect.col)}:${absolute(bottomRight.row, bottomRight.col)}`;
    const alias = tableAlias(table.name);
    if (this.hf.listNamedExpressions().includes(alias)) this.hf.changeNamedExpression(alias, expression);
    else this.hf.addNamedExpression(alias, expression);
    this.settle();
  }

  /** A table by name (any sheet). */
  findTable(name: string): { sheet: number; table: TableRecord } | null {
    for (const record of this.sheetRecords) {
      const table = record.tables.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
      if (table) return { sheet: record.id, table };
    }
    return null;
  }

  addChart(sheet: number, chart: ChartRecord): void {
    this.sheet(sheet).charts.push(chart);
  }

  setColumnWidth(sheet: number, col: number, pixels: number): void {
    this.sheet(sheet).columnWidths.set(col, Math.round(pixels));
  }

  columnWidth(sheet: number, col: number): number {
    return this.sheet(sheet).columnWidths.get(col) ?? DEFAULT_COLUMN_WIDTH;
  }

  /** Widens columns to fit what `rect` shows (an approximation of Excel's AutoFit). */
  autofit(sheet: number, rect: Rect): void {
    for (let c = rect.col; c < rect.col + rect.cols; c++) {
      let widest = 0;
      for (let r = rect.row; r < rect.row + rect.rows; r++) widest = Math.max(widest, this.view(sheet, r, c).text.length);
      const pixels = Math.min(MAX_AUTOFIT_WIDTH, Math.max(DEFAULT_COLUMN_WIDTH, widest * 7 + 14));
      if (pixels > this.columnWidth(sheet, c)) this.setColumnWidth(sheet, c, pixels);
    }
  }

  /** Labels and series of a chart, read live from its data range. */
  chartData(sheet: number, chart: ChartRecord): { categories: string[]; series: { name: string; values: number[] }[] } {
    const { data } = chart;
    const cell = (r: number, c: number) => this.view(sheet, r, c).text;
    const number = (r: number, c: number) => {
      const value = this.value(sheet, r, c);
      return typeof value === "number" ? value : 0;
    };
    if (chart.seriesBy === "columns") {
      const categories = Array.from({ length: data.rows - 1 }, (_, i) => cell(data.row + 1 + i, data.col));
      const series = Array.from({ length: data.cols - 1 }, (_, j) => ({
        name: cell(data.row, data.col + 1 + j),
        values: categories.map((_, i) => number(data.row + 1 + i, data.col + 1 + j)),
      }));
      return { categories, series };
    }
    const categories = Array.from({ length: data.cols - 1 }, (_, j) => cell(data.row, data.col + 1 + j));
    const series = Array.from({ length: data.rows - 1 }, (_, i) => ({
      name: cell(data.row + 1 + i, data.col),
      values: categories.map((_, j) => number(data.row + 1 + i, data.col + 1 + j)),
    }));
    return { categories, series };
  }

  /** Rows × columns the grid should show so every value, spill and chart is reachable. */
  usedExtent(sheet: number): { rows: number; cols: number } {
    const { width, height } = this.hf.getSheetDimensions(sheet);
    let rows = height;
    let cols = width;
    for (const chart of this.sheet(sheet).charts) {
      rows = Math.max(rows, chart.position.row + chart.position.rows);
      cols = Math.max(cols, chart.position.col + chart.position.cols);
    }
    return { rows, cols };
  }

  notify(): void {
    this.changed();
  }
}

/** Excel's own wording for an error without a message. */
export function errorDescription(code: string): string {
  switch (code) {
    case "#VALUE!":
      return "A value used in the formula is of the wrong data type.";
    case "#N/A":
      return "A value is not available to the formula or function.";
    case "#NUM!":
      return "A number in the formula is invalid or out of range.";
    case "#DIV/0!":
      return "The formula divides by zero.";
    case "#NAME?":
      return "The formula contains unrecognised text (an unknown function name?).";
    case "#REF!":
      return "The formula refers to a cell that is not valid.";
    case "#SPILL!":
      return "The spill range isn't blank.";
    default:
      return code;
  }
}

export { columnLetters };
