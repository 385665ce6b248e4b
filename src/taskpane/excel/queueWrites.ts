/** The write half of an insert: every write of a placed plan, queued on a sheet (no sync here). */
import type { CellRole, PlanChartType, PlanRect } from "../plans/types";
import type { CellValue, PlanLayout } from "../plans/layout";

/** Excel column widths are in points; one character of the default font is about this many. */
const POINTS_PER_CHARACTER = 5.6;

/** Excel.ChartType names for the plan's chart types. */
const EXCEL_CHART_TYPES: Record<PlanChartType, "ColumnStacked" | "BarStacked100" | "Line"> = {
  columnStacked: "ColumnStacked",
  barStacked100: "BarStacked100",
  line: "Line",
};

const ROLE_FORMATS: Record<CellRole, { bold?: boolean; italic?: boolean; color?: string; size?: number; fill?: string }> = {
  note: { italic: true, color: "#595959", size: 9 },
  title: { bold: true, size: 12 },
  heading: { bold: true, fill: "#D9E1F2" },
  // Financial-model convention: hard-coded inputs in blue on light yellow.
  input: { color: "#0000FF", fill: "#FFF2CC" },
};

function applyRole(range: Excel.Range, role: CellRole): void {
  const look = ROLE_FORMATS[role];
  if (look.bold) range.format.font.bold = true;
  if (look.italic) range.format.font.italic = true;
  if (look.color) range.format.font.color = look.color;
  if (look.size) range.format.font.size = look.size;
  if (look.fill) range.format.fill.color = look.fill;
}

/**
 * The block's values split in two: the cells inside `rect` (the rest null) and the others (the
 * cells inside null). null leaves a cell as it is, so writing both sets every cell once.
 */
function splitValues(values: readonly (CellValue | null)[][], rect: PlanRect): [(CellValue | null)[][], (CellValue | null)[][]] {
  const inside = (r: number, c: number) => r >= rect.row && r < rect.row + rect.rows && c >= rect.col && c < rect.col + rect.cols;
  return [
    values.map((row, r) => row.map((value, c) => (inside(r, c) ? value : null))),
    values.map((row, r) => row.map((value, c) => (inside(r, c) ? null : value))),
  ];
}

/** Queue every write of a placed plan on `sheet` (nothing is sent until the caller syncs). */
export function queueWrites(
  sheet: Excel.Worksheet,
  layout: PlanLayout,
  autofit: PlanRect | undefined,
  names: { tables: readonly string[]; charts: readonly string[] },
  activate: boolean,
): void {
  const block = sheet.getRange(layout.address);
  // Formats first: a text cell must be "@" before its value arrives, or Excel parses "=…", "+…", "-…".
  block.numberFormat = layout.numberFormats;
  // autofitColumns sizes whole columns from every cell in them, not just the range given
  // (office-js #1017, #5999): the cells outside the autofit range (the long provenance note
  // above a table) are written only after it, so they do not stretch the columns.
  const [fitted, afterFit] = autofit && layout.autofitAddress ? splitValues(layout.values, autofit) : [layout.values, null];
  block.formulas = fitted;
  for (const style of layout.styles) applyRole(sheet.getRange(style.address), style.role);
  layout.tables.forEach((table, index) => {
    // A Range, not an address string: a bare address means the ACTIVE sheet (TableCollection.add).
    const created = sheet.tables.add(sheet.getRange(table.address), true);
    created.name = names.tables[index];
    created.style = table.style;
  });
  for (const link of layout.hyperlinks) {
    sheet.getRange(link.address).hyperlink = { address: link.url, textToDisplay: link.url, screenTip: link.url };
  }
  if (layout.autofitAddress) sheet.getRange(layout.autofitAddress).format.autofitColumns();
  if (afterFit && afterFit.some((row) => row.some((value) => value !== null))) block.formulas = afterFit;
  for (const width of layout.columnWidths) {
    sheet.getRange(width.address).format.columnWidth = Math.round(width.characters * POINTS_PER_CHARACTER);
  }
  layout.charts.forEach((chart, index) => {
    const created = sheet.charts.add(
      EXCEL_CHART_TYPES[chart.type],
      sheet.getRange(chart.dataAddress),
      chart.seriesBy === "columns" ? "Columns" : "Rows",
    );
    created.name = names.charts[index];
    created.title.text = chart.title;
    created.legend.position = "Bottom";
    if (chart.valueAxisFormat) created.axes.valueAxis.numberFormat = chart.valueAxisFormat;
    created.setPosition(chart.topLeft, chart.bottomRight);
  });
  if (activate) sheet.activate();
  block.select();
}

