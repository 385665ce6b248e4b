/**
 * "Insert dilution scenario": an input block (principal, conversion price, cap price, shares
 * outstanding, share price) and two sensitivity tables of live MINERDEBT formulas —
 * DILUTION (new shares ÷ shares outstanding) and NETSHARES (new shares) — by share price (rows)
 * and settlement method with/without the capped call (columns). Every formula points at the
 * input cells by absolute address, so editing an input in Excel recalculates the tables.
 */
import { SETTLEMENTS, type Settlement } from "../../calc";
import type { DatasetVersion } from "../../data";
import {
  EMPTY,
  FORMAT_PERCENT,
  FORMAT_SHARES,
  FORMAT_USD,
  FORMAT_USD_PER_SHARE,
  excelString,
  formulaCell,
  minerDebtCall,
  numberCell,
  ref,
  textCell,
} from "./cells";
import { roundStep } from "../model/axis";
import { provenanceNote } from "./provenance";
import type { FormulaPart, InsertPlan, PlanCell, PlanRef, PlanStyle } from "./types";

/** The settlement methods of src/calc (physical, net_share, cash), in its order. */
export const SETTLEMENT_METHODS = SETTLEMENTS;
export type SettlementMethod = Settlement;

export const SETTLEMENT_METHOD_LABELS: Record<SettlementMethod, string> = {
  physical: "Physical",
  net_share: "Net share",
  cash: "Cash",
};

export interface DilutionScenarioInput {
  readonly dealId: string;
  /** USD, from the dataset (the analyst may change it in Excel). */
  readonly principal: number;
  readonly conversionPrice: number;
  /** Capped call cap price, or null when the deal has none. */
  readonly capPrice: number | null;
  /** Typed by the analyst: not in the dataset. */
  readonly sharesOutstanding: number;
  readonly sharePrice: number;
  /** The sensitivity rows (sensitivityPrices gives a default). */
  readonly sharePrices: readonly number[];
  readonly version: DatasetVersion;
}

/** Why an input can't be used, or null. Messages name the input the way the pane labels it. */
export function checkScenarioInput(input: Pick<DilutionScenarioInput, "principal" | "conversionPrice" | "capPrice" | "sharesOutstanding" | "sharePrice">): string | null {
  const positive = (value: number, name: string) => (Number.isFinite(value) && value > 0 ? null : `${name} must be a positive number`);
  return (
    positive(input.principal, "Principal") ??
    positive(input.conversionPrice, "Conversion price") ??
    positive(input.sharesOutstanding, "Shares outstanding") ??
    positive(input.sharePrice, "Share price") ??
    (input.capPrice !== null ? positive(input.capPrice, "Cap price") : null)
  );
}

/** Round to cents, the precision share prices are quoted in. */
function cents(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Default sensitivity prices: round prices (a 1-2-2.5-5 step, about eight rows) from below the
 * conversion price (out of the money) to past the cap (or 3× the conversion price), plus the
 * conversion and cap prices themselves — where dilution starts and where the capped call stops
 * offsetting it. A round price closer than 40% of a step to either is left out, so no two rows
 * are near-duplicates (1.5 × $12.43 = $18.65 next to a $18.76 cap). Ascending, in cents.
 */
export function sensitivityPrices(conversionPrice: number, capPrice: number | null): number[] {
  const low = conversionPrice * 0.75;
  const high = Math.max(conversionPrice * 3, (capPrice ?? 0) * 1.5);
  const step = roundStep((high - low) / 8);
  const anchors = capPrice !== null ? [cents(conversionPrice), cents(capPrice)] : [cents(conversionPrice)];
  const round: number[] = [];
  for (let k = Math.floor(low / step); k * step <= high + 1e-9; k += 1) {
    const price = cents(k * step);
    if (price > 0 && anchors.every((anchor) => Math.abs(anchor - price) >= 0.4 * step)) round.push(price);
  }
  return [...new Set([...round, ...anchors])].sort((a, b) => a - b);
}

interface Column {
  readonly settlement: SettlementMethod;
  readonly cappedCall: boolean;
}

function scenarioColumns(hasCap: boolean): Column[] {
  const plain = SETTLEMENT_METHODS.map((settlement) => ({ settlement, cappedCall: false }));
  return hasCap ? [...plain, ...SETTLEMENT_METHODS.map((settlement) => ({ settlement, cappedCall: true }))] : plain;
}

function columnHeading(column: Column): string {
  return `${SETTLEMENT_METHOD_LABELS[column.settlement]}${column.cappedCall ? " + capped call" : ""}`;
}

export function dilutionScenarioPlan(input: DilutionScenarioInput): InsertPlan {
  const problem = checkScenarioInput(input);
  if (problem) throw new Error(problem);
  if (input.sharePrices.length === 0) throw new Error("The sensitivity needs at least one share price");
  const hasCap = input.capPrice !== null;
  const columns = scenarioColumns(hasCap);
  const cols = 1 + columns.length;
  const pad = (cells: PlanCell[]): PlanCell[] => [...cells, ...Array.from({ length: cols - cells.length }, () => EMPTY)];

  const cells: PlanCell[][] = [];
  const styles: PlanStyle[] = [];
  const note = provenanceNote(
    input.version,
    `Dilution scenario for ${input.dealId}: principal, conversion and cap price from the dataset; shares outstanding and share price typed in the task pane`,
    "Change the blue inputs: the MINERDEBT.DILUTION and NETSHARES formulas below recalculate. Dilution = new shares ÷ shares outstanding.",
  );
  cells.push(pad([textCell(note)]));
  styles.push({ range: { row: 0, col: 0, rows: 1, cols }, role: "note" });
  cells.push(pad([textCell(`Dilution scenario · ${input.dealId}`)]));
  styles.push({ range: { row: 1, col: 0, rows: 1, cols }, role: "title" });

  // Input block: label in column A, value in column B.
  const inputs: { key: string; label: string; value: number; format: string }[] = [
    { key: "principal", label: "Principal (USD)", value: input.principal, format: FORMAT_USD },
    { key: "conversionPrice", label: "Conversion price (USD per share)", value: input.conversionPrice, format: FORMAT_USD_PER_SHARE },
    ...(hasCap ? [{ key: "capPrice", label: "Cap price (USD per share)", value: input.capPrice as number, format: FORMAT_USD_PER_SHARE }] : []),
    { key: "sharesOutstanding", label: "Shares outstanding", value: input.sharesOutstanding, format: FORMAT_SHARES },
    { key: "sharePrice", label: "Share price (USD)", value: input.sharePrice, format: FORMAT_USD_PER_SHARE },
  ];
  const at: Record<string, PlanRef> = {};
  const firstInputRow = cells.length;
  for (const item of inputs) {
    at[item.key] = { row: cells.length, col: 1 };
    cells.push(pad([textCell(item.label), numberCell(item.value, item.format)]));
  }
  styles.push({ range: { row: firstInputRow, col: 1, rows: inputs.length, cols: 1 }, role: "input" });
  const inputRef = (key: string): FormulaPart => ({ ref: at[key] });

  const table = (title: string, formula: (price: FormulaPart, column: Column) => FormulaPart[], format: string) => {
    cells.push(pad([]));
    cells.push(pad([textCell(title)]));
    styles.push({ range: { row: cells.length - 1, col: 0, rows: 1, cols }, role: "title" });
    const headerRow = cells.length;
    cells.push([textCell("Share price (USD)"), ...columns.map((column) => textCell(columnHeading(column)))]);
    styles.push({ range: { row: headerRow, col: 0, rows: 1, cols }, role: "heading" });
    // First row: the share price input itself; then the fixed sensitivity prices.
    cells.push([textCell("At the input share price"), ...columns.map((column) => formulaCell(formula(inputRef("sharePrice"), column), format))]);
    for (const price of input.sharePrices) {
      const row = cells.length;
      cells.push([numberCell(price, FORMAT_USD_PER_SHARE), ...columns.map((column) => formulaCell(formula(ref(row, 0), column), format))]);
    }
  };

  const settlementArg = (column: Column) => excelString(column.settlement);
  const capArg = (column: Column) => (column.cappedCall ? inputRef("capPrice") : undefined);

  table(
    "Dilution: new shares ÷ shares outstanding",
    (price, column) =>
      minerDebtCall("DILUTION", [inputRef("principal"), inputRef("conversionPrice"), inputRef("sharesOutstanding"), price, settlementArg(column), capArg(column)]),
    FORMAT_PERCENT,
  );
  table(
    "Net new shares",
    (price, column) => minerDebtCall("NETSHARES", [inputRef("principal"), inputRef("conversionPrice"), price, settlementArg(column), capArg(column)]),
    FORMAT_SHARES,
  );

  return {
    label: `Dilution scenario for ${input.dealId}`,
    cells,
    styles,
    autofit: { row: firstInputRow, col: 0, rows: cells.length - firstInputRow, cols },
    // Column A holds the input labels; a fixed width keeps the long note from widening it.
    columns: [{ width: 30 }],
  };
}
