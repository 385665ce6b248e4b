/**
 * "Insert capital stack": an input block (as-of date, share price, shares outstanding), live
 * OVERHANG formulas at the input share price, and a live DEBTSTACK table spilling below — every
 * formula pointing at the inputs by absolute address, so editing an input recalculates. The
 * spill area is part of the plan (pre-formatted empty cells), so the no-overwrite check covers
 * every cell DEBTSTACK will fill today.
 */
import type { DatasetVersion } from "../../data";
import {
  EMPTY,
  FORMAT_DATE,
  FORMAT_PERCENT,
  FORMAT_SHARES,
  FORMAT_USD_MILLIONS,
  FORMAT_USD_PER_SHARE,
  excelString,
  formulaCell,
  minerDebtCall,
  numberCell,
  spillCell,
  textCell,
} from "./cells";
import { MY_DEALS_REFERENCE } from "./offeringsFormula";
import { provenanceNote } from "./provenance";
import type { FormulaPart, InsertPlan, PlanCell, PlanRef, PlanStyle } from "./types";

/** DEBTSTACK's columns and the number format each spilled value gets (principal in USD, shown in millions). */
export const STACK_COLUMNS: readonly { heading: string; format?: string }[] = [
  { heading: "id" },
  { heading: "instrument" },
  { heading: "secured" },
  { heading: "collateral" },
  { heading: "coupon_pct", format: FORMAT_PERCENT },
  { heading: "maturity_date", format: FORMAT_DATE },
  { heading: "principal_outstanding (USD)", format: FORMAT_USD_MILLIONS },
  { heading: "basis" },
  { heading: "conversion_price_usd", format: FORMAT_USD_PER_SHARE },
  { heading: "capped_call_cap_price_usd", format: FORMAT_USD_PER_SHARE },
  { heading: "conversion_shares", format: FORMAT_SHARES },
];

export interface CapitalStackInput {
  readonly ticker: string;
  /** ISO date the stack is taken at. */
  readonly asOf: string;
  /** Rows DEBTSTACK returns today (without its header): the spill area reserved. */
  readonly stackRows: number;
  readonly sharePrice: number;
  /** Typed by the analyst (not in the dataset). */
  readonly sharesOutstanding: number;
  readonly version: DatasetVersion;
  /** The workbook has a MinerDebtDeals table: the formulas pass it as my_deals, as the pane reads it. */
  readonly myDeals?: boolean;
}

export function capitalStackPlan(input: CapitalStackInput): InsertPlan {
  if (!(Number.isFinite(input.sharePrice) && input.sharePrice > 0)) throw new Error("Share price must be a positive number");
  if (!(Number.isFinite(input.sharesOutstanding) && input.sharesOutstanding > 0)) throw new Error("Shares outstanding must be a positive number");
  const cols = STACK_COLUMNS.length;
  const pad = (cells: PlanCell[]): PlanCell[] => [...cells, ...Array.from({ length: cols - cells.length }, () => EMPTY)];
  const cells: PlanCell[][] = [];
  const styles: PlanStyle[] = [];
  const ticker = excelString(input.ticker);
  cells.push(
    pad([
      textCell(
        provenanceNote(
          input.version,
          `Capital stack of ${input.ticker}: principal outstanding under the outstanding rule (docs/data.md), from the financings and their sourced events; shares outstanding typed in the task pane`,
          "Change the blue inputs: MINERDEBT.DEBTSTACK and OVERHANG recalculate. Principal in USD, shown in millions; each row's basis says whether the figure is reported or derived.",
        ),
      ),
    ]),
  );
  styles.push({ range: { row: 0, col: 0, rows: 1, cols }, role: "note" });
  cells.push(pad([textCell(`Capital stack · ${input.ticker}`)]));
  styles.push({ range: { row: 1, col: 0, rows: 1, cols }, role: "title" });

  const at: Record<string, PlanRef> = {};
  const inputs: { key: string; label: string; cell: PlanCell }[] = [
    // The date as text: DEBTSTACK and OVERHANG read ISO text, and text is never reinterpreted.
    { key: "asOf", label: "As of (date)", cell: textCell(input.asOf) },
    { key: "sharePrice", label: "Share price (USD)", cell: numberCell(input.sharePrice, FORMAT_USD_PER_SHARE) },
    { key: "sharesOutstanding", label: "Shares outstanding", cell: numberCell(input.sharesOutstanding, FORMAT_SHARES) },
  ];
  const firstInputRow = cells.length;
  for (const item of inputs) {
    at[item.key] = { row: cells.length, col: 1 };
    cells.push(pad([textCell(item.label), item.cell]));
  }
  styles.push({ range: { row: firstInputRow, col: 1, rows: inputs.length, cols: 1 }, role: "input" });
  const inputRef = (key: string): FormulaPart => ({ ref: at[key] });
  const myDeals = input.myDeals ? MY_DEALS_REFERENCE : undefined;
  const overhang = (settlement: string, measure: string) =>
    minerDebtCall("OVERHANG", [ticker, inputRef("sharePrice"), inputRef("sharesOutstanding"), excelString(settlement), "TRUE", inputRef("asOf"), excelString(measure), myDeals]);
  cells.push(pad([textCell("Overhang, physical (new shares ÷ shares outstanding)"), formulaCell(overhang("physical", "fraction"), FORMAT_PERCENT)]));
  cells.push(pad([textCell("Overhang, each deal's own settlement"), formulaCell(overhang("as_terms", "fraction"), FORMAT_PERCENT)]));
  cells.push(pad([textCell("New shares, each deal's own settlement"), formulaCell(overhang("as_terms", "shares"), FORMAT_SHARES)]));
  cells.push(pad([]));
  // DEBTSTACK spills its header and rows from here.
  cells.push([formulaCell(minerDebtCall("DEBTSTACK", [ticker, inputRef("asOf"), "TRUE", undefined, myDeals])), ...STACK_COLUMNS.slice(1).map(() => EMPTY)]);
  const headerRow = cells.length - 1;
  styles.push({ range: { row: headerRow, col: 0, rows: 1, cols }, role: "heading" });
  for (let r = 0; r < input.stackRows; r++) cells.push(STACK_COLUMNS.map((column) => spillCell(column.format)));
  return {
    label: `Capital stack of ${input.ticker}`,
    cells,
    styles,
    autofit: { row: firstInputRow, col: 0, rows: cells.length - firstInputRow, cols },
    columns: [{ width: 30 }],
  };
}
