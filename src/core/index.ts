// The core's public API: pure functions from a workbook snapshot to a report and write plans.
export { checkWorkbook } from './check.js';
export { planResults, planClear, type PlanOptions } from './plan.js';
export { parseValue } from './value.js';
export { rules } from './rules/index.js';
export { columnLetter, columnIndex, address, parseCell, parseRange } from './a1.js';
export * from './marks.js';
export * from './types.js';
