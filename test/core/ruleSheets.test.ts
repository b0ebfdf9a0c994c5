// The rule cases' sheets are built directly (tables.ts, grids.ts) while other tests write the
// same specs into exceljs workbooks (workbooks.ts, layouts.ts): both must give the core the same
// workbook, or a rule case would test a table no file holds.
import { checkWorkbook } from '../../src/core/index.js';
import { snapshot, rowsWith, validRows, DEFAULT_COLUMNS, type TableSpec } from '../helpers/tables.js';
import { check } from '../helpers/workbooks.js';
import { executionBlockForm, projectTargetForm, selfEvaluationForm, wholeSpendingForm } from '../helpers/published.js';
import type { Layout } from '../helpers/grids.js';

const specs: [string, TableSpec | Layout][] = [
  ['the valid table', {}],
  ['no 权重 column', { columns: DEFAULT_COLUMNS.filter((c) => c !== 'weight') }],
  ['二级 weights and 分值', { columns: ['l1', 'weight', 'l2', 'l2weight', 'name', 'points', 'type', 'value', 'unit', 'content', 'remark'], rows: validRows().map((r) => ({ ...r, l2weight: r.l2 ? 5 : undefined, points: 3 })) }],
  ['year-end actuals, a 0% format', { columns: [...DEFAULT_COLUMNS.slice(0, 8), 'actual', 'deviation'], rows: rowsWith(0, { actual: 0.96, actualFormat: '0%' }) }],
  ['labels filled on every row', { layout: 'filled' }],
  ['no title, a formula total, a blank goal', { title: null, goal: '', budget: { basicTotal: { formula: 'D5+D6', result: 142.82 } } }],
  ['the 自评表', selfEvaluationForm()],
  ['the 整体支出 form', wholeSpendingForm()],
  ['the 预算执行情况 block', executionBlockForm(0)],
  ['the 项目绩效目标 form', projectTargetForm()],
];

test.each(specs)('%s: built directly, the core reads what exceljs would hand it', (_title, spec) => {
  const direct = checkWorkbook(snapshot(spec));
  expect(direct.tables.length).toBeGreaterThan(0);
  expect(direct).toEqual(check(spec));
});
