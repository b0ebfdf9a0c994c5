// 预算情况: amounts, parts and totals, the 项目资金 block, figures quoted in the text.
// Each rule's valid and invalid cases for the harness (tester.ts), on sheets built directly
// (tables.ts, grids.ts); the first invalid case is the rule's example in docs/RULES.md.
import { ruleCases, type RuleCases } from './tester.js';
import { amountInvalid, balance, basicSum, expenseMatch, expenseSum, fundsExecutionDiffers, fundsSum, fundsTotalBlank, goalAmount, incomeSum, indicatorAmount, totalBlank, transferInsideProject } from './budget.js';
import { executionBlockForm, selfEvaluationForm } from '../../../test/helpers/published.js';
import { withRows } from '../../../test/helpers/grids.js';
import { VALID_BUDGET, rowsWith, snapshot } from '../../../test/helpers/tables.js';

const budget = (patch: Partial<typeof VALID_BUDGET>) => ({ budget: { ...VALID_BUDGET, ...patch } });

// Cells of the builder's budget block: amounts in D5..D10 (spending) and F5..F9 (sources).

export const budgetCases: RuleCases[] = [
  ruleCases(amountInvalid, {
    valid: [
      { title: 'numbers, numeric text and blanks', workbook: snapshot(budget({ personnel: '130.40', transfer: null })) },
    ],
    invalid: [
      { title: 'text in an amount', workbook: snapshot(budget({ projectLocal: '待定' })), errors: [{ messageId: 'amountInvalid', cells: ['D8'], data: { key: 'projectLocal', raw: '待定' } }] },
      { title: 'a negative amount', workbook: snapshot(budget({ srcUpper: -1 })), errors: [{ messageId: 'amountInvalid', cells: ['F5'] }] },
    ],
  }),
  ruleCases(basicSum, {
    valid: [
      { title: '130.4 + 12.42 = 142.82', workbook: snapshot({}) },
      { title: 'total computed by a formula', workbook: snapshot(budget({ basicTotal: { formula: 'D5+D6', result: 142.82 } })) },
    ],
    invalid: [
      { title: '130.4 + 12.42 ≠ 140', workbook: snapshot(budget({ basicTotal: 140 })), errors: [{ messageId: 'partsDiffer', cells: ['D5', 'D6', 'D7'], data: { total: 'basicTotal', parts: ['personnel', 'publicUse'], sum: 142.82, value: 140 } }] },
    ],
  }),
  ruleCases(expenseSum, {
    valid: [
      { title: 'basic + project = total', workbook: snapshot({}) },
    ],
    invalid: [
      { title: 'total 150 for 152.82 of parts', workbook: snapshot(budget({ expenseTotal: 150, expenseBudgetTotal: 150, incomeTotal: 150, srcUpper: 7.18 })), errors: [{ messageId: 'partsDiffer', cells: ['D7', 'D8', 'D9', 'D10'] }] },
    ],
  }),
  ruleCases(transferInsideProject, {
    valid: [
      { title: 'no transfer', workbook: snapshot({}) },
    ],
    invalid: [
      { title: 'total holds only without the transfer', workbook: snapshot(budget({ transfer: 5 })), errors: [{ messageId: 'transferInProject', cells: ['D9', 'D10'] }] },
    ],
  }),
  ruleCases(incomeSum, {
    valid: [
      { title: 'sources add up', workbook: snapshot({}) },
    ],
    invalid: [
      { title: 'sources 10 + 142.82 ≠ 160', workbook: snapshot(budget({ incomeTotal: 160 })), errors: [{ messageId: 'partsDiffer', cells: ['F5', 'F6', 'F7', 'F8'] }] },
    ],
  }),
  ruleCases(expenseMatch, {
    valid: [
      { title: 'both 152.82', workbook: snapshot({}) },
    ],
    invalid: [
      { title: '支出合计 152.82 vs 支出预算合计 150', workbook: snapshot(budget({ expenseBudgetTotal: 150 })), errors: [{ messageId: 'notEqual', cells: ['D10', 'F9'] }] },
    ],
  }),
  ruleCases(balance, {
    valid: [
      { title: 'income = spending', workbook: snapshot({}) },
    ],
    invalid: [
      { title: 'income 152.82 vs spending budget 150', workbook: snapshot(budget({ expenseBudgetTotal: 150 })), errors: [{ messageId: 'notEqual', cells: ['F8', 'F9'] }] },
    ],
  }),
  ruleCases(totalBlank, {
    valid: [
      { title: 'totals filled', workbook: snapshot({}) },
      { title: 'everything blank', workbook: snapshot({ budget: { personnel: null, publicUse: null, basicTotal: null, projectLocal: null, expenseTotal: null, srcUpper: null, srcLocal: null, srcOther: null, incomeTotal: null, expenseBudgetTotal: null } }) },
    ],
    invalid: [
      { title: '支出合计 blank beside filled parts', workbook: snapshot(budget({ expenseTotal: null })), errors: [{ messageId: 'totalBlank', cells: ['D10'], data: { total: 'expenseTotal', sum: 152.82 } }] },
    ],
  }),
  ruleCases(goalAmount, {
    valid: [
      { title: 'goal names the total', workbook: snapshot({}) },
      { title: 'goal names a part (人员经费)', workbook: snapshot({ goal: '其中人员经费 130.4万元，保障运行。' }) },
    ],
    invalid: [
      { title: 'goal names 200万元', workbook: snapshot({ goal: '规范使用200万元财政资金。' }), errors: [{ messageId: 'goalAmount', cells: ['B3'], data: { quoted: 200, total: 152.82 } }] },
    ],
  }),
  ruleCases(indicatorAmount, {
    valid: [
      { title: '机关运行经费 5.52 万元 within 公用经费', workbook: snapshot({ rows: rowsWith(1, { remark: '机关运行经费（5.52 万元）不超支' }) }) },
    ],
    invalid: [
      { title: '机关运行经费 20 万元 above 公用经费 12.42', workbook: snapshot({ rows: rowsWith(1, { remark: '机关运行经费（20 万元）不超支' }) }), errors: [{ messageId: 'aboveLine', cells: ['I13'], data: { name: '“三公”经费控制率', quoted: 20, key: 'publicUse', limit: 12.42 } }] },
      { title: 'an amount above the whole budget', workbook: snapshot({ rows: rowsWith(4, { content: '投入 500万元' }) }), errors: [{ messageId: 'aboveTotal', cells: ['H16'], data: { name: '职工诉求办结率', quoted: 500, key: 'total', limit: 152.82 } }] },
    ],
  }),
  ruleCases(fundsSum, {
    valid: [
      { title: '总额 90 = 财政资金 80 + 财政专户管理资金 10', workbook: snapshot(executionBlockForm(90)) },
      { title: 'the 自评表 block, column by column', workbook: snapshot(selfEvaluationForm()) },
    ],
    invalid: [
      { title: '总额 0 beside parts of 90', workbook: snapshot(executionBlockForm(0)), errors: [{ messageId: 'partsDiffer', cells: ['C4', 'C5', 'C6', 'C7', 'C3'], data: { block: '预算执行情况', column: 'amount', total: '总额', parts: '财政资金 + 财政专户管理资金 + 单位资金 + 其他资金', sum: 90, value: 0 } }] },
      { title: '全年执行数 of the parts ≠ the total', workbook: snapshot(withRows(selfEvaluationForm(), (g) => { g[5][4] = 80; return g; })), errors: [{ messageId: 'partsDiffer', cells: ['E6', 'E7', 'E8', 'E5'], data: { block: '项目资金', column: 'executed', total: '年度资金总额', parts: '当年财政拨款 + 上年结转资金 + 其他资金', sum: 80, value: 85.5 } }] },
    ],
  }),
  ruleCases(fundsTotalBlank, {
    valid: [
      { title: 'a filled total', workbook: snapshot(executionBlockForm(90)) },
    ],
    invalid: [
      { title: 'a blank total', workbook: snapshot(executionBlockForm(null)), errors: [{ messageId: 'fundsTotalBlank', cells: ['C3'], data: { block: '预算执行情况', column: 'amount', total: '总额', parts: '财政资金 + 财政专户管理资金 + 单位资金 + 其他资金', sum: 90 } }] },
    ],
  }),
  ruleCases(fundsExecutionDiffers, {
    valid: [
      { title: '执行率 95% and 得分 9.5 as computed', workbook: snapshot(selfEvaluationForm()) },
    ],
    invalid: [
      { title: '执行率 given as 100%', workbook: snapshot(withRows(selfEvaluationForm(), (g) => { g[4][6] = 1; return g; })), errors: [{ messageId: 'rateDiffers', cells: ['G5'], data: { published: '100%', ours: '95%' } }] },
      { title: '得分 given as 10', workbook: snapshot(withRows(selfEvaluationForm(), (g) => { g[4][7] = 10; return g; })), errors: [{ messageId: 'scoreDiffers', cells: ['H5'], data: { published: '10.00', ours: '9.50' } }] },
    ],
  }),
];
