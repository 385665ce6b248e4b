/**
 * Insert plans: a pure description of what one insert writes into a worksheet — cells,
 * number formats, tables, hyperlinks, charts — built from what the user chose in the pane.
 * Nothing here knows Excel: the Excel adapter (../excel/excelAdapter.ts) executes a plan, a
 * preview (e.g. a HyperFormula grid) can execute the same plan, and tests read it directly.
 *
 * Coordinates are offsets from the plan's top-left cell (row 0, col 0). Where the block lands
 * (the selection's top-left cell, or A1 of a new sheet) is decided when it is written; formulas
 * that point at other cells of the block hold a {@link PlanRef}, turned into an absolute "$C$5"
 * address at that moment (see layoutPlan).
 */

/** A cell of the block, as offsets from its top-left cell. */
export interface PlanRef {
  readonly row: number;
  readonly col: number;
}

/** A rectangle of the block. */
export interface PlanRect extends PlanRef {
  readonly rows: number;
  readonly cols: number;
}

/** A piece of a formula: literal formula text, or another cell of the block (written "$C$5"). */
export type FormulaPart = string | { readonly ref: PlanRef };

/**
 * One cell. `text` is always stored as text — never parsed as a formula, number or date (the
 * writer gives it the "@" number format before writing the value), so "=HYPERLINK(…)" or
 * "-1+2" in the data lands as those characters. Only `formula` cells hold formulas, and only
 * MINERDEBT formulas (layoutPlan rejects anything else).
 */
export type PlanCell =
  /** Nothing written; `format` pre-formats a cell a formula will spill into. */
  | { readonly kind: "empty"; readonly format?: string }
  | { readonly kind: "text"; readonly value: string }
  /** `format` is an Excel number format ("$#,##0.0,,\"m\"", "0.00%", "yyyy-mm-dd", …). */
  | { readonly kind: "number"; readonly value: number; readonly format?: string }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "formula"; readonly parts: readonly FormulaPart[]; readonly format?: string };

/** How a range looks; the writer maps roles to fonts and fills (a preview may theme them). */
export type CellRole =
  /** The provenance note (dataset version, units): small, italic, grey. */
  | "note"
  /** A block title. */
  | "title"
  /** Column or row headings outside an Excel table. */
  | "heading"
  /** Cells the analyst is expected to change (financial-model convention: blue on light yellow). */
  | "input";

export interface PlanStyle {
  readonly range: PlanRect;
  readonly role: CellRole;
}

/** A real Excel table over `range` (its first row is the header row). */
export interface PlanTable {
  readonly range: PlanRect;
  /** Base name; the writer appends 2, 3, … if the workbook already has a table by that name. */
  readonly name: string;
  /** A built-in table style, e.g. "TableStyleMedium2". */
  readonly style: string;
}

/** A hyperlink on a cell whose text is the URL itself. Only https URLs reach a plan. */
export interface PlanHyperlink {
  readonly cell: PlanRef;
  readonly url: string;
}

/** Excel's chart types the pane inserts: stacked columns, 100%-stacked bars, lines. */
export type PlanChartType = "columnStacked" | "barStacked100" | "line";

/** An Excel chart bound to a range of the block. */
export interface PlanChart {
  readonly type: PlanChartType;
  readonly title: string;
  /** Header row + first column of labels + series columns. */
  readonly data: PlanRect;
  readonly seriesBy: "columns" | "rows";
  /** The cells the chart covers (inside the block, so the no-overwrite check covers them). */
  readonly position: PlanRect;
  /** Base name; the writer makes it unique on the sheet. */
  readonly name: string;
  readonly valueAxisFormat?: string;
}

export interface PlanColumn {
  /** Column width in characters; absent = fit to the contents of `InsertPlan.autofit`. */
  readonly width?: number;
}

export interface InsertPlan {
  /** What is being inserted, for messages ("Offerings table, 42 rows"). */
  readonly label: string;
  /** The block, row by row; every row has the same length. */
  readonly cells: readonly (readonly PlanCell[])[];
  readonly columns?: readonly PlanColumn[];
  /** The rows whose contents set column widths (the provenance note is excluded on purpose). */
  readonly autofit?: PlanRect;
  readonly styles?: readonly PlanStyle[];
  readonly tables?: readonly PlanTable[];
  readonly hyperlinks?: readonly PlanHyperlink[];
  readonly charts?: readonly PlanChart[];
}
