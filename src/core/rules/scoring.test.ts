import { selfEvaluationForm } from '../../../test/helpers/published.js';
import { withRows } from '../../../test/helpers/layouts.js';
import { failing, passing } from '../../../test/helpers/ruleCases.js';
import { DEFAULT_COLUMNS, validRows, type RowSpec } from '../../../test/helpers/workbooks.js';

const yearEnd = [...DEFAULT_COLUMNS.slice(0, 8), 'actual', 'deviation', 'remark'] as typeof DEFAULT_COLUMNS;
// Actuals that meet every target of the valid rows.
const met = ['100%', 0, '达成年度指标', 9, 100, 2, '达成年度指标', 96, 100, 1];
const actuals = (patch: Record<number, Partial<RowSpec>> = {}): RowSpec[] => validRows().map((r, i) => ({ ...r, actual: met[i], ...(patch[i] ?? {}) }));

// Row i is sheet row 12 + i; 实际完成值 is column I, 偏差原因 column J.
describe('scoring rules (year-end)', () => {
  passing('scoring/actual-missing', 'every actual filled', { columns: yearEnd, rows: actuals() });
  failing('scoring/actual-missing', 'an actual left blank', { columns: yearEnd, rows: actuals({ 3: { actual: null } }) }, { cells: ['I15'] });

  passing('scoring/actual-not-number', 'actuals as text numbers and 0.96 formatted 0%', { columns: yearEnd, rows: actuals({ 7: { actual: 0.96, actualFormat: '0%' }, 3: { actual: '９' } }) });
  failing('scoring/actual-not-number', '基本完成 as a 定量 actual', { columns: yearEnd, rows: actuals({ 3: { actual: '基本完成' } }) }, { cells: ['I15'] });

  passing('scoring/actual-unit', 'same unit', { columns: yearEnd, rows: actuals() });
  failing('scoring/actual-unit', '9次 against 项', { columns: yearEnd, rows: actuals({ 3: { actual: '9次' } }) }, { cells: ['I15'] });

  passing('scoring/actual-unrecognised', 'the 定性 tiers', { columns: yearEnd, rows: actuals({ 2: { actual: '部分达成年度指标并具有一定效果', deviation: '制度尚在修订' } }) });
  failing('scoring/actual-unrecognised', 'free text for a 定性 actual', { columns: yearEnd, rows: actuals({ 2: { actual: '还行' } }) }, { cells: ['I14'] });

  passing('scoring/over-target', 'actual at target', { columns: yearEnd, rows: actuals() });
  failing('scoring/over-target', '12 项 against ≥8 (150 %)', { columns: yearEnd, rows: actuals({ 3: { actual: 12 } }) }, { cells: ['I15'], zh: /目标可能设定偏低/ });

  passing('scoring/deviation-missing', 'a shortfall explained', { columns: yearEnd, rows: actuals({ 3: { actual: 6, deviation: '两项工作推迟到下年' } }) });
  failing('scoring/deviation-missing', 'a shortfall without reason', { columns: yearEnd, rows: actuals({ 3: { actual: 6 } }) }, { cells: ['J15'] });

  passing('scoring/published-differs', 'a 自评表 whose 得分 the formulas give', withRows(selfEvaluationForm(), (g) => { g[20][7] = 8.62; return g; }));
  failing('scoring/published-differs', '得分 9 where the formulas give 8.62', selfEvaluationForm(), { count: 1, cells: ['H21'], zh: /表中得分为 9.00，按计分公式应为 8.62/ });
});
