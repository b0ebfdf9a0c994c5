// 评分 (year-end): actuals, deviations and a 自评表's own 得分.
// Each rule's valid and invalid cases for the harness (tester.ts), on sheets built directly
// (tables.ts, grids.ts); the first invalid case is the rule's example in docs/RULES.md.
import { ruleCases, type RuleCases } from './tester.js';
import { actualMissing, actualNotNumber, actualUnit, actualUnrecognised, deviationMissing, overTarget, publishedDiffers } from './scoring.js';
import { selfEvaluationForm } from '../../../test/helpers/published.js';
import { withRows } from '../../../test/helpers/grids.js';
import { DEFAULT_COLUMNS, snapshot, validRows, type RowSpec } from '../../../test/helpers/tables.js';

const yearEnd = [...DEFAULT_COLUMNS.slice(0, 8), 'actual', 'deviation', 'remark'] as typeof DEFAULT_COLUMNS;
// Actuals that meet every target of the valid rows.
const met = ['100%', 0, '达成年度指标', 9, 100, 2, '达成年度指标', 96, 100, 1];
const actuals = (patch: Record<number, Partial<RowSpec>> = {}): RowSpec[] => validRows().map((r, i) => ({ ...r, actual: met[i], ...(patch[i] ?? {}) }));

// Row i is sheet row 12 + i; 实际完成值 is column I, 偏差原因 column J.

export const scoringCases: RuleCases[] = [
  ruleCases(actualMissing, {
    valid: [
      { title: 'every actual filled', workbook: snapshot({ columns: yearEnd, rows: actuals() }) },
    ],
    invalid: [
      { title: 'an actual left blank', workbook: snapshot({ columns: yearEnd, rows: actuals({ 3: { actual: null } }) }), errors: [{ messageId: 'actualMissing', cells: ['I15'] }] },
    ],
  }),
  ruleCases(actualNotNumber, {
    valid: [
      { title: 'actuals as text numbers and 0.96 formatted 0%', workbook: snapshot({ columns: yearEnd, rows: actuals({ 7: { actual: 0.96, actualFormat: '0%' }, 3: { actual: '９' } }) }) },
    ],
    invalid: [
      { title: '基本完成 as a 定量 actual', workbook: snapshot({ columns: yearEnd, rows: actuals({ 3: { actual: '基本完成' } }) }), errors: [{ messageId: 'actualNotNumber', cells: ['I15'] }] },
    ],
  }),
  ruleCases(actualUnit, {
    valid: [
      { title: 'same unit', workbook: snapshot({ columns: yearEnd, rows: actuals() }) },
    ],
    invalid: [
      { title: '9次 against 项', workbook: snapshot({ columns: yearEnd, rows: actuals({ 3: { actual: '9次' } }) }), errors: [{ messageId: 'unitMismatch', cells: ['I15'] }] },
    ],
  }),
  ruleCases(actualUnrecognised, {
    valid: [
      { title: 'the 定性 tiers', workbook: snapshot({ columns: yearEnd, rows: actuals({ 2: { actual: '部分达成年度指标并具有一定效果', deviation: '制度尚在修订' } }) }) },
    ],
    invalid: [
      { title: 'free text for a 定性 actual', workbook: snapshot({ columns: yearEnd, rows: actuals({ 2: { actual: '还行' } }) }), errors: [{ messageId: 'actualUnrecognised', cells: ['I14'] }] },
    ],
  }),
  ruleCases(overTarget, {
    valid: [
      { title: 'actual at target', workbook: snapshot({ columns: yearEnd, rows: actuals() }) },
    ],
    invalid: [
      { title: '12 项 against ≥8 (150 %)', workbook: snapshot({ columns: yearEnd, rows: actuals({ 3: { actual: 12 } }) }), errors: [{ messageId: 'overTarget', cells: ['I15'], data: { name: '核心服务工作完成项' } }] },
    ],
  }),
  ruleCases(deviationMissing, {
    valid: [
      { title: 'a shortfall explained', workbook: snapshot({ columns: yearEnd, rows: actuals({ 3: { actual: 6, deviation: '两项工作推迟到下年' } }) }) },
    ],
    invalid: [
      { title: 'a shortfall without reason', workbook: snapshot({ columns: yearEnd, rows: actuals({ 3: { actual: 6 } }) }), errors: [{ messageId: 'deviationMissing', cells: ['J15'] }] },
    ],
  }),
  ruleCases(publishedDiffers, {
    valid: [
      { title: 'a 自评表 whose 得分 the formulas give', workbook: snapshot(withRows(selfEvaluationForm(), (g) => { g[20][7] = 8.62; return g; })) },
    ],
    invalid: [
      { title: '得分 9 where the formulas give 8.62', workbook: snapshot(selfEvaluationForm()), errors: [{ messageId: 'publishedDiffers', cells: ['H21'], data: { name: '职工满意度', published: 9, ours: 8.62, note: '实际 77.6% / 目标 90% × 10.00 = 8.62' } }] },
    ],
  }),
];
