/**
 * "Insert as formulas": a block that stays live — MINERDEBT functions recalculate it from the
 * add-in's dataset. When the filters can be said as OFFERINGS arguments (issuer, quarter range,
 * instrument class; listed issuers) it is one spilling =MINERDEBT.OFFERINGS(…) formula;
 * otherwise (use of proceeds, cycle, private borrowers) one =MINERDEBT.DEAL(id, field) per cell,
 * keyed by the ids the pane lists.
 */
import { DEFAULT_OFFERING_FIELDS, findField, type DatasetVersion, type FieldName, type FinancingCore } from "../../data";
import type { ExploreFilters } from "../model/filters";
import { MY_DEALS_REFERENCE, offeringsArguments } from "./offeringsFormula";
import { fieldHeading } from "../model/labels";
import { EMPTY, excelString, formulaCell, minerDebtCall, ref, spillCell, textCell } from "./cells";
export { offeringsArguments, offeringsFormulaText } from "./offeringsFormula";
import { formatForField } from "./offeringsTable";
import { provenanceNote } from "./provenance";
import type { InsertPlan, PlanCell } from "./types";

/** Units note for live blocks: what the functions return. */
const LIVE_UNITS =
  "Live MINERDEBT formulas: amounts in USD (shown in $ millions), percentages as fractions, dates as Excel dates.";

export interface LiveFormulasInput {
  readonly filters: ExploreFilters;
  /** The financings the pane lists for these filters, oldest first (OFFERINGS' order). */
  readonly records: readonly FinancingCore[];
  readonly version: DatasetVersion;
  readonly describedFilters: string;
  /** The workbook has a MinerDebtDeals table: every formula passes it as my_deals. */
  readonly myDeals?: boolean;
  /** Force the per-cell DEAL form even when OFFERINGS could express the filters. */
  readonly form?: "auto" | "deal";
}

function pad(cells: PlanCell[], cols: number): PlanCell[] {
  return [...cells, ...Array.from({ length: cols - cells.length }, () => EMPTY)];
}

/** The fields a live block shows: OFFERINGS' defaults (so both forms have the same columns). */
export const LIVE_FIELDS: readonly FieldName[] = DEFAULT_OFFERING_FIELDS;

export function liveFormulasPlan(input: LiveFormulasInput): InsertPlan {
  if (input.records.length === 0) throw new Error("No financings match the filters: nothing to insert");
  const defs = LIVE_FIELDS.map((name) => findField(name));
  const cols = defs.length;
  const offerings = input.form === "deal" ? { reason: "DEAL form requested" } : offeringsArguments(input.filters, input.myDeals === true);
  const rows = input.records.length;

  if ("args" in offerings) {
    // One spilling formula: header row + one row per financing. The cells it spills into are
    // part of the footprint (checked empty) and pre-formatted per column.
    const formula = minerDebtCall("OFFERINGS", offerings.args);
    const note = pad([textCell(provenanceNote(input.version, `Live list: ${input.describedFilters}; ${rows} financings today`, LIVE_UNITS))], cols);
    const header: PlanCell[] = defs.map((_, col) => (col === 0 ? formulaCell(formula) : EMPTY));
    const body = Array.from({ length: rows }, () => defs.map((def) => spillCell(formatForField(def))));
    return {
      label: `OFFERINGS formula (${rows} financings)`,
      cells: [note, header, ...body],
      styles: [
        { range: { row: 0, col: 0, rows: 1, cols }, role: "note" },
        { range: { row: 1, col: 0, rows: 1, cols }, role: "heading" },
      ],
      columns: defs.map((def) => (def.kind === "url" ? { width: 45 } : def.kind === "text" ? { width: 24 } : { width: 14 })),
    };
  }

  // One DEAL formula per cell, keyed by the id in the first column (literal text).
  const note = pad([textCell(provenanceNote(input.version, `Live DEAL formulas for ${rows} financings (${input.describedFilters}); ${offerings.reason}, so each cell is =MINERDEBT.DEAL(id, field)`, LIVE_UNITS))], cols);
  const header = defs.map((def) => textCell(fieldHeading(def.name)));
  const body = input.records.map((record, index) => {
    const row = index + 2;
    return defs.map((def, col): PlanCell => {
      if (col === 0) return textCell(record.id);
      const args = input.myDeals ? [ref(row, 0), excelString(def.name), MY_DEALS_REFERENCE] : [ref(row, 0), excelString(def.name)];
      return formulaCell(minerDebtCall("DEAL", args), formatForField(def));
    });
  });
  if (defs[0].name !== "id") throw new Error("The DEAL form needs the id in the first column");
  return {
    label: `DEAL formulas (${rows} financings × ${cols - 1} fields)`,
    cells: [note, header, ...body],
    styles: [
      { range: { row: 0, col: 0, rows: 1, cols }, role: "note" },
      { range: { row: 1, col: 0, rows: 1, cols }, role: "heading" },
    ],
    autofit: { row: 1, col: 0, rows: rows + 1, cols },
    columns: defs.map((def) => (def.kind === "url" ? { width: 45 } : {})),
  };
}
