// The core's public API: pure functions from a workbook snapshot to a report and write plans.
export { checkWorkbook, isOurSheet, NATIONAL_WEIGHTS } from './check.js';
export { planResults, planClear, checkAndPlan, type PlanOptions } from './write/plan.js';
export { parseValue } from './sheet/value.js';
export { rules } from './rules/index.js';
export { columnLetter, columnIndex, address, parseCell, parseRange, rangeAddress, type RangeRef } from './sheet/a1.js';
export { fixed2, roundCents, withinTolerance, TOLERANCE } from './sheet/numbers.js';
export { ACCEPTED_SHEET, readAcceptances, planAcceptanceSheet, mergeAcceptances, markAccepted, type AcceptanceSheetPlan } from './write/acceptance.js';
export { REPORT_SHEET, REPORT_TITLE, planReportSheet, isOurReportSheet, type ReportCell, type ReportStyle, type ReportSheetPlan } from './report/reportSheet.js';
export {
  REPORT_WORDS,
  reportDocument,
  level1Scores,
  findingCounts,
  acceptedText,
  orderedFindings,
  firstCell,
  type Level1Score,
  type ReportDocument,
  type ReportFact,
  type ReportFinding,
  type ReportTable,
} from './report/document.js';
export { PROFILES, isValidReservedPoints, type Profile, type ProfileName } from './profiles/profiles.js';
export { ConfigError, parseConfig, toConfigJson, type Config, type ConfigJson } from './profiles/config.js';
export * from './write/marks.js';
export * from './types.js';
export { checkedWith, templateOf, type CheckedWith } from './report/checkedWith.js';
export { SEVERITY_NAMES, TOPIC_NAMES, TOPICS, DIMENSION_NAMES, DIMENSIONS, STAGE_NAMES, langFromTag } from './report/labels.js';
