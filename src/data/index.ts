/**
 * Public API of the dataset (pure TS; no Office, React or DOM). The functions bundle and the
 * task pane import from here. The lazy DETAIL tier (notes, full sources) is in ./detail, and
 * the MinerDebtDeals table's layout in ./workbook-table, both imported directly by the task pane
 * only (not re-exported here, so the functions bundle does not carry them).
 */
export * from "./types";
export {
  FIELD_CATALOGUE,
  DEFAULT_OFFERING_FIELDS,
  cellFields,
  countsInSums,
  fieldTypeLabel,
  fieldValue,
  findCellField,
  findField,
  parseFieldList,
  parseUnits,
  toCellValue,
  type FieldDef,
  type FieldKind,
  type FieldName,
  type FieldTier,
  type FieldValue,
  type Units,
} from "./fields";
export { codeLabel, humanize } from "./labels";
export {
  PERIOD_FORMATS,
  QUARTER_FORMATS,
  excelSerialToIsoDate,
  isIsoDate,
  isoDateToExcelSerial,
  parsePeriod,
  parseQuarter,
  quarterOfIsoDate,
  quarterOrdinal,
  quarterFromOrdinal,
  quartersInRange,
  type PeriodContext,
  type QuarterLabel,
  type QuarterRange,
} from "./quarters";
export {
  allFinancings,
  allSectorFigures,
  bundledView,
  datasetCoverage,
  datasetVersion,
  earliestQuarter,
  financingIds,
  getFinancing,
  latestQuarter,
  sourceUrl,
} from "./dataset";
export { assertCovered, assertDateCovered, coverageQuarter, partialQuarter, periodCoverage, quarterComplete, type PeriodCoverage } from "./coverage";
export { eventSourceUrl, firstHttpsUrl, isSourceLinksNotLoaded, loadSourceLinks, nthSourceUrl, registerSourceLinks, sourceLinksLoaded, sourceUrlsOf } from "./links";
export { canonicalTicker, issuerTickers, knownTickers, resolveIssuers } from "./issuers";
export {
  compareOldestFirst,
  financingsOldestFirst,
  normaliseQuery,
  parseCycle,
  parseInstrumentClass,
  parseUseCategory,
  queryFinancings,
  type FinancingQuery,
  type InstrumentClassFilter,
  type NormalisedQuery,
} from "./query";
export {
  GROUP_BYS,
  MEASURES,
  UNSPECIFIED_USE,
  aggregate,
  countedFinancings,
  issuerSummary,
  maturityBuckets,
  netProceedsOf,
  parseGroupBy,
  parseMeasure,
  quarterTotal,
  quarterlySeries,
  totalsByGroup,
  type AggregateResult,
  type GroupBy,
  type GroupTotal,
  type IssuerSummaryRow,
  type MaturityBucket,
  type Measure,
  type QuarterlySeries,
  type SeriesOptions,
} from "./aggregate";
export { isWorkbookFinancing, type DatasetView, type WorkbookFinancing } from "./view";
export { INSTRUMENT_CLASS_OF, parseWorkbookDeals, workbookParseCount, workbookView } from "./workbook-deals";
export { DEFAULT_METRIC, reportedFigure, reportedFigures, sectorMetrics } from "./sector";
export type { FullDataset } from "./detail";
export { CYCLE_CLASS_GROUPS, CYCLE_OUTCOME_GROUPS, cycleLabel, cycleSummaries, type CycleClassGroup, type CycleOutcomeGroup, type CycleSummary } from "./cycles";
export { collateralKind, type CollateralKind } from "./collateral";
export { conversionPriceOf, convertiblePrincipalOf } from "./deal-terms";
export { EVENT_KINDS, type EventCore, type EventKind, type FinancingEvent } from "./event-types";
export { allEvents, eventsOf, financingEvents } from "./events";
export { outstandingAt, periodEnd, startingPrincipal, type OutstandingFigure } from "./outstanding";
export {
  WALL_GROUPS,
  debtStack,
  defaultAsOf,
  isDebt,
  issueDate,
  maturityWall,
  outstandingFigure,
  outstandingFilter,
  outstandingRows,
  outstandingTotal,
  parseAsOf,
  type MaturityWall,
  type OutstandingFilter,
  type OutstandingRow,
  type OutstandingTotal,
  type WallGroup,
} from "./debt";
