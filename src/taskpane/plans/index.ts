/** Insert plan builders (a lazy chunk of the pane: loaded on the first insert). */
export { offeringsTablePlan, TABLE_FIELDS, OFFERINGS_TABLE_NAME, TABLE_STYLE, formatForField, fieldCell } from "./offeringsTable";
export { liveFormulasPlan, LIVE_FIELDS } from "./liveFormulas";
export { quarterlySummaryPlan, QUARTERLY_TABLE_NAME, QUARTERLY_CHART_NAME } from "./quarterlySummary";
export { dilutionScenarioPlan, sensitivityPrices, checkScenarioInput, SETTLEMENT_METHODS, SETTLEMENT_METHOD_LABELS } from "./dilutionScenario";
export { capitalStackPlan, STACK_COLUMNS } from "./capitalStack";
export { layoutPlan, PlanError } from "./layout";
export type { InsertPlan, PlanCell, PlanRect, PlanRef, PlanStyle, PlanTable, PlanHyperlink, PlanChart, PlanChartType, PlanColumn, CellRole, FormulaPart } from "./types";
export { cyclesComparisonPlan, CYCLES_CHART_NAME, CYCLES_COLUMNS } from "./cyclesComparison";
