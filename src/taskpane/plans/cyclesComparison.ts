/**
 * "Insert comparison" (the Then vs now view): a live =MINERDEBT.CYCLES() formula, its spill area
 * checked empty and pre-formatted per column, and an Excel 100%-stacked bar chart on its first
 * seven columns (cycle + the six class shares, which CYCLES puts first for this).
 */
import type { DatasetVersion } from "../../data";
import { EMPTY, FORMAT_PERCENT, FORMAT_USD_MILLIONS, formulaCell, minerDebtCall, spillCell, textCell } from "./cells";
import { provenanceNote } from "./provenance";
import type { InsertPlan, PlanCell } from "./types";

export const CYCLES_CHART_NAME = "MinerDebtCyclesChart";
/** CYCLES' columns: cycle, 6 class shares, financings, amount, 8 figures, 8 outcome counts. */
export const CYCLES_COLUMNS = 25;
const CLASS_COLUMNS = 6;
const CHART_ROWS = 16;
const CHART_COLUMNS = 8;
const FORMAT_SHARE = "0.0%";
const FORMAT_COUNT = "#,##0";

/** Number format of each CYCLES column, by position (the weighted coupon to two decimals). */
function columnFormat(col: number): string | undefined {
  if (col === 0) return undefined;
  if (col <= CLASS_COLUMNS) return FORMAT_SHARE;
  if (col === 7 || col >= 17) return FORMAT_COUNT;
  if (col === 8) return FORMAT_USD_MILLIONS;
  return col === 11 ? FORMAT_PERCENT : FORMAT_SHARE;
}

export interface CyclesComparisonInput {
  /** Rows CYCLES returns below its header today (one per cycle). */
  readonly cycles: number;
  readonly version: DatasetVersion;
}

export function cyclesComparisonPlan(input: CyclesComparisonInput): InsertPlan {
  if (!Number.isInteger(input.cycles) || input.cycles < 1) throw new Error("No cycles to compare: nothing to insert");
  const cols = CYCLES_COLUMNS;
  const pad = (cells: PlanCell[]): PlanCell[] => [...cells, ...Array.from({ length: cols - cells.length }, () => EMPTY)];
  const note = pad([
    textCell(
      provenanceNote(
        input.version,
        "Live =MINERDEBT.CYCLES(): the 2020-2022 cycle beside 2023 onward under the aggregation rule (new money, listed issuers, known amount); rules in the add-in's docs/data.md",
        "Amount in USD (shown in $ millions); shares are fractions of the amount (shown as %); a blank share means nothing is known",
      ),
    ),
  ]);
  const header = pad([formulaCell(minerDebtCall("CYCLES", []))]);
  const body = Array.from({ length: input.cycles }, () => Array.from({ length: cols }, (_, col) => spillCell(columnFormat(col))));
  const chartTop = 2 + input.cycles + 1;
  const gap = [pad([])];
  const chartArea = Array.from({ length: CHART_ROWS }, () => pad([]));
  return {
    label: "CYCLES comparison and chart",
    cells: [note, header, ...body, ...gap, ...chartArea],
    styles: [
      { range: { row: 0, col: 0, rows: 1, cols }, role: "note" },
      { range: { row: 1, col: 0, rows: 1, cols }, role: "heading" },
    ],
    columns: Array.from({ length: cols }, (_, col) => ({ width: col === 0 ? 18 : 14 })),
    charts: [
      {
        type: "barStacked100",
        name: CYCLES_CHART_NAME,
        title: "Then vs now: the amount raised by instrument class",
        data: { row: 1, col: 0, rows: 1 + input.cycles, cols: 1 + CLASS_COLUMNS },
        seriesBy: "columns",
        position: { row: chartTop, col: 0, rows: CHART_ROWS, cols: CHART_COLUMNS },
        valueAxisFormat: "0%",
      },
    ],
  };
}
