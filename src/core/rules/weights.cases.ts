// 权重: 一级 weights, their sum, 二级 weights and per-三级 分值.
// Each rule's valid and invalid cases for the harness (tester.ts), on sheets built directly
// (tables.ts, grids.ts); the first invalid case is the rule's example in docs/RULES.md.
import { ruleCases, type RuleCases } from './tester.js';
import { level1Missing, level1Sum, level2Missing, level2Sum, nationalDeparture, pointsInvalid, pointsSum } from './weights.js';
import { selfEvaluationForm, wholeSpendingForm } from '../../../test/helpers/published.js';
import { withRows } from '../../../test/helpers/grids.js';
import { rowsWith, snapshot, validRows, type RowSpec } from '../../../test/helpers/tables.js';

const l2Columns = ['l1', 'weight', 'l2', 'l2weight', 'name', 'type', 'value', 'unit', 'content', 'remark'] as const;
const l2Rows = (second: number): RowSpec[] =>
  validRows().map((r) => ({ ...r, l2weight: r.l2 ? ({ 预算收支管理: 5, 财会管理: second, 数量指标: 10, 质量指标: 10, 时效指标: 10, 社会效益: 15, 服务对象满意度: 15, 制度建设: 15, 改革创新: 15 } as Record<string, number>)[r.l2] : undefined }));
const pointsColumns = ['l1', 'weight', 'l2', 'name', 'points', 'type', 'value', 'unit', 'content', 'remark'] as const;
const pointsOf = [4, 3, 3, 10, 10, 10, 15, 15, 15, 15];
const l2Blank = l2Rows(5).map((r) => (r.l2 === '财会管理' ? { ...r, l2weight: null } : r));

export const weightsCases: RuleCases[] = [
  ruleCases(level1Missing, {
    valid: [
      { title: 'every 一级 has a positive weight', workbook: snapshot({}) },
      { title: 'weights written 「10%」 and 「30分」', workbook: snapshot({ rows: rowsWith(3, { weight: '30分' }).map((r, i) => (i === 0 ? { ...r, weight: '10%' } : r)) }) },
    ],
    invalid: [
      { title: 'a blank weight', workbook: snapshot({ rows: rowsWith(3, { weight: null }) }), errors: [{ messageId: 'missing', cells: ['B15'] }] },
      { title: 'a weight typed as words', workbook: snapshot({ rows: rowsWith(3, { weight: '三十' }) }), errors: [{ messageId: 'notNumber', cells: ['B15'], data: { name: '重点履职指标', text: '三十' } }] },
      { title: 'a zero weight', workbook: snapshot({ rows: rowsWith(0, { weight: 0 }) }), errors: [{ messageId: 'notNumber', cells: ['B12'] }] },
    ],
  }),
  ruleCases(level1Sum, {
    valid: [
      { title: 'weights total 100', workbook: snapshot({}) },
      { title: 'weights typed as text total 100', workbook: snapshot({ rows: rowsWith(0, { weight: '10' }) }) },
      { title: 'weights written 「10%」 and 「30分」 total 100', workbook: snapshot({ rows: rowsWith(3, { weight: '30分' }).map((r, i) => (i === 0 ? { ...r, weight: '10%' } : r)) }) },
      { title: '90 with 10 reserved points', workbook: snapshot({ rows: rowsWith(3, { weight: 20 }) }), options: { reservedPoints: 10 } },
      { title: '分值 60/30/10 add up to 100', workbook: snapshot(wholeSpendingForm()) },
      { title: 'labels 50/30/10 with 10 for 预算执行率 in the 项目资金 block', workbook: snapshot(selfEvaluationForm()) },
    ],
    invalid: [
      { title: 'weights total 90', workbook: snapshot({ rows: rowsWith(3, { weight: 20 }) }), errors: [{ messageId: 'notHundred', cells: ['B12', 'B15', 'B18', 'B20'], data: { sum: 90, expected: 100, reserved: 0, basis: 'weights' } }] },
      { title: 'reserved points change what is expected', workbook: snapshot({}), options: { reservedPoints: 10 }, errors: [{ messageId: 'notHundredLessReserved', cells: ['B12', 'B15', 'B18', 'B20'], data: { sum: 100, expected: 90, reserved: 10, basis: 'weights' } }] },
      { title: '分值 adding up to 95', workbook: snapshot(withRows(wholeSpendingForm(), (g) => { g[4][3] = 15; return g; })), errors: [{ messageId: 'notHundred', cells: ['D5', 'D11', 'D15'], data: { sum: 95, expected: 100, reserved: 0, basis: 'points' } }] },
    ],
  }),
  ruleCases(level2Sum, {
    valid: [
      { title: '二级 weights add up to the 一级 weight', workbook: snapshot({
        columns: [...l2Columns],
        rows: l2Rows(5),
      }) },
    ],
    invalid: [
      { title: '二级 weights 5 + 4 under a 10', workbook: snapshot({ columns: [...l2Columns], rows: l2Rows(4) }), errors: [{ messageId: 'level2Sum', cells: ['B12', 'D12', 'D14'], data: { name: '基本运行指标', sum: 9, weight: 10 } }] },
    ],
  }),
  ruleCases(pointsSum, {
    valid: [
      { title: 'per-三级 分值 add up to each 一级', workbook: snapshot({ columns: [...pointsColumns], rows: validRows().map((r, i) => ({ ...r, points: pointsOf[i] })) }) },
      // The table's own statements win over 10号's defaults.
      { title: '分值 60/30/10 without a 一级 weight column', workbook: snapshot(wholeSpendingForm()) },
    ],
    invalid: [
      { title: '分值 4 + 3 + 2 under a 10', workbook: snapshot({ columns: [...pointsColumns], rows: validRows().map((r, i) => ({ ...r, points: i === 2 ? 2 : pointsOf[i] })) }), errors: [{ messageId: 'pointsSum', cells: ['B12', 'E12', 'E13', 'E14'], data: { parent: '基本运行指标', sum: 9, weight: 10 } }] },
      { title: 'a label stating 50 over 分值 of 45', workbook: snapshot(withRows(selfEvaluationForm(), (g) => { g[11][6] = 15; return g; })), errors: [{ messageId: 'pointsSum', cells: ['G12', 'G14', 'G16'], data: { parent: '产出指标', sum: 45, weight: 50 } }] },
    ],
  }),
  ruleCases(pointsInvalid, {
    valid: [
      { title: 'every 分值 is a number', workbook: snapshot({ columns: [...pointsColumns], rows: validRows().map((r, i) => ({ ...r, points: pointsOf[i] })) }) },
    ],
    invalid: [
      { title: 'a 分值 left blank', workbook: snapshot({ columns: [...pointsColumns], rows: validRows().map((r, i) => ({ ...r, points: i === 1 ? null : pointsOf[i] })) }), errors: [{ messageId: 'pointsInvalid', cells: ['E13'] }] },
    ],
  }),
  ruleCases(level2Missing, {
    valid: [
      { title: 'every 二级 has its weight', workbook: snapshot({ columns: [...l2Columns], rows: l2Rows(5) }) },
    ],
    invalid: [
      { title: 'a blank 二级 weight in a 二级 weight column', workbook: snapshot({ columns: [...l2Columns], rows: l2Blank }), errors: [{ messageId: 'level2Missing', cells: ['D14'], data: { name: '财会管理' } }] },
    ],
  }),
  ruleCases(nationalDeparture, {
    valid: [
      { title: 'labels stating 50/30/10', workbook: snapshot(selfEvaluationForm()) },
    ],
    invalid: [
      { title: '分值 adding up to 60/30/10', workbook: snapshot(wholeSpendingForm()), errors: [{ messageId: 'nationalDeparture', cells: ['A5'], data: { list: '产出指标 60（建议 50）' } }] },
    ],
  }),
];
