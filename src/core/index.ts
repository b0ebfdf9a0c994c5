// The core's public API: pure functions from a workbook snapshot to a report and write plans.
export { checkWorkbook, isOurSheet, NATIONAL_WEIGHTS } from './check.js';
export { planResults, planClear, type PlanOptions } from './write/plan.js';
export { parseValue } from './sheet/value.js';
export { rules } from './rules/index.js';
export { columnLetter, columnIndex, address, parseCell, parseRange, rangeAddress, type RangeRef } from './sheet/a1.js';
export { fixed2, roundCents } from './sheet/text.js';
export { ACCEPTED_SHEET, readAcceptances, planAcceptanceSheet, mergeAcceptances, markAccepted, type AcceptanceSheetPlan } from './write/acceptance.js';
export {
  REPORT_SHEET,
  REPORT_TITLE,
  REPORT_WORDS,
  planReportSheet,
  isOurReportSheet,
  level1Scores,
  findingCounts,
  acceptedText,
  orderedFindings,
  firstCell,
  type ReportCell,
  type ReportStyle,
  type ReportSheetPlan,
  type Level1Score,
} from './report/reportSheet.js';
export { PROFILES, ConfigError, parseConfig, toConfigJson, type Profile, type ProfileName, type Config, type ConfigJson } from './profiles/profiles.js';
export * from './write/marks.js';
export * from './types.js';
export { checkedWith, templateOf, type CheckedWith } from './report/checkedWith.js';
export { SEVERITY_NAMES, TOPIC_NAMES, TOPICS, DIMENSION_NAMES, DIMENSIONS, langFromTag } from './report/labels.js';
