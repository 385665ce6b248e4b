/**
 * Places a plan at a cell: A1 addresses, the 2-D values and number formats a writer sets in
 * one call each, and absolute addresses for tables, links, charts and styles. Shared by the
 * Excel adapter and any other writer (a preview), so both place a plan identically.
 */
import { FORMAT_TEXT } from "./cells";
import type { CellRole, InsertPlan, PlanCell, PlanChartType, PlanRect, PlanRef } from "./types";

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A zero-based cell position on a sheet. */
export interface CellPosition {
  readonly row: number;
  readonly col: number;
}

export type CellValue = string | number | boolean;

export interface PlacedTable {
  readonly name: string;
  readonly style: string;
  readonly address: string;
}

export interface PlacedChart {
  readonly name: string;
  readonly type: PlanChartType;
  readonly title: string;
  readonly dataAddress: string;
  readonly seriesBy: "columns" | "rows";
  readonly topLeft: string;
  readonly bottomRight: string;
  readonly valueAxisFormat?: string;
}

export interface PlanLayout {
  readonly rows: number;
  readonly cols: number;
  /** The whole block, e.g. "C5:K20" (no sheet name). */
  readonly address: string;
  /**
   * Row-major values; formulas as their text ("=MINERDEBT.…"). `null` = leave the cell as it
   * is (Excel ignores null entries of a 2-D array), used for the block's empty cells.
   */
  readonly values: (CellValue | null)[][];
  /**
   * Same shape: "@" on every text cell, the plan's format (else "General") on numbers, booleans
   * and formulas — never left to a pre-existing "@", which would store them as text — and null
   * (leave as is) on empty cells.
   */
  readonly numberFormats: (string | null)[][];
  readonly tables: readonly PlacedTable[];
  readonly hyperlinks: readonly { readonly address: string; readonly url: string }[];
  readonly charts: readonly PlacedChart[];
  readonly styles: readonly { readonly address: string; readonly role: CellRole }[];
  readonly autofitAddress: string | null;
  /** Fixed widths in characters, by column address ("F:F"). */
  readonly columnWidths: readonly { readonly address: string; readonly characters: number }[];
}

export class PlanError extends Error {}

/** "A", …, "Z", "AA", … for a zero-based column index. */
export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 0 || col >= MAX_COLUMNS) throw new PlanError(`Column ${col} is outside the sheet`);
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "C5" (relative) or "$C$5" (absolute) for a zero-based position. */
export function cellAddress(position: CellPosition, absolute = false): string {
  if (!Number.isInteger(position.row) || position.row < 0 || position.row >= MAX_ROWS) {
    throw new PlanError(`Row ${position.row + 1} is outside the sheet`);
  }
  const dollar = absolute ? "$" : "";
  return `${dollar}${columnLetters(position.col)}${dollar}${position.row + 1}`;
}

/** "C5:K20" for a rectangle at an anchor ("C5" when it is one cell). */
export function rectAddress(anchor: CellPosition, rect: PlanRect): string {
  const topLeft = { row: anchor.row + rect.row, col: anchor.col + rect.col };
  const bottomRight = { row: topLeft.row + rect.rows - 1, col: topLeft.col + rect.cols - 1 };
  const first = cellAddress(topLeft);
  return rect.rows === 1 && rect.cols === 1 ? first : `${first}:${cellAddress(bottomRight)}`;
}

/**
 * The top-left cell of an address as Excel returns it: "Sheet1!C5", "'My sheet'!C5:D9",
 * "C5". Returns null for anything else (a whole column "C:C", a name).
 */
export function parseTopLeft(address: string): { sheet: string | null; position: CellPosition } | null {
  const bang = address.lastIndexOf("!");
  let sheet: string | null = null;
  let cells = address;
  if (bang >= 0) {
    sheet = address.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    cells = address.slice(bang + 1);
  }
  const match = /^\$?([A-Z]{1,3})\$?([0-9]{1,7})(?::|$)/i.exec(cells);
  if (!match) return null;
  let col = 0;
  for (const letter of match[1].toUpperCase()) col = col * 26 + (letter.charCodeAt(0) - 64);
  const row = Number(match[2]);
  if (row < 1 || row > MAX_ROWS || col > MAX_COLUMNS) return null;
  return { sheet, position: { row: row - 1, col: col - 1 } };
}

/** `base`, or `base2`, `base3`, … : the first not in `taken` (compared case-insensitively, as Excel does). */
export function uniqueName(base: string, taken: Iterable<string>): string {
  const used = new Set<string>();
  for (const name of taken) used.add(name.toLowerCase());
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}${n}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** A sheet name from `base` that the workbook does not have yet: "MinerDebt", "MinerDebt (2)", … */
export function uniqueSheetName(base: string, taken: Iterable<string>): string {
  const used = new Set<string>();
  for (const name of taken) used.add(name.toLowerCase());
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} (${n})`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** Rows × columns of a plan, after checking that every row has the same length. */
export function planSize(plan: InsertPlan): { rows: number; cols: number } {
  const rows = plan.cells.length;
  if (rows === 0) throw new PlanError(`${plan.label}: the plan has no cells`);
  const cols = plan.cells[0].length;
  if (cols === 0) throw new PlanError(`${plan.label}: the plan has no columns`);
  plan.cells.forEach((row, index) => {
    if (row.length !== cols) throw new PlanError(`${plan.label}: row ${index + 1} has ${row.length} cells, expected ${cols}`);
  });
  return { rows, cols };
}

function checkRect(plan: InsertPlan, rect: PlanRect, what: string, size: { rows: number; cols: number }): void {
  const ok =
    Number.isInteger(rect.row) && Number.isInteger(rect.col) && rect.row >= 0 && rect.col >= 0 &&
    rect.rows >= 1 && rect.cols >= 1 && rect.row + rect.rows <= size.rows && rect.col + rect.cols <= size.cols;
  if (!ok) throw new PlanError(`${plan.label}: ${what} lies outside the block`);
}

function checkRef(plan: InsertPlan, cell: PlanRef, what: string, size: { rows: number; cols: number }): void {
  checkRect(plan, { ...cell, rows: 1, cols: 1 }, what, size);
}

/** The formula text of a cell placed at `anchor`; only MINERDEBT formulas are accepted. */
export function renderFormula(cell: Extract<PlanCell, { kind: "formula" }>, anchor: CellPosition): string {
  const text = cell.parts
    .map((part) => (typeof part === "string" ? part : cellAddress({ row: anchor.row + part.ref.row, col: anchor.col + part.ref.col }, true)))
    .join("");
  if (!/^=MINERDEBT\.[A-Z][A-Z0-9]*\(/.test(text)) {
    throw new PlanError(`Only MINERDEBT formulas are written; refused ${JSON.stringify(text.slice(0, 40))}`);
  }
  return text;
}

/** Place `plan` with its top-left cell at `anchor`. Throws PlanError if it does not fit or is malformed. */
export function layoutPlan(plan: InsertPlan, anchor: CellPosition): PlanLayout {
  const size = planSize(plan);
  if (anchor.row + size.rows > MAX_ROWS || anchor.col + size.cols > MAX_COLUMNS) {
    throw new PlanError(`${plan.label} needs ${size.rows} rows × ${size.cols} columns: not enough room below and to the right of ${cellAddress(anchor)}`);
  }
  const values: (CellValue | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  plan.cells.forEach((row) => {
    const valueRow: (CellValue | null)[] = [];
    const formatRow: (string | null)[] = [];
    for (const cell of row) {
      switch (cell.kind) {
        case "empty":
          valueRow.push(null);
          formatRow.push(cell.format ?? null);
          break;
        case "text":
          valueRow.push(cell.value);
          formatRow.push(FORMAT_TEXT);
          break;
        case "number":
          if (!Number.isFinite(cell.value)) throw new PlanError(`${plan.label}: a number cell holds ${cell.value}`);
          valueRow.push(cell.value);
          formatRow.push(cell.format ?? "General");
          break;
        case "boolean":
          valueRow.push(cell.value);
          formatRow.push("General");
          break;
        case "formula":
          for (const part of cell.parts) if (typeof part !== "string") checkRef(plan, part.ref, "a formula reference", size);
          valueRow.push(renderFormula(cell, anchor));
          // Never null: a cell formatted as text ("@") beforehand would store the formula as text.
          formatRow.push(cell.format ?? "General");
          break;
      }
    }
    values.push(valueRow);
    numberFormats.push(formatRow);
  });

  const whole: PlanRect = { row: 0, col: 0, rows: size.rows, cols: size.cols };
  const tables = (plan.tables ?? []).map((table) => {
    checkRect(plan, table.range, `table ${table.name}`, size);
    if (table.range.rows < 2) throw new PlanError(`${plan.label}: table ${table.name} needs a header row and at least one data row`);
    return { name: table.name, style: table.style, address: rectAddress(anchor, table.range) };
  });
  const hyperlinks = (plan.hyperlinks ?? []).map((link) => {
    checkRef(plan, link.cell, "a hyperlink", size);
    if (!/^https:\/\//i.test(link.url)) throw new PlanError(`${plan.label}: only https links are written, refused ${link.url}`);
    return { address: rectAddress(anchor, { ...link.cell, rows: 1, cols: 1 }), url: link.url };
  });
  const charts = (plan.charts ?? []).map((chart) => {
    checkRect(plan, chart.data, `chart ${chart.name} data`, size);
    checkRect(plan, chart.position, `chart ${chart.name} position`, size);
    const topLeft = { row: anchor.row + chart.position.row, col: anchor.col + chart.position.col };
    const bottomRight = { row: topLeft.row + chart.position.rows - 1, col: topLeft.col + chart.position.cols - 1 };
    return {
      name: chart.name,
      type: chart.type,
      title: chart.title,
      dataAddress: rectAddress(anchor, chart.data),
      seriesBy: chart.seriesBy,
      topLeft: cellAddress(topLeft),
      bottomRight: cellAddress(bottomRight),
      ...(chart.valueAxisFormat ? { valueAxisFormat: chart.valueAxisFormat } : {}),
    };
  });
  const styles = (plan.styles ?? []).map((style) => {
    checkRect(plan, style.range, `a ${style.role} style`, size);
    return { address: rectAddress(anchor, style.range), role: style.role };
  });
  let autofitAddress: string | null = null;
  if (plan.autofit) {
    checkRect(plan, plan.autofit, "the autofit range", size);
    autofitAddress = rectAddress(anchor, plan.autofit);
  }
  const columnWidths: { address: string; characters: number }[] = [];
  (plan.columns ?? []).forEach((column, index) => {
    if (index >= size.cols) throw new PlanError(`${plan.label}: column setting ${index + 1} lies outside the block`);
    if (column.width !== undefined) {
      const letters = columnLetters(anchor.col + index);
      columnWidths.push({ address: `${letters}:${letters}`, characters: column.width });
    }
  });
  return {
    rows: size.rows,
    cols: size.cols,
    address: rectAddress(anchor, whole),
    values,
    numberFormats,
    tables,
    hyperlinks,
    charts,
    styles,
    autofitAddress,
    columnWidths,
  };
}
